/**
 * Dead-letter handling, a consumer-side pattern (as Spring Kafka's DefaultErrorHandler +
 * DeadLetterPublishingRecoverer): a failing record is retried in place — its partition is blocked,
 * nothing after it is processed — and after `maxAttempts` failures it is published to a dead-letter topic
 * and the consumer moves on.
 *
 * Where it goes is Spring's default destination resolver: topic `<topic>.DLT`, and the SAME partition
 * number as the failed record (DeadLetterPublishingRecoverer javadoc: "the same partition as the failed
 * record"). If the topic does not exist, the broker auto-creates it on the first send with num.partitions = 1
 * (auto.create.topics.enable and NUM_PARTITIONS_DEFAULT in Kafka's ServerLogConfigs; Kafka Connect's
 * DeadLetterQueueReporter also creates its DLQ with DLQ_NUM_DESIRED_PARTITIONS = 1).
 *
 * When that partition does not exist, `verifyPartition` decides, as in Spring Kafka (reference, "Publishing
 * Dead-letter Records": "Starting with version 2.7, the recoverer checks that the partition selected by the
 * destination resolver actually exists. If the partition is not present, the partition in the ProducerRecord is
 * set to null, allowing the KafkaProducer to select the partition"; `setVerifyPartition`, default true):
 * - true (Spring's default): the record is sent without a partition, so the producer's partitioner picks one
 *   that exists (murmur2 of the key);
 * - false (as before 2.7): the send is pinned to the missing partition and fails (KafkaProducer.waitOnMetadata
 *   gives up after max.block.ms); the recovery has failed, so the error handler keeps the record: it seeks back
 *   to it and starts its retries again (spring-kafka #1259: a failed recovery re-seeks the record; #1547: the
 *   back-off is reset by default), and the partition stays blocked until the dead-letter topic has the partition.
 */
import type { BrokerEffect } from '../types';
import { poll } from './consumer';
import { appOf, processRecord, putApp } from './delivery';
import { commitPositions, putMember } from './offsets';
import { produce } from './producer';
import { autoCreateTopic } from './topic';
import { tpKey, tpName, type BrokerState, type BrokerStep, type FetchedRecord } from './brokerState';

export interface RetryRequest {
  groupId: string;
  memberId: string;
  /** Decides whether processing fails on this attempt (1-based). */
  fails: (record: FetchedRecord, attempt: number) => boolean;
  /** Attempts before dead-lettering, default 3. */
  maxAttempts?: number;
  /** Default `<topic>.DLT`. */
  deadLetterTopic?: string;
  /**
   * DeadLetterPublishingRecoverer.setVerifyPartition: default true (Spring Kafka ≥ 2.7), a missing same-number
   * partition is left to the producer to choose; false pins the send to it, and it fails.
   */
  verifyPartition?: boolean;
  maxRecords?: number;
  /** Headers the dead-letter record gets on top of the original's (a tracer's traceparent for the send). */
  deadLetterHeaders?: (record: FetchedRecord, attempt: number) => Readonly<Record<string, string>>;
}

