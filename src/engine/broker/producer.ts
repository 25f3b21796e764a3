/**
 * Producers: partition choice (explicit, key, sticky) from the producer's own cached metadata,
 * idempotence (producer id + epoch + sequence: a retried send is neither duplicated nor reordered),
 * and what goes wrong without it.
 */
import type { BrokerEffect, PartitionChoice } from '../types';
import { explainKeyChoice, hashKey, InvalidKeyError, keyChoice, partitionForKey, toPositive } from './partitioner';
import {
  Draft,
  DEFAULT_PRODUCER_ID,
  EMPTY_HEADERS,
  newProducer,
  nextPid,
  shown,
  type DraftProducer,
  type KeyedChoice,
  type ProducerOptions,
} from './produceDraft';
import { keyedRun } from './keyedRun';
import type { ProduceRequest } from './produceRequest';

export {
  newProducer,
  resolveIdempotence,
  ProducerConfigError,
  DEFAULT_STICKY_BATCH,
  DEFAULT_PRODUCER_ID,
  DEFAULT_METADATA_MAX_AGE_MS,
  type ProducerOptions,
} from './produceDraft';
import {
  tpName,
  withTime,
  BrokerError,
  type BrokerState,
  type BrokerStep,
  type LogRecord,
  type ProducerState,
} from './brokerState';
import { explainSticky, stickyPartition } from './stickyPartitioner';

export type { ProduceRequest } from './produceRequest';

export type Appended = { topic: string; partition: number; offset: number } | null;

export interface ProduceBatchOptions {
  /**
   * `'per-record'` (default): one `record-appended` effect per record, with its partition choice and reason.
   * `'summary'`: one `records-appended` effect per partition the call appended to (its dense offset range
   * and how many records were placed by key, sticky or explicitly), after any rejections and
   * deduplications, which stay one effect each. For bulk loads no view animates record by record; the
   * state and `appended` are the same in both modes, and a record's partition choice can be recomputed
   * from its key (`keyChoice`).
   */
  effects?: 'per-record' | 'summary';
}

const MAX_PRESIZED = 1 << 24;

export function createProducer(state: BrokerState, options: ProducerOptions, now: number): BrokerStep {
  if (state.producers[options.producerId]) throw new BrokerError(`Producer '${options.producerId}' already exists`);
  const p = newProducer(options, nextPid(state));
  return { state: { ...withTime(state, now), producers: { ...state.producers, [p.producerId]: p } }, effects: [] };
}

/**
 * A restarted process: a non-transactional producer has no way to claim its old producer id, so it asks
 * the broker for one (InitProducerId with a null transactional id) and gets a NEW producer id with epoch
 * 0 (TransactionCoordinator.handleInitProducerId). Sequences start at 0, its metadata cache is empty,
 * and failed sends still in flight are lost with the old process. (Epoch bumps on the same id are for
 * transactional producers, for an idempotent producer resetting its sequences after an error — KIP-360,
 * TransactionManager.bumpIdempotentEpochAndResetIdIfNeeded — and after every transaction with transaction
 * version 2 — KIP-890; none of them is a restart.)
 */
export function restartProducer(state: BrokerState, producerId: string, now: number): BrokerStep {
  const old = state.producers[producerId] ?? newProducer({ producerId }, nextPid(state));
  const pid = nextPid(state);
  const p: ProducerState = {
    ...old,
    pid,
    epoch: 0,
    sequences: {},
    sticky: {},
    metadata: { refreshedAt: null, partitions: {} },
    pending: [],
  };
  const lost = old.pending.length ? `; ${old.pending.length} failed send(s) still in flight are lost` : '';
  const session = old.idempotent
    ? `the broker gives it a new producer id, ${pid} with epoch 0 (it was ${old.pid}), and its sequence numbers start again at 0, so the broker cannot recognise resends of the old process's records: idempotence holds only within one producer session`
    : `idempotence is off, so nothing links its sends before and after the restart`;
  const effects: BrokerEffect[] = [
    { kind: 'producer-restarted', producerId, epoch: p.epoch, reason: `${producerId} restarted: ${session}${lost}` },
  ];
  return { state: { ...withTime(state, now), producers: { ...state.producers, [producerId]: p } }, effects };
}

export function produce(state: BrokerState, request: ProduceRequest, now: number): BrokerStep & { appended: Appended } {
  const r = produceBatch(state, [request], now);
  const rec = r.appended[0];
  return {
    state: r.state,
    effects: r.effects,
    appended: rec ? { topic: rec.topic, partition: rec.partition, offset: rec.offset } : null,
  };
}

/**
 * Same semantics as `produce` in a loop, with one copy per touched partition. `appended[i]` is the record
 * request i appended (it carries topic, partition and offset), or null when nothing was appended.
 * `options.effects: 'summary'` reports the appends per partition instead of per record (see
 * `ProduceBatchOptions`); in that mode runs of plain keyed requests take `keyedRun`, a loop that makes
 * its lookups once per run.
 */
