import { describe, expect, it } from 'vitest';
import { createBroker, type BrokerState } from './brokerState';
import { partitionForKey } from './partitioner';
import {
  createProducer,
  produce,
  produceBatch,
  restartProducer,
  flushProducer,
  ProducerConfigError,
  DEFAULT_METADATA_MAX_AGE_MS,
} from './producer';
import { createTopic, addPartitions } from './topic';
import { logEndOffset, recordsOf } from './log';
import { only, pure } from './testing';

const withTopic = (partitions = 6, extra: object = {}): BrokerState =>
  createTopic(createBroker({ seed: 7 }), { name: 'rides', partitions, ...extra }, 0).state;

describe('produce: partition choice', () => {
  it('keyed records go to murmur2 mod n, with the arithmetic in the effect', () => {
    const r = pure(withTopic(), (s) => produce(s, { topic: 'rides', key: 'ride-42', value: { a: 1 } }, 10));
    const p = partitionForKey('ride-42', 6);
    expect(r.appended).toEqual({ topic: 'rides', partition: p, offset: 0 });
    const [e] = only(r.effects, 'record-appended');
    expect(e!.choice).toMatchObject({ kind: 'key', key: 'ride-42', partitionCount: 6, partition: p });
    expect(e!.reason).toMatch(new RegExp(`murmur2\\('ride-42'\\) = -?\\d+, toPositive = \\d+, \\d+ mod 6 = ${p}`));
    expect(e!.eventId).toBeNull();
    expect(recordsOf(r.state, 'rides', p)[0]).toMatchObject({
      offset: 0,
      key: 'ride-42',
      value: { a: 1 },
      timestamp: 10,
    });
  });

  it('offsets are dense per partition and the same key keeps its partition', () => {
    let s = withTopic();
    const offsets: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = produce(s, { topic: 'rides', key: 'k', value: i, eventId: `e${i}` }, i);
      s = r.state;
      offsets.push(r.appended!.offset);
    }
    expect(offsets).toEqual([0, 1, 2, 3, 4]);
    const p = partitionForKey('k', 6);
    expect(recordsOf(s, 'rides', p).map((r) => r.value)).toEqual([0, 1, 2, 3, 4]);
    expect(recordsOf(s, 'rides', p).map((r) => r.eventId)).toEqual(['e0', 'e1', 'e2', 'e3', 'e4']);
    expect(logEndOffset(s, 'rides', p)).toBe(5);
  });

  it('an explicit partition wins over the key, partition 0 included', () => {
    const r = produce(withTopic(), { topic: 'rides', key: 'ride-42', value: 1, partition: 0 }, 0);
    expect(r.appended).toEqual({ topic: 'rides', partition: 0, offset: 0 });
    expect(only(r.effects, 'record-appended')[0]!.choice).toEqual({ kind: 'explicit', partition: 0 });
  });

  it('refuses a partition that does not exist', () => {
    const r = produce(withTopic(3), { topic: 'rides', key: null, value: 1, partition: 3 }, 0);
    expect(r.appended).toBeNull();
    expect(only(r.effects, 'produce-rejected')[0]!.error).toMatch(/no partition 3/);
  });

  it('keyless records stick to one partition for a batch, then pick at random (seeded)', () => {
    let s = createBroker({ seed: 1 });
    s = createTopic(s, { name: 'rides', partitions: 6 }, 0).state;
    s = createProducer(s, { producerId: 'p', stickyBatchSize: 4 }, 0).state;
    const r = produceBatch(
      s,
      Array.from({ length: 40 }, (_, i) => ({ topic: 'rides', key: null, value: i, producerId: 'p' })),
      0,
    );
    const parts = r.appended.map((a) => a!.partition);
    for (let b = 0; b < 10; b++) expect(new Set(parts.slice(b * 4, b * 4 + 4)).size).toBe(1);
    const choices = only(r.effects, 'record-appended').map((e) => e.choice);
    expect(choices[0]).toMatchObject({ kind: 'sticky', batchSize: 4, batchFill: 1, newBatch: true });
    expect(choices[3]).toMatchObject({ kind: 'sticky', batchFill: 4, newBatch: false });
    expect(choices[4]).toMatchObject({ kind: 'sticky', batchFill: 1, newBatch: true });
    expect(new Set(parts).size).toBeGreaterThan(1); // not stuck forever
    // deterministic: same seed, same partitions
    const again = produceBatch(
      s,
      Array.from({ length: 40 }, (_, i) => ({ topic: 'rides', key: null, value: i, producerId: 'p' })),
      0,
    );
    expect(again.appended.map((a) => a!.partition)).toEqual(parts);
    expect(r.state.rng).not.toBe(s.rng);
  });

  it('hashes "" as a key and rejects a key with a lone surrogate', () => {
    const r = produce(withTopic(), { topic: 'rides', key: '', value: 1 }, 0);
    expect(r.appended!.partition).toBe(275646681 % 6);
    const bad = produce(withTopic(), { topic: 'rides', key: 'x\ud800', value: 1 }, 0);
    expect(bad.appended).toBeNull();
    expect(only(bad.effects, 'produce-rejected')[0]!.error).toMatch(/not well-formed Unicode/);
  });

  it('refuses unknown topics and keyless records on a compacted topic', () => {
    expect(
      only(produce(withTopic(), { topic: 'nope', key: 'k', value: 1 }, 0).effects, 'produce-rejected')[0]!.error,
    ).toMatch(/does not exist/);
    const compacted = withTopic(3, { cleanupPolicy: 'compact' });
    const r = produce(compacted, { topic: 'rides', key: null, value: 1 }, 0);
    expect(r.appended).toBeNull();
    expect(only(r.effects, 'produce-rejected')[0]!.error).toMatch(/compacted/);
  });

  it('produceBatch equals produce in a loop', () => {
    const reqs = Array.from({ length: 50 }, (_, i) => ({
      topic: 'rides',
      key: i % 3 ? `k${i % 7}` : null,
      value: i,
      producerId: i % 2 ? 'a' : 'b',
    }));
    let s = withTopic();
    const effects = [];
    for (const q of reqs) {
      const r = produce(s, q, 5);
      s = r.state;
      effects.push(...r.effects);
    }
    const batch = pure(withTopic(), (b) => produceBatch(b, reqs, 5));
    expect(batch.state).toEqual(s);
    expect(batch.effects).toEqual(effects);
  });
});

