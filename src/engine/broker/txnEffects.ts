/**
 * What transaction operations did, as data; each says why in `reason`. `TxnEffect` joins `types.ts`'s
 * `Effect` union, so this file imports nothing from `types.ts` (a type cycle otherwise); `TxnStep`, which
 * needs `BrokerEffect`, lives in `txnClient.ts`.
 */
import type { EffectBase } from '../effectBase';

type TopicPartition = { topic: string; partition: number };

export type TxnEffect = EffectBase &
  (
    | { kind: 'txn-initialized'; producerId: string; transactionalId: string; pid: number; epoch: number }
    | { kind: 'txn-begun'; producerId: string; transactionalId: string }
    | { kind: 'txn-partition-added'; producerId: string; transactionalId: string; topic: string; partition: number }
    | {
        kind: 'txn-offsets-sent';
        producerId: string;
        transactionalId: string;
        groupId: string;
        offsets: (TopicPartition & { offset: number })[];
      }
    | {
        kind: 'txn-marker-written';
        transactionalId: string;
        topic: string;
        partition: number;
        offset: number;
        marker: 'COMMIT' | 'ABORT';
        lastStableOffset: number;
      }
    | { kind: 'txn-committed'; transactionalId: string; pid: number; epoch: number; partitions: TopicPartition[] }
    | {
        kind: 'txn-aborted';
        transactionalId: string;
        pid: number;
        epoch: number;
        partitions: TopicPartition[];
        cause: 'application' | 'fenced' | 'timeout';
      }
    /** A zombie (older epoch) or a fenced producer is refused; the error is fatal for that instance. */
    | {
        kind: 'txn-fenced';
        producerId: string;
        transactionalId: string;
        epoch: number;
        current: number;
        error: 'PRODUCER_FENCED' | 'INVALID_PRODUCER_EPOCH';
      }
    /** A call the producer client itself refuses (KafkaProducer's IllegalStateException, for instance). */
    | { kind: 'txn-rejected'; producerId: string; request: string; error: string }
  );
