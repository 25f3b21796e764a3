import { describe, expect, it } from 'vitest';
import { committedOffset, logEndOffset } from '../../engine/broker';
import { findBuiltin } from '../content';
import { Stepper } from '../stepper';
import { ofKind, runOf } from './faults.testkit';
import { producersWithSends } from './availability';

describe('Poison message', () => {
  it('given no dead-letter route (pub/sub basics), when billing polls, then every attempt fails and the partition stays blocked for good', () => {
    const run = runOf('pubsub-basics', [{ kind: 'poison-message', atStep: 4, topic: 'orders', key: 'order-1' }]);
    const produced = ofKind(run.effects(5), 'record-appended')[0]!;
    expect(ofKind(run.effects(5), 'fault-injected')[0]!.reason).toMatch(/billing has no dead-letter route/);
    const first = ofKind(run.effects(6), 'processing-failed');
    expect(first.map((e) => [e.partition, e.offset, e.attempt])).toEqual([[produced.partition, produced.offset, 1]]);
    expect(first[0]!.reason).toMatch(/blocked for good/);
    const second = ofKind(run.effects(11), 'processing-failed');
    expect(second.map((e) => e.attempt)).toEqual([2]);
    const end = run.at(12).world.broker;
    expect(committedOffset(end, 'billing', 'orders', produced.partition)).toBe(produced.offset);
    expect(logEndOffset(end, 'orders', produced.partition)).toBeGreaterThan(produced.offset + 1);
    expect(end.topics['orders.DLT']).toBeUndefined();
  });

  it('given a dead-letter route (delivery guarantees, fulfilment), then it fails its attempts and goes to orders.DLT, same partition', () => {
    const run = runOf('delivery-guarantees', [
      { kind: 'poison-message', atStep: 15, topic: 'orders', key: 'poison-1' },
    ]);
    const produced = ofKind(run.effects(16), 'record-appended')[0]!;
    const fates = [17, 18].flatMap((k) => run.effects(k));
    const failed = ofKind(fates, 'processing-failed').filter(
      (e) => e.offset === produced.offset && e.partition === produced.partition,
    );
    expect(failed.map((e) => e.attempt)).toEqual([1, 2]);
    const dead = ofKind(fates, 'record-dead-lettered').find((e) => e.partition === produced.partition);
    expect(dead).toMatchObject({ deadLetterTopic: 'orders.DLT', offset: produced.offset });
  });
});

describe('Drop producer connection', () => {
  it('given an idempotent producer, when its acknowledgement is lost, then its retry is deduplicated', () => {
    const run = runOf('pubsub-basics', [{ kind: 'drop-producer-connection', atStep: 4, producerId: 'checkout' }]);
    const step = run.effects(5);
    expect(ofKind(step, 'fault-injected')[0]!.reason).toMatch(/connection between checkout and the broker drops/);
    expect(ofKind(step, 'produce-deduplicated')).toHaveLength(1);
    expect(ofKind(step, 'record-appended')).toEqual([]);
  });

  it('given idempotence off (legacy-pos), then the retry is appended a second time', () => {
    const run = runOf('delivery-guarantees', [
      { kind: 'drop-producer-connection', atStep: 18, producerId: 'legacy-pos' },
    ]);
    const appended = ofKind(run.effects(19), 'record-appended');
    expect(appended).toHaveLength(1);
    expect(appended[0]!.reason).toMatch(/idempotence off/);
  });

  it('given a producer that never sent, then nothing changes and the step says why', () => {
    const run = runOf('pubsub-basics', [{ kind: 'drop-producer-connection', atStep: 0, producerId: 'checkout' }]);
    expect(ofKind(run.effects(1), 'request-rejected')[0]!.reason).toMatch(/has not sent a record yet/);
  });
});

describe('Slow projection', () => {
  it('given driver-earnings held 10 s behind for 5 steps, when it is queried, then the read is stale; afterwards it catches up', () => {
    const plain = runOf('ride-sharing', []);
    expect(ofKind(plain.effects(20), 'query-answered')[0]!.stale).toBe(false);
    const run = runOf('ride-sharing', [
      { kind: 'slow-projection', atStep: 18, projection: 'driver-earnings', lagMs: 10_000, steps: 5 },
    ]);
    const query = ofKind(run.effects(21), 'query-answered')[0]!;
    expect(query.stale).toBe(true);
    expect(query.reason).toMatch(/stale/);
    expect(ofKind(run.effects(21), 'fault-injected').some((e) => /is slowed/.test(e.reason))).toBe(true);
  });

  it('when the slow-down ends, then the projection applies what it missed', () => {
    const run = runOf('ride-sharing', [
      { kind: 'slow-projection', atStep: 2, projection: 'trip-status', lagMs: 10_000, steps: 3 },
    ]);
    expect(ofKind(run.effects(4), 'projection-applied').filter((e) => e.projection === 'trip-status')).toEqual([]);
    const back = run.effects(7); // the fault is step 3; it lasts 3 more steps (until step 6)
    expect(ofKind(back, 'fault-injected').some((e) => /back to speed/.test(e.reason))).toBe(true);
    expect(ofKind(back, 'projection-applied').filter((e) => e.projection === 'trip-status').length).toBeGreaterThan(0);
  });
});

describe('a branch with faults replays to the same world', () => {
  it('from scratch, and from a stored world (a checkpoint is a structured clone)', () => {
    const scenario = findBuiltin('pubsub-basics')!;
    const inputs = [
      { kind: 'pause-consumer', atStep: 4, groupId: 'billing', memberId: 'billing-1', steps: 5 },
      { kind: 'poison-message', atStep: 6, topic: 'orders', key: 'order-1' },
    ] as const;
    const a = new Stepper(scenario, [...inputs]);
    const b = new Stepper(scenario, [...inputs]);
    expect(b.at(13).world).toEqual(a.at(13).world);
    const c = new Stepper(scenario, [...inputs]);
    const at7 = a.at(7);
    expect(c.seed(7, structuredClone(at7.world), at7.effects)).toBe(true);
    expect(c.at(13).world).toEqual(a.at(13).world);
  });
});

describe('Drop producer connection with transactional producers (Exactly-once)', () => {
  it('offers only producers outside a transaction: a transactional send is retried inside its transaction, not as a plain send', () => {
    const s = findBuiltin('exactly-once')!;
    const world = new Stepper(s, []).at(25).world;
    expect(Object.values(world.broker.producers).some((p) => p.transactionalId && p.lastSend)).toBe(true);
    expect(producersWithSends(world)).toEqual(['checkout']);
    const step = new Stepper(s, [{ kind: 'drop-producer-connection', atStep: 25, producerId: 'checkout' }]).at(26);
    expect(step.effects.map((e) => e.kind)).toContain('produce-deduplicated');
  });
});
