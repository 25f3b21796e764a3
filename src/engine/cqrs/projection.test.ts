import { describe, expect, it } from 'vitest';
import { createInMemoryEventStore } from '../eventstore';
import type { EventStore, NewEvent, RecordedEvent } from '../types';
import {
  applyToProjection,
  createInMemoryCheckpointStore,
  createProjectionRunner,
  createUpcasterChain,
  initialCheckpoint,
  projectEvents,
} from './index';
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
async function rideHistory(store: EventStore) {
  await store.appendToStream('ride-1', [
    e('RideRequested', { rider: 'ann', fare: 10 }, { metadata: { occurredAt: 100 } }),
  ]);
  await store.appendToStream('ride-2', [
    e('RideRequested', { rider: 'bob', fare: 20 }, { metadata: { occurredAt: 110 } }),
  ]);
  await store.appendToStream('ride-1', [e('RideAccepted', { driverId: 'dan' }, { metadata: { occurredAt: 120 } })]);
  await store.appendToStream('ride-2', [
    e('RideAccepted', { driver: { id: 'dan' } }, { schemaVersion: 2, metadata: { occurredAt: 130 } }),
  ]);
  await store.appendToStream('ride-1', [e('RideCompleted', {}, { metadata: { occurredAt: 140 } })]);
  await store.appendToStream('ride-2', [e('RideCancelled', { reason: 'late' }, { metadata: { occurredAt: 150 } })]);
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

describe('projection runner', () => {
  const projections = [ridesByStatus, driverTally, revenue];
  const expected = {
    'rides-by-status': { 'ride-1': 'completed', 'ride-2': 'cancelled' },
    'driver-tally': { dan: 2 },
    revenue: { requested: 2, fares: { 'ride-1': 10, 'ride-2': 20 }, total: 10 },
  };

  it('catches up in order through the upcasters and saves checkpoint and read model together', async () => {
    const store = createInMemoryEventStore();
    await rideHistory(store);
    const checkpoints = createInMemoryCheckpointStore();
    const runner = createProjectionRunner({ store, checkpoints, projections, upcasters });
    const effects = await runner.catchUp();
    for (const p of projections)
      expect(runner.checkpoint(p.name)).toEqual({ position: 6, state: expected[p.name as keyof typeof expected] });
    expect(await checkpoints.load('driver-tally')).toEqual({
      name: 'driver-tally',
      version: 1,
      position: 6,
      state: { dan: 2 },
    });
    expect(effects.filter((x) => x.kind === 'projection-applied').length).toBe(6 + 2 + 3);
    expect(checkpoints.saves).toBe(1);
  });

  it('a rebuild from position 1 gives the same read model as the incremental one', async () => {
    const store = createInMemoryEventStore();
    const checkpoints = createInMemoryCheckpointStore();
    const runner = createProjectionRunner({ store, checkpoints, projections, upcasters, batchSize: 2 });
    const start = seq;
    const seqId = (n: number) => `e${start + n}`;
    await store.appendToStream('ride-1', [e('RideRequested', { rider: 'ann', fare: 10 })]);
    await runner.catchUp();
    await store.appendToStream('ride-1', [e('RideAccepted', { driverId: 'dan' })]);
    await runner.catchUp();
    await store.appendToStream('ride-2', [e('RideRequested', { rider: 'b', fare: 3 }), e('RideCompleted', {})]);
    await runner.catchUp();
    const incremental = projections.map((p) => runner.checkpoint(p.name));
    const effects = await runner.rebuild();
    expect(projections.map((p) => runner.checkpoint(p.name))).toEqual(incremental);
    expect(
      effects.map((x) =>
        x.kind === 'projection-applied'
          ? [x.projection, x.position, x.eventId, x.reason.match(/\((\d+) event/)?.[1]]
          : null,
      ),
    ).toEqual([
      ['rides-by-status', 4, seqId(4), '4'],
      ['driver-tally', 4, seqId(4), '1'],
      ['revenue', 4, seqId(4), '3'],
    ]);
    expect(incremental[2]).toEqual({
      position: 4,
      state: { requested: 2, fares: { 'ride-1': 10, 'ride-2': 3 }, total: 3 },
    });
  });

  it('a restarted runner continues from its checkpoint: no event applied twice, none skipped', async () => {
    const store = createInMemoryEventStore();
    await rideHistory(store);
    const checkpoints = createInMemoryCheckpointStore();
    const first = createProjectionRunner({ store, checkpoints, projections, upcasters, batchSize: 4 });
    await first.catchUp();
    await store.appendToStream('ride-3', [e('RideRequested', { rider: 'cy', fare: 7 })]);
    const second = createProjectionRunner({ store, checkpoints, projections, upcasters });
    const effects = await second.catchUp();
    expect(
      effects.map((x) => (x.kind === 'projection-applied' || x.kind === 'projection-skipped' ? x.position : null)),
    ).toEqual([7, 7, 7]);
    expect(second.checkpoint('revenue')).toEqual({
      position: 7,
      state: { ...expected.revenue, requested: 3, fares: { ...expected.revenue.fares, 'ride-3': 7 } },
    });
  });

  it('push delivery: a duplicate is skipped, a gap is filled from the store', async () => {
    const store = createInMemoryEventStore();
    await rideHistory(store);
    const all = await store.readAll();
    const runner = createProjectionRunner({
      store,
      checkpoints: createInMemoryCheckpointStore(),
      projections: [driverTally],
      upcasters,
    });
    await runner.deliver(all[0]!);
    expect(runner.checkpoint('driver-tally').position).toBe(1);
    await runner.deliver(all[3]!); // positions 2 and 3 are read from the store first
    expect(runner.checkpoint('driver-tally')).toEqual({ position: 4, state: { dan: 2 } });
    const dup = await runner.deliver(upcasters.upcast(all[2]!));
    expect(dup.map((x) => x.kind)).toEqual(['projection-skipped']);
    expect(runner.checkpoint('driver-tally')).toEqual({ position: 4, state: { dan: 2 } });
  });

  it('a delay shows eventual consistency: events arrive in order once their time has come, and queries say how stale they are', async () => {
    const store = createInMemoryEventStore();
    await rideHistory(store); // occurredAt 100…150
    let now = 100;
    const runner = createProjectionRunner({
      store,
      checkpoints: createInMemoryCheckpointStore(),
      projections: [ridesByStatus],
      delay: 25,
      clock: () => now,
    });
    await runner.catchUp();
    expect(runner.checkpoint('rides-by-status').position).toBe(0);
    const stale = await runner.query('rides-by-status', 'ride-1');
    expect(stale).toMatchObject({
      position: 0,
      stale: true,
      behindBy: 6,
      effect: { kind: 'query-answered', stale: true, behindBy: 6, rowKey: 'ride-1' },
    });
    now = 136; // events at 100, 110 are due (≤ 111); 120 is due at 145? no: 120 + 25 = 145 > 136
    await runner.catchUp();
    expect(runner.checkpoint('rides-by-status')).toEqual({
      position: 2,
      state: { 'ride-1': 'requested', 'ride-2': 'requested' },
    });
    now = 175;
    await runner.catchUp();
    expect(runner.checkpoint('rides-by-status')).toEqual({
      position: 6,
      state: { 'ride-1': 'completed', 'ride-2': 'cancelled' },
    });
    expect(await runner.query('rides-by-status')).toMatchObject({ stale: false, behindBy: 0 });
  });

  it('a read model saved by another projection version is rebuilt from position 1', async () => {
    const store = createInMemoryEventStore();
    await rideHistory(store);
    const checkpoints = createInMemoryCheckpointStore();
    await checkpoints.save([{ name: 'driver-tally', version: 0, position: 6, state: { stale: 99 } }]);
    const runner = createProjectionRunner({ store, checkpoints, projections: [driverTally], upcasters });
    await runner.catchUp();
    expect(runner.checkpoint('driver-tally')).toEqual({ position: 6, state: { dan: 2 } });
  });
});
