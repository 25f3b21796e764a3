import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appendToLog, emptyLog, eventsOfStream, readAllOf, type EventLog } from '../eventstore/log';
import type { NewEvent } from '../types';
import { createUpcasterChain, handleCommand, loadAggregate, type AggregateDefinition, type Snapshots } from './index';
import { cmd, rideAcceptedV1toV2, rideAggregate, type RideCommand, type RideState } from './fixtures.testkit';

const upcasters = createUpcasterChain([rideAcceptedV1toV2]);

interface Store {
  log: EventLog;
  snapshots: Snapshots<RideState>;
}
const empty = (): Store => ({ log: emptyLog(), snapshots: {} });

/** Runs one command on `s` (loaded now, or on the state given: a command decided earlier). */
function run(
  s: Store,
  when: RideCommand,
  def: AggregateDefinition<RideState, RideCommand> = rideAggregate,
  loadedAt = s,
) {
  const loaded = loadAggregate(loadedAt.log, loadedAt.snapshots, def, when.streamId, upcasters);
  const r = handleCommand(s.log, s.snapshots, def, when, loaded, {
    upcasters,
    by: 'a rider',
    aggregateId: when.streamId,
    recordedAt: 7,
    toEvents: (drafts) =>
      drafts.map((d, i): NewEvent => ({
        eventId: `${when.commandId}:${i}`,
        eventType: d.eventType,
        schemaVersion: d.schemaVersion ?? 1,
        data: d.data,
        metadata: { correlationId: when.commandId, causationId: when.commandId },
      })),
  });
  return { store: { log: r.log, snapshots: r.snapshots }, result: r, loaded };
}

const given = (events: NewEvent[], streamId = 'ride-1'): Store => {
  const r = appendToLog(emptyLog(), streamId, events, 'any', 1);
  if (!r.ok) throw r.error;
  return { log: r.log, snapshots: {} };
};

/** given (stored events) / when (command) / then (new events or a rejection) */
function givenWhenThen(events: NewEvent[], when: RideCommand) {
  const before = given(events, when.streamId);
  const { store, result, loaded } = run(before, when);
  const newEvents = readAllOf(store.log, { fromPosition: events.length + 1 }).map((e) => ({
    eventType: e.eventType,
    schemaVersion: e.schemaVersion,
    data: e.data,
  }));
  return { result, newEvents, loaded, store };
}

const requested: NewEvent = { eventId: 'g1', eventType: 'RideRequested', data: { rider: 'ann', fare: 12 } };
const acceptedV2: NewEvent = {
  eventId: 'g2',
  eventType: 'RideAccepted',
  schemaVersion: 2,
  data: { driver: { id: 'dan' } },
};
const acceptedV1: NewEvent = { eventId: 'g2', eventType: 'RideAccepted', data: { driverId: 'dan' } };