export function produceBatch(
  state: BrokerState,
  requests: readonly ProduceRequest[],
  now: number,
  options: ProduceBatchOptions = {},
): BrokerStep & { appended: (LogRecord | null)[] } {
  const d = new Draft(state, requests.length, options.effects === 'summary');
  const effects: BrokerEffect[] = [];
  // Sized up front: a million pushes would copy the array as it grows. Beyond V8's fast-array limit
  // (2^25 elements) `new Array(n)` would be a slow dictionary array; there it grows (writes at its end).
  const n = requests.length;
  const appended: (LogRecord | null)[] = n <= MAX_PRESIZED ? new Array<LogRecord | null>(n) : [];
  for (let i = 0; i < n;) {
    if (d.summary && metadataCurrent(d, requests[i]!, now)) {
      const next = keyedRun(d, requests, i, now, appended);
      if (next > i) {
        i = next;
        continue;
      }
    }
    appended[i] = send(d, requests[i]!, now, effects);
    i++;
  }
  if (d.summary) for (const e of d.summaries()) effects.push(e);
  return { state: d.finish(now), effects, appended };
}

/** Retries the producer's failed sends now, in order. */
export function flushProducer(state: BrokerState, producerId: string, now: number): BrokerStep {
  const d = new Draft(state);
  const effects: BrokerEffect[] = [];
  if (state.producers[producerId]) flush(d, d.producer(producerId), now, effects, 'retried');
  return { state: d.finish(now), effects };
}

/** keyedRun partitions by the topic's real count: only when the producer's metadata agrees with it. */
function metadataCurrent(d: Draft, req: ProduceRequest, now: number): boolean {
  const topic = d.topic(req.topic);
  if (!topic || req.key === null || req.retry) return false;
  const p = d.producer(req.producerId ?? DEFAULT_PRODUCER_ID);
  return d.partitionCount(p, req.topic, now).count === topic.partitions.length;
}

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

/** The partition of a key (summary mode: no choice object, no reason), or why the key is refused. */
function keyedPartition(key: string, count: number): number | string {
  try {
    return partitionForKey(key, count);
  } catch (e) {
    if (e instanceof InvalidKeyError) return e.message;
    throw e;
  }
}

function send(d: Draft, req: ProduceRequest, now: number, effects: BrokerEffect[]): LogRecord | null {
  const p = d.producer(req.producerId ?? DEFAULT_PRODUCER_ID);
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
  let choice: PartitionChoice | null; // null: keyed, in summary mode (built only if needed)
  let why = '';
  if (req.key !== null && req.partition === undefined && d.summary) {
    const c = keyedPartition(req.key, count);
    if (typeof c === 'string') return reject(effects, req.topic, p, c);
    partition = c;
    choice = null;
  } else if (req.partition !== undefined) {
    if (!Number.isInteger(req.partition) || req.partition < 0 || req.partition >= count)
      return reject(
        effects,
        req.topic,
        p,
        `'${req.topic}' has partitions 0–${count - 1}; there is no partition ${req.partition} (Kafka's producer would wait max.block.ms for it to appear in its metadata, then fail)`,
      );
    choice = { kind: 'explicit', partition: req.partition };
    partition = req.partition;
    if (!d.summary)
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
    if (!d.summary) why = explainSticky(r.choice, count);
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
      choice: choice ?? keyChoice(req.key!, count),
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
    stale && !d.summary ? stale + why : why,
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

/** `choice` null = keyed, summary mode; `why` is only read in per-record mode. */
function append(
  d: Draft,
  p: DraftProducer,
  topic: string,
  partition: number,
  key: string | null,
  value: unknown,
  headers: Readonly<Record<string, string>>,
  eventId: string | null,
  choice: PartitionChoice | null,
  sequence: number,
  now: number,
  effects: BrokerEffect[],
  why: string,
): LogRecord {
  const log = d.partition(topic, partition);
  const offset = log.logEndOffset;
  const producerId = shown(p);
  const rec: LogRecord = { topic, partition, offset, key, value, headers, timestamp: now, eventId, producerId };
  log.records.push(rec);
  log.logEndOffset = offset + 1;
  if (!d.summary)
    effects.push({
      kind: 'record-appended',
      topic,
      partition,
      offset,
      key,
      producerId,
      eventId,
      choice: choice!,
      reason: why,
    });
  else if (choice === null || choice.kind === 'key') log.byKey++;
  else if (choice.kind === 'sticky') log.sticky++;
  else log.explicit++;
  d.noteLastSend(p, rec, choice, sequence);
  return rec;
}

function flush(d: Draft, p: DraftProducer, now: number, effects: BrokerEffect[], note: string): void {
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
