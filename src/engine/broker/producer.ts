/**
 * Producers: partition choice (explicit, key, sticky) from the producer's own cached metadata,
 * idempotence (producer id + epoch + sequence: a retried send is neither duplicated nor reordered),
 * and what goes wrong without it.
 */
import type { BrokerEffect } from '../types';
import { Draft } from './produceDraft';
import { newProducer, nextPid, type ProducerOptions } from './producerConfig';
import { flush, send } from './producerSend';
import type { ProduceRequest } from './produceRequest';

export {
  newProducer,
  resolveIdempotence,
  ProducerConfigError,
  DEFAULT_STICKY_BATCH,
  DEFAULT_PRODUCER_ID,
  DEFAULT_METADATA_MAX_AGE_MS,
  type ProducerOptions,
} from './producerConfig';
import {
  withTime,
  BrokerError,
  type BrokerState,
  type BrokerStep,
  type LogRecord,
  type ProducerState,
} from './brokerState';

export type { ProduceRequest } from './produceRequest';

export type Appended = { topic: string; partition: number; offset: number } | null;

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
  const next = { ...withTime(state, now), producers: { ...state.producers, [producerId]: p } };
  const txn = state.transactions;
  if (!txn?.clients[producerId]) return { state: next, effects };
  // A transactional producer's new process must call initTransactions before anything else.
  const client = { ...txn.clients[producerId], state: 'UNINITIALIZED' as const, partitions: [] };
  return { state: { ...next, transactions: { ...txn, clients: { ...txn.clients, [producerId]: client } } }, effects };
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
 */
export function produceBatch(
  state: BrokerState,
  requests: readonly ProduceRequest[],
  now: number,
): BrokerStep & { appended: (LogRecord | null)[] } {
  const d = new Draft(state, requests.length);
  const effects: BrokerEffect[] = [];
  // Sized up front: a million pushes would copy the array as it grows. Beyond V8's fast-array limit
  // (2^25 elements) `new Array(n)` would be a slow dictionary array; there it grows (writes at its end).
  const n = requests.length;
  const appended: (LogRecord | null)[] = n <= MAX_PRESIZED ? new Array<LogRecord | null>(n) : [];
  for (let i = 0; i < n; i++) appended[i] = send(d, requests[i]!, now, effects);
  return { state: d.finish(now), effects, appended };
}

/** Retries the producer's failed sends now, in order. */
export function flushProducer(state: BrokerState, producerId: string, now: number): BrokerStep {
  const d = new Draft(state);
  const effects: BrokerEffect[] = [];
  if (state.producers[producerId]) flush(d, d.producer(producerId), now, effects, 'retried');
  return { state: d.finish(now), effects };
}
