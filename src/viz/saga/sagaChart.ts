/**
 * A saga's state chart laid out for drawing (pure): states in columns by the longest path from the initial
 * state, so arrows point right, and in rows ordered by their predecessors; one arrow
 * per transition, labelled with its reply or "after 30 s". Which states hold an instance comes from the
 * orchestrator, so the chart marks where each saga is now.
 */
import type { Orchestrator, SagaDefinition } from '../../engine/saga';

export const BOX = { w: 140, h: 40, gapX: 110, gapY: 30, pad: 12 } as const;

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
  /** Where its label goes: the middle of the path. */
  lx: number;
  ly: number;
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

/** Rows within each column: ordered by where their predecessors sit (fewer crossings), then definition order. */
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
  const col = columns(def);
  const row = rowsOf(def, col);
  const states: ChartState[] = Object.entries(def.states).map(([name, s]) => {
    const c = col.get(name)!;
    const r = row.get(name)!;
    const instances = Object.values(o?.instances ?? {})
      .filter((i) => i.state === name)
      .map((i) => i.instance)
      .sort();
    return {
      name,
      x: BOX.pad + c * (BOX.w + BOX.gapX),
      y: BOX.pad + r * (BOX.h + BOX.gapY),
      final: s.type === 'final' ? (s.outcome ?? null) : null,
      instances,
      initial: name === def.initial,
    };
  });
  const at = new Map(states.map((s) => [s.name, s]));
  const edges: ChartEdge[] = [];
  for (const [name, s] of Object.entries(def.states)) {
    const links = [
      ...Object.entries(s.on ?? {}).map(([reply, to]) => ({ to, label: reply, timeout: false })),
      ...(s.after ? [{ to: s.after.target, label: `after ${s.after.ms / 1000} s`, timeout: true }] : []),
    ];
    for (const l of links) {
      const a = at.get(name);
      const b = at.get(l.to);
      if (!a || !b) continue;
      edges.push({
        key: `${name}>${l.to}:${l.label}`,
        from: name,
        to: l.to,
        label: l.label,
        timeout: l.timeout,
        ...path(a, b),
      });
    }
  }
  const width = Math.max(...states.map((s) => s.x + BOX.w)) + BOX.pad;
  const height = Math.max(...states.map((s) => s.y + BOX.h)) + BOX.pad;
  return { width, height, states, edges };
}

/** From the right side of one box to the left side of the other (or along the column when they share one). */
function path(a: ChartState, b: ChartState): { d: string; lx: number; ly: number } {
  if (a.x === b.x) {
    const x = a.x + BOX.w / 2;
    const [y1, y2] = a.y < b.y ? [a.y + BOX.h, b.y] : [a.y, b.y + BOX.h];
    return { d: `M${x},${y1} L${x},${y2}`, lx: x, ly: (y1 + y2) / 2 };
  }
  const forward = b.x > a.x;
  const x1 = forward ? a.x + BOX.w : a.x;
  const x2 = forward ? b.x : b.x + BOX.w;
  const y1 = a.y + BOX.h / 2;
  const y2 = b.y + BOX.h / 2;
  const mid = (x1 + x2) / 2;
  return { d: `M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}`, lx: mid, ly: (y1 + y2) / 2 };
}
