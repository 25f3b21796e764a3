import { describe, expect, it } from 'vitest';
import { createBroker, type BrokerState } from './brokerState';
import { addPartitions, createTopic } from './topic';
import { produceBatch } from './producer';
import { joinGroup } from './group';
import { consume } from './delivery';
import { consumeWithRetry } from './deadLetter';
import { committedOffset, positionOf } from './offsets';
import { recordsOf } from './log';
import { kinds, only, pure } from './testing';

function world(n = 6): BrokerState {
  let s = createTopic(createBroker({ seed: 5 }), { name: 'pay', partitions: 1 }, 0).state;
  s = produceBatch(
    s,
    Array.from({ length: n }, (_, i) => ({ topic: 'pay', key: 'k', value: i, eventId: `e${i}` })),
    0,
  ).state;
  return joinGroup(s, { groupId: 'g', memberId: 'c1', topics: ['pay'], autoOffsetReset: 'earliest' }, 0).state;
}
const rejoin = (s: BrokerState) => joinGroup(s, { groupId: 'g', memberId: 'c2', topics: ['pay'] }, 1).state;

describe('delivery semantics', () => {
  it('at-most-once: a crash after commit loses the unprocessed records', () => {
    const r = pure(world(), (s) =>
      consume(s, { groupId: 'g', memberId: 'c1', mode: 'at-most-once', crashAfter: 2 }, 1),
    );
    expect(r.crashed).toBe(true);
    expect(r.processed.map((x) => x.offset)).toEqual([0, 1]);
    expect(committedOffset(r.state, 'g', 'pay', 0)).toBe(6);
    expect(kinds(r.effects).indexOf('offset-committed')).toBeLessThan(kinds(r.effects).indexOf('record-processed'));
    const next = consume(rejoin(r.state), { groupId: 'g', memberId: 'c2', mode: 'at-most-once' }, 2);
    expect(next.processed).toEqual([]); // offsets 2..5 were never processed by anyone
  });

  it('at-least-once: a crash before commit redelivers; duplicates are flagged, and skipped with dedupe', () => {
    const r = consume(world(), { groupId: 'g', memberId: 'c1', mode: 'at-least-once', crashAfter: 2 }, 1);
    expect(committedOffset(r.state, 'g', 'pay', 0)).toBeNull();
    const again = consume(rejoin(r.state), { groupId: 'g', memberId: 'c2', mode: 'at-least-once' }, 2);
    expect(again.processed.map((x) => x.offset)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(only(again.effects, 'record-processed').map((e) => e.duplicate)).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
    expect(committedOffset(again.state, 'g', 'pay', 0)).toBe(6);
    const deduped = consume(rejoin(r.state), { groupId: 'g', memberId: 'c2', mode: 'at-least-once', dedupe: true }, 2);
    expect(only(deduped.effects, 'record-processed')[0]!.reason).toMatch(/skipped it/);
  });
});

describe('dead-letter topic', () => {
  it('retries in place with the partition blocked, then dead-letters after N attempts and moves on', () => {
    const fails = (r: { offset: number }) => r.offset === 2;
    let s = world();
    const r1 = pure(s, (x) => consumeWithRetry(x, { groupId: 'g', memberId: 'c1', fails, maxAttempts: 3 }, 1));
    expect(r1.processed.map((x) => x.offset)).toEqual([0, 1]);
    expect(only(r1.effects, 'processing-failed')[0]).toMatchObject({ offset: 2, attempt: 1 });
    expect(positionOf(r1.state, 'g', 'c1', 'pay', 0)).toBe(2);
    expect(committedOffset(r1.state, 'g', 'pay', 0)).toBe(2);
    s = r1.state;
    const r2 = consumeWithRetry(s, { groupId: 'g', memberId: 'c1', fails, maxAttempts: 3 }, 2);
    expect(r2.processed).toEqual([]); // blocked: 3, 4, 5 wait
    expect(only(r2.effects, 'processing-failed')[0]).toMatchObject({ offset: 2, attempt: 2 });
    const r3 = consumeWithRetry(r2.state, { groupId: 'g', memberId: 'c1', fails, maxAttempts: 3 }, 3);
    expect(only(r3.effects, 'record-dead-lettered')[0]).toMatchObject({
      offset: 2,
      attempts: 3,
      deadLetterTopic: 'pay.DLT',
    });
    expect(r3.processed.map((x) => x.offset)).toEqual([3, 4, 5]);
    expect(committedOffset(r3.state, 'g', 'pay', 0)).toBe(6);
    const [dead] = recordsOf(r3.state, 'pay.DLT', 0);
    expect(dead).toMatchObject({
      value: 2,
      eventId: 'e2',
      headers: { 'dlt-original-topic': 'pay', 'dlt-original-offset': '2', 'dlt-attempts': '3' },
    });
  });
});

// Spring Kafka's DeadLetterPublishingRecoverer sends to `<topic>.DLT`, "the same partition as the failed
// record" (its javadoc); the broker auto-creates a missing topic with num.partitions = 1
// (ServerLogConfigs.NUM_PARTITIONS_DEFAULT, AUTO_CREATE_TOPICS_ENABLE_DEFAULT = true). A failed recovery
// re-seeks the record (spring-kafka #1259) and resets its retries (#1547).
describe('dead-letter topic sizing', () => {
  function threePartitions(dlt?: number): BrokerState {
    let s = createTopic(createBroker({ seed: 5 }), { name: 'pay', partitions: 3 }, 0).state;
    if (dlt) s = createTopic(s, { name: 'pay.DLT', partitions: dlt }, 0).state;
    s = produceBatch(
      s,
      [0, 1, 2].flatMap((p) =>
        [0, 1].map((i) => ({ topic: 'pay', key: `k${p}`, value: `${p}-${i}`, partition: p, eventId: `e${p}${i}` })),
      ),
      0,
    ).state;
    return joinGroup(s, { groupId: 'g', memberId: 'c1', topics: ['pay'], autoOffsetReset: 'earliest' }, 0).state;
  }
  const fails = (r: { partition: number; offset: number }) => r.partition === 1 && r.offset === 0;

  // setVerifyPartition(false): the send stays pinned to the same partition number (Spring Kafka before 2.7).
  const pinned = { verifyPartition: false } as const;

  it('auto-creates a missing DLT with ONE partition; with verifyPartition=false a record from partition 1 cannot go to the same partition, so it stays and blocks its partition', () => {
    const r1 = consumeWithRetry(
      threePartitions(),
      { groupId: 'g', memberId: 'c1', fails, maxAttempts: 1, ...pinned },
      1,
    );
    const [created] = only(r1.effects, 'topic-created');
    expect(created).toMatchObject({ topic: 'pay.DLT', partitions: 1 });
    expect(created!.reason).toMatch(/auto.create.topics.enable=true .* num.partitions = 1 partition/);
    expect(only(r1.effects, 'produce-rejected')[0]!.reason).toMatch(
      /dead-letter send of pay-1@0 failed: 'pay.DLT' has partitions 0–0; there is no partition 1/,
    );
    expect(only(r1.effects, 'record-dead-lettered')).toEqual([]);
    expect(r1.deadLettered).toEqual([]);
    expect(only(r1.effects, 'position-moved')[0]!.reason).toMatch(
      /retries start again from attempt 1, and pay-1 stays blocked\. Same-partition dead-lettering needs pay\.DLT to have at least 3 partitions \(it has 1\)/,
    );
    expect(r1.processed.map((x) => `${x.partition}@${x.offset}`)).toEqual(['0@0', '0@1', '2@0', '2@1']);
    expect(committedOffset(r1.state, 'g', 'pay', 1)).toBe(0);
    expect(recordsOf(r1.state, 'pay.DLT', 0)).toEqual([]);
    // sizing the DLT fixes it: the next failure of the same record goes to pay.DLT-1
    const grown = addPartitions(r1.state, 'pay.DLT', 3, 2).state;
    const r2 = consumeWithRetry(grown, { groupId: 'g', memberId: 'c1', fails, maxAttempts: 1, ...pinned }, 3);
    expect(only(r2.effects, 'record-dead-lettered')[0]).toMatchObject({
      partition: 1,
      offset: 0,
      deadLetterTopic: 'pay.DLT',
    });
    expect(recordsOf(r2.state, 'pay.DLT', 1).map((x) => x.value)).toEqual(['1-0']);
    expect(committedOffset(r2.state, 'g', 'pay', 1)).toBe(2);
  });

  // Spring Kafka reference, "Publishing Dead-letter Records": "Starting with version 2.7, the recoverer checks that
  // the partition selected by the destination resolver actually exists. If the partition is not present, the
  // partition in the ProducerRecord is set to null, allowing the KafkaProducer to select the partition".
  it('by default (verifyPartition, Spring Kafka ≥ 2.7) a missing same-number partition is left to the producer, which picks one that exists', () => {
    const r = consumeWithRetry(threePartitions(), { groupId: 'g', memberId: 'c1', fails, maxAttempts: 1 }, 1);
    expect(only(r.effects, 'produce-rejected')).toEqual([]);
    expect(only(r.effects, 'processing-failed')[0]!.reason).toMatch(
      /publishes the record to the dead-letter topic pay\.DLT, without a partition: pay\.DLT has no partition 1 .*verifyPartition, Spring Kafka's default since 2\.7.*so the producer picks one/,
    );
    expect(only(r.effects, 'record-dead-lettered')[0]!.reason).toMatch(/published it to pay\.DLT-0@0/);
    expect(recordsOf(r.state, 'pay.DLT', 0).map((x) => x.headers['dlt-original-partition'])).toEqual(['1']);
    expect(committedOffset(r.state, 'g', 'pay', 1)).toBe(2);
  });

  it('a DLT declared with as many partitions as its source gets each record on its own partition number', () => {
    const r = consumeWithRetry(threePartitions(3), { groupId: 'g', memberId: 'c1', fails, maxAttempts: 1 }, 1);
    expect(only(r.effects, 'topic-created')).toEqual([]);
    expect(recordsOf(r.state, 'pay.DLT', 1).map((x) => [x.offset, x.headers['dlt-original-partition']])).toEqual([
      [0, '1'],
    ]);
    expect(committedOffset(r.state, 'g', 'pay', 1)).toBe(2);
  });

  it('a failed dead-letter send resets the retries: the record is tried maxAttempts times again before the next send', () => {
    let s = threePartitions();
    const attempts: number[] = [];
    for (let i = 0; i < 4; i++) {
      const r = consumeWithRetry(s, { groupId: 'g', memberId: 'c1', fails, maxAttempts: 2, ...pinned }, 1 + i);
      attempts.push(...only(r.effects, 'processing-failed').map((e) => e.attempt));
      s = r.state;
    }
    expect(attempts).toEqual([1, 2, 1, 2]);
  });
});