describe('Ride aggregate (given / when / then), pure', () => {
  it('given nothing, when RequestRide, then RideRequested with the ids and metadata the caller gives', () => {
    const { result, newEvents, store } = givenWhenThen(
      [],
      cmd('RequestRide', 'ride-1', { rider: 'ann', fare: 12 }, 'c-1'),
    );
    expect(newEvents).toEqual([{ eventType: 'RideRequested', schemaVersion: 1, data: { rider: 'ann', fare: 12 } }]);
    expect(result.outcome).toBe('accepted');
    expect(result.recorded[0]).toMatchObject({
      eventId: 'c-1:0',
      streamId: 'ride-1',
      revision: 0,
      position: 1,
      recordedAt: 7,
      metadata: { causationId: 'c-1', correlationId: 'c-1' },
    });
    expect(loadAggregate(store.log, {}, rideAggregate, 'ride-1', upcasters).state).toEqual({
      status: 'requested',
      rider: 'ann',
      driver: null,
      fare: 12,
      changes: 1,
    });
    expect(result.effects.map((e) => e.kind)).toEqual(['command-accepted', 'event-stored']);
    expect(result.effects[1]!.reason).toBe(
      'RideRequested stored as revision 0 of "ride-1" (global position 1), appended with expected revision no stream',
    );
  });

  it('given RideRequested, when AcceptRide, then RideAccepted v2', () => {
    const { newEvents } = givenWhenThen([requested], cmd('AcceptRide', 'ride-1', { driver: 'dan' }));
    expect(newEvents).toEqual([{ eventType: 'RideAccepted', schemaVersion: 2, data: { driver: { id: 'dan' } } }]);
  });

  it('given RideRequested and RideAccepted, when another driver accepts, then rejected and the log is the same', () => {
    const before = given([requested, acceptedV2]);
    const { result } = run(before, cmd('AcceptRide', 'ride-1', { driver: 'eve' }));
    expect(result.outcome).toBe('rejected');
    expect(result.log).toBe(before.log);
    expect(result.effects).toEqual([
      expect.objectContaining({
        kind: 'command-rejected',
        reason: 'ride ride-1 is accepted by dan; it cannot be accepted by eve',
      }),
    ]);
  });

  it('given a v1 RideAccepted (stored before v2 existed), the state is loaded through the upcaster', () => {
    const { result, newEvents, loaded } = givenWhenThen([requested, acceptedV1], cmd('CompleteRide', 'ride-1', {}));
    expect(newEvents).toEqual([{ eventType: 'RideCompleted', schemaVersion: 1, data: {} }]);
    expect(loaded.state).toMatchObject({ status: 'accepted', driver: 'dan' });
    expect(loaded.effects.map((e) => e.kind)).toEqual(['event-upcast']);
    expect(result.outcome).toBe('accepted');
  });

  it('a command that decides no events is accepted and stores nothing', () => {
    const { result, newEvents } = givenWhenThen(
      [requested, acceptedV2, { eventId: 'g3', eventType: 'RideCompleted', data: {} }],
      cmd('AddTip', 'ride-1', { amount: 0 }),
    );
    expect(newEvents).toEqual([]);
    expect(result).toMatchObject({ outcome: 'accepted', recorded: [] });
  });
});

describe('optimistic concurrency: two drivers accept the same ride, decided on the same state', () => {
  it('the first lands; the second is a conflict that writes nothing; decided again it gets the domain rejection', () => {
    const s0 = run(empty(), cmd('RequestRide', 'ride-1', { rider: 'ann', fare: 12 })).store;
    const a = run(s0, cmd('AcceptRide', 'ride-1', { driver: 'dan' }), rideAggregate, s0);
    const b = run(a.store, cmd('AcceptRide', 'ride-1', { driver: 'eve' }), rideAggregate, s0);
    expect(a.result.outcome).toBe('accepted');
    expect(b.result.outcome).toBe('conflict');
    expect(b.result.log).toBe(a.store.log);
    expect(b.result.effects).toEqual([expect.objectContaining({ kind: 'append-conflict', expected: 0, actual: 1 })]);
    const retry = run(a.store, cmd('AcceptRide', 'ride-1', { driver: 'eve' }));
    expect(retry.result.effects[0]).toMatchObject({
      kind: 'command-rejected',
      reason: 'ride ride-1 is accepted by dan; it cannot be accepted by eve',
    });
    expect(eventsOfStream(retry.store.log, 'ride-1').map((e) => e.eventType)).toEqual([
      'RideRequested',
      'RideAccepted',
    ]);
  });
});

