/**
 * A saga's state chart laid out for drawing (pure), top to bottom: states in layers by the longest path from
 * the initial state, so every arrow points down, side by side in an order taken from their predecessors; one
 * arrow per pair of states, labelled with its replies or "after 30 s". Which states hold an instance comes from the
 * orchestrator, so the chart marks where each saga is now.
 */
import type { Orchestrator, SagaDefinition } from '../../engine/saga';

export const BOX = { w: 150, h: 40, gapX: 60, gapY: 46, pad: 12, side: 150 } as const;

export interface ChartState {
  name: string;
  x: number;
  y: number;
  final: 'completed' | 'compensated' | null;
  /** Instances in this state now, in id order. */
  instances: string[];
  initial: boolean;
}

export interface ChartEdge {
  key: string;
  from: string;
  to: string;
  label: string;
  timeout: boolean;
  /** Path in chart coordinates. */
  d: string;
  /** Where its label goes, and which end of the text sits there. */
  lx: number;
  ly: number;
  anchor: 'start' | 'middle' | 'end';
}

export interface SagaChart {
  width: number;
  height: number;
  states: ChartState[];
  edges: ChartEdge[];
}

const targetsOf = (def: SagaDefinition, s: string) => {
  const node = def.states[s];
  return [...Object.values(node?.on ?? {}), ...(node?.after ? [node.after.target] : [])];
};

/**
 * Columns by the longest path from the initial state, so every arrow points right (a retry state sits
 * between the first try and what follows both); a definition with a cycle falls back to breadth-first depth.
 */
function columns(def: SagaDefinition): Map<string, number> {
  const names = Object.keys(def.states);
  const col = new Map<string, number>([[def.initial, 0]]);
  for (let round = 0; round <= names.length; round++) {
    let changed = false;
    for (const s of names) {
      const c = col.get(s);
      if (c === undefined) continue;
      for (const t of targetsOf(def, s))
        if ((col.get(t) ?? -1) < c + 1) {
          col.set(t, c + 1);
          changed = true;
        }
    }
    if (!changed) break;
    if (round === names.length) return breadthFirst(def);
  }
  const last = Math.max(0, ...col.values());
  for (const s of names) if (!col.has(s)) col.set(s, last + 1);
  return col;
}

function breadthFirst(def: SagaDefinition): Map<string, number> {
  const col = new Map<string, number>([[def.initial, 0]]);
  const queue = [def.initial];
  while (queue.length) {
    const s = queue.shift()!;
    for (const t of targetsOf(def, s))
      if (!col.has(t)) {
        col.set(t, col.get(s)! + 1);
        queue.push(t);
      }
  }
  const last = Math.max(0, ...col.values());
  for (const s of Object.keys(def.states)) if (!col.has(s)) col.set(s, last + 1);
  return col;
}

/** Slots within each layer: ordered by where their predecessors sit (fewer crossings), centred, then definition order. */
function rowsOf(def: SagaDefinition, col: Map<string, number>): Map<string, number> {
  const row = new Map<string, number>();
  const byCol = new Map<number, string[]>();
  for (const s of Object.keys(def.states)) byCol.set(col.get(s)!, [...(byCol.get(col.get(s)!) ?? []), s]);
  const tallest = Math.max(...[...byCol.values()].map((xs) => xs.length));
  for (const c of [...byCol.keys()].sort((a, b) => a - b)) {
    const xs = byCol.get(c)!;
    const centre = (s: string) => {
      const from = Object.keys(def.states).filter((p) => targetsOf(def, p).includes(s) && row.has(p));
      return from.length ? from.reduce((k, p) => k + row.get(p)!, 0) / from.length : 0;
    };
    const order = xs.map((s, i) => ({ s, i, c: centre(s) })).sort((a, b) => a.c - b.c || a.i - b.i);
    const offset = (tallest - xs.length) / 2;
    order.forEach((x, r) => row.set(x.s, r + offset));
  }
  return row;
}

