import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createInMemoryEventStore } from '../eventstore';
import type { NewEvent, RecordedEvent } from '../types';
import {
  createInMemorySnapshotStore,
  createUpcasterChain,
  handleCommand,
  loadAggregate,
  type AggregateDeps,
} from './index';
import { cmd, rideAcceptedV1toV2, rideAggregate, type RideCommand, type RideState } from './fixtures.testkit';

const upcasters = createUpcasterChain([rideAcceptedV1toV2]);
const newDeps = (withSnapshots = false): AggregateDeps & { store: ReturnType<typeof createInMemoryEventStore> } => ({
  store: createInMemoryEventStore(),
  upcasters,
  ...(withSnapshots ? { snapshots: createInMemorySnapshotStore() } : {}),
});

/** given (stored events) / when (command) / then (new events or a rejection) */
async function givenWhenThen(given: NewEvent[], when: RideCommand) {
  const deps = newDeps();
  if (given.length > 0) await deps.store.appendToStream(when.streamId, given);
  const before = await deps.store.readAll();
  const result = await handleCommand(deps, rideAggregate, when);
  const after = await deps.store.readAll();
  return {
    result,
    newEvents: after
      .slice(before.length)
      .map((e) => ({ eventType: e.eventType, schemaVersion: e.schemaVersion, data: e.data })),
  };
}

const requested: NewEvent = { eventId: 'g1', eventType: 'RideRequested', data: { rider: 'ann', fare: 12 } };
const acceptedV2: NewEvent = {
  eventId: 'g2',
  eventType: 'RideAccepted',
  schemaVersion: 2,
  data: { driver: { id: 'dan' } },
};
const acceptedV1: NewEvent = { eventId: 'g2', eventType: 'RideAccepted', data: { driverId: 'dan' } };

describe('Ride aggregate (given / when / then)', () => {
  it('given nothing, when RequestRide, then RideRequested with ids and metadata from the command', async () => {
    const { result, newEvents } = await givenWhenThen(
      [],
      cmd('RequestRide', 'ride-1', { rider: 'ann', fare: 12 }, 'c-1'),
    );
    expect(newEvents).toEqual([{ eventType: 'RideRequested', schemaVersion: 1, data: { rider: 'ann', fare: 12 } }]);
    expect(result.status).toBe('accepted');
    if (result.status !== 'accepted') return;
    expect(result.events[0]).toMatchObject({
      eventId: 'c-1:0',
      streamId: 'ride-1',
      revision: 0,
      position: 1,
      metadata: { causationId: 'c-1', correlationId: 'c-1' },
    });
    expect(result.state).toEqual({ status: 'requested', rider: 'ann', driver: null, fare: 12, changes: 1 });
    expect(result.effects.map((e) => e.kind)).toEqual(['event-stored', 'command-accepted']);
  });

  it('given RideRequested, when AcceptRide, then RideAccepted v2', async () => {
    const { result, newEvents } = await givenWhenThen([requested], cmd('AcceptRide', 'ride-1', { driver: 'dan' }));
    expect(newEvents).toEqual([{ eventType: 'RideAccepted', schemaVersion: 2, data: { driver: { id: 'dan' } } }]);
    expect(result).toMatchObject({ status: 'accepted', revision: 1, state: { status: 'accepted', driver: 'dan' } });
  });

  it('given RideRequested and RideAccepted, when another driver accepts, then rejected and nothing stored', async () => {
    const { result, newEvents } = await givenWhenThen(
      [requested, acceptedV2],
      cmd('AcceptRide', 'ride-1', { driver: 'eve' }),
    );
    expect(newEvents).toEqual([]);
    expect(result).toMatchObject({
      status: 'rejected',
      conflict: false,
      reason: 'ride ride-1 is accepted by dan; it cannot be accepted by eve',
    });
    expect(result.effects.map((e) => e.kind)).toEqual(['command-rejected']);
  });

  it('given a v1 RideAccepted (stored before v2 existed), the state is loaded through the upcaster', async () => {
    const { result, newEvents } = await givenWhenThen([requested, acceptedV1], cmd('CompleteRide', 'ride-1', {}));
    expect(newEvents).toEqual([{ eventType: 'RideCompleted', schemaVersion: 1, data: {} }]);
    expect(result).toMatchObject({ status: 'accepted', state: { status: 'completed', driver: 'dan' } });
    expect(result.effects.map((e) => e.kind)).toEqual(['event-upcast', 'event-stored', 'command-accepted']);
  });

  it('given nothing, when AcceptRide, then rejected', async () => {
    const { result, newEvents } = await givenWhenThen([], cmd('AcceptRide', 'ride-9', { driver: 'dan' }));
    expect(newEvents).toEqual([]);
    expect(result).toMatchObject({ status: 'rejected', reason: 'ride ride-9 was never requested' });
  });

  it('a command that decides no events is accepted and stores nothing', async () => {
    const { result, newEvents } = await givenWhenThen(
      [requested, acceptedV2, { eventId: 'g3', eventType: 'RideCompleted', data: {} }],
      cmd('AddTip', 'ride-1', { amount: 0 }),
    );
    expect(newEvents).toEqual([]);
    expect(result).toMatchObject({ status: 'accepted', events: [], revision: 2 });
  });
});

