/**
 * The transactional producer (KafkaProducer + TransactionManager, against the TransactionCoordinator):
 * initTransactions (InitProducerId: same producer id, epoch + 1, which fences every older instance — the
 * zombie), beginTransaction (client side only), sends to several partitions (AddPartitionsToTxn on the first
 * send to each), sendOffsetsToTransaction (AddOffsetsToTxn + TxnOffsetCommit), commit and abort.
 */
import type { BrokerEffect } from '../types';
import { tpName, type BrokerState, type ProducerState } from './brokerState';
import { produce, type Appended, type ProduceRequest } from './producer';
import type { OffsetEntry } from './offsets';
import type { TxnEffect } from './txnEffects';
import { context, fenced, putClient, putMeta, refuse, type Step } from './txnClient';
import { DEFAULT_TRANSACTION_TIMEOUT_MS, endTransaction } from './txnEnd';
import { openIn, txnsOf } from './txnLog';
import type { TxnMetadata } from './txnState';

export function initTransactions(
  state0: BrokerState,
  request: { producerId: string; transactionTimeoutMs?: number },
  now: number,
): Step {
  const { producerId } = request;
  const p = state0.producers[producerId];
  if (!p || p.transactionalId === undefined)
    return refuse(
      state0,
      producerId,
      'initTransactions',
      `${producerId} has no transactional.id: initTransactions needs one`,
    );
  const tid = p.transactionalId;
  const timeoutMs = request.transactionTimeoutMs ?? DEFAULT_TRANSACTION_TIMEOUT_MS;
  let state = state0;
  const effects: (BrokerEffect | TxnEffect)[] = [];
  const old = txnsOf(state).coordinator[tid];
  let pid = p.pid;
  let epoch = 0;
  if (old) {
    pid = old.pid;
    epoch = old.epoch + 1;
    if (old.state === 'Ongoing') {
      // The coordinator fences with epoch + 1, aborts, and the client's retry bumps the epoch again.
      const r = endTransaction(state, old, 'ABORT', old.epoch + 1, now, 'fenced');
      state = r.state;
      effects.push(...r.effects);
      epoch = old.epoch + 2;
    }
  }
  const meta: TxnMetadata = {
    transactionalId: tid,
    pid,
    epoch,
    state: 'Empty',
    partitions: [],
    offsets: [],
    startedAt: now,
    timeoutMs,
  };
  state = putMeta(state, meta);
  state = putClient(state, producerId, { transactionalId: tid, state: 'READY', partitions: [] });
  const producer: ProducerState = { ...p, pid, epoch, sequences: {}, pending: [], lastSend: null };
  state = { ...state, producers: { ...state.producers, [producerId]: producer } };
  effects.push({
    kind: 'txn-initialized',
    producerId,
    transactionalId: tid,
    pid,
    epoch,
    reason: old
      ? `${producerId} registers transactional.id '${tid}': the coordinator keeps producer id ${pid} and bumps the epoch to ${epoch}, so any older instance (epoch ${old.epoch}) is fenced`
      : `${producerId} registers transactional.id '${tid}': the coordinator gives it producer id ${pid}, epoch 0`,
  });
  return { state, effects };
}

export function beginTransaction(state: BrokerState, request: { producerId: string }, now: number): Step {
  void now;
  const c = context(state, request.producerId, 'beginTransaction', 'READY');
  if ('error' in c) return refuse(state, request.producerId, 'beginTransaction', c.error!);
  const s = putClient(state, request.producerId, { ...c.client, state: 'IN_TRANSACTION', partitions: [] });
  return {
    state: s,
    effects: [
      {
        kind: 'txn-begun',
        producerId: request.producerId,
        transactionalId: c.tid,
        reason: `${request.producerId} begins a transaction: only its own client notes it; the coordinator hears of it with the first send`,
      },
    ],
  };
}

