import { describe, expect, it } from 'vitest';
import * as broker from '../../engine/broker';
import { mustParseScenario } from '../parse';
import { allBuiltins } from '../content';
import { Stepper } from '../stepper';

const publish = (key: string, email: string | null) => ({
  title: email ? `update ${key}` : `erase ${key}`,
  narration: '…',
  action: {
    kind: 'publish',
    producer: 'crm',
    topic: 'profiles',
    event: { eventType: email ? 'ProfileUpdated' : 'ProfileErased', streamId: key, key, data: email ? { email } : {} },
    ...(email ? {} : { tombstone: true }),
  },
});

const scenario = mustParseScenario({
  schemaVersion: 1,
  id: 'tombstone-test',
  title: 'Tombstones',
  summary: 'A null-valued record deletes its key on a compacted topic.',
  level: 'beginner',
  concepts: ['compaction'],
  seed: 1,
  startTime: 0,
  stepMs: 1000,
  intro: { title: 'x', narration: 'x' },
  topology: {
    topics: [
      { name: 'profiles', partitions: 1, cleanupPolicy: 'compact', segmentRecords: 2, tombstoneRetentionMs: 10_000 },
    ],
    producers: [{ id: 'crm', label: 'CRM' }],
    groups: [],
  },
  // A third record rolls the full segment (a segment rolls on the next append; the active one is never compacted).
  steps: [
    publish('cust-1', 'a@example.com'),
    publish('cust-1', null),
    { title: 'compact', narration: '…', action: { kind: 'compact', topic: 'profiles' } },
    publish('cust-2', 'b@example.com'),
    { title: 'compact', narration: '…', action: { kind: 'compact', topic: 'profiles' } },
  ],
  takeaways: ['x'],
});

describe('publish with tombstone: true', () => {
  it('appends a record with a null value (nothing goes to an event store), and compaction keeps it as the latest for its key', () => {
    const stepper = new Stepper(scenario, []);
    const afterErase = stepper.at(2).world;
    const records = broker.recordsOf(afterErase.broker, 'profiles', 0);
    expect(records.map((r) => [r.offset, r.key, r.value === null])).toEqual([
      [0, 'cust-1', false],
      [1, 'cust-1', true],
    ]);
    // A direct producer: the events live on the topic only; the tombstone's event type is in its headers.
    expect(afterErase.log.events).toEqual([]);
    expect(records.map((r) => r.headers.eventType)).toEqual(['ProfileUpdated', 'ProfileErased']);
    // While both records sit in the active segment, compaction leaves them alone.
    expect(broker.recordsOf(stepper.at(3).world.broker, 'profiles', 0).map((r) => r.offset)).toEqual([0, 1]);
    const compacted = stepper.at(5).world;
    expect(broker.recordsOf(compacted.broker, 'profiles', 0).map((r) => [r.offset, r.value === null])).toEqual([
      [1, true],
      [2, false],
    ]);
  });
});

/**
 * Issue 13, point 9: a `publish` step is a direct producer. It writes to the broker only; only
 * aggregates (commands) append to the event store, and the outbox relay publishes what they stored.
 * A publish that recorded the event in the store and removed it again when the broker refused the
 * record would be an atomic write across two systems — the dual write that cannot exist.
 */
