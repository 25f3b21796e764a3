/**
 * One send, as a Kafka producer makes it: pick the partition (explicit, by key, sticky) from the
 * producer's cached metadata, number it for idempotence, append it, or keep it in flight when the send
 * fails; and the retries (a flush, or resending the last request after a lost acknowledgement).
 * `producer.ts` holds the public operations that call these.
 */
import type { BrokerEffect, PartitionChoice } from '../types';
import { explainKeyChoice, hashKey, InvalidKeyError, toPositive } from './partitioner';
import { shown, type Draft, type DraftProducer, type KeyedChoice } from './produceDraft';
import { DEFAULT_PRODUCER_ID, EMPTY_HEADERS } from './producerConfig';
import type { ProduceRequest } from './produceRequest';
import { tpName, type LogRecord } from './brokerState';
import { explainSticky, stickyPartition } from './stickyPartitioner';

function reject(effects: BrokerEffect[], topic: string, p: DraftProducer, error: string): null {
  effects.push({ kind: 'produce-rejected', topic, producerId: shown(p), error, reason: error });
  return null;
}

/** Partition choice by key; the same key in one call reuses its choice and reason (a hash-indexed cache). */
function chooseByKey(d: Draft, topic: string, key: string, count: number): KeyedChoice | string {
  let hash: number;
  try {
    hash = hashKey(key);
  } catch (e) {
    if (e instanceof InvalidKeyError) return e.message;
    throw e;
  }
  const positive = toPositive(hash);
  const cache = d.keyCache(topic);
  const slot = positive & (d.keySlots - 1);
  if (cache && cache.keys[slot] === key) {
    const hit = cache.entries[slot];
    // (two producers may disagree on the partition count until their metadata refreshes)
    if (hit && hit.choice.partitionCount === count) return hit; // ('' is a key, and also what an empty slot holds)
  }
  const choice = {
    kind: 'key' as const,
    key,
    murmur2: hash,
    positive,
    partitionCount: count,
    partition: positive % count,
  };
  const entry = { choice, why: explainKeyChoice(choice) };
  if (cache) {
    cache.keys[slot] = key;
    cache.entries[slot] = entry;
  }
  return entry;
}

export function send(d: Draft, req: ProduceRequest, now: number, effects: BrokerEffect[]): LogRecord | null {
  const p = d.producer(req.producerId ?? DEFAULT_PRODUCER_ID);
  if (p.transactionalId !== undefined && !req.inTransaction)
    return reject(
      effects,
      req.topic,
      p,
      `${p.producerId} is transactional (transactional.id '${p.transactionalId}'): it sends inside a transaction (sendInTransaction), after initTransactions and beginTransaction`,
    );
  if (req.retry) return retryLast(d, p, now, effects);
  const topic = d.topic(req.topic);
  if (!topic) return reject(effects, req.topic, p, `topic '${req.topic}' does not exist`);
  if (req.key === null && topic.config.cleanupPolicy === 'compact')
    return reject(
      effects,
      req.topic,
      p,
      `'${req.topic}' is compacted, and compaction keeps the latest record per key, so a record without a key is refused`,
    );
  const actual = topic.partitions.length;
  // Partitioning uses what the producer believes the partition count is (its cached metadata).
  const view = d.partitionCount(p, req.topic, now);
  let count = view.count;
  let stale = view.note;
  if (
    req.partition !== undefined &&
    Number.isInteger(req.partition) &&
    req.partition >= count &&
    req.partition < actual
  ) {
    // KafkaProducer.waitOnMetadata: a partition the cached metadata does not have forces a refresh.
    d.refreshMetadata(p, now);
    count = actual;
    stale = `${shown(p) ?? 'the producer'}'s metadata did not list partition ${req.partition} yet, so it refreshed it first (KafkaProducer.waitOnMetadata); `;
  }
  let partition: number;
  let choice: PartitionChoice;
  let why: string;
  if (req.partition !== undefined) {
    if (!Number.isInteger(req.partition) || req.partition < 0 || req.partition >= count)
      return reject(
        effects,
        req.topic,
        p,
        `'${req.topic}' has partitions 0–${count - 1}; there is no partition ${req.partition} (Kafka's producer would wait max.block.ms for it to appear in its metadata, then fail)`,
      );
    choice = { kind: 'explicit', partition: req.partition };
    partition = req.partition;
    why = `the producer named partition ${req.partition} explicitly${req.key !== null ? ', which wins over the key' : ''}`;
  } else if (req.key !== null) {
    const c = chooseByKey(d, req.topic, req.key, count);
    if (typeof c === 'string') return reject(effects, req.topic, p, c);
    choice = c.choice;
    partition = c.choice.partition;
    why = c.why;
  } else {
    const r = stickyPartition(p.sticky[req.topic], count, p.stickyBatchSize, d.rng);
    p.sticky[req.topic] = r.batch;
    d.rng = r.rng;
    choice = r.choice;
    partition = r.choice.partition;
    why = explainSticky(r.choice, count);
  }
  let sequence = -1;
  if (p.idempotent) {
    const seqs = d.sequences(p, req.topic);
    sequence = seqs[partition] ?? 0;
    seqs[partition] = sequence + 1;
  }
  const headers = req.headers ?? EMPTY_HEADERS;
  const eventId = req.eventId ?? null;
  if (req.failOnce) {
    p.pending.push({
      topic: req.topic,
      partition,
      sequence,
      key: req.key,
      value: req.value,
      headers,
      eventId,
      choice,
    });
    return reject(
      effects,
      req.topic,
      p,
      `send to ${tpName(req.topic, partition)} failed transiently (simulated): nothing stored; ${shown(p) ?? 'the producer'} keeps it in flight and retries it`,
    );
  }
  if (p.pending.length > 0 && (p.idempotent || p.maxInFlight === 1)) {
    flush(
      d,
      p,
      now,
      effects,
      p.idempotent
        ? 'retried first: an idempotent producer keeps order (the broker refuses later sequence numbers until the gap is filled)'
        : 'retried first: with max.in.flight=1 nothing overtakes it',
    );
  }
  const rec = append(
    d,
    p,
    req.topic,
    partition,
    req.key,
    req.value,
    headers,
    eventId,
    choice,
    sequence,
    now,
    effects,
    stale + why,
  );
  if (p.pending.length > 0) {
    flush(
      d,
      p,
      now,
      effects,
      `retried after a later send already landed: idempotence off and max.in.flight=${p.maxInFlight}, so the records are out of order`,
    );
  }
  return rec;
}

