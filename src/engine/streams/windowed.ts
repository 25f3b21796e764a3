/**
 * A windowed aggregation (`groupByKey().windowedBy(...).count()` or a sum), as Kafka Streams'
 * KStreamWindowAggregate and KStreamSessionWindowAggregate process one record:
 * - stream time = the largest event time the task has seen (one task per input partition); it never goes back;
 * - close time = stream time − grace; a time window whose end ≤ close time is closed: a record for it is dropped
 *   ("Skipping record for expired window", the dropped-records metric); a session is closed when its end < close;
 * - every accepted record updates its windows in the state store (and so its changelog) and the new value is
 *   forwarded downstream at once (emit on update; record caches off, `statestore.cache.max.bytes` = 0).
 */
import type { StreamEffect } from './effects';
import type { StreamRecord } from './record';
import { put, remove, type StateStore } from './stateStore';
import { clock, span } from './time';
import { mergedSession, sessionsToMerge, windowsFor, type Window, type WindowSpec } from './windows';

export type Aggregate = { readonly kind: 'count' } | { readonly kind: 'sum'; readonly field: string };

export interface WindowedDef {
  readonly id: string;
  readonly window: WindowSpec;
  readonly graceMs: number;
  readonly aggregate: Aggregate;
}

/** One window's result in the store. */
export interface WindowResult extends Window {
  readonly key: string;
  readonly value: number;
}

export interface Seen extends StreamRecord {
  /** counted: every window took it; dropped: none did (all closed); partly: a hopping record some closed windows refused. */
  readonly outcome: 'counted' | 'dropped' | 'partly' | 'no-key';
  /** The task's stream time after this record. */
  readonly streamTime: number;
}

export interface WindowedState {
  /** Stream time per task (input partition): the largest event time seen there. */
  readonly streamTime: Readonly<Record<number, number>>;
  readonly store: StateStore;
  readonly seen: readonly Seen[];
}

export const storeKey = (key: string, w: Window) => `${key}@${w.start}-${w.end}`;

export const createWindowed = (def: WindowedDef): WindowedState => ({
  streamTime: {},
  // Named as with Materialized.as("window-store"): its changelog topic is <application.id>-window-store-changelog.
  store: { name: def.window.type === 'session' ? 'session-store' : 'window-store', entries: {}, changelog: [] },
  seen: [],
});

/** Every window result in the store, by key then start. */
export function windowResults(state: WindowedState): WindowResult[] {
  return (Object.values(state.store.entries) as WindowResult[]).sort((a, b) =>
    a.key === b.key ? a.start - b.start : a.key < b.key ? -1 : 1,
  );
}

const contribution = (agg: Aggregate, value: unknown): number => {
  if (agg.kind === 'count') return 1;
  const data = (value as { data?: Record<string, unknown> } | null)?.data ?? (value as Record<string, unknown> | null);
  const n = data?.[agg.field];
  return typeof n === 'number' ? n : 0;
};

export interface WindowedStep {
  state: WindowedState;
  effects: StreamEffect[];
}

export function processWindowed(def: WindowedDef, state: WindowedState, r: StreamRecord): WindowedStep {
  const base = { kind: 'stream-changed' as const, processor: def.id, key: r.key };
  const before = state.streamTime[r.partition];
  const streamTime = Math.max(before ?? -Infinity, r.eventTime);
  if (r.key === null) {
    const seen = [...state.seen, { ...r, outcome: 'no-key' as const, streamTime: before ?? r.eventTime }];
    const reason = `A record with no key at offset ${r.offset} of partition ${r.partition}: a grouped aggregation cannot place it, so Kafka Streams skips it`;
    return { state: { ...state, seen }, effects: [{ ...base, op: 'skipped-null-key', reason }] };
  }
  const close = streamTime - def.graceMs;
  const times = { ...state.streamTime, [r.partition]: streamTime };
  const at = `event time ${clock(r.eventTime)}, processed at ${clock(r.processedAt)}; stream time ${clock(streamTime)}, grace ${def.graceMs / 1000} s, so ${def.window.type === 'session' ? 'sessions ending before' : 'windows ending at or before'} ${clock(close)} are closed`;
  const step =
    def.window.type === 'session'
      ? session(def, def.window.gapMs, state.store, r, r.key, close, at)
      : timeWindows(def, state.store, r, r.key, close, at);
  const seen = [...state.seen, { ...r, outcome: step.outcome, streamTime }];
  return { state: { streamTime: times, store: step.store, seen }, effects: step.effects };
}

type Part = { store: StateStore; effects: StreamEffect[]; outcome: Seen['outcome'] };

function timeWindows(
  def: WindowedDef,
  store: StateStore,
  r: StreamRecord,
  key: string,
  close: number,
  at: string,
): Part {
  const effects: StreamEffect[] = [];
  let taken = 0;
  const windows = windowsFor(def.window, r.eventTime);
  for (const w of windows) {
    const base = { kind: 'stream-changed' as const, processor: def.id, key };
    if (w.end > close) {
      const old = (store.entries[storeKey(key, w)] as WindowResult | undefined)?.value ?? 0;
      const value = old + contribution(def.aggregate, r.value);
      store = put(store, storeKey(key, w), { key, start: w.start, end: w.end, value }, r.partition);
      taken++;
      const reason = `${key} window ${span(w)} is now ${value} (was ${old}): ${at}; the update goes downstream at once and to the store's changelog`;
      effects.push({ ...base, op: 'window-updated', reason });
    } else {
      const reason = `Late record for ${key} dropped from window ${span(w)}: ${at}, and this window ended at ${clock(w.end)}. A late record updates its window only while stream time is within the grace period`;
      effects.push({ ...base, op: 'late-dropped', reason });
    }
  }
  const outcome = taken === windows.length ? 'counted' : taken === 0 ? 'dropped' : 'partly';
  return { store, effects, outcome };
}

function session(
  def: WindowedDef,
  gapMs: number,
  store: StateStore,
  r: StreamRecord,
  key: string,
  close: number,
  at: string,
): Part {
  const base = { kind: 'stream-changed' as const, processor: def.id, key };
  const mine = (Object.values(store.entries) as WindowResult[]).filter((s) => s.key === key);
  const merging = sessionsToMerge(mine, r.eventTime, gapMs);
  const merged = mergedSession(merging, r.eventTime);
  if (merged.end < close) {
    const reason = `Late record for ${key} dropped: its session ${span(merged, true)} ended before the close time, ${at}`;
    return { store, effects: [{ ...base, op: 'late-dropped', reason }], outcome: 'dropped' };
  }
  const effects: StreamEffect[] = [];
  let value = contribution(def.aggregate, r.value);
  for (const s of merging) {
    value += s.value;
    store = remove(store, storeKey(key, s), r.partition);
  }
  if (merging.length > 0) {
    const reason = `The record at ${clock(r.eventTime)} is within ${gapMs / 1000} s of ${merging.map((s) => span(s, true)).join(' and ')}: merged into one session ${span(merged, true)} (the old session${merging.length === 1 ? ' is' : 's are'} deleted: a tombstone downstream and in the changelog)`;
    effects.push({ ...base, op: 'sessions-merged', reason });
  }
  store = put(store, storeKey(key, merged), { key, start: merged.start, end: merged.end, value }, r.partition);
  const reason = `${key} session ${span(merged, true)} is now ${value}: ${at}`;
  effects.push({ ...base, op: 'window-updated', reason });
  return { store, effects, outcome: 'counted' };
}
