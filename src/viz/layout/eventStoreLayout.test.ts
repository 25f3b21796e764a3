import { describe, expect, it } from 'vitest';
import type { Effect, RecordedEvent } from '../../engine/types';
import { layoutEventStore } from './eventStoreLayout';

const ev = (position: number, streamId: string, revision: number, eventType: string): RecordedEvent => ({
  eventId: `e${position}`,
  eventType,
  schemaVersion: 1,
  data: {},
  metadata: {},
  streamId,
  revision,
  position,
  recordedAt: position * 1000,
});

const events = [
  ev(1, 'stock-mug', 0, 'StockReceived'),
  ev(2, 'order-1', 0, 'OrderPlaced'),
  ev(3, 'order-1', 1, 'OrderPaid'),
  ev(4, 'driver-7', 0, 'DriverLocationUpdated'),
  ev(5, 'order-2', 0, 'OrderPlaced'),
];
const positions = { 'stock-mug': [1], 'order-1': [2, 3], 'driver-7': [4], 'order-2': [5] };
const aggregates = [
  { type: 'Order', streamPrefix: 'order-' },
  { type: 'Stock', streamPrefix: 'stock-' },
];

describe('layoutEventStore', () => {
  it('groups lanes by aggregate type, in order of first event, with other streams last', () => {
    const m = layoutEventStore({ events, positions, aggregates, snapshots: {}, effects: [] });
    expect(m.groups.map((g) => [g.label, g.lanes.map((l) => l.streamId)])).toEqual([
      ['Order', ['order-1', 'order-2']],
      ['Stock', ['stock-mug']],
      ['Other streams (no aggregate)', ['driver-7']],
    ]);
    expect(m.groups[0]!.lanes[0]!.aggregateId).toBe('1');
    expect(m.groups[0]!.lanes[0]!.events.map((e) => [e.revision, e.eventType, e.position])).toEqual([
      [0, 'OrderPlaced', 2],
      [1, 'OrderPaid', 3],
    ]);
    expect(m.head).toBe(5);
    expect(m.hasAggregateEvents).toBe(true);
    expect(m.defaultStream).toBe('order-2');
  });

  it('highlights what this step stored, marks the snapshot and defaults to the stream just written', () => {
    const effects: Effect[] = [
      {
        kind: 'event-stored',
        streamId: 'order-1',
        revision: 1,
        position: 3,
        eventId: 'e3',
        eventType: 'OrderPaid',
        reason: '',
      },
    ];
    const m = layoutEventStore({ events, positions, aggregates, snapshots: { 'order-1': { revision: 0 } }, effects });
    const lane = m.groups[0]!.lanes[0]!;
    expect(lane.touched).toBe(true);
    expect(lane.snapshotRevision).toBe(0);
    expect(lane.events.map((e) => [e.isNew, e.snapshot])).toEqual([
      [false, true],
      [true, false],
    ]);
    expect(m.defaultStream).toBe('order-1');
  });

  it('keeps only the latest events of a long stream and counts the rest', () => {
    const long = Array.from({ length: 15 }, (_, i) => ev(i + 1, 'order-9', i, 'ItemAdded'));
    const m = layoutEventStore({
      events: long,
      positions: { 'order-9': long.map((e) => e.position) },
      aggregates,
      snapshots: {},
      effects: [],
      window: 4,
    });
    const lane = m.groups[0]!.lanes[0]!;
    expect(lane.hiddenBefore).toBe(11);
    expect(lane.events.map((e) => e.revision)).toEqual([11, 12, 13, 14]);
  });

  it('reports no aggregate events when only other streams exist', () => {
    const m = layoutEventStore({
      events: [events[3]!],
      positions: { 'driver-7': [4] },
      aggregates,
      snapshots: {},
      effects: [],
    });
    expect(m.hasAggregateEvents).toBe(false);
  });
});
