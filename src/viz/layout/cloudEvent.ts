/**
 * The CloudEvents 1.0 form of a stored event, or of a direct producer's record (built from its headers)
 * (docs/architecture.md, "Contracts"): a pure mapping, so the inspector shows exactly what a CloudEvents consumer
 * would receive.
 */
import type { CloudEvent, RecordedEvent } from '../../engine/types';

/** Simulated milliseconds as an ISO-8601 UTC timestamp; "(unknown)" when absent or not finite. */
export const isoTime = (ms: number | undefined): string =>
  typeof ms === 'number' && Number.isFinite(ms) ? new Date(ms).toISOString() : '(unknown)';

export const dataSchemaOf = (eventType: string, schemaVersion: number | undefined): string =>
  `urn:event-lab:schema:${eventType}:${schemaVersion ?? 1}`;

export function toCloudEvent(e: RecordedEvent): CloudEvent {
  const producer = e.metadata?.producer;
  return {
    specversion: '1.0',
    id: e.eventId,
    type: e.eventType,
    source: typeof producer === 'string' && producer !== '' ? producer : 'unknown',
    subject: e.streamId,
    // The event happened at occurredAt; fall back to when the store recorded it.
    time: isoTime(e.metadata?.occurredAt ?? e.recordedAt),
    dataschema: dataSchemaOf(e.eventType, e.schemaVersion),
    datacontenttype: 'application/json',
    data: e.data,
  };
}

/**
 * A record a direct producer wrote (a `publish`): the event lives on the topic only, never in an
 * event store. Its headers and value carry the envelope; there is no stream revision or global position.
 */
export interface RecordEvent {
  eventId: string;
  eventType: string;
  schemaVersion: number;
  /** The `subject` header: the entity the event is about. */
  subject: string | null;
  data: unknown;
  tombstone: boolean;
  producer: string | null;
  correlationId: string | null;
  causationId: string | null;
  occurredAt: number;
  topic: string;
  partition: number;
  offset: number;
  key: string | null;
}

interface RecordLike {
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  readonly key: string | null;
  readonly value: unknown;
  readonly headers: Readonly<Record<string, string>>;
  readonly timestamp: number;
  /** A transaction marker (COMMIT or ABORT): a control record no application receives. */
  readonly control?: 'COMMIT' | 'ABORT';
  readonly eventId: string | null;
  readonly producerId: string | null;
}

/** The event a record carries, read from its headers and value (a tombstone's value is null: its type is in the headers). */
export function recordEvent(r: RecordLike): RecordEvent {
  const v = (r.value ?? null) as { eventType?: unknown; schemaVersion?: unknown; data?: unknown } | null;
  const h = r.headers;
  return {
    eventId: r.eventId ?? `${r.topic}-${r.partition}@${r.offset}`,
    eventType: r.control
      ? `${r.control} marker`
      : (h.eventType ?? (typeof v?.eventType === 'string' ? v.eventType : '(no event type)')),
    schemaVersion: Number(h.schemaVersion ?? v?.schemaVersion ?? 1) || 1,
    subject: h.subject ?? null,
    data: v === null ? null : (v.data ?? v),
    tombstone: r.value === null && !r.control,
    producer: r.producerId,
    correlationId: h.correlationId ?? null,
    causationId: h.causationId ?? null,
    occurredAt: r.timestamp,
    topic: r.topic,
    partition: r.partition,
    offset: r.offset,
    key: r.key,
  };
}

/** The CloudEvents 1.0 form of a direct producer's record (no store: built from its headers). */
export function recordToCloudEvent(e: RecordEvent): CloudEvent {
  return {
    specversion: '1.0',
    id: e.eventId,
    type: e.eventType,
    source: e.producer ?? 'unknown',
    subject: e.subject ?? e.key ?? '',
    time: isoTime(e.occurredAt),
    dataschema: dataSchemaOf(e.eventType, e.schemaVersion),
    datacontenttype: 'application/json',
    data: e.data,
  };
}

interface BrokerLike {
  readonly topics: Readonly<
    Record<string, { readonly partitions: readonly { readonly records: readonly RecordLike[] }[] }>
  >;
}

const isDirect = (r: RecordLike, storedIds: ReadonlySet<string>) => !r.eventId || !storedIds.has(r.eventId);

/** How many of directRecords there are, without ordering them (the storage line counts 10,000 records on opening a long run). */
export function countDirectRecords(broker: BrokerLike, storedIds: ReadonlySet<string>): number {
  let n = 0;
  for (const t of Object.values(broker.topics))
    for (const p of t.partitions) for (const r of p.records) if (isDirect(r, storedIds)) n++;
  return n;
}

/**
 * The records on the topics that carry no stored event: what direct producers wrote (a relayed
 * record is a copy of a stored event and is shown with it). Ordered by time, then topic, partition, offset.
 */
export function directRecords(broker: BrokerLike, storedIds: ReadonlySet<string>): RecordLike[] {
  const out: RecordLike[] = [];
  for (const t of Object.values(broker.topics))
    for (const p of t.partitions) for (const r of p.records) if (isDirect(r, storedIds)) out.push(r);
  return out.sort(
    (a, b) =>
      a.timestamp - b.timestamp ||
      (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0) ||
      a.partition - b.partition ||
      a.offset - b.offset,
  );
}

/** The record that carries `eventId` and no stored event, if any (the first by time). */
export function findDirectRecord(
  broker: BrokerLike,
  storedIds: ReadonlySet<string>,
  eventId: string,
): RecordLike | undefined {
  return directRecords(broker, storedIds).find((r) => r.eventId === eventId);
}
