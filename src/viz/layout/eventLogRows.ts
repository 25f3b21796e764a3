/**
 * The event log's rows: one per event in the event store (with its copy on a topic if the relay
 * published it) and one per record a producer wrote straight to a topic, on one timeline (by simulated
 * time; at the same time, store order first, then the records). Pure.
 *
 * A step usually only appends (a publish adds a record, a poll adds nothing), so `nextEventLogRows`
 * extends the rows of the step before by what is new instead of building every row again (a long run
 * holds thousands); anything else (a step back, retention, a relay publishing an event stored earlier)
 * builds them all, giving exactly the rows `eventLogRows` gives.
 */
import type { BrokerState, LogRecord } from '../../engine/broker';
import type { RecordedEvent } from '../../engine/types';
import { recordEvent, type RecordEvent } from './cloudEvent';

/** The broker's topics, as the log reads them. */
export type LogTopics = BrokerState['topics'];

/** Where a stored event's copy lives on a topic. */
export interface RowPlace {
  topic: string;
  partition: number;
  offset: number;
  key: string | null;
}

export type EventLogRow =
  /** An event in the event store (an aggregate appended it), with its copy on a topic if the relay published it. */
  | { kind: 'stored'; key: string; time: number; event: RecordedEvent; at: RowPlace | undefined }
  /** A record a direct producer wrote: the event lives on the topic only. */
  | { kind: 'record'; key: string; time: number; record: RecordEvent };

/**
 * The rows of one step, with what it takes to extend them by the next one. `where` and `known` are
 * handed over to the next step's rows when it extends these (they grow in place, so a step costs what it
 * adds): a spent value passed again gets every row built again, never rows from another step.
 */
export interface EventLogRows {
  readonly rows: readonly EventLogRow[];
  readonly events: readonly RecordedEvent[];
  readonly topics: LogTopics;
  /** Event id → its copy on a topic, from every record (what the rows' `at` read). */
  readonly where: Map<string, RowPlace>;
  /** Every event id listed: stored events' and records'. */
  readonly known: Set<string>;
  /** The last stored row's time and the last direct row (the new rows must come after both). */
  readonly lastStoredTime: number | null;
  readonly lastDirect: DirectRow | null;
  /** Set once the next step's rows took `where` and `known`. */
  spent: boolean;
}

type DirectRow = EventLogRow & { kind: 'record' };

const placeOf = (topic: string, partition: number, r: LogRecord): RowPlace => ({
  topic,
  partition,
  offset: r.offset,
  key: r.key,
});

const storedRow = (e: RecordedEvent, where: ReadonlyMap<string, RowPlace>): EventLogRow => ({
  kind: 'stored',
  key: e.eventId,
  time: e.recordedAt,
  event: e,
  at: where.get(e.eventId),
});

const directRow = (r: LogRecord): DirectRow => ({
  kind: 'record',
  key: `${r.topic}-${r.partition}@${r.offset}`,
  time: r.timestamp,
  record: recordEvent(r),
});

/** Direct records' order: by time, then topic, partition and offset. */
function directOrder(a: DirectRow, b: DirectRow): number {
  const x = a.record;
  const y = b.record;
  return (
    a.time - b.time ||
    (x.topic < y.topic ? -1 : x.topic > y.topic ? 1 : 0) ||
    x.partition - y.partition ||
    x.offset - y.offset
  );
}

/** One timeline from the stored events (in store order) and the direct records (in their order). */
function merge(stored: readonly EventLogRow[], direct: readonly EventLogRow[]): EventLogRow[] {
  const merged: EventLogRow[] = [];
  let i = 0;
  let j = 0;
  while (i < stored.length || j < direct.length) {
    if (j >= direct.length || (i < stored.length && stored[i]!.time <= direct[j]!.time)) merged.push(stored[i++]!);
    else merged.push(direct[j++]!);
  }
  return merged;
}

function result(
  rows: readonly EventLogRow[],
  events: readonly RecordedEvent[],
  topics: LogTopics,
  where: Map<string, RowPlace>,
  known: Set<string>,
  last: { stored: number | null; direct: DirectRow | null },
): EventLogRows {
  return { rows, events, topics, where, known, lastStoredTime: last.stored, lastDirect: last.direct, spent: false };
}