describe('optimistic concurrency end to end: two drivers accept the same ride', () => {
  it('one succeeds, the other gets a clear conflict rejection and nothing of it is stored', async () => {
    const deps = newDeps();
    await handleCommand(deps, rideAggregate, cmd('RequestRide', 'ride-1', { rider: 'ann', fare: 12 }));
    const [a, b] = await Promise.all([
      handleCommand(deps, rideAggregate, cmd('AcceptRide', 'ride-1', { driver: 'dan' })),
      handleCommand(deps, rideAggregate, cmd('AcceptRide', 'ride-1', { driver: 'eve' })),
    ]);
    expect(a).toMatchObject({ status: 'accepted', state: { driver: 'dan' } });
    expect(b).toMatchObject({ status: 'rejected', conflict: true });
    if (b.status !== 'rejected') return;
    expect(b.reason).toBe(
      'Conflict: another command changed ride-1 first (expected revision 0, found revision 1). Nothing was stored.',
    );
    expect(b.effects.map((e) => e.kind)).toEqual(['append-conflict', 'command-rejected']);
    const stream = await deps.store.readStream('ride-1');
    expect(stream.map((e) => e.eventType)).toEqual(['RideRequested', 'RideAccepted']);
    expect((stream[1]!.data as { driver: { id: string } }).driver.id).toBe('dan');
  });

  it('with a retry, the loser decides again on the new state and gets the domain rejection', async () => {
    const deps = newDeps();
    await handleCommand(deps, rideAggregate, cmd('RequestRide', 'ride-1', { rider: 'ann', fare: 12 }));
    const [a, b] = await Promise.all([
      handleCommand(deps, rideAggregate, cmd('AcceptRide', 'ride-1', { driver: 'dan' }), { retries: 1 }),
      handleCommand(deps, rideAggregate, cmd('AcceptRide', 'ride-1', { driver: 'eve' }), { retries: 1 }),
    ]);
    expect(a.status).toBe('accepted');
    expect(b).toMatchObject({
      status: 'rejected',
      conflict: false,
      reason: 'ride ride-1 is accepted by dan; it cannot be accepted by eve',
    });
    expect(b.effects.map((e) => e.kind)).toEqual(['append-conflict', 'command-rejected']);
    expect((await deps.store.readAll()).length).toBe(2);
  });
});

