/**
 * Outcomes read from a run's world: how many distinct facts of one kind exist about one entity
 * (stored by an aggregate or published straight to a topic — a relayed record carries its stored
 * event's id, so it is counted once), and a read-model row as a user's screen shows it.
 */
import type { World } from '../../world';

const dataOf = (value: unknown): Record<string, unknown> | null => {
  const v = value as { data?: unknown } | null;
  const d = v && typeof v === 'object' ? (v.data ?? v) : null;
  return d && typeof d === 'object' && !Array.isArray(d) ? (d as Record<string, unknown>) : null;
};

/** Distinct event ids of `eventType` whose `idField` is `entityId`, in the store and on every topic. */
export function factsAbout(world: World, eventType: string, idField: string, entityId: string): string[] {
  const ids = new Set<string>();
  for (const e of world.log.events)
    if (e.eventType === eventType && String(dataOf({ data: e.data })?.[idField]) === entityId) ids.add(e.eventId);
  for (const topic of Object.values(world.broker.topics))
    topic.partitions.forEach((p, partition) => {
      for (const r of p.records) {
        if (r.control || r.value === null) continue;
        const type = r.headers.eventType ?? (r.value as { eventType?: unknown }).eventType;
        if (type !== eventType || String(dataOf(r.value)?.[idField]) !== entityId) continue;
        ids.add(r.eventId ?? `${r.topic}-${partition}@${r.offset}`);
      }
    });
  return [...ids];
}

/** A read-model row (null: the projection or the row does not exist). */
export function rowOf(world: World, projection: string, row: string): Readonly<Record<string, unknown>> | null {
  return world.projections[projection]?.rows[row] ?? null;
}

const shown = (v: unknown) => (typeof v === 'string' ? `"${v}"` : JSON.stringify(v));

/** What changed between two rows, in words ('payment "charging" → "declined"'), or '' when nothing did. */
export function rowChange(
  before: Readonly<Record<string, unknown>> | null,
  after: Readonly<Record<string, unknown>>,
): string {
  return Object.keys(after)
    .filter((k) => JSON.stringify(before?.[k]) !== JSON.stringify(after[k]))
    .map((k) => (before && k in before ? `${k} ${shown(before[k])} → ${shown(after[k])}` : `${k} ${shown(after[k])}`))
    .join(', ');
}

/** A row's columns in words, ids left out ('status "arrived", payment "charging"'). */
export const rowWords = (row: Readonly<Record<string, unknown>>): string =>
  Object.entries(row)
    .filter(([k]) => !/Id$/.test(k))
    .map(([k, v]) => `${k} ${shown(v)}`)
    .join(', ');

/** A count in words: once, twice, 3 times. */
export const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);
