/** The broker view's measures and the small helpers its parts share. */
import { linkHorizontal } from 'd3-shape';
import type { BrokerState, LogRecord } from '../../engine/broker';
import type { Point } from './brokerTypes';

export const CELL_W = 84;
export const MAX_CELL_W = 124;
export const CELL_H = 38;
export const MIN_WIDTH = 760;
export const DEFAULT_WIDTH = 940;
export const PAD = 8;
export const EMITTER_W = 150;
export const TOPIC_X = EMITTER_W + PAD + 28;
export const LABEL_W = 46;
export const GAP_TO_GROUPS = 36;
export const GROUP_W = 250;
export const MARK_BAND = 20;
export const LINE_H = CELL_H + MARK_BAND;
export const ROW_GAP = 6;
export const TOPIC_HEAD = 30;
export const CHIP_W = 34;
export const CHIP_H = 19;
export const CHIP_GAP = 4;
export const CHART_H = 34;
export const GROUP_CAPTION_CHARS = 33;

/** A horizontal link (a cubic curve) between two points: ownership links and token paths. */
export const link = linkHorizontal<{ source: Point; target: Point }, Point>()
  .x((p) => p.x)
  .y((p) => p.y);

/** A transaction marker is a control record, not a tombstone: its value is empty but it carries no event. */
export const eventTypeOf = (r: LogRecord): string =>
  r.control ? `${r.control} marker` : (r.headers.eventType ?? (r.value === null ? 'tombstone' : 'record'));

const typesByTopics = new WeakMap<BrokerState['topics'], Set<string>>();
export function eventTypesIn(broker: BrokerState): ReadonlySet<string> {
  // Asked at every stage of a step for the same world: read each world's records once.
  let names = typesByTopics.get(broker.topics);
  if (names) return names;
  names = new Set<string>();
  for (const t of Object.values(broker.topics))
    for (const p of t.partitions) for (const r of p.records) names.add(eventTypeOf(r));
  typesByTopics.set(broker.topics, names);
  return names;
}
export const tpKey = (topic: string, partition: number) => `${topic}:${partition}`;
export const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Width of a group's letter tag under a partition (its committed offset). */
export const tagWidth = (badge: string): number => Math.max(20, badge.length * 8 + 8);

/** Wraps words into lines of at most `n` characters. */
export function wrap(text: string, n: number, maxLines = 3): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const w of text.split(' ')) {
    if (cur && (cur + ' ' + w).length > n) {
      lines.push(cur);
      cur = w;
    } else cur = cur ? `${cur} ${w}` : w;
  }
  if (cur) lines.push(cur);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = `${kept[maxLines - 1]!.slice(0, n - 1)}…`;
    return kept;
  }
  return lines;
}

/** Short, unique badges for groups ("M", "P", "Pa"…), so marks never rely on colour alone. */
export function groupBadges(labels: readonly string[]): string[] {
  const used = new Set<string>();
  return labels.map((label) => {
    const clean = label.replace(/[^A-Za-z0-9]/g, '') || 'G';
    for (let n = 1; n <= clean.length; n++) {
      const b = clean.slice(0, 1).toUpperCase() + clean.slice(1, n).toLowerCase();
      if (!used.has(b)) {
        used.add(b);
        return b;
      }
    }
    let i = 2;
    while (used.has(`${clean[0]!.toUpperCase()}${i}`)) i++;
    const b = `${clean[0]!.toUpperCase()}${i}`;
    used.add(b);
    return b;
  });
}
