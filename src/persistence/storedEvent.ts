/**
 * A stored event as data from outside the running code (another version of the app, another tab, a
 * damaged profile): every event read back from a run database is checked with one bounded schema
 * before anything compares or replays it. An event that does not pass throws
 * `DamagedStoredEventError`, naming the event's position and what is wrong in the learner's words.
 */
import type { RecordedEvent } from '../engine/types';
import { z } from '../scenarios/zod';

/** No run stores a billion events or steps that far into a stream. */
export const MAX_POSITION = 1_000_000_000;
const Text = z.string().min(1).max(1000);
/** Wall-clock milliseconds; the bound is the largest time a Date can hold. */
const Time = z.number().int().min(0).max(8.64e15);
const isPlainObject = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);

const fields = {
  position: z.number().int().min(1).max(MAX_POSITION),
  streamId: Text,
  revision: z.number().int().min(0).max(MAX_POSITION),
  eventId: Text,
  eventType: Text,
  recordedAt: Time,
} as const;
type Field = keyof typeof fields;
const FIELD_NAMES = Object.keys(fields) as Field[];

/** What a field should have held, in the learner's words. */
const kindOf: Record<Field | 'schemaVersion' | 'metadata', string> = {
  position: 'a position in the store',
  streamId: 'a stream name',
  revision: 'a revision number',
  eventId: 'an event id',
  eventType: 'an event type',
  recordedAt: 'a time',
  schemaVersion: 'a version number',
  metadata: 'a set of named values',
};
const SchemaVersion = z.number().int().min(1).max(1_000_000);

/** The problems of one stored value, worded for the learner; empty when it is a stored event. */
export function storedEventProblems(raw: unknown): string[] {
  if (!isPlainObject(raw)) return ['it is not an event'];
  const value = raw as Record<string, unknown>;
  const problems: string[] = [];
  for (const field of FIELD_NAMES) {
    const v = value[field];
    if (v === undefined) problems.push(`its ${field} is missing`);
    else if (!fields[field].safeParse(v).success) problems.push(`its ${field} is not ${kindOf[field]}`);
  }
  if (value.schemaVersion !== undefined && !SchemaVersion.safeParse(value.schemaVersion).success)
    problems.push(`its schemaVersion is not ${kindOf.schemaVersion}`);
  if (value.metadata !== undefined && !isPlainObject(value.metadata))
    problems.push(`its metadata is not ${kindOf.metadata}`);
  if (!('data' in value)) problems.push('its data is missing');
  return problems;
}

/** A stored event that does not have the shape every stored event has (a damaged or foreign entry). */
export class DamagedStoredEventError extends Error {
  override readonly name = 'DamagedStoredEventError';
  constructor(
    /** 1-based place of the event among the events read (its own position may be what is damaged). */
    readonly index: number,
    readonly problems: string[],
  ) {
    super(`One of this run's stored events (number ${index} in order) is damaged (${problems.join('; ')}).`);
  }
}

/** Checks events read in global order (`first` = the place of the first one); throws at the first damaged one. */
export function checkStoredEvents(raw: readonly unknown[], first = 1): RecordedEvent[] {
  raw.forEach((e, i) => {
    const problems = storedEventProblems(e);
    if (problems.length > 0) throw new DamagedStoredEventError(first + i, problems);
  });
  return raw as RecordedEvent[];
}