function append(
  d: Draft,
  p: DraftProducer,
  topic: string,
  partition: number,
  key: string | null,
  value: unknown,
  headers: Readonly<Record<string, string>>,
  eventId: string | null,
  choice: PartitionChoice,
  sequence: number,
  now: number,
  effects: BrokerEffect[],
  why: string,
): LogRecord {
  const log = d.partition(topic, partition);
  const offset = log.logEndOffset;
  const producerId = shown(p);
  const rec: LogRecord =
    p.transactionalId === undefined
      ? { topic, partition, offset, key, value, headers, timestamp: now, eventId, producerId }
      : {
          topic,
          partition,
          offset,
          key,
          value,
          headers,
          timestamp: now,
          eventId,
          producerId,
          txn: { pid: p.pid, epoch: p.epoch },
        };
  log.records.push(rec);
  log.logEndOffset = offset + 1;
  effects.push({ kind: 'record-appended', topic, partition, offset, key, producerId, eventId, choice, reason: why });
  d.noteLastSend(p, rec, choice, sequence);
  return rec;
}

export function flush(d: Draft, p: DraftProducer, now: number, effects: BrokerEffect[], note: string): void {
  const pending = p.pending.splice(0);
  for (const s of pending) {
    const last = d.lastSend(p);
    append(
      d,
      p,
      s.topic,
      s.partition,
      s.key,
      s.value,
      s.headers,
      s.eventId,
      s.choice,
      s.sequence,
      now,
      effects,
      `failed send ${s.sequence >= 0 ? `(sequence ${s.sequence}) ` : ''}${note}`,
    );
    // a retried failure is not "the previous request" a later `retry: true` resends
    d.restoreLastSend(p, last);
  }
}

function retryLast(d: Draft, p: DraftProducer, now: number, effects: BrokerEffect[]): LogRecord | null {
  const last = d.lastSend(p);
  if (!last) {
    const error = `${shown(p) ?? 'the producer'} has no previous send to retry`;
    effects.push({ kind: 'produce-rejected', topic: '', producerId: shown(p), error, reason: error });
    return null;
  }
  if (p.idempotent && last.pid === p.pid && last.epoch === p.epoch) {
    effects.push({
      kind: 'produce-deduplicated',
      topic: last.topic,
      partition: last.partition,
      producerId: p.producerId,
      sequence: last.sequence,
      reason: `retry of sequence ${last.sequence} from ${p.producerId} (producer id ${p.pid}, epoch ${p.epoch}): the broker already has it at ${last.topic}-${last.partition}@${last.offset}, so it acknowledges without appending`,
    });
    return null;
  }
  let sequence = -1;
  if (p.idempotent) {
    const seqs = d.sequences(p, last.topic);
    sequence = seqs[last.partition] ?? 0;
    seqs[last.partition] = sequence + 1;
  }
  const why = p.idempotent
    ? `resend after a restart: it comes from a new producer id (${p.pid}, sequence ${sequence}; the original was sent by ${last.pid}), so the broker cannot tell it is the record at offset ${last.offset} again: duplicate`
    : `retry with idempotence off: the broker cannot tell it from a new record, so the record at offset ${last.offset} is duplicated`;
  return append(
    d,
    p,
    last.topic,
    last.partition,
    last.key,
    last.value,
    last.headers,
    last.eventId,
    last.choice,
    sequence,
    now,
    effects,
    why,
  );
}
