import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../engine/types';
import { countDirectRecords, directRecords, recordEvent, toCloudEvent } from './cloudEvent';

const event: RecordedEvent = {
  eventId: 'e-1',
  eventType: 'OrderPlaced',
  schemaVersion: 2,
  data: { orderId: '42', total: 12 },
  metadata: {
    correlationId: 'c-1',
    causationId: 'cmd-1',
    occurredAt: Date.UTC(2027, 0, 1, 9, 0, 0),
    producer: 'checkout',
  },
  streamId: 'order-42',
  revision: 0,
  position: 7,
  recordedAt: Date.UTC(2027, 0, 1, 9, 0, 1),
};

describe('toCloudEvent', () => {
  it('maps the envelope to the CloudEvents 1.0 attributes', () => {
    expect(toCloudEvent(event)).toEqual({
      specversion: '1.0',
      id: 'e-1',
      type: 'OrderPlaced',
      source: 'checkout',
      subject: 'order-42',
      time: '2027-01-01T09:00:00.000Z',
      dataschema: 'urn:event-lab:schema:OrderPlaced:2',
      datacontenttype: 'application/json',
      data: { orderId: '42', total: 12 },
    });
  });

  it('defaults the schema version to 1, the time to recordedAt and an unnamed producer to "unknown"', () => {
    const bare: RecordedEvent = { ...event, schemaVersion: undefined, metadata: {} };
    const ce = toCloudEvent(bare);
    expect(ce.dataschema).toBe('urn:event-lab:schema:OrderPlaced:1');
    expect(ce.time).toBe('2027-01-01T09:00:01.000Z');
    expect(ce.source).toBe('unknown');
  });
});

describe('recordEvent of a transaction marker', () => {
  const marker = {
    topic: 'receipts',
    partition: 0,
    offset: 3,
    key: null,
    value: null,
    headers: {},
    timestamp: 0,
    eventId: null,
    producerId: null,
    control: 'ABORT' as const,
  };
  it('names the marker and does not call it a tombstone (its value is empty, but it deletes nothing)', () => {
    expect(recordEvent(marker)).toMatchObject({ eventType: 'ABORT marker', tombstone: false });
    expect(recordEvent({ ...marker, control: undefined })).toMatchObject({ tombstone: true });
  });
});

describe('records written straight to topics', () => {
  const rec = (topic: string, offset: number, timestamp: number, eventId: string | null) => ({
    topic,
    partition: 0,
    offset,
    key: null,
    value: null,
    headers: {},
    timestamp,
    eventId,
    producerId: null,
  });
  const broker = {
    topics: {
      orders: { partitions: [{ records: [rec('orders', 0, 5, 'e1'), rec('orders', 1, 2, null)] }] },
      audit: { partitions: [{ records: [rec('audit', 0, 1, 'e9'), rec('audit', 1, 3, 'e2')] }] },
    },
  };
  it('are those carrying no stored event, by time; the count is their number', () => {
    const stored = new Set(['e1', 'e2']);
    expect(directRecords(broker, stored).map((r) => `${r.topic}@${r.offset}`)).toEqual(['audit@0', 'orders@1']);
    expect(countDirectRecords(broker, stored)).toBe(2);
    expect(countDirectRecords(broker, new Set())).toBe(4);
  });
});
