/**
 * Shared parts of the event store conformance suite (conformance.testkit.ts): sample events, a
 * picture of the whole store to assert that a refused append changed nothing, and the suite's context.
 */
import { expect } from 'vitest';
import type { EventStore, ExpectedRevision, NewEvent, RecordedEvent } from '../types';
import { WrongExpectedVersionError } from './errors';

export const ev = (eventId: string, extra: Partial<NewEvent> = {}): NewEvent => ({
  eventId,
  eventType: 'ThingHappened',
  data: { id: eventId },
  ...extra,
});
export const evs = (...ids: string[]) => ids.map((id) => ev(id));

export interface Picture {
  all: RecordedEvent[];
  head: number;
  lastRevisions: Record<string, number>;
}

export async function picture(store: EventStore): Promise<Picture> {
  const all = await store.readAll();
  const lastRevisions: Record<string, number> = {};
  for (const e of all) lastRevisions[e.streamId] = Math.max(lastRevisions[e.streamId] ?? -1, e.revision);
  return { all, head: all.length === 0 ? 0 : all[all.length - 1]!.position, lastRevisions };
}

export async function expectUnchanged(store: EventStore, before: Picture): Promise<void> {
  const after = await picture(store);
  expect(after.head).toBe(before.head);
  expect(after.lastRevisions).toEqual(before.lastRevisions);
  expect(after.all).toHaveLength(before.all.length);
  expect(after.all).toEqual(before.all);
}

export async function expectWrongVersion(
  p: Promise<unknown>,
  fields: { streamId: string; expected: ExpectedRevision; actual: number | 'no_stream' },
): Promise<void> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WrongExpectedVersionError);
  const w = err as WrongExpectedVersionError;
  expect({ streamId: w.streamId, expected: w.expected, actual: w.actual }).toEqual(fields);
  expect(w.message).toContain(fields.streamId);
  expect(w.message).toContain('Nothing was written');
}

export const ids = (events: RecordedEvent[]) => events.map((e) => e.eventId);
export const positions = (events: RecordedEvent[]) => events.map((e) => e.position);

/** What every case gets: a fresh store (clock readings counted) and one seeded with two streams. */
export interface ConformanceContext {
  setup(): Promise<EventStore>;
  /** stream `s` = e1,e2,e3 (revisions 0–2, positions 1–3); stream `o` = o1 (position 4). */
  seeded(): Promise<EventStore>;
  /** Clock readings since the last `setup`. */
  readings(): number;
}