describe('snapshots', () => {
  const tipDef = { ...rideAggregate, snapshotEvery: 3 };
  async function rideWithTips(deps: AggregateDeps, tips: number) {
    await handleCommand(deps, tipDef, cmd('RequestRide', 'r', { rider: 'ann', fare: 10 }));
    await handleCommand(deps, tipDef, cmd('AcceptRide', 'r', { driver: 'dan' }));
    await handleCommand(deps, tipDef, cmd('CompleteRide', 'r', {}));
    for (let i = 1; i <= tips; i++) await handleCommand(deps, tipDef, cmd('AddTip', 'r', { amount: i }));
  }

  it('are taken every N events and loading reads only the events after the latest one; the state equals a load without snapshots', async () => {
    const deps = newDeps(true);
    await rideWithTips(deps, 4); // revisions 0–6
    const snap = await deps.snapshots!.load('r');
    expect(snap).toEqual({
      streamId: 'r',
      revision: 5,
      version: 1,
      state: { status: 'completed', rider: 'ann', driver: 'dan', fare: 16, changes: 6 },
    });
    const withSnap = await loadAggregate(deps, tipDef, 'r');
    const without = await loadAggregate({ store: deps.store, upcasters }, tipDef, 'r');
    expect(withSnap.snapshot?.revision).toBe(5);
    expect(withSnap.eventsRead).toBe(1);
    expect(without.eventsRead).toBe(7);
    expect(withSnap.state).toEqual(without.state);
    expect(withSnap.state).toEqual({ status: 'completed', rider: 'ann', driver: 'dan', fare: 20, changes: 7 });
    expect(withSnap.revision).toBe(6);
  });

  it('a snapshot taken by another definition version is discarded, and loading gives the same state', async () => {
    const deps = newDeps(true);
    await rideWithTips(deps, 1);
    expect((await deps.snapshots!.load('r'))?.version).toBe(1);
    const v2 = { ...tipDef, version: 2 };
    const loaded = await loadAggregate(deps, v2, 'r');
    expect(loaded.snapshot).toBeNull();
    expect(loaded.eventsRead).toBe(4);
    expect(loaded.state).toEqual({ status: 'completed', rider: 'ann', driver: 'dan', fare: 11, changes: 4 });
    expect(await deps.snapshots!.load('r')).toBeUndefined();
  });

  it('property: for any command sequence, loading with snapshots equals loading without', async () => {
    const command = fc.oneof(
      fc.record({ t: fc.constant('RequestRide' as const), fare: fc.integer({ min: 1, max: 50 }) }),
      fc.record({ t: fc.constant('AcceptRide' as const), driver: fc.constantFrom('dan', 'eve') }),
      fc.record({ t: fc.constant('CompleteRide' as const) }),
      fc.record({ t: fc.constant('CancelRide' as const) }),
      fc.record({ t: fc.constant('AddTip' as const), amount: fc.integer({ min: 0, max: 5 }) }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom('r1', 'r2'), command), { maxLength: 40 }),
        fc.integer({ min: 1, max: 5 }),
        async (cmds, every) => {
          const def = { ...rideAggregate, snapshotEvery: every };
          const deps = newDeps(true);
          for (const [stream, c] of cmds) {
            const data =
              c.t === 'RequestRide'
                ? { rider: 'x', fare: c.fare }
                : c.t === 'AcceptRide'
                  ? { driver: c.driver }
                  : c.t === 'AddTip'
                    ? { amount: c.amount }
                    : c.t === 'CancelRide'
                      ? { reason: 'r' }
                      : {};
            await handleCommand(deps, def, cmd(c.t, stream, data as never));
          }
          for (const stream of ['r1', 'r2']) {
            const a = await loadAggregate(deps, def, stream);
            const b = await loadAggregate({ store: deps.store, upcasters }, def, stream);
            expect(a.state).toEqual(b.state);
            expect(a.revision).toBe(b.revision);
            const snap = await deps.snapshots!.load(stream);
            if (snap) expect(snap.revision + 1).toBe(Math.floor((a.revision + 1) / every) * every);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('loading', () => {
  it('folds only its own stream', async () => {
    const deps = newDeps();
    await handleCommand(deps, rideAggregate, cmd('RequestRide', 'a', { rider: 'ann', fare: 5 }));
    await handleCommand(deps, rideAggregate, cmd('RequestRide', 'b', { rider: 'bob', fare: 7 }));
    const a = await loadAggregate<RideState>(deps, rideAggregate, 'a');
    expect(a.state).toMatchObject({ rider: 'ann', fare: 5 });
    expect(a.revision).toBe(0);
    const none = await loadAggregate<RideState>(deps, rideAggregate, 'zzz');
    expect(none).toMatchObject({ state: rideAggregate.initialState, revision: -1, eventsRead: 0 });
    const all: RecordedEvent[] = await deps.store.readAll();
    expect(all.map((e) => e.streamId)).toEqual(['a', 'b']);
  });
});

describe('a retried command (the same command id)', () => {
  const completed = async () => {
    const deps = newDeps();
    await deps.store.appendToStream('ride-9', [
      requested,
      acceptedV2,
      { eventId: 'g3', eventType: 'RideCompleted', data: {} },
    ]);
    return deps;
  };

  it('without the revision the client saw, it is decided again on the new state and appended again', async () => {
    const deps = await completed();
    await handleCommand(deps, rideAggregate, cmd('AddTip', 'ride-9', { amount: 2 }, 'tip-1'));
    const retry = await handleCommand(deps, rideAggregate, cmd('AddTip', 'ride-9', { amount: 2 }, 'tip-1'));
    expect(retry.status).toBe('accepted');
    // Two tips, both with the event id derived from the command: the ids alone protect nothing.
    expect((await deps.store.readStream('ride-9')).slice(3).map((e) => e.eventId)).toEqual(['tip-1:0', 'tip-1:0']);
  });

  it('with the revision the client saw, the retry is recognised by the store (exact expectation) and appends nothing', async () => {
    const deps = await completed();
    const tip = { ...cmd('AddTip', 'ride-9', { amount: 2 }, 'tip-2'), expectedRevision: 2 } as const;
    const first = await handleCommand(deps, rideAggregate, tip);
    const retry = await handleCommand(deps, rideAggregate, tip);
    expect(first).toMatchObject({ status: 'accepted', revision: 3 });
    expect(retry).toMatchObject({ status: 'accepted', revision: 3 });
    expect((await deps.store.readStream('ride-9')).map((e) => e.eventId)).toEqual(['g1', 'g2', 'g3', 'tip-2:0']);
    expect(retry.effects.map((e) => e.kind)).toEqual(['command-accepted']);
    expect(retry.effects[0]!.reason).toMatch(/already applied/);
  });

  it('with the revision the client saw, a command overtaken by another is a conflict, not decided again', async () => {
    const deps = await completed();
    await handleCommand(deps, rideAggregate, cmd('AddTip', 'ride-9', { amount: 5 }, 'tip-other'));
    const late = await handleCommand(
      deps,
      rideAggregate,
      { ...cmd('AddTip', 'ride-9', { amount: 2 }, 'tip-3'), expectedRevision: 2 },
      { retries: 3 },
    );
    expect(late).toMatchObject({ status: 'rejected', conflict: true });
    expect((await deps.store.readStream('ride-9')).length).toBe(4);
  });

  it("a request refused by the aggregate's state is idempotent by state (RequestRide twice)", async () => {
    const deps = newDeps();
    await handleCommand(deps, rideAggregate, cmd('RequestRide', 'ride-8', { rider: 'ann', fare: 9 }, 'req-1'));
    const retry = await handleCommand(
      deps,
      rideAggregate,
      cmd('RequestRide', 'ride-8', { rider: 'ann', fare: 9 }, 'req-1'),
    );
    expect(retry).toMatchObject({ status: 'rejected', conflict: false });
    expect((await deps.store.readStream('ride-8')).length).toBe(1);
  });
});