describe('publish in a scenario with an event store: a direct producer', () => {
  const withStore = mustParseScenario({
    ...JSON.parse(JSON.stringify(scenario)),
    id: 'direct-producer',
    topology: {
      topics: [{ name: 'orders', partitions: 1 }],
      producers: [{ id: 'checkout', label: 'Checkout' }],
      groups: [],
      aggregates: [
        {
          type: 'Order',
          streamPrefix: 'order-',
          version: 1,
          initial: 'none',
          commands: [
            {
              command: 'PlaceOrder',
              when: ['none'],
              emit: [{ eventType: 'OrderPlaced', data: { orderId: { ref: 'command.id' } } }],
            },
          ],
          evolve: [{ eventType: 'OrderPlaced', to: 'placed' }],
        },
      ],
    },
    steps: [
      {
        title: 'place',
        narration: '…',
        action: { kind: 'command', aggregate: 'Order', id: '1', command: 'PlaceOrder', data: {} },
      },
      {
        title: 'publish',
        narration: '…',
        action: {
          kind: 'publish',
          producer: 'checkout',
          topic: 'orders',
          event: { eventType: 'OrderPlaced', streamId: 'order-2', key: 'order-2', data: { orderId: '2' } },
        },
      },
      {
        title: 'refused',
        narration: '…',
        action: {
          kind: 'publish',
          producer: 'checkout',
          topic: 'orders',
          event: { eventType: 'OrderPlaced', streamId: 'order-3', key: 'order-\ud800', data: { orderId: '3' } },
        },
      },
    ],
  });
  const stepper = new Stepper(withStore, []);

  it("puts the record on the topic and nothing in the event store, not even into an aggregate's stream", () => {
    const { world, effects } = stepper.at(2);
    expect(broker.recordsOf(world.broker, 'orders', 0).map((r) => r.key)).toEqual(['order-2']);
    expect(world.log.events.map((e) => e.streamId)).toEqual(['order-1']);
    expect(effects.some((e) => e.kind === 'event-stored')).toBe(false);
  });

  it('a record the broker refuses leaves nothing anywhere: there was one write to attempt', () => {
    const { world, effects } = stepper.at(3);
    expect(effects.map((e) => e.kind)).toContain('produce-rejected');
    expect(world.log.events).toHaveLength(1);
    expect(broker.recordsOf(world.broker, 'orders', 0)).toHaveLength(1);
  });
});

describe('publish in a scenario without an event store (the pub/sub lessons)', () => {
  const refused = mustParseScenario({
    ...JSON.parse(JSON.stringify(scenario)),
    id: 'direct-refused',
    steps: [
      publish('cust-1', 'a@example.com'),
      {
        title: 'refused',
        narration: '…',
        action: {
          kind: 'publish',
          producer: 'crm',
          topic: 'profiles',
          event: { eventType: 'ProfileUpdated', streamId: 'cust-x', key: 'cust-\ud800', data: {} },
        },
      },
    ],
  });
  const stepper = new Stepper(refused, []);

  it('writes the record and nothing else; its headers carry the event', () => {
    const { world, effects } = stepper.at(1);
    expect(world.log.events).toEqual([]);
    expect(effects.some((e) => e.kind === 'event-stored')).toBe(false);
    const [r] = broker.recordsOf(world.broker, 'profiles', 0);
    expect(r).toMatchObject({
      key: 'cust-1',
      producerId: 'crm',
      headers: { eventType: 'ProfileUpdated', schemaVersion: '1', subject: 'cust-1' },
    });
    expect(r!.eventId).toBeTruthy();
  });

  it('a refused publish leaves nothing anywhere', () => {
    const before = stepper.at(1).world;
    const { world, effects } = stepper.at(2);
    expect(effects.map((e) => e.kind)).toContain('produce-rejected');
    expect(effects.some((e) => e.kind === 'event-stored' || e.kind === 'record-appended')).toBe(false);
    expect(world.log).toEqual(before.log);
    expect(broker.recordsOf(world.broker, 'profiles', 0)).toEqual(broker.recordsOf(before.broker, 'profiles', 0));
  });
});

describe('every built-in, every step: a publish appends nothing to the event store', () => {
  for (const s of allBuiltins()) {
    it(s.id, () => {
      const stepper = new Stepper(s, []);
      let publishes = 0;
      for (let k = 1; k <= stepper.lastStep; k++) {
        if (s.steps[k - 1]!.action.kind !== 'publish') continue;
        publishes++;
        const { world, effects } = stepper.at(k);
        // Only commands (aggregates) append to the store; the relay and projections only read it.
        expect(world.log.events, `${s.id} step ${k}`).toEqual(stepper.at(k - 1).world.log.events);
        expect(
          effects.filter((e) => e.kind === 'event-stored'),
          `${s.id} step ${k}`,
        ).toEqual([]);
      }
      if (s.steps.some((st) => st.action.kind === 'publish')) expect(publishes).toBeGreaterThan(0);
    });
  }
});