describe('produceBatch on big batches (key-choice cache)', () => {
  it('gives every record the same partition, choice and reason as single produces', () => {
    const keys = ['', 'a', ...Array.from({ length: 400 }, (_, i) => `ride-${i}`)];
    const reqs = Array.from({ length: 3000 }, (_, i) => ({
      topic: 'rides',
      key: keys[(i * 7919) % keys.length]!,
      value: i,
    }));
    const batch = pure(withTopic(7), (s) => produceBatch(s, reqs, 1));
    const bySingle = new Map(
      keys.map((k) => [
        k,
        only(produce(withTopic(7), { topic: 'rides', key: k, value: 0 }, 1).effects, 'record-appended')[0]!,
      ]),
    );
    const appendedEffects = only(batch.effects, 'record-appended');
    expect(appendedEffects).toHaveLength(3000);
    appendedEffects.forEach((e, i) => {
      const single = bySingle.get(reqs[i]!.key)!;
      expect(e.partition).toBe(partitionForKey(reqs[i]!.key, 7));
      expect(e.choice).toEqual(single.choice);
      expect(e.reason).toBe(single.reason);
      expect(batch.appended[i]).toMatchObject({ partition: e.partition, offset: e.offset, key: reqs[i]!.key });
    });
  });
});

describe('producers: idempotence', () => {
  const start = () => createProducer(withTopic(), { producerId: 'p' }, 0).state;

  it('an idempotent retry is acknowledged, not appended', () => {
    const a = produce(start(), { topic: 'rides', key: 'k', value: 'v', producerId: 'p' }, 0);
    const b = pure(a.state, (s) =>
      produce(s, { topic: 'rides', key: 'k', value: 'v', producerId: 'p', retry: true }, 1),
    );
    expect(b.appended).toBeNull();
    const [d] = only(b.effects, 'produce-deduplicated');
    expect(d).toMatchObject({ producerId: 'p', sequence: 0, partition: a.appended!.partition });
    expect(logEndOffset(b.state, 'rides', a.appended!.partition)).toBe(1);
  });

  it('without idempotence a retry duplicates', () => {
    const s = createProducer(withTopic(), { producerId: 'p', idempotent: false }, 0).state;
    const a = produce(s, { topic: 'rides', key: 'k', value: 'v', producerId: 'p', eventId: 'e1' }, 0);
    const b = produce(a.state, { topic: 'rides', key: 'k', value: 'v', producerId: 'p', retry: true }, 1);
    expect(b.appended).toEqual({ topic: 'rides', partition: a.appended!.partition, offset: 1 });
    expect(recordsOf(b.state, 'rides', a.appended!.partition).map((r) => r.eventId)).toEqual(['e1', 'e1']);
    expect(only(b.effects, 'record-appended')[0]!.reason).toMatch(/duplicated/);
  });

  // A restarted non-transactional producer sends InitProducerId with a null transactional id, and the
  // broker "blindly" returns a NEW producer id with epoch 0 (core TransactionCoordinator.handleInitProducerId).
  // Same-id epoch bumps are for transactional fencing, KIP-360 sequence resets
  // (TransactionManager.bumpIdempotentEpochAndResetIdIfNeeded) and KIP-890 transactions, not restarts.
  it('a restarted idempotent producer gets a new producer id with epoch 0, so a resend duplicates', () => {
    const s0 = createProducer(start(), { producerId: 'q' }, 0).state; // another producer holds id 1
    expect([s0.producers.p!.pid, s0.producers.q!.pid]).toEqual([0, 1]);
    const a = produce(s0, { topic: 'rides', key: 'k', value: 'v', producerId: 'p' }, 0);
    const r = pure(a.state, (s) => restartProducer(s, 'p', 1));
    expect(only(r.effects, 'producer-restarted')[0]).toMatchObject({ producerId: 'p', epoch: 0 });
    expect(only(r.effects, 'producer-restarted')[0]!.reason).toMatch(/new producer id, 2 with epoch 0 \(it was 0\)/);
    expect(r.state.producers.p).toMatchObject({ pid: 2, epoch: 0 });
    const b = produce(r.state, { topic: 'rides', key: 'k', value: 'v', producerId: 'p', retry: true }, 2);
    expect(b.appended!.offset).toBe(1);
    expect(only(b.effects, 'record-appended')[0]!.reason).toMatch(
      /new producer id \(2, sequence 0; the original was sent by 0\)/,
    );
    // ids are never reused: a second restart gets 3
    expect(restartProducer(b.state, 'p', 3).state.producers.p).toMatchObject({ pid: 3, epoch: 0 });
  });

  // ProducerConfig.postProcessAndValidateIdempotenceConfigs: enable.idempotence defaults to true (Kafka 3.0,
  // effective from 3.0.1 / 3.1.1 / 3.2.0, KAFKA-13598), but when it is NOT set, acks ≠ all, retries = 0 or
  // max.in.flight > 5 turn it off silently (KAFKA-13673); when it IS set to true they are a ConfigException.
  it('idempotence is silently off when a conflicting setting is given without enable.idempotence', () => {
    for (const conflict of [{ acks: 1 as const }, { acks: 0 as const }, { retries: 0 }, { maxInFlight: 6 }]) {
      const s = createProducer(withTopic(), { producerId: 'p', ...conflict }, 0).state;
      expect(s.producers.p!.idempotent).toBe(false);
      const a = produce(s, { topic: 'rides', key: 'k', value: 'v', producerId: 'p', eventId: 'e1' }, 0);
      const b = produce(a.state, { topic: 'rides', key: 'k', value: 'v', producerId: 'p', retry: true }, 1);
      expect(b.appended!.offset).toBe(1); // the retry is duplicated
      expect(() => createProducer(withTopic(), { producerId: 'p', idempotent: true, ...conflict }, 0)).toThrow(
        ProducerConfigError,
      );
    }
    expect(
      createProducer(withTopic(), { producerId: 'p', acks: 'all', retries: 3, maxInFlight: 5 }, 0).state.producers.p!
        .idempotent,
    ).toBe(true);
  });

  it('with idempotence off and several requests in flight, a retried failure lands after a later send', () => {
    const s = createProducer(withTopic(1), { producerId: 'p', idempotent: false, maxInFlight: 5 }, 0).state;
    const a = produce(s, { topic: 'rides', key: 'k', value: 'A', producerId: 'p', failOnce: true }, 0);
    expect(a.appended).toBeNull();
    const b = produce(a.state, { topic: 'rides', key: 'k', value: 'B', producerId: 'p' }, 1);
    expect(recordsOf(b.state, 'rides', 0).map((r) => r.value)).toEqual(['B', 'A']);
  });

  it('an idempotent producer keeps order after a failed send', () => {
    const s = createProducer(withTopic(1), { producerId: 'p' }, 0).state;
    const a = produce(s, { topic: 'rides', key: 'k', value: 'A', producerId: 'p', failOnce: true }, 0);
    const b = produce(a.state, { topic: 'rides', key: 'k', value: 'B', producerId: 'p' }, 1);
    expect(recordsOf(b.state, 'rides', 0).map((r) => r.value)).toEqual(['A', 'B']);
    expect(b.appended).toEqual({ topic: 'rides', partition: 0, offset: 1 });
  });

  it('max.in.flight=1 keeps order even without idempotence; flushProducer retries alone', () => {
    const s = createProducer(withTopic(1), { producerId: 'p', idempotent: false, maxInFlight: 1 }, 0).state;
    const a = produce(s, { topic: 'rides', key: 'k', value: 'A', producerId: 'p', failOnce: true }, 0);
    const b = produce(a.state, { topic: 'rides', key: 'k', value: 'B', producerId: 'p' }, 1);
    expect(recordsOf(b.state, 'rides', 0).map((r) => r.value)).toEqual(['A', 'B']);
    const f = flushProducer(a.state, 'p', 2);
    expect(recordsOf(f.state, 'rides', 0).map((r) => r.value)).toEqual(['A']);
  });
});

