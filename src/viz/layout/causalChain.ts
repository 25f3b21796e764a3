/**
 * An event's causal chain as a small graph: its parents (following causationId up to the root, and
 * the command or outside cause that started it), the event, and its children (events whose
 * causationId is this event); events sharing its correlation id are listed as siblings.
 * D3 computes the positions and the edge paths; React renders them.
 */
import { scalePoint } from 'd3-scale';
import { linkVertical } from 'd3-shape';
import type { RecordedEvent } from '../../engine/types';

export interface EventIndex {
  byId: ReadonlyMap<string, RecordedEvent>;
  childrenOf: ReadonlyMap<string, readonly RecordedEvent[]>;
  byCorrelation: ReadonlyMap<string, readonly RecordedEvent[]>;
}

export function indexEvents(events: readonly RecordedEvent[]): EventIndex {
  const byId = new Map<string, RecordedEvent>();
  const childrenOf = new Map<string, RecordedEvent[]>();
  const byCorrelation = new Map<string, RecordedEvent[]>();
  const push = (m: Map<string, RecordedEvent[]>, k: string | undefined, e: RecordedEvent) => {
    if (k) m.set(k, [...(m.get(k) ?? []), e]);
  };
  for (const e of events) {
    byId.set(e.eventId, e);
    if (e.metadata?.causationId !== e.eventId) push(childrenOf, e.metadata?.causationId, e);
    push(byCorrelation, e.metadata?.correlationId, e);
  }
  return { byId, childrenOf, byCorrelation };
}

export type ChainRole = 'origin' | 'ancestor' | 'selected' | 'child';

export interface ChainNodeVM {
  key: string;
  /** The event to select, or null for the origin (a command or an outside cause). */
  eventId: string | null;
  role: ChainRole;
  label: string;
  sub: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ChainEdgeVM {
  key: string;
  d: string;
}

export interface CausalChainModel {
  width: number;
  height: number;
  nodes: ChainNodeVM[];
  edges: ChainEdgeVM[];
  /** Events with the same correlation id that are not drawn in the chain. */
  siblings: RecordedEvent[];
  /** Parent count (events above the selected one, origin excluded) and children count. */
  parents: number;
  children: number;
}

export const NODE_W = 150;
export const NODE_H = 40;
const ROW = 66;
const MAX_DEPTH = 12;
const MIN_WIDTH = 2 * NODE_W + 32;

const eventSub = (e: RecordedEvent) => `#${e.position} · ${e.streamId} r${e.revision}`;

export function layoutCausalChain(index: EventIndex, eventId: string): CausalChainModel | null {
  const selected = index.byId.get(eventId);
  if (!selected) return null;

  // Walk up: each parent is the event named by the causationId, until none is in the store.
  const ancestors: RecordedEvent[] = [];
  let cursor = selected;
  const seen = new Set([selected.eventId]);
  while (ancestors.length < MAX_DEPTH) {
    const parent = cursor.metadata?.causationId ? index.byId.get(cursor.metadata.causationId) : undefined;
    if (!parent || seen.has(parent.eventId)) break;
    seen.add(parent.eventId);
    ancestors.unshift(parent);
    cursor = parent;
  }
  const root = ancestors[0] ?? selected;
  const rootCause = root.metadata?.causationId;
  const origin =
    rootCause && rootCause !== root.eventId && !index.byId.has(rootCause)
      ? root.metadata?.commandId === rootCause
        ? {
            label: `command ${String(root.metadata?.commandType ?? '')}`.trim(),
            sub: `by ${String(root.metadata?.producer ?? 'unknown')}`,
          }
        : { label: 'outside cause', sub: `id ${rootCause.slice(0, 8)}…` }
      : null;
  const children = (index.childrenOf.get(selected.eventId) ?? []).filter((c) => !seen.has(c.eventId));

  const width = Math.max(MIN_WIDTH, children.length * (NODE_W + 16) + 16);
  const cx = width / 2;
  const nodes: ChainNodeVM[] = [];
  let y = 6;
  const column = (n: Omit<ChainNodeVM, 'x' | 'y' | 'width' | 'height'>) => {
    nodes.push({ ...n, x: cx - NODE_W / 2, y, width: NODE_W, height: NODE_H });
    y += ROW;
  };
  if (origin) column({ key: 'origin', eventId: null, role: 'origin', ...origin });
  for (const a of ancestors)
    column({ key: a.eventId, eventId: a.eventId, role: 'ancestor', label: a.eventType, sub: eventSub(a) });
  column({
    key: selected.eventId,
    eventId: selected.eventId,
    role: 'selected',
    label: selected.eventType,
    sub: eventSub(selected),
  });

  const spread = scalePoint<string>()
    .domain(children.map((c) => c.eventId))
    .range([NODE_W / 2 + 8, width - NODE_W / 2 - 8])
    .padding(0);
  for (const c of children) {
    const x = children.length === 1 ? cx : spread(c.eventId)!;
    nodes.push({
      key: c.eventId,
      eventId: c.eventId,
      role: 'child',
      label: c.eventType,
      sub: eventSub(c),
      x: x - NODE_W / 2,
      y,
      width: NODE_W,
      height: NODE_H,
    });
  }
  const height = (children.length ? y + NODE_H : y - ROW + NODE_H) + 6;

  const link = linkVertical<{ source: [number, number]; target: [number, number] }, [number, number]>();
  const bottom = (n: ChainNodeVM): [number, number] => [n.x + n.width / 2, n.y + n.height];
  const top = (n: ChainNodeVM): [number, number] => [n.x + n.width / 2, n.y];
  const edges: ChainEdgeVM[] = [];
  const columnNodes = nodes.filter((n) => n.role !== 'child');
  for (let i = 1; i < columnNodes.length; i++)
    edges.push({
      key: `${columnNodes[i - 1]!.key}>${columnNodes[i]!.key}`,
      d: link({ source: bottom(columnNodes[i - 1]!), target: top(columnNodes[i]!) }) ?? '',
    });
  const sel = columnNodes[columnNodes.length - 1]!;
  for (const c of nodes.filter((n) => n.role === 'child'))
    edges.push({ key: `${sel.key}>${c.key}`, d: link({ source: bottom(sel), target: top(c) }) ?? '' });

  const drawn = new Set(nodes.flatMap((n) => (n.eventId ? [n.eventId] : [])));
  const correlation = selected.metadata?.correlationId;
  const siblings = (correlation ? (index.byCorrelation.get(correlation) ?? []) : []).filter(
    (e) => !drawn.has(e.eventId),
  );
  return { width, height, nodes, edges, siblings, parents: ancestors.length, children: children.length };
}
