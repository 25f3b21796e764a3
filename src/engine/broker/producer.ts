/**
 * Producers: partition choice (explicit, key, sticky), idempotence (producer id + epoch + sequence:
 * a retried send is neither duplicated nor reordered), and what goes wrong without it.
 */
import type { BrokerEffect, PartitionChoice } from '../types';
import { explainKeyChoice, InvalidKeyError, keyChoice } from './partitioner';
import { Draft, type DraftProducer } from './produceDraft';
import { tpName, withTime, BrokerError, type BrokerState, type BrokerStep, type PendingSend, type ProducerState } from './brokerState';
import { explainSticky, stickyPartition } from './stickyPartitioner';

export interface ProduceRequest {
  topic: string;
  /** `null` = no key (sticky partitioner); `''` is a key and is hashed. */
  key: string | null;
  value: unknown;
  headers?: Record<string, string>;
  /** An explicit partition wins over the key. */
  partition?: number;
  /** Registered on first use (idempotent); omitted = the anonymous default producer. */
  producerId?: string;
  eventId?: string;
  /** Resend the producer's previous request, as a client does when an acknowledgement was lost. */
  retry?: boolean;
  /** Simulate a transient send failure: not stored; the producer keeps it in flight and retries it on its next send. */
  failOnce?: boolean;
}

export interface ProducerOptions {
  producerId: string;
  /** Default true (Kafka ≥ 3.0). */
  idempotent?: boolean;
  /** max.in.flight.requests.per.connection, default 5. */
  maxInFlight?: number;
  /** Records per sticky batch for keyless records, default 10. */
  stickyBatchSize?: number;
}

export type Appended = { topic: string; partition: number; offset: number } | null;

export const DEFAULT_PRODUCER_ID = '(default)';
export const DEFAULT_STICKY_BATCH = 10;
const EMPTY_HEADERS: Readonly<Record<string, string>> = Object.freeze({});

export function newProducer(options: ProducerOptions): ProducerState {
  return {
    producerId: options.producerId,
    idempotent: options.idempotent ?? true,
    maxInFlight: options.maxInFlight ?? 5,
    stickyBatchSize: options.stickyBatchSize ?? DEFAULT_STICKY_BATCH,
    epoch: 0,
    sequences: {},
    sticky: {},
    lastSend: null,
    pending: [],
  };
}

export function createProducer(state: BrokerState, options: ProducerOptions, now: number): BrokerStep {
  if (state.producers[options.producerId]) throw new BrokerError(`Producer '${options.producerId}' already exists`);
  const p = newProducer(options);
  return { state: { ...withTime(state, now), producers: { ...state.producers, [p.producerId]: p } }, effects: [] };
}

/** A new idempotence session: new epoch, sequences from 0. In-flight failed sends are lost with the old process. */
export function restartProducer(state: BrokerState, producerId: string, now: number): BrokerStep {
  const old = state.producers[producerId] ?? newProducer({ producerId });
  const p: ProducerState = { ...old, epoch: old.epoch + 1, sequences: {}, sticky: {}, pending: [] };
  const lost = old.pending.length ? `; ${old.pending.length} failed send(s) still in flight are lost` : '';
  const effects: BrokerEffect[] = [
    { kind: 'producer-restarted', producerId, epoch: p.epoch, reason: `${producerId} restarted: new session (epoch ${p.epoch}), sequence numbers start again at 0, so the broker cannot recognise resends of the old session's records${lost}` },
  ];
  return { state: { ...withTime(state, now), producers: { ...state.producers, [producerId]: p } }, effects };
}

export function produce(state: BrokerState, request: ProduceRequest, now: number): BrokerStep & { appended: Appended } {
  const r = produceBatch(state, [request], now);
  return { state: r.state, effects: r.effects, appended: r.appended[0] ?? null };
}

/** Same semantics as `produce` in a loop, with one copy per touched partition. */
export function produceBatch(state: BrokerState, requests: readonly ProduceRequest[], now: number): BrokerStep & { appended: Appended[] } {
  const d = new Draft(state);
  const effects: BrokerEffect[] = [];
  const appended: Appended[] = new Array<Appended>(requests.length);
  for (let i = 0; i < requests.length; i++) appended[i] = send(d, requests[i]!, now, effects);
  return { state: d.finish(now), effects, appended };
}

/** Retries the producer's failed sends now, in order. */
export function flushProducer(state: BrokerState, producerId: string, now: number): BrokerStep {
  const d = new Draft(state);
  const effects: BrokerEffect[] = [];
  if (state.producers[producerId]) flush(d, d.producer(producerId, () => newProducer({ producerId })), now, effects, 'retried');
  return { state: d.finish(now), effects };
}

