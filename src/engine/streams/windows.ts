/**
 * Window assignment, as Kafka Streams does it (org.apache.kafka.streams.kstream):
 * - `TimeWindows.ofSizeAndGrace(size, grace)` — tumbling: windows [start, start + size) aligned to the epoch,
 *   one per record; `.advanceBy(advance)` with advance < size makes them hopping: overlapping windows, so a
 *   record lands in size / advance of them (`TimeWindows.windowsFor`). `SlidingWindows` (KIP-450) are another
 *   thing (windows defined by the records' own times) and are not modelled.
 * - `SessionWindows.ofInactivityGapAndGrace(gap, grace)` — per key, a session is [first, last] event time
 *   (both ends inclusive); a record within `gap` of a session joins it, and one that bridges two sessions merges
 *   them (`KStreamSessionWindowAggregate`: findSessions(key, t − gap, t + gap)).
 */

export type WindowSpec =
  | { readonly type: 'tumbling'; readonly sizeMs: number }
  | { readonly type: 'hopping'; readonly sizeMs: number; readonly advanceMs: number }
  | { readonly type: 'session'; readonly gapMs: number };

/** A time window: [start, end) for tumbling/hopping; [start, end] (end inclusive) for a session. */
export interface Window {
  readonly start: number;
  readonly end: number;
}

/** TimeWindows.windowsFor: every window of size `sizeMs`, advancing by `advanceMs`, that contains `t`. */
export function timeWindowsFor(t: number, sizeMs: number, advanceMs: number): Window[] {
  if (sizeMs <= 0 || advanceMs <= 0 || advanceMs > sizeMs) throw new RangeError('need 0 < advance ≤ size');
  let start = Math.floor(Math.max(0, t - sizeMs + advanceMs) / advanceMs) * advanceMs;
  const out: Window[] = [];
  while (start <= t) {
    out.push({ start, end: start + sizeMs });
    start += advanceMs;
  }
  return out;
}

/** The windows a record at event time `t` belongs to (a session spec: the one-point session [t, t]). */
export function windowsFor(spec: WindowSpec, t: number): Window[] {
  if (spec.type === 'session') return [{ start: t, end: t }];
  return timeWindowsFor(t, spec.sizeMs, spec.type === 'hopping' ? spec.advanceMs : spec.sizeMs);
}

/** The sessions a record at `t` would merge with: those that overlap [t − gap, t + gap]. */
export function sessionsToMerge<W extends Window>(sessions: readonly W[], t: number, gapMs: number): W[] {
  return sessions.filter((s) => s.end >= t - gapMs && s.start <= t + gapMs);
}

/** The session that covers `t` and every session it merges. */
export function mergedSession(merging: readonly Window[], t: number): Window {
  return merging.reduce((m, s) => ({ start: Math.min(m.start, s.start), end: Math.max(m.end, s.end) }), {
    start: t,
    end: t,
  });
}

/** A short label for a window: times as offsets from `origin` in seconds ("0–60 s"). */
export function windowLabel(w: Window, origin: number): string {
  const s = (ms: number) => `${Math.round((ms - origin) / 100) / 10}`;
  return `${s(w.start)}–${s(w.end)} s`;
}