/** Every row, built from scratch. */
export function eventLogRows(events: readonly RecordedEvent[], topics: LogTopics): EventLogRows {
  const where = new Map<string, RowPlace>();
  for (const [topic, t] of Object.entries(topics))
    t.partitions.forEach((p, partition) => {
      for (const r of p.records) if (r.eventId) where.set(r.eventId, placeOf(topic, partition, r));
    });
  const known = new Set(events.map((e) => e.eventId));
  const direct: DirectRow[] = [];
  for (const t of Object.values(topics))
    for (const p of t.partitions)
      for (const r of p.records) if (!r.eventId || !known.has(r.eventId)) direct.push(directRow(r));
  direct.sort(directOrder);
  for (const id of where.keys()) known.add(id);
  return result(
    merge(
      events.map((e) => storedRow(e, where)),
      direct,
    ),
    events,
    topics,
    where,
    known,
    {
      stored: events.at(-1)?.recordedAt ?? null,
      direct: direct.at(-1) ?? null,
    },
  );
}

/** Whether `now` is `was` with items added at the end (the same objects in the same places). */
function extendsArray<T>(was: readonly T[], now: readonly T[]): boolean {
  if (now.length < was.length) return false;
  for (let i = 0; i < was.length; i++) if (was[i] !== now[i]) return false;
  return true;
}

/** The records appended to each partition since `was`, or null when the topics changed otherwise. */
function appendedRecords(
  was: LogTopics,
  now: LogTopics,
): { topic: string; partition: number; record: LogRecord }[] | null {
  const added: { topic: string; partition: number; record: LogRecord }[] = [];
  for (const topic of Object.keys(was)) if (!now[topic]) return null;
  for (const [topic, t] of Object.entries(now)) {
    const old = was[topic]?.partitions ?? [];
    if (t.partitions.length < old.length) return null;
    for (let partition = 0; partition < t.partitions.length; partition++) {
      const records = t.partitions[partition]!.records;
      const before = old[partition]?.records ?? [];
      if (before === records) continue;
      if (!extendsArray(before, records)) return null;
      for (let i = before.length; i < records.length; i++) added.push({ topic, partition, record: records[i]! });
    }
  }
  return added;
}

/**
 * The rows after a step: `prev`'s rows extended by the step's new events and records when the step
 * only appended after everything listed (no row built again); otherwise every row built again.
 */
export function nextEventLogRows(
  prev: EventLogRows | null,
  events: readonly RecordedEvent[],
  topics: LogTopics,
): EventLogRows {
  if (prev && prev.events === events && prev.topics === topics) return prev;
  if (!prev || prev.spent || !extendsArray(prev.events, events)) return eventLogRows(events, topics);
  const added = appendedRecords(prev.topics, topics);
  if (!added) return eventLogRows(events, topics);
  const newEvents = events.slice(prev.events.length);
  // A new record carrying an event listed already (the relay publishing it late), or an event stored
  // after its record was listed as a direct one, changes rows already there.
  const newIds = new Set<string>();
  for (const id of [...newEvents.map((e) => e.eventId), ...added.flatMap((a) => a.record.eventId ?? [])]) {
    if (prev.known.has(id)) return eventLogRows(events, topics);
    newIds.add(id);
  }
  const where = new Map<string, RowPlace>();
  for (const a of added) if (a.record.eventId) where.set(a.record.eventId, placeOf(a.topic, a.partition, a.record));
  const storedIds = new Set(newEvents.map((e) => e.eventId));
  const stored = newEvents.map((e) => storedRow(e, where));
  const direct = added
    .filter((a) => !a.record.eventId || !storedIds.has(a.record.eventId))
    .map((a) => directRow(a.record))
    .sort(directOrder);
  // The new rows follow every listed one only where the full merge would put them: stored events
  // after the last stored one and strictly after the last direct record, records after both.
  const { lastStoredTime, lastDirect } = prev;
  const after =
    stored.every(
      (s) => (lastStoredTime === null || s.time >= lastStoredTime) && (!lastDirect || s.time > lastDirect.time),
    ) &&
    direct.every(
      (d) => (lastStoredTime === null || d.time >= lastStoredTime) && (!lastDirect || directOrder(lastDirect, d) < 0),
    );
  if (!after) return eventLogRows(events, topics);
  // Hand the maps over: they grow by this step's ids and places.
  prev.spent = true;
  for (const [id, place] of where) prev.where.set(id, place);
  for (const id of newIds) prev.known.add(id);
  const rows = stored.length + direct.length === 0 ? prev.rows : [...prev.rows, ...merge(stored, direct)];
  return result(rows, events, topics, prev.where, prev.known, {
    stored: stored.at(-1)?.time ?? lastStoredTime,
    direct: direct.at(-1) ?? lastDirect,
  });
}