describe('snapshots', () => {
  const tipDef = { ...rideAggregate, snapshotEvery: 3 };
  function rideWithTips(tips: number) {
    let s = empty();
    s = run(s, cmd('RequestRide', 'r', { rider: 'ann', fare: 10 }), tipDef).store;
    s = run(s, cmd('AcceptRide', 'r', { driver: 'dan' }), tipDef).store;
    s = run(s, cmd('CompleteRide', 'r', {}), tipDef).store;
    for (let i = 1; i <= tips; i++) s = run(s, cmd('AddTip', 'r', { amount: i }), tipDef).store;
    return s;
  }

  it('are taken every N events and loading reads only the events after the latest one; the state equals a load without snapshots', () => {
    const s = rideWithTips(4); // revisions 0–6
    expect(s.snapshots.r).toEqual({
      revision: 5,
      version: 1,
      state: { status: 'completed', rider: 'ann', driver: 'dan', fare: 16, changes: 6 },
    });
    const withSnap = loadAggregate(s.log, s.snapshots, tipDef, 'r', upcasters);
    const without = loadAggregate(s.log, s.snapshots, tipDef, 'r', upcasters, false);
    expect(withSnap).toMatchObject({ fromSnapshot: 5, eventsRead: 1, revision: 6 });
    expect(without).toMatchObject({ fromSnapshot: null, eventsRead: 7, revision: 6 });
    expect(withSnap.state).toEqual(without.state);
  });

  it('a snapshot taken by another definition version, or ahead of the stream, is not used', () => {
    const s = rideWithTips(1);
    const v2 = loadAggregate(s.log, s.snapshots, { ...tipDef, version: 2 }, 'r', upcasters);
    expect(v2).toMatchObject({ fromSnapshot: null, eventsRead: 4 });
    const ahead = loadAggregate(emptyLog(), s.snapshots, tipDef, 'r', upcasters);
    expect(ahead).toMatchObject({ fromSnapshot: null, eventsRead: 0, revision: -1, state: rideAggregate.initialState });
  });

  it('property: for any command sequence, loading with snapshots equals loading without', () => {
    const command = fc.oneof(
      fc.record({ t: fc.constant('RequestRide' as const), fare: fc.integer({ min: 1, max: 50 }) }),
      fc.record({ t: fc.constant('AcceptRide' as const), driver: fc.constantFrom('dan', 'eve') }),
      fc.record({ t: fc.constant('CompleteRide' as const) }),
      fc.record({ t: fc.constant('CancelRide' as const) }),
      fc.record({ t: fc.constant('AddTip' as const), amount: fc.integer({ min: 0, max: 5 }) }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('r1', 'r2'), command), { maxLength: 40 }),
        fc.integer({ min: 1, max: 5 }),
        (cmds, every) => {
          const def = { ...rideAggregate, snapshotEvery: every };
          let s = empty();
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
            s = run(s, cmd(c.t, stream, data as never), def).store;
          }
          for (const stream of ['r1', 'r2']) {
            const a = loadAggregate(s.log, s.snapshots, def, stream, upcasters);
            const b = loadAggregate(s.log, s.snapshots, def, stream, upcasters, false);
            expect(a.state).toEqual(b.state);
            expect(a.revision).toBe(b.revision);
            const snap = s.snapshots[stream];
            if (snap) expect(snap.revision + 1).toBe(Math.floor((a.revision + 1) / every) * every);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('loading', () => {
  it('folds only its own stream', () => {
    let s = run(empty(), cmd('RequestRide', 'a', { rider: 'ann', fare: 5 })).store;
    s = run(s, cmd('RequestRide', 'b', { rider: 'bob', fare: 7 })).store;
    const a = loadAggregate(s.log, s.snapshots, rideAggregate, 'a', upcasters);
    expect(a.state).toMatchObject({ rider: 'ann', fare: 5 });
    expect(a.revision).toBe(0);
    const none = loadAggregate(s.log, s.snapshots, rideAggregate, 'zzz', upcasters);
    expect(none).toMatchObject({ state: rideAggregate.initialState, revision: -1, eventsRead: 0 });
  });

  it("a retried request refused by the aggregate's state is idempotent by state (RequestRide twice)", () => {
    const s = run(empty(), cmd('RequestRide', 'ride-8', { rider: 'ann', fare: 9 }, 'req-1')).store;
    const retry = run(s, cmd('RequestRide', 'ride-8', { rider: 'ann', fare: 9 }, 'req-1'));
    expect(retry.result.outcome).toBe('rejected');
    expect(eventsOfStream(retry.store.log, 'ride-8')).toHaveLength(1);
  });
});
