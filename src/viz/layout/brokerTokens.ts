/** Records in flight for this step's effects: emitter → cell (produce), then cell → member (fetch). */
import { interpolateNumber } from 'd3-interpolate';
import type { Effect } from '../../engine/types';
import { CELL_H, link, TOPIC_X } from './brokerGeometry';
import type { EmitterVM, GroupVM, Point, TokenVM, TopicVM } from './brokerTypes';
import { PRODUCER_COLOUR } from './palette';
import { effectIndices } from './brokerStages';

/** A point along a token's curve at t ∈ [0, 1] (cubic Bézier, as the SVG path draws it). */
export function tokenPoint(t: TokenVM, u: number): Point {
  const lerp = (a: Point, b: Point) => ({ x: interpolateNumber(a.x, b.x)(u), y: interpolateNumber(a.y, b.y)(u) });
  const a = lerp(t.from, t.c1);
  const b = lerp(t.c1, t.c2);
  const c = lerp(t.c2, t.to);
  const d = lerp(a, b);
  const e = lerp(b, c);
  return lerp(d, e);
}

function makeToken(
  id: string,
  kind: TokenVM['kind'],
  from: Point,
  to: Point,
  colour: string,
  label: string,
  index: number,
): TokenVM {
  const mx = (from.x + to.x) / 2;
  return {
    id,
    kind,
    from,
    to,
    c1: { x: mx, y: from.y },
    c2: { x: mx, y: to.y },
    d: link({ source: from, target: to }) ?? '',
    colour,
    label,
    index,
  };
}

export interface TokensInput {
  effects: readonly Effect[];
  topics: readonly TopicVM[];
  producers: readonly EmitterVM[];
  groups: readonly GroupVM[];
  cellW: number;
  /** Which effects travel now: produce tokens during their `send` stage, fetch tokens during `fetch` (default: all). */
  flying?: (effectIndex: number, kind: 'send' | 'fetch') => boolean;
}

export function layoutTokens({ effects, topics, producers, groups, cellW, flying }: TokensInput): TokenVM[] {
  const tokens: TokenVM[] = [];
  const cellCentre = (topic: string, partition: number, offset: number): Point | null => {
    const t = topics.find((x) => x.name === topic);
    const p = t?.partitions[partition];
    const c = p?.cells.find((x) => x.offset === offset);
    if (p && c) return { x: c.x + cellW / 2, y: c.y + CELL_H / 2 };
    // A record not drawn yet (it lands after this stage): its slot, from the "next" one on.
    if (!t || !p || offset < p.logEndOffset) return null;
    const x = Math.min(p.next.x + (offset - p.logEndOffset) * cellW, t.x + t.width - cellW);
    return { x: x + cellW / 2, y: p.next.y + CELL_H / 2 };
  };
  // Only appends and fetches travel: their indices, in the step's order (a poll's 1,000 processed records are skipped).
  const travelling = [...effectIndices(effects, 'record-appended'), ...effectIndices(effects, 'records-fetched')];
  for (const i of travelling.sort((a, b) => a - b)) {
    const e = effects[i]!;
    if (e.kind === 'record-appended' && (flying?.(i, 'send') ?? true)) {
      const prod = producers.find((p) => p.id === (e.producerId ?? '(anonymous)'));
      const to = cellCentre(e.topic, e.partition, e.offset);
      if (!to) continue;
      const from = prod ? { x: prod.x + prod.width, y: prod.y + prod.height / 2 } : { x: TOPIC_X - 30, y: to.y };
      tokens.push(
        makeToken(
          `p/${e.topic}/${e.partition}/${e.offset}/${tokens.length}`,
          'produce',
          from,
          to,
          PRODUCER_COLOUR,
          e.key ?? '∅',
          tokens.length,
        ),
      );
    }
    if (e.kind === 'records-fetched' && (flying?.(i, 'fetch') ?? true)) {
      const g = groups.find((x) => x.groupId === e.groupId);
      const m = g?.members.find((x) => x.memberId === e.memberId);
      if (!g || !m) continue;
      for (const o of e.offsets) {
        const from = cellCentre(e.topic, e.partition, o);
        if (!from) continue;
        const to = { x: m.x + 12, y: m.y + 11 };
        tokens.push(
          makeToken(
            `f/${e.groupId}/${e.memberId}/${e.topic}/${e.partition}/${o}/${tokens.length}`,
            'fetch',
            from,
            to,
            g.colour,
            String(o),
            tokens.length,
          ),
        );
      }
    }
  }
  return tokens;
}
