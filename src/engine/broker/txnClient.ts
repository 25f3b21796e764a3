/**
 * The transactional producer's client side and the coordinator's checks shared by its operations: the
 * TransactionManager state a call needs (IllegalStateException otherwise), and fencing of an instance
 * whose epoch is older than the coordinator's.
 */
import { type BrokerState, type ProducerState } from './brokerState';
import type { BrokerEffect } from '../types';
import type { TxnEffect } from './txnEffects';
import { txnsOf, withTxns } from './txnLog';
import type { TxnClient, TxnMetadata } from './txnState';

export interface TxnStep<S> {
  state: S;
  effects: (BrokerEffect | TxnEffect)[];
}

export type Step = TxnStep<BrokerState>;

export const refuse = (state: BrokerState, producerId: string, request: string, error: string): Step => ({
  state,
  effects: [{ kind: 'txn-rejected', producerId, request, error, reason: error }],
});

export function putClient(state: BrokerState, producerId: string, client: TxnClient): BrokerState {
  const t = txnsOf(state);
  return withTxns(state, { clients: { ...t.clients, [producerId]: client } });
}

export function putMeta(state: BrokerState, meta: TxnMetadata): BrokerState {
  const t = txnsOf(state);
  return withTxns(state, { coordinator: { ...t.coordinator, [meta.transactionalId]: meta } });
}

/** The producer, its client state, and the coordinator's metadata, or why the call is refused. */
export function context(state: BrokerState, producerId: string, request: string, need: TxnClient['state']) {
  const p = state.producers[producerId];
  if (!p || p.transactionalId === undefined)
    return { error: `${producerId} has no transactional.id: ${request} needs a transactional producer` } as const;
  const client = txnsOf(state).clients[producerId];
  const have = client?.state ?? 'UNINITIALIZED';
  if (have === 'FATAL_ERROR')
    return {
      error: `${producerId} was fenced: a fenced producer can only be closed (ProducerFencedException is fatal)`,
    } as const;
  if (have !== need) {
    const hint =
      have === 'UNINITIALIZED'
        ? 'call initTransactions first'
        : have === 'READY'
          ? 'begin a transaction first'
          : 'end the current transaction first';
    return { error: `Cannot call ${request} in state ${have}: ${hint}` } as const;
  }
  const meta = txnsOf(state).coordinator[p.transactionalId]!;
  return { p, client: client!, meta, tid: p.transactionalId } as const;
}

/** A zombie: its epoch is older than the coordinator's for its transactional.id. */
export function fenced(
  state: BrokerState,
  p: ProducerState,
  client: TxnClient,
  meta: TxnMetadata,
  error: 'PRODUCER_FENCED' | 'INVALID_PRODUCER_EPOCH',
): Step | null {
  if (p.pid === meta.pid && p.epoch >= meta.epoch) return null;
  const s = putClient(state, p.producerId, { ...client, state: 'FATAL_ERROR' });
  const effect: TxnEffect = {
    kind: 'txn-fenced',
    producerId: p.producerId,
    transactionalId: meta.transactionalId,
    epoch: p.epoch,
    current: meta.epoch,
    error,
    reason:
      `${p.producerId} still uses epoch ${p.epoch} of transactional.id '${meta.transactionalId}', but the current epoch is ${meta.epoch}: ` +
      `it is a zombie (a newer instance took over, or its transaction timed out). The broker answers ${error}; nothing it sends is written, and it must close`,
  };
  return { state: s, effects: [effect] };
}