describe('addPartitions', () => {
  it('keeps old records in place and lists the keys that now map elsewhere', () => {
    let s = withTopic(3);
    const keys = Array.from({ length: 30 }, (_, i) => `ride-${i}`);
    s = produceBatch(
      s,
      keys.map((key) => ({ topic: 'rides', key, value: 1 })),
      0,
    ).state;
    const r = pure(s, (x) => addPartitions(x, 'rides', 6, 1));
    const [e] = only(r.effects, 'partitions-added');
    const expected = keys
      .filter((k) => partitionForKey(k, 3) !== partitionForKey(k, 6))
      .map((k) => ({ key: k, from: partitionForKey(k, 3), to: partitionForKey(k, 6) }));
    expect(expected.length).toBeGreaterThan(0);
    const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : 1);
    expect([...e!.movedKeys].sort(byKey)).toEqual(expected.sort(byKey));
    expect(e).toMatchObject({ from: 3, to: 6 });
    for (let p = 0; p < 3; p++) expect(recordsOf(r.state, 'rides', p)).toBe(recordsOf(s, 'rides', p));
    const moved = expected[0]!;
    // The producer still believes the topic has 3 partitions until its metadata refresh (below).
    expect(
      produce(r.state, { topic: 'rides', key: moved.key, value: 2 }, DEFAULT_METADATA_MAX_AGE_MS).appended!.partition,
    ).toBe(moved.to);
  });

  // Kafka's producer partitions with the partition count in its cached cluster metadata (KafkaProducer.partition
  // → BuiltInPartitioner.partitionForKey(serializedKey, cluster.partitionsForTopic(topic).size())), refreshed
  // every metadata.max.age.ms (default 300000, ProducerConfig; Metadata.timeToNextUpdate), so until then keyed
  // records still go to hash mod the OLD count.
  it('a producer keeps using the old partition count until its metadata refresh (metadata.max.age.ms)', () => {
    let s = withTopic(4);
    s = produce(s, { topic: 'rides', key: 'ride-88', value: 0, producerId: 'p' }, 1000).state; // metadata fetched at 1000
    expect(partitionForKey('ride-88', 4)).toBe(1);
    expect(partitionForKey('ride-88', 6)).toBe(5);
    s = addPartitions(s, 'rides', 6, 2000).state;
    const before = pure(s, (x) => produce(x, { topic: 'rides', key: 'ride-88', value: 1, producerId: 'p' }, 3000));
    expect(before.appended!.partition).toBe(1);
    const [e] = only(before.effects, 'record-appended');
    expect(e!.choice).toMatchObject({ kind: 'key', partitionCount: 4, partition: 1 });
    expect(e!.reason).toMatch(/metadata .* still lists 4 partitions of 'rides', which now has 6.*mod 4 = 1/);
    // a producer that first sends after the change learns the new count at once
    expect(
      produce(s, { topic: 'rides', key: 'ride-88', value: 1, producerId: 'fresh' }, 3000).appended!.partition,
    ).toBe(5);
    // keyless records, too, stay on the old partitions (sticky picks among those it knows)
    for (let i = 0; i < 40; i++)
      expect(
        produce(s, { topic: 'rides', key: null, value: i, producerId: 'p' }, 3000 + i).appended!.partition,
      ).toBeLessThan(4);
    const at = 1000 + DEFAULT_METADATA_MAX_AGE_MS - 1;
    expect(
      produce(before.state, { topic: 'rides', key: 'ride-88', value: 2, producerId: 'p' }, at).appended!.partition,
    ).toBe(1);
    const after = produce(before.state, { topic: 'rides', key: 'ride-88', value: 2, producerId: 'p' }, at + 1);
    expect(after.appended!.partition).toBe(5);
    expect(only(after.effects, 'record-appended')[0]!.reason).toMatch(
      /refreshed its metadata .* now sees 6 partitions of 'rides' instead of 4/,
    );
    // an explicit partition the metadata does not list forces a refresh first (KafkaProducer.waitOnMetadata)
    const explicit = produce(s, { topic: 'rides', key: null, value: 3, producerId: 'p', partition: 5 }, 3000);
    expect(explicit.appended).toEqual({ topic: 'rides', partition: 5, offset: 0 });
    expect(
      produce(explicit.state, { topic: 'rides', key: 'ride-88', value: 4, producerId: 'p' }, 3001).appended!.partition,
    ).toBe(5);
  });

  it('refuses to shrink', () => {
    const r = addPartitions(withTopic(3), 'rides', 2, 0);
    expect(only(r.effects, 'request-rejected')[0]!.error).toMatch(/only be added/);
  });
});