function send(d: Draft, req: ProduceRequest, now: number, effects: BrokerEffect[]): Appended {
  const id = req.producerId ?? DEFAULT_PRODUCER_ID;
  const p = d.producer(id, () => newProducer({ producerId: id }));
  if (req.retry) return retryLast(d, p, now, effects);
  const topic = d.topic(req.topic);
  const reject = (error: string): null => {
    effects.push({ kind: 'produce-rejected', topic: req.topic, producerId: shown(p), error, reason: error });
    return null;
  };
  if (!topic) return reject(`topic '${req.topic}' does not exist`);
  if (topic.config.cleanupPolicy === 'compact' && req.key === null) return reject(`'${req.topic}' is compacted, and compaction keeps the latest record per key, so a record without a key is refused`);
  const count = topic.partitions.length;
  let choice: PartitionChoice;
  let why: string;
  if (req.partition !== undefined) {
    if (!Number.isInteger(req.partition) || req.partition < 0 || req.partition >= count) return reject(`'${req.topic}' has partitions 0–${count - 1}; there is no partition ${req.partition}`);
    choice = { kind: 'explicit', partition: req.partition };
    why = `the producer named partition ${req.partition} explicitly${req.key !== null ? ', which wins over the key' : ''}`;
  } else if (req.key !== null) {
    try {
      const c = keyChoice(req.key, count);
      choice = c;
      why = explainKeyChoice(c);
    } catch (e) {
      if (e instanceof InvalidKeyError) return reject(e.message);
      throw e;
    }
  } else {
    const r = stickyPartition(p.sticky[req.topic], count, p.stickyBatchSize, d.rng);
    p.sticky[req.topic] = r.batch;
    d.rng = r.rng;
    choice = r.choice;
    why = explainSticky(r.choice, count);
  }
  const partition = choice.partition;
  let sequence = -1;
  if (p.idempotent) {
    const seqs = d.sequences(p, req.topic);
    sequence = seqs[partition] ?? 0;
    seqs[partition] = sequence + 1;
  }
  const out: PendingSend = { topic: req.topic, partition, sequence, key: req.key, value: req.value, headers: req.headers ?? EMPTY_HEADERS, eventId: req.eventId ?? null, choice };
  if (req.failOnce) {
    p.pending.push(out);
    return reject(`send to ${tpName(req.topic, partition)} failed transiently (simulated): nothing stored; ${shown(p) ?? 'the producer'} keeps it in flight and retries it`);
  }
  if (p.pending.length > 0 && (p.idempotent || p.maxInFlight === 1)) {
    flush(d, p, now, effects, p.idempotent ? 'retried first: an idempotent producer keeps order (the broker refuses later sequence numbers until the gap is filled)' : 'retried first: with max.in.flight=1 nothing overtakes it');
  }
  const offset = append(d, p, out, now, effects, why);
  p.lastSend = { ...out, epoch: p.epoch, offset };
  if (p.pending.length > 0) {
    flush(d, p, now, effects, `retried after a later send already landed: idempotence off and max.in.flight=${p.maxInFlight}, so the records are out of order`);
  }
  return { topic: req.topic, partition, offset };
}

const shown = (p: DraftProducer): string | null => (p.producerId === DEFAULT_PRODUCER_ID ? null : p.producerId);

function append(d: Draft, p: DraftProducer, s: PendingSend, now: number, effects: BrokerEffect[], why: string): number {
  const log = d.partition(s.topic, s.partition);
  const offset = log.logEndOffset;
  const producerId = shown(p);
  log.records.push({ topic: s.topic, partition: s.partition, offset, key: s.key, value: s.value, headers: s.headers, timestamp: now, eventId: s.eventId, producerId });
  log.logEndOffset = offset + 1;
  effects.push({ kind: 'record-appended', topic: s.topic, partition: s.partition, offset, key: s.key, producerId, eventId: s.eventId, choice: s.choice, reason: `${why} → ${s.topic}-${s.partition}@${offset}` });
  return offset;
}

function flush(d: Draft, p: DraftProducer, now: number, effects: BrokerEffect[], note: string): void {
  const pending = p.pending.splice(0);
  for (const s of pending) append(d, p, s, now, effects, `failed send ${s.sequence >= 0 ? `(sequence ${s.sequence}) ` : ''}${note}`);
}

function retryLast(d: Draft, p: DraftProducer, now: number, effects: BrokerEffect[]): Appended {
  const last = p.lastSend;
  if (!last) {
    const error = `${shown(p) ?? 'the producer'} has no previous send to retry`;
    effects.push({ kind: 'produce-rejected', topic: '', producerId: shown(p), error, reason: error });
    return null;
  }
  if (p.idempotent && last.epoch === p.epoch) {
    effects.push({ kind: 'produce-deduplicated', topic: last.topic, partition: last.partition, producerId: p.producerId, sequence: last.sequence, reason: `retry of sequence ${last.sequence} from ${p.producerId} (epoch ${p.epoch}): the broker already has it at ${last.topic}-${last.partition}@${last.offset}, so it acknowledges without appending` });
    return null;
  }
  let sequence = -1;
  if (p.idempotent) {
    const seqs = d.sequences(p, last.topic);
    sequence = seqs[last.partition] ?? 0;
    seqs[last.partition] = sequence + 1;
  }
  const why = p.idempotent
    ? `resend after a restart: new session (epoch ${p.epoch}, sequence ${sequence}), so the broker cannot tell it is the record at offset ${last.offset} again: duplicate`
    : `retry with idempotence off: the broker cannot tell it from a new record, so the record at offset ${last.offset} is duplicated`;
  const offset = append(d, p, { ...last, sequence }, now, effects, why);
  p.lastSend = { ...last, sequence, epoch: p.epoch, offset };
  return { topic: last.topic, partition: last.partition, offset };
}