export function consumeWithRetry(
  state: BrokerState,
  request: RetryRequest,
  now: number,
): BrokerStep & { processed: FetchedRecord[]; deadLettered: FetchedRecord[] } {
  const { groupId, memberId } = request;
  const maxAttempts = request.maxAttempts ?? 3;
  const polled = poll(
    state,
    { groupId, memberId, ...(request.maxRecords !== undefined ? { maxRecords: request.maxRecords } : {}) },
    now,
  );
  let s = polled.state;
  const effects: BrokerEffect[] = [...polled.effects];
  const processed: FetchedRecord[] = [];
  const deadLettered: FetchedRecord[] = [];
  const blocked = new Set<string>();
  for (const r of polled.records) {
    const k = tpKey(r.topic, r.partition);
    if (blocked.has(k)) continue;
    const app = appOf(s, groupId);
    const prior = app.attempts[k];
    const attempt = prior && prior.offset === r.offset ? prior.count + 1 : 1;
    const where = `${tpName(r.topic, r.partition)}@${r.offset}`;
    // Whom and which record an effect about this record names.
    const about = { groupId, memberId, topic: r.topic, partition: r.partition, offset: r.offset };
    if (!request.fails(r, attempt)) {
      const attempts = { ...app.attempts };
      delete attempts[k];
      s = putApp(s, groupId, { ...app, attempts });
      s = processRecord(s, groupId, memberId, r, false, effects).state;
      processed.push(r);
      continue;
    }
    if (attempt < maxAttempts) {
      effects.push({
        kind: 'processing-failed',
        ...about,
        attempt,
        reason: `${memberId} failed to process ${where} (attempt ${attempt} of ${maxAttempts}); it will retry it, and ${tpName(r.topic, r.partition)} is blocked until then`,
      });
      s = putApp(s, groupId, { ...app, attempts: { ...app.attempts, [k]: { offset: r.offset, count: attempt } } });
      s = goBack(
        s,
        request,
        r,
        `${memberId} goes back to ${where} to retry it; records after it wait (ordering within the partition is kept)`,
        effects,
      );
      blocked.add(k);
      continue;
    }
    const dlt = request.deadLetterTopic ?? `${r.topic}.DLT`;
    const created = s.topics[dlt] ? null : autoCreateTopic(s, dlt, now, `dead-letter send from ${memberId}`);
    if (created) s = created.state;
    const verify = request.verifyPartition ?? true;
    const exists = r.partition < s.topics[dlt]!.partitions.length;
    const pinned = exists || !verify;
    effects.push({
      kind: 'processing-failed',
      ...about,
      attempt,
      reason: `${memberId} failed to process ${where} for the ${ordinal(attempt)} time (max ${maxAttempts}), so it publishes the record to the dead-letter topic ${dlt}, ${
        exists
          ? `partition ${r.partition} (the same partition number)`
          : verify
            ? `without a partition: ${dlt} has no partition ${r.partition} (the same partition number), and the recoverer checks that it exists (verifyPartition, Spring Kafka's default since 2.7), so the producer picks one`
            : `partition ${r.partition} (the same partition number), which ${dlt} does not have: the recoverer does not check (verifyPartition=false)`
      }`,
    });
    if (created) effects.push(...created.effects);
    const headers = {
      ...r.headers,
      ...request.deadLetterHeaders?.(r, attempt),
      'dlt-original-topic': r.topic,
      'dlt-original-partition': String(r.partition),
      'dlt-original-offset': String(r.offset),
      'dlt-attempts': String(attempt),
    };
    const sent = produce(
      s,
      {
        topic: dlt,
        key: r.key,
        value: r.value,
        headers,
        producerId: `${groupId}-dlt`,
        ...(r.eventId ? { eventId: r.eventId } : {}),
        ...(pinned ? { partition: r.partition } : {}),
      },
      now,
    );
    if (!sent.appended) {
      const count = sent.state.topics[dlt]!.partitions.length;
      s = sent.state;
      effects.push(...sent.effects.map((e) => ({ ...e, reason: `dead-letter send of ${where} failed: ${e.reason}` })));
      const app1 = appOf(s, groupId);
      const reset = { ...app1.attempts };
      delete reset[k];
      s = putApp(s, groupId, { ...app1, attempts: reset });
      s = goBack(
        s,
        request,
        r,
        `the recovery failed, so ${where} is not skipped: ${memberId} goes back to it and its retries start again from attempt 1, and ${tpName(r.topic, r.partition)} stays blocked. Same-partition dead-lettering needs ${dlt} to have at least ${s.topics[r.topic]!.partitions.length} partitions (it has ${count})`,
        effects,
      );
      blocked.add(k);
      continue;
    }
    s = sent.state;
    effects.push(...sent.effects);
    const app2 = appOf(s, groupId);
    const attempts = { ...app2.attempts };
    delete attempts[k];
    s = putApp(s, groupId, { ...app2, attempts });
    const at = sent.appended ? `${tpName(sent.appended.topic, sent.appended.partition)}@${sent.appended.offset}` : dlt;
    effects.push({
      kind: 'record-dead-lettered',
      ...about,
      deadLetterTopic: dlt,
      attempts: attempt,
      reason: `${memberId} gave up on ${where} after ${attempt} attempts and published it to ${at}, then moved on`,
    });
    deadLettered.push(r);
  }
  const c = commitPositions(
    s,
    groupId,
    memberId,
    s.groups[groupId]!.members[memberId]!.assignment,
    now,
    `${memberId} commits after processing`,
    true,
  );
  s = c.state;
  effects.push(...c.effects);
  return { state: s, effects, processed, deadLettered };
}

/** The member's position goes back to the record, so its next poll fetches it again (and nothing after it). */
function goBack(
  s: BrokerState,
  { groupId, memberId }: RetryRequest,
  r: FetchedRecord,
  reason: string,
  effects: BrokerEffect[],
): BrokerState {
  const k = tpKey(r.topic, r.partition);
  const group = s.groups[groupId]!;
  const member = group.members[memberId]!;
  const from = member.positions[k] ?? null;
  effects.push({
    kind: 'position-moved',
    groupId,
    memberId,
    topic: r.topic,
    partition: r.partition,
    from,
    to: r.offset,
    reason,
  });
  return putMember(s, group, { ...member, positions: { ...member.positions, [k]: r.offset } });
}

const ordinal = (n: number): string =>
  `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')}`;
