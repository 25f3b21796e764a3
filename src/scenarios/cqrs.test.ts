import { describe, expect, it } from 'vitest';
import { failedExpectations } from './expectations';
import { mustParseScenario } from './parse';
import { compileScenario } from './compiledScenario';
import { Stepper } from './stepper';

/** A small write-side/read-side scenario exercising every CQRS part of the format. */
const scenario = mustParseScenario({
  schemaVersion: 1,
  id: 'cqrs-fixture',
  title: 'CQRS fixture',
  summary: 'test',
  level: 'advanced',
  concepts: ['cqrs'],
  seed: 7,
  startTime: 0,
  stepMs: 1000,
  intro: { title: 'Intro', narration: 'Intro' },
  topology: {
    topics: [
      { name: 'rides', partitions: 3 },
      { name: 'notifications', partitions: 1 },
    ],
    producers: [],
    groups: [{ id: 'notifier', topics: ['rides'], members: ['n1'], autoOffsetReset: 'earliest', idempotent: true }],
    aggregates: [
      {
        type: 'Ride',
        streamPrefix: 'ride-',
        version: 1,
        snapshotEvery: 3,
        initial: 'none',
        commands: [
          {
            command: 'RequestRide',
            when: ['none'],
            emit: [
              {
                eventType: 'RideRequested',
                data: { rideId: { ref: 'command.id' }, riderId: { ref: 'command.riderId' } },
              },
            ],
          },
          {
            command: 'AcceptRide',
            when: ['requested'],
            guard: { in: [{ ref: 'command.driverId' }, ['d1', 'd2']] },
            rejectWith: 'only nearby drivers may accept',
            emit: [
              {
                eventType: 'RideAccepted',
                data: { rideId: { ref: 'command.id' }, driverId: { ref: 'command.driverId' } },
              },
            ],
          },
          {
            command: 'CompleteRide',
            when: ['accepted'],
            emit: [
              { eventType: 'RideCompleted', data: { rideId: { ref: 'command.id' }, fare: { ref: 'command.fare' } } },
            ],
          },
        ],
        evolve: [
          { eventType: 'RideRequested', to: 'requested', set: { riderId: { ref: 'event.data.riderId' } } },
          { eventType: 'RideAccepted', to: 'accepted', set: { driverId: { ref: 'event.data.driverId' } } },
          { eventType: 'RideCompleted', to: 'completed' },
        ],
      },
    ],
    projections: [
      {
        name: 'trip-status',
        title: 'Trip status',
        columns: ['status', 'driverId'],
        lagMs: 2000,
        on: [
          {
            eventType: 'RideRequested',
            ops: [{ op: 'upsert', key: { ref: 'event.data.rideId' }, set: { status: 'requested' } }],
          },
          {
            eventType: 'RideAccepted',
            ops: [
              {
                op: 'update',
                key: { ref: 'event.data.rideId' },
                set: { status: 'accepted', driverId: { ref: 'event.data.driverId' } },
              },
            ],
          },
          {
            eventType: 'RideCompleted',
            ops: [{ op: 'update', key: { ref: 'event.data.rideId' }, set: { status: 'completed' } }],
          },
        ],
      },
      {
        name: 'earnings',
        title: 'Earnings',
        columns: ['total'],
        on: [
          {
            eventType: 'RideCompleted',
            ops: [{ op: 'increment', key: 'all', field: 'total', by: { ref: 'event.data.fare' } }],
          },
        ],
      },
    ],
    relay: { auto: true, routes: [{ topic: 'rides', key: { ref: 'event.data.rideId' } }] },
    services: [
      {
        id: 'notify',
        label: 'Notifications',
        group: 'notifier',
        on: [
          {
            eventType: 'RideAccepted',
            do: [
              {
                publish: {
                  topic: 'notifications',
                  eventType: 'RiderNotified',
                  streamId: { concat: ['notify-', { ref: 'event.data.rideId' }] },
                  key: { ref: 'event.data.rideId' },
                  data: { rideId: { ref: 'event.data.rideId' } },
                },
              },
            ],
          },
        ],
      },
    ],
  },
  steps: [
    {
      title: 'request',
      narration: 'n',
      action: { kind: 'command', aggregate: 'Ride', id: '42', command: 'RequestRide', data: { riderId: 'r7' } },
    },
    {
      title: 'race',
      narration: 'n',
      action: {
        kind: 'race',
        commands: [
          { aggregate: 'Ride', id: '42', command: 'AcceptRide', data: { driverId: 'd1' } },
          { aggregate: 'Ride', id: '42', command: 'AcceptRide', data: { driverId: 'd2' } },
        ],
      },
      expect: [
        { kind: 'aggregate', aggregate: 'Ride', id: '42', status: 'accepted', field: 'driverId', equals: 'd1' },
        { kind: 'stream', streamId: 'ride-42', revision: 1 },
        { kind: 'effect', effect: 'append-conflict', count: 1 },
        { kind: 'effect', effect: 'command-rejected', count: 1 },
        { kind: 'read-model', projection: 'trip-status', key: '42', absent: true },
      ],
    },
    { title: 'stale query', narration: 'n', action: { kind: 'query', projection: 'trip-status', key: '42' } },
    {
      title: 'intruder',
      narration: 'n',
      action: { kind: 'command', aggregate: 'Ride', id: '42', command: 'CompleteRide', data: { fare: 12.5 } },
      expect: [{ kind: 'read-model', projection: 'trip-status', key: '42', field: 'status', equals: 'accepted' }],
    },
    {
      title: 'notify',
      narration: 'n',
      action: { kind: 'poll', group: 'notifier', member: 'n1' },
      expect: [
        { kind: 'effect', effect: 'reaction-triggered', count: 1 },
        { kind: 'record', topic: 'notifications', partition: 0, offset: 0, eventType: 'RiderNotified' },
      ],
    },
    {
      title: 'rebuild',
      narration: 'n',
      action: { kind: 'rebuild', projection: 'trip-status' },
      expect: [
        { kind: 'read-model', projection: 'trip-status', key: '42', field: 'status', equals: 'completed' },
        { kind: 'read-model', projection: 'earnings', key: 'all', field: 'total', equals: 12.5 },
      ],
    },
  ],
  takeaways: ['t'],
});