/** A send inside the producer's transaction. `appended` is where it landed (null when refused). */
export function sendInTransaction(
  state: BrokerState,
  request: ProduceRequest & { producerId: string },
  now: number,
): Step & { appended: Appended } {
  const { producerId } = request;
  const c = context(state, producerId, 'send', 'IN_TRANSACTION');
  if ('error' in c) return { ...refuse(state, producerId, 'send', c.error!), appended: null };
  const r = produce(state, { ...request, inTransaction: true }, now);
  if (!r.appended) return { ...r, appended: null };
  const { topic, partition } = r.appended;
  const known = c.client.partitions.some((tp) => tp.topic === topic && tp.partition === partition);
  const zombie = fenced(state, c.p, c.client, c.meta, known ? 'INVALID_PRODUCER_EPOCH' : 'PRODUCER_FENCED');
  if (zombie) return { ...zombie, appended: null };
  let s = r.state;
  const effects: (BrokerEffect | TxnEffect)[] = [];
  // Every partition this call wrote to (a retried earlier send may land elsewhere) joins the transaction.
  for (const e of r.effects) {
    if (e.kind !== 'record-appended' || e.producerId !== producerId) continue;
    const client = txnsOf(s).clients[producerId]!;
    if (!client.partitions.some((tp) => tp.topic === e.topic && tp.partition === e.partition)) {
      const tp = { topic: e.topic, partition: e.partition };
      s = putClient(s, producerId, { ...client, partitions: [...client.partitions, tp] });
      const meta = txnsOf(s).coordinator[c.tid]!;
      const starts = meta.state !== 'Ongoing';
      s = putMeta(s, {
        ...meta,
        state: 'Ongoing',
        partitions: [...meta.partitions, tp],
        ...(starts ? { startedAt: now } : {}),
      });
      effects.push({
        kind: 'txn-partition-added',
        producerId,
        transactionalId: c.tid,
        topic: e.topic,
        partition: e.partition,
        reason: `First send of this transaction to ${tpName(e.topic, e.partition)}: the producer adds the partition to the transaction at the coordinator (AddPartitionsToTxn), which will write a marker there at the end`,
      });
    }
    s = openIn(s, e.topic, e.partition, c.p.pid, e.offset);
  }
  return { state: s, effects: [...effects, ...r.effects], appended: r.appended };
}

export function sendOffsetsToTransaction(
  state: BrokerState,
  request: { producerId: string; groupId: string; offsets: OffsetEntry[]; memberId?: string; generation?: number },
  now: number,
): Step {
  const { producerId, groupId } = request;
  const c = context(state, producerId, 'sendOffsetsToTransaction', 'IN_TRANSACTION');
  if ('error' in c) return refuse(state, producerId, 'sendOffsetsToTransaction', c.error!);
  const zombie = fenced(state, c.p, c.client, c.meta, 'PRODUCER_FENCED');
  if (zombie) return zombie;
  if (request.memberId !== undefined) {
    // KIP-447: the group coordinator checks the consumer's member id and generation (TxnOffsetCommit).
    const g = state.groups[groupId];
    if (!g?.members[request.memberId])
      return refuse(
        state,
        producerId,
        'sendOffsetsToTransaction',
        `UNKNOWN_MEMBER_ID: ${request.memberId} is not in group '${groupId}'; the transaction must be aborted`,
      );
    if (request.generation !== undefined && request.generation !== g.generation)
      return refuse(
        state,
        producerId,
        'sendOffsetsToTransaction',
        `ILLEGAL_GENERATION: generation ${request.generation} is stale (the group is at ${g.generation}); the transaction must be aborted`,
      );
  }
  const meta = c.meta;
  const entries = request.offsets.map((o) => ({ topic: o.topic, partition: o.partition, offset: o.offset }));
  const offsets = [
    ...meta.offsets.filter((x) => x.groupId !== groupId),
    {
      groupId,
      offsets: [
        ...(meta.offsets
          .find((x) => x.groupId === groupId)
          ?.offsets.filter((o) => !entries.some((e) => e.topic === o.topic && e.partition === o.partition)) ?? []),
        ...entries,
      ],
    },
  ];
  const s = putMeta(state, {
    ...meta,
    state: 'Ongoing',
    offsets,
    ...(meta.state !== 'Ongoing' ? { startedAt: now } : {}),
  });
  return {
    state: s,
    effects: [
      {
        kind: 'txn-offsets-sent',
        producerId,
        transactionalId: c.tid,
        groupId,
        offsets: entries,
        reason: `${producerId} sends ${groupId}'s offsets (${entries.map((e) => `${tpName(e.topic, e.partition)} at ${e.offset}`).join(', ')}) into the transaction: the group coordinator holds them and commits them only if the transaction commits`,
      },
    ],
  };
}

function finish(state: BrokerState, producerId: string, marker: 'COMMIT' | 'ABORT', now: number): Step {
  const request = marker === 'COMMIT' ? 'commitTransaction' : 'abortTransaction';
  const c = context(state, producerId, request, 'IN_TRANSACTION');
  if ('error' in c) return refuse(state, producerId, request, c.error!);
  const zombie = fenced(state, c.p, c.client, c.meta, 'PRODUCER_FENCED');
  if (zombie) return zombie;
  const r = endTransaction(state, c.meta, marker, c.meta.epoch, now, 'application');
  return { state: putClient(r.state, producerId, { ...c.client, state: 'READY', partitions: [] }), effects: r.effects };
}

export const commitTransaction = (state: BrokerState, request: { producerId: string }, now: number): Step =>
  finish(state, request.producerId, 'COMMIT', now);

export const abortTransaction = (state: BrokerState, request: { producerId: string }, now: number): Step =>
  finish(state, request.producerId, 'ABORT', now);
