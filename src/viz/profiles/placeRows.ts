/**
 * Places a profile's diagram: rows top to bottom, boxes of one row side by side and centred, arrows as
 * curves from the bottom of one box to the top of the next (upward and sideways arrows — a dead letter
 * going back to an exchange — leave from the top or the side). It lays out at the width it is given (the
 * column's, measured by the component), so text keeps its size: a row with more boxes than fit wraps onto
 * the next line.
 */
import type { DiagramSpec, EdgeSpec, PlacedEdge, PlacedNode, ProfileDiagram } from './diagramTypes';

export const NODE_W = 136;
const GAP_X = 8;
const ROW_GAP = 44;
const PAD = 10;
/** The width used before the component has measured its column (and in tests). */
export const DEFAULT_WIDTH = 440;
export const TITLE_H = 20;
export const LINE_H = 14;

/** Characters that fit a box's width: a title (12px bold) and a line (10.5px) take about 7 and 5.8 px each. */
export const TITLE_CHARS = Math.floor((NODE_W - 14) / 7);
export const LINE_CHARS = Math.floor((NODE_W - 14) / 5.8);

export const nodeHeight = (lines: number, stepLines: number): number =>
  TITLE_H + lines * LINE_H + (stepLines > 0 ? stepLines * LINE_H + 6 : 0) + 8;

/** The step's words ("2 in · 2 delivered · 1 acked") broken at the dots into lines that fit a box. */
export function wrapStep(step: string | null): string[] {
  if (step === null) return [];
  const out: string[] = [];
  for (const part of step.split(' · ')) {
    const last = out.length - 1;
    if (last >= 0 && out[last]!.length + 3 + part.length <= LINE_CHARS - 2) out[last] = `${out[last]} · ${part}`;
    else out.push(part);
  }
  return out;
}

export function placeRows(spec: DiagramSpec, available = DEFAULT_WIDTH): ProfileDiagram {
  const perLine = Math.max(1, Math.floor((available - 2 * PAD + GAP_X) / (NODE_W + GAP_X)));
  const width = Math.max(available, NODE_W + 2 * PAD);
  const rows = [...new Set(spec.nodes.map((n) => n.row))].sort((a, b) => a - b);
  const lines = rows.flatMap((r) =>
    chunk(
      spec.nodes.filter((n) => n.row === r),
      perLine,
    ),
  );
  const nodes: PlacedNode[] = [];
  let y = PAD;
  lines.forEach((inLine, line) => {
    const h = Math.max(...inLine.map((n) => nodeHeight(n.lines.length, wrapStep(n.step).length)));
    const total = inLine.length * NODE_W + (inLine.length - 1) * GAP_X;
    let x = (width - total) / 2;
    for (const n of inLine) {
      nodes.push({ ...n, line, stepLines: wrapStep(n.step), x, y, w: NODE_W, h });
      x += NODE_W + GAP_X;
    }
    y += h + ROW_GAP;
  });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges: PlacedEdge[] = [];
  for (const e of spec.edges) {
    const a = byId.get(e.from);
    const b = byId.get(e.to);
    if (a && b) edges.push(curve(e, a, b));
  }
  const height = nodes.length === 0 ? 60 : y - ROW_GAP + PAD;
  return { width, height, nodes, edges, title: `${spec.name}: diagram`, description: describe(spec, edges) };
}

function curve(e: EdgeSpec, a: PlacedNode, b: PlacedNode): PlacedEdge {
  let p0: [number, number], p3: [number, number], c1: [number, number], c2: [number, number];
  if (b.line !== a.line) {
    const down = b.line > a.line;
    p0 = [a.x + a.w / 2, down ? a.y + a.h : a.y];
    p3 = [b.x + b.w / 2, down ? b.y : b.y + b.h];
    const bend = (p3[1] - p0[1]) / 2;
    c1 = [p0[0], p0[1] + bend];
    c2 = [p3[0], p3[1] - bend];
  } else {
    const right = b.x > a.x;
    p0 = [right ? a.x + a.w : a.x, a.y + a.h / 2];
    p3 = [right ? b.x : b.x + b.w, b.y + b.h / 2];
    c1 = [(p0[0] + p3[0]) / 2, p0[1]];
    c2 = [(p0[0] + p3[0]) / 2, p3[1]];
  }
  // The label sits at t = 0.7, nearer the arrow's end: arrows leaving one exchange for several queues
  // start together, and their keys would overlap at the middle.
  const t = 0.7;
  const mid = (i: 0 | 1) =>
    (1 - t) ** 3 * p0[i] + 3 * (1 - t) ** 2 * t * c1[i] + 3 * (1 - t) * t ** 2 * c2[i] + t ** 3 * p3[i];
  const f = (p: [number, number]) => `${round(p[0])},${round(p[1])}`;
  return {
    ...e,
    id: `${e.from}->${e.to}`,
    d: `M${f(p0)} C${f(c1)} ${f(c2)} ${f(p3)}`,
    labelX: round(mid(0)),
    labelY: round(mid(1)),
  };
}

const chunk = <T>(xs: readonly T[], n: number): T[][] =>
  Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

const round = (n: number) => Math.round(n * 10) / 10;

/** Every box's counts, then what moved in this step: the diagram told as text for a screen reader. */
function describe(spec: DiagramSpec, edges: readonly PlacedEdge[]): string {
  if (spec.nodes.length === 0) return spec.summary;
  const title = new Map(spec.nodes.map((n) => [n.id, n.title]));
  const boxes = spec.nodes.map((n) => `${n.title}: ${n.lines.join(', ') || 'no messages'}.`);
  const touched = spec.nodes.filter((n) => n.step !== null).map((n) => `${n.title}: ${n.step}`);
  const moved = edges
    .filter((e) => e.hot)
    .map((e) => `${title.get(e.from)} → ${title.get(e.to)}${e.label ? ` (${e.label})` : ''}`);
  const step =
    touched.length === 0
      ? 'Nothing moved here in this step.'
      : `In this step: ${touched.join('; ')}.${moved.length > 0 ? ` Moved along ${moved.join(', ')}.` : ''}`;
  return `${spec.summary} ${boxes.join(' ')} ${step}`.trim();
}
