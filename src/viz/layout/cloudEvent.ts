/**
 * The CloudEvents 1.0 form of a recorded event (DESIGN.md, "Contracts"): a pure mapping, so the
 * inspector shows exactly what a CloudEvents consumer would receive.
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
