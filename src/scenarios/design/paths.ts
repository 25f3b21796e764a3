/**
 * Immutable edits of a scenario draft addressed by path (`['topology', 'topics', 0, 'name']`).
 * The design editor works on drafts that may not validate yet (a name still blank), so these
 * functions accept any JSON and never throw on a missing branch: they create it.
 */
import { formatPath } from '../parse';

export type PathPart = string | number;
export type Path = readonly PathPart[];
export type Doc = Record<string, unknown>;

/** The same text as validation and lint paths (`topology.topics[0].name`), so messages find their field. */
export const pathKey = (path: Path): string => formatPath(path);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function getIn(doc: unknown, path: Path): unknown {
  let v: unknown = doc;
  for (const part of path) {
    if (typeof part === 'number') v = Array.isArray(v) ? v[part] : undefined;
    else v = isRecord(v) && Object.hasOwn(v, part) ? v[part] : undefined;
    if (v === undefined) return undefined;
  }
  return v;
}

/** Sets `value` at `path`; `undefined` removes an object key (optional fields left blank disappear). */
export function setIn(doc: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (typeof head === 'number') {
    const list = Array.isArray(doc) ? [...doc] : [];
    list[head] = setIn(list[head], rest, value);
    return list;
  }
  const base = isRecord(doc) ? doc : {};
  const next = setIn(Object.hasOwn(base, head!) ? base[head!] : undefined, rest, value);
  // Rebuilt from entries (never a spread of raw keys into a literal) so key order is kept and no key is special.
  const entries = Object.entries(base)
    .filter(([k]) => k !== head || next !== undefined)
    .map(([k, v]): [string, unknown] => (k === head ? [k, next] : [k, v]));
  if (!Object.hasOwn(base, head!) && next !== undefined) entries.push([head!, next]);
  return Object.fromEntries(entries);
}

const listAt = (doc: unknown, path: Path): unknown[] => {
  const v = getIn(doc, path);
  return Array.isArray(v) ? v : [];
};

export const insertAt = (doc: unknown, path: Path, index: number, item: unknown): unknown => {
  const list = [...listAt(doc, path)];
  list.splice(Math.max(0, Math.min(index, list.length)), 0, item);
  return setIn(doc, path, list);
};

export const append = (doc: unknown, path: Path, item: unknown): unknown =>
  insertAt(doc, path, Number.MAX_SAFE_INTEGER, item);

/** Removes item `index`; an optional list left empty is removed too when `dropEmpty` is set. */
export function removeAt(doc: unknown, path: Path, index: number, dropEmpty = false): unknown {
  const list = listAt(doc, path).filter((_, i) => i !== index);
  return setIn(doc, path, dropEmpty && list.length === 0 ? undefined : list);
}

/** Moves item `from` by `delta` places (−1 up, +1 down); out of range is a no-op. */
export function moveItem(doc: unknown, path: Path, from: number, delta: number): unknown {
  const list = [...listAt(doc, path)];
  const to = from + delta;
  if (from < 0 || from >= list.length || to < 0 || to >= list.length) return doc;
  const [item] = list.splice(from, 1);
  list.splice(to, 0, item);
  return setIn(doc, path, list);
}
