/**
 * Two small persistent (immutable, structurally shared) collections for values that grow with a run:
 * an append-only vector and a string-keyed hash map. An update copies one path of at most 32-slot
 * nodes (O(log₃₂ n)) and shares everything else, so a run of n steps costs O(n log n), not O(n²),
 * and every earlier version stays valid and unchanged (snapshots keep them).
 */

const BITS = 5;
const WIDTH = 1 << BITS;
const MASK = WIDTH - 1;

// ---------------------------------------------------------------------------------------------
// Vector: a 32-ary trie of full leaves plus a tail of 1–32 elements (Clojure's PersistentVector).
// ---------------------------------------------------------------------------------------------

type VNode = readonly unknown[];

export interface PVec<T> {
  readonly size: number;
  /** Bits consumed above the leaves (5 = the root's children are leaves). */
  readonly shift: number;
  readonly root: VNode;
  readonly tail: readonly T[];
}

const EMPTY_VEC: PVec<never> = Object.freeze({
  size: 0,
  shift: BITS,
  root: Object.freeze([]) as VNode,
  tail: Object.freeze([]) as readonly never[],
});

export const emptyVec = <T>(): PVec<T> => EMPTY_VEC as PVec<T>;

const newPath = (level: number, node: VNode): VNode => (level === 0 ? node : [newPath(level - BITS, node)]);

/** `count`: elements before the push (the tail is full). */
function pushTail(count: number, level: number, parent: VNode, tail: VNode): VNode {
  const sub = ((count - 1) >>> level) & MASK;
  const copy = parent.slice();
  if (level === BITS) copy[sub] = tail;
  else {
    const child = parent[sub] as VNode | undefined;
    copy[sub] = child ? pushTail(count, level - BITS, child, tail) : newPath(level - BITS, tail);
  }
  return copy;
}

/** Moves a full tail into the trie; `tail` (1–32 elements) becomes the new tail. */
function pushFullTail<T>(v: PVec<T>, tail: readonly T[]): PVec<T> {
  let root: VNode;
  let shift = v.shift;
  if (v.size >>> BITS > 1 << shift) {
    root = [v.root, newPath(shift, v.tail)];
    shift += BITS;
  } else root = pushTail(v.size, shift, v.root, v.tail);
  return { size: v.size + tail.length, shift, root, tail };
}

export function vecPush<T>(v: PVec<T>, x: T): PVec<T> {
  if (v.tail.length < WIDTH) return { size: v.size + 1, shift: v.shift, root: v.root, tail: [...v.tail, x] };
  return pushFullTail(v, [x]);
}

/** Appends many elements at once: one copy per 32 of them (a bulk produce of a million records stays cheap). */
export function vecAppendAll<T>(v: PVec<T>, xs: readonly T[]): PVec<T> {
  if (xs.length === 0) return v;
  let i = Math.min(WIDTH - v.tail.length, xs.length);
  let out: PVec<T> =
    i > 0 ? { size: v.size + i, shift: v.shift, root: v.root, tail: v.tail.concat(xs.slice(0, i)) } : v;
  while (i < xs.length) {
    const next = xs.slice(i, i + WIDTH);
    out = pushFullTail(out, next);
    i += next.length;
  }
  return out;
}

/** The leaf array holding index i (i < size). */
function leafFor<T>(v: PVec<T>, i: number): readonly T[] {
  if (i >= v.size - v.tail.length) return v.tail;
  let node = v.root;
  for (let level = v.shift; level > 0; level -= BITS) node = node[(i >>> level) & MASK] as VNode;
  return node as readonly T[];
}

export function vecGet<T>(v: PVec<T>, i: number): T | undefined {
  if (!Number.isInteger(i) || i < 0 || i >= v.size) return undefined;
  return leafFor(v, i)[i & MASK];
}

/** Elements from index `from` (inclusive) to `to` (exclusive), in order. */
export function vecSlice<T>(v: PVec<T>, from = 0, to = v.size): T[] {
  const out: T[] = [];
  const end = Math.min(to, v.size);
  for (let i = Math.max(0, from); i < end;) {
    const leaf = leafFor(v, i);
    const stop = Math.min(end, i - (i & MASK) + leaf.length);
    for (let j = i & MASK; i < stop; i++, j++) out.push(leaf[j]!);
  }
  return out;
}