export function layoutSagaChart(def: SagaDefinition, o: Orchestrator | undefined): SagaChart {
  const layer = columns(def);
  const slot = rowsOf(def, layer);
  const states: ChartState[] = Object.entries(def.states).map(([name, s]) => {
    const instances = Object.values(o?.instances ?? {})
      .filter((i) => i.state === name)
      .map((i) => i.instance)
      .sort();
    return {
      name,
      x: BOX.side + slot.get(name)! * (BOX.w + BOX.gapX),
      y: BOX.pad + layer.get(name)! * (BOX.h + BOX.gapY),
      final: s.type === 'final' ? (s.outcome ?? null) : null,
      instances,
      initial: name === def.initial,
    };
  });
  const at = new Map(states.map((s) => [s.name, s]));
  // One arrow per pair of states: a reply and a timeout to the same state share it, their labels joined.
  const pairs = new Map<string, { from: string; to: string; labels: string[]; timeouts: number }>();
  for (const [name, s] of Object.entries(def.states)) {
    const links = [
      ...Object.entries(s.on ?? {}).map(([reply, to]) => ({ to, label: reply, timeout: false })),
      ...(s.after ? [{ to: s.after.target, label: `after ${s.after.ms / 1000} s`, timeout: true }] : []),
    ];
    for (const l of links) {
      const key = `${name}>${l.to}`;
      const p = pairs.get(key) ?? { from: name, to: l.to, labels: [], timeouts: 0 };
      p.labels.push(l.label);
      if (l.timeout) p.timeouts++;
      pairs.set(key, p);
    }
  }
  const edges: ChartEdge[] = [];
  for (const [key, p] of pairs) {
    const a = at.get(p.from);
    const b = at.get(p.to);
    if (!a || !b) continue;
    edges.push({
      key,
      from: p.from,
      to: p.to,
      label: p.labels.join(' · '),
      timeout: p.timeouts === p.labels.length,
      ...path(a, b, layer.get(p.to)! - layer.get(p.from)!),
    });
  }
  const width = Math.max(...states.map((s) => s.x + BOX.w)) + BOX.side;
  const height = Math.max(...states.map((s) => s.y + BOX.h)) + BOX.pad;
  return { width, height, states, edges };
}

/**
 * Top to bottom. To the next layer: from the bottom of one box to the top of the other. Further down: from
 * the side of the box towards the target, so the arrow passes beside the states in between, not through them.
 */
function path(a: ChartState, b: ChartState, down: number): Pick<ChartEdge, 'd' | 'lx' | 'ly' | 'anchor'> {
  const ac = a.x + BOX.w / 2;
  const bc = b.x + BOX.w / 2;
  if (down <= 1) {
    const y1 = a.y + BOX.h;
    const y2 = b.y;
    const my = (y1 + y2) / 2;
    // A slanted arrow's label sits three quarters of the way down, on its outer side: two arrows leaving one
    // box keep their labels apart.
    const lx = 0.16 * ac + 0.84 * bc;
    return {
      d: `M${ac},${y1} C${ac},${my} ${bc},${my} ${bc},${y2}`,
      lx: ac === bc ? ac + 6 : bc < ac ? lx - 4 : lx + 4,
      ly: ac === bc ? my + 4 : 0.02 * y1 + 0.56 * my + 0.42 * y2 + 4,
      anchor: ac === bc ? 'start' : bc < ac ? 'end' : 'start',
    };
  }
  const left = bc <= ac;
  const x1 = left ? a.x : a.x + BOX.w;
  const y1 = a.y + BOX.h / 2;
  const y2 = b.y;
  return {
    d: `M${x1},${y1} C${bc},${y1} ${bc},${y1 + 10} ${bc},${y2}`,
    lx: left ? bc - 6 : bc + 6,
    ly: (y1 + y2) / 2 + 4,
    anchor: left ? 'end' : 'start',
  };
}
