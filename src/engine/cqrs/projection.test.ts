import { describe, expect, it } from 'vitest';
import { appendToLog, emptyLog, type EventLog } from '../eventstore/log';
import type { NewEvent, RecordedEvent } from '../types';
import { applyToProjection, catchUpProjection, createUpcasterChain, initialCheckpoint, projectEvents } from './index';
import { driverTally, revenue, rideAcceptedV1toV2, ridesByStatus } from './fixtures.testkit';

const upcasters = createUpcasterChain([rideAcceptedV1toV2]);
let seq = 0;
const e = (eventType: string, data: unknown, extra: Partial<NewEvent> = {}): NewEvent => ({
  eventId: `e${++seq}`,
  eventType,
  data,
  ...extra,
});

/** Two rides; ride-1 accepted with a v1 event. */
function rideHistory(): EventLog {
  let log = emptyLog();
  const store = {
    appendToStream(streamId: string, events: NewEvent[]) {
      const r = appendToLog(log, streamId, events, 'any', events[0]!.metadata!.occurredAt as number);
      if (r.ok) log = r.log;
    },
  };
  store.appendToStream('ride-1', [e('RideRequested', { rider: 'ann', fare: 10 }, { metadata: { occurredAt: 100 } })]);
  store.appendToStream('ride-2', [e('RideRequested', { rider: 'bob', fare: 20 }, { metadata: { occurredAt: 110 } })]);
  store.appendToStream('ride-1', [e('RideAccepted', { driverId: 'dan' }, { metadata: { occurredAt: 120 } })]);
  store.appendToStream('ride-2', [
    e('RideAccepted', { driver: { id: 'dan' } }, { schemaVersion: 2, metadata: { occurredAt: 130 } }),
  ]);
  store.appendToStream('ride-1', [e('RideCompleted', {}, { metadata: { occurredAt: 140 } })]);
  store.appendToStream('ride-2', [e('RideCancelled', { reason: 'late' }, { metadata: { occurredAt: 150 } })]);
  return log;
}

const recorded = (position: number, eventType: string, streamId: string, data: unknown): RecordedEvent => ({
  eventId: `p${position}`,
  eventType,
  schemaVersion: 1,
  data,
  metadata: {},
  streamId,
  revision: 0,
  position,
  recordedAt: 0,
});

describe('projections (given events / then read model)', () => {
  it('given requested, requested, accepted, completed: rides-by-status', () => {
    const cp = projectEvents(ridesByStatus, [
      recorded(1, 'RideRequested', 'r1', {}),
      recorded(2, 'RideRequested', 'r2', {}),
      recorded(3, 'RideAccepted', 'r1', {}),
      recorded(4, 'TipAdded', 'r1', {}),
      recorded(5, 'RideCompleted', 'r1', {}),
    ]);
    expect(cp).toEqual({ position: 5, state: { r1: 'completed', r2: 'requested' } });
  });

  it('a duplicate delivery changes nothing (same event twice, and an older one after a newer)', () => {
    const first = recorded(1, 'RideAccepted', 'r1', { driver: { id: 'dan' } });
    const second = recorded(2, 'RideAccepted', 'r2', { driver: { id: 'dan' } });
    const once = projectEvents(driverTally, [first, second]);
    const twice = projectEvents(driverTally, [first, first, second, first, second]);
    expect(once).toEqual({ position: 2, state: { dan: 2 } });
    expect(twice).toEqual(once);
    const dup = applyToProjection(driverTally, once, first);
    expect(dup.advanced).toBe(false);
    expect(dup.checkpoint).toBe(once);
    expect(dup.effect).toMatchObject({ kind: 'projection-skipped', position: 1, projection: 'driver-tally' });
  });

  it('an event it does not handle moves the checkpoint but not the state', () => {
    const a = applyToProjection(driverTally, initialCheckpoint(driverTally), recorded(7, 'RideRequested', 'r1', {}));
    expect(a.checkpoint).toEqual({ position: 7, state: {} });
    expect(a.effect.kind).toBe('projection-skipped');
  });
});

describe('catching up on the log', () => {
  const projections = [ridesByStatus, driverTally, revenue];
  const expected = {
    'rides-by-status': { 'ride-1': 'completed', 'ride-2': 'cancelled' },
    'driver-tally': { dan: 2 },
    revenue: { requested: 2, fares: { 'ride-1': 10, 'ride-2': 20 }, total: 10 },
  };

  it('folds the events after the checkpoint in order, through the upcasters, with one effect per event', () => {
    const log = rideHistory();
    for (const p of projections) {
      const r = catchUpProjection(log, p as never, initialCheckpoint(p as never), upcasters);
      expect(r.checkpoint).toEqual({ position: 6, state: expected[p.name as keyof typeof expected] });
      expect(r.effects.map((e) => ('position' in e ? e.position : null))).toEqual([1, 2, 3, 4, 5, 6]);
    }
  });

  it('in pieces (at most n at a time) it reaches the same read model as in one go, and a rebuild equals both', () => {
    const log = rideHistory();
    let cp = initialCheckpoint(revenue);
    for (let i = 0; i < 6; i++) cp = catchUpProjection(log, revenue, cp, upcasters, { max: 1 }).checkpoint;
    expect(cp).toEqual(catchUpProjection(log, revenue, initialCheckpoint(revenue), upcasters).checkpoint);
    expect(cp.state).toEqual(expected.revenue);
  });

  it('a lag shows eventual consistency: only the events visible by now are applied; nothing new returns the same checkpoint', () => {
    const log = rideHistory();
    const visible = (e: RecordedEvent) => e.recordedAt <= 125;
    const early = catchUpProjection(log, ridesByStatus, initialCheckpoint(ridesByStatus), upcasters, { visible });
    expect(early.checkpoint).toEqual({ position: 3, state: { 'ride-1': 'accepted', 'ride-2': 'requested' } });
    const again = catchUpProjection(log, ridesByStatus, early.checkpoint, upcasters, { visible });
    expect(again.checkpoint).toBe(early.checkpoint);
    expect(again.effects).toEqual([]);
  });
});
