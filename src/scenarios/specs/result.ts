/**
 * What running one spec returns: the spec in words (given / when / then, as a learner reads it) and whether it
 * passed, with the reason either way. Shared by the four kinds of spec and the view.
 */
import type { RecordedEvent } from '../../engine/types';

export interface SpecResult {
  readonly id: string;
  readonly kind: 'decider' | 'projection' | 'contract' | 'idempotency';
  readonly title: string;
  readonly given: readonly string[];
  readonly when: string;
  readonly then: readonly string[];
  readonly passed: boolean;
  /** Why it passed or failed, naming what was compared. */
  readonly reason: string;
}

/** A value as a spec shows it: JSON, with the keys of an object unquoted. */
export function show(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(show).join(', ')}]`;
  const entries = Object.entries(v as Record<string, unknown>);
  return entries.length ? `{ ${entries.map(([k, x]) => `${k}: ${show(x)}`).join(', ')} }` : '{}';
}

export const showEvent = (e: { eventType: string; data: unknown }) => `${e.eventType} ${show(e.data)}`;

/** JSON equality (values in a spec are JSON data). */
export const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A spec's past event as the store would hand it over: ids and positions in order, no clock. */
export const recorded = (e: { eventType: string; data: unknown }, i: number, streamId: string): RecordedEvent => ({
  eventId: `given-${i + 1}`,
  eventType: e.eventType,
  data: e.data,
  streamId,
  revision: i,
  position: i + 1,
  recordedAt: 0,
});

/** A spec that could not run (its rules went over a limit, or threw): failed, with why. */
export function guarded(base: Omit<SpecResult, 'passed' | 'reason'>, run: () => Pick<SpecResult, 'passed' | 'reason'>) {
  try {
    return { ...base, ...run() };
  } catch (e) {
    return { ...base, passed: false, reason: `the spec could not run: ${e instanceof Error ? e.message : String(e)}` };
  }
}