export const vecToArray = <T>(v: PVec<T>): T[] => vecSlice(v);

export function vecFrom<T>(xs: Iterable<T>): PVec<T> {
  let v = emptyVec<T>();
  for (const x of xs) v = vecPush(v, x);
  return v;
}

// ---------------------------------------------------------------------------------------------
// Map: a hash array mapped trie keyed by strings (FNV-1a), 32 slots per node, collisions in a list.
// ---------------------------------------------------------------------------------------------

interface Leaf<V> {
  readonly k: string;
  readonly h: number;
  readonly v: V;
}
interface Collision<V> {
  readonly h: number;
  readonly all: readonly Leaf<V>[];
}
type Slot<V> = Leaf<V> | Collision<V> | MNode<V> | undefined;
type MNode<V> = readonly Slot<V>[];

export interface PMap<V> {
  readonly size: number;
  readonly root: MNode<V>;
}

const EMPTY_MAP: PMap<never> = Object.freeze({ size: 0, root: Object.freeze([]) as MNode<never> });

export const emptyMap = <V>(): PMap<V> => EMPTY_MAP as PMap<V>;

export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const isNode = <V>(s: Slot<V>): s is MNode<V> => Array.isArray(s);
const isCollision = <V>(s: Slot<V>): s is Collision<V> => s !== undefined && !Array.isArray(s) && 'all' in s;

/** A node holding two leaves/collisions with different hashes, split from `shift` on. */
function merge<V>(a: Leaf<V> | Collision<V>, b: Leaf<V>, shift: number): MNode<V> {
  const node: Slot<V>[] = [];
  const ia = (a.h >>> shift) & MASK;
  const ib = (b.h >>> shift) & MASK;
  if (ia !== ib) {
    node[ia] = a;
    node[ib] = b;
  } else node[ia] = merge(a, b, shift + BITS);
  return node;
}

/** Returns the new node and whether a key was added (not replaced). */
function put<V>(node: MNode<V>, leaf: Leaf<V>, shift: number): [MNode<V>, boolean] {
  const i = (leaf.h >>> shift) & MASK;
  const slot = node[i];
  const copy = node.slice();
  let added = true;
  if (slot === undefined) copy[i] = leaf;
  else if (isNode(slot)) [copy[i], added] = put(slot, leaf, shift + BITS);
  else if (isCollision(slot)) {
    if (slot.h === leaf.h) {
      const at = slot.all.findIndex((l) => l.k === leaf.k);
      added = at < 0;
      copy[i] = { h: slot.h, all: at < 0 ? [...slot.all, leaf] : slot.all.map((l, j) => (j === at ? leaf : l)) };
    } else copy[i] = merge(slot, leaf, shift + BITS);
  } else if (slot.k === leaf.k) {
    copy[i] = leaf;
    added = false;
  } else if (slot.h === leaf.h) copy[i] = { h: leaf.h, all: [slot, leaf] };
  else copy[i] = merge(slot, leaf, shift + BITS);
  return [copy, added];
}

export function mapSet<V>(m: PMap<V>, key: string, value: V): PMap<V> {
  const [root, added] = put(m.root, { k: key, h: hashString(key), v: value }, 0);
  return { size: m.size + (added ? 1 : 0), root };
}

export function mapGet<V>(m: PMap<V>, key: string): V | undefined {
  const h = hashString(key);
  let slot: Slot<V> = m.root;
  for (let shift = 0; ; shift += BITS) {
    if (slot === undefined) return undefined;
    if (isNode(slot)) {
      slot = slot[(h >>> shift) & MASK];
      continue;
    }
    if (isCollision(slot)) return slot.all.find((l) => l.k === key)?.v;
    return slot.k === key ? slot.v : undefined;
  }
}

export const mapHas = <V>(m: PMap<V>, key: string): boolean => mapGet(m, key) !== undefined;

/** Every key of the map (in hash order, not insertion order). */
export function mapKeys<V>(m: PMap<V>): string[] {
  const out: string[] = [];
  const walk = (slot: Slot<V>): void => {
    if (slot === undefined) return;
    if (isNode(slot)) for (const s of slot) walk(s);
    else if (isCollision(slot)) for (const l of slot.all) out.push(l.k);
    else out.push(slot.k);
  };
  walk(m.root);
  return out;
}