describe('CQRS through the stepper', () => {
  const stepper = new Stepper(scenario, []);
  const rt = compileScenario(scenario);

  it('meets the expectations written in the fixture', () => {
    const failures = scenario.steps.flatMap((s, i) => {
      const r = stepper.at(i + 1);
      return failedExpectations(r.world, s.expect ?? [], rt, r.effects).map((f) => `step ${i + 1}: ${f}`);
    });
    expect(failures).toEqual([]);
  });

  it('two drivers accepting at once: one wins, the other gets a conflict then a clear rejection', () => {
    const { effects } = stepper.at(2);
    const kinds = effects
      .filter((e) => ['command-accepted', 'append-conflict', 'command-rejected'].includes(e.kind))
      .map((e) => e.kind);
    expect(kinds).toEqual(['command-accepted', 'append-conflict', 'command-rejected']);
    const rejected = effects.find((e) => e.kind === 'command-rejected')!;
    expect(rejected.reason).toMatch(/AcceptRide is refused: Ride 42 is "accepted"/);
  });

  it('publishes write-side events through the relay, keyed so one ride stays in one partition', () => {
    const { world } = stepper.at(2);
    const recs = Object.values(world.broker.topics.rides!.partitions).flatMap((p) => p.records);
    expect(recs.map((r) => r.key)).toEqual(['42', '42']);
    expect(world.relay.position).toBe(2);
  });

  it('a query before the projection caught up is flagged stale, with the reason', () => {
    const q = stepper.at(3).effects.find((e) => e.kind === 'query-answered');
    expect(q).toMatchObject({ stale: true, readModel: 'trip-status', rowKey: '42' });
    expect(q!.reason).toMatch(/RideAccepted/);
  });

  it('reactions carry correlation and causation ids (a published reaction carries them in its record headers)', () => {
    const { world } = stepper.at(5);
    // The service publishes directly: the record is on the topic and nowhere in the event store.
    expect(world.log.events.some((e) => e.eventType === 'RiderNotified')).toBe(false);
    const notified = world.broker.topics.notifications!.partitions[0]!.records[0]!;
    const accepted = world.log.events.find((e) => e.eventType === 'RideAccepted')!;
    expect(notified.headers.causationId).toBe(accepted.eventId);
    expect(notified.headers.correlationId).toBe(accepted.metadata?.correlationId);
  });

  it('takes a snapshot every 3 events, and loading with or without it gives the same state', () => {
    const { world } = stepper.at(4);
    expect(world.snapshots['ride-42']).toMatchObject({ revision: 2, version: 1, state: { status: 'completed' } });
  });

  it('a rebuilt projection equals the incrementally built one', () => {
    const incremental = new Stepper(scenario, []).at(6).world.projections['trip-status'];
    expect(incremental?.rows['42']).toEqual({ status: 'completed', driverId: 'd1' });
  });
});
