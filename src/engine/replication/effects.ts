/** What replication operations did, as data. Every effect says why in plain words (`reason`). */
import type { EffectBase } from '../effectBase';

interface Tp {
  topic: string;
  partition: number;
}

export type ReplicationEffect = EffectBase &
  (
    | {
        kind: 'replica-topic-created';
        topic: string;
        partitions: number;
        replicationFactor: number;
        minInsyncReplicas: number;
      }
    | (Tp & {
        kind: 'replica-appended';
        broker: number;
        offset: number;
        leaderEpoch: number;
        acks: 0 | 1 | 'all';
        producer: string;
      })
    /** The producer's acknowledgement: `error` null means success. */
    | (Tp & { kind: 'replica-ack-sent'; producer: string; offset: number; acks: 1 | 'all'; error: string | null })
    /** acks=0: no answer ever comes; the producer counts the record as sent once it leaves. */
    | (Tp & { kind: 'replica-ack-not-requested'; producer: string; offset: number | null })
    | (Tp & { kind: 'replica-ack-waiting'; producer: string; offset: number; waitingFor: number[] })
    /** The leader holding a waiting acks=all request died: no answer reaches the producer. */
    | (Tp & { kind: 'replica-ack-lost'; producer: string; offset: number; broker: number })
    | (Tp & {
        kind: 'replica-produce-refused';
        producer: string;
        broker: number | null;
        error: string;
        retriable: boolean;
      })
    | (Tp & { kind: 'client-metadata-refreshed'; client: string; leader: number | null; leaderEpoch: number })
    | (Tp & {
        kind: 'replica-fetched';
        follower: number;
        leader: number;
        fetchOffset: number;
        offsets: number[];
        logEndOffset: number;
        highWatermark: number;
      })
    | (Tp & { kind: 'replica-fetch-failed'; follower: number; error: string })
    | (Tp & {
        kind: 'replica-truncated';
        broker: number;
        /** The epoch the follower asked about and the leader's answer (OffsetsForLeaderEpoch). */
        askedEpoch: number;
        answerEpoch: number;
        endOffset: number;
        from: number;
        to: number;
        removed: { offset: number; leaderEpoch: number }[];
      })
    | (Tp & { kind: 'hw-advanced'; broker: number; from: number; to: number })
    | (Tp & { kind: 'hw-held'; broker: number; highWatermark: number; isr: number[]; minInsync: number })
    | (Tp & { kind: 'isr-shrunk'; removed: number[]; isr: number[] })
    | (Tp & { kind: 'isr-expanded'; added: number; isr: number[] })
    | (Tp & { kind: 'elr-changed'; elr: number[] })
    | (Tp & {
        kind: 'leader-elected';
        leader: number;
        previous: number | null;
        leaderEpoch: number;
        how: 'isr' | 'elr' | 'last-known-leader' | 'unclean';
        /** Offsets below the old high watermark the new leader does not have (lost on an unclean election). */
        lostOffsets: number[];
      })
    | (Tp & { kind: 'leader-election-skipped'; leader: number | null })
    | (Tp & { kind: 'partition-offline'; previous: number | null; isr: number[] })
    | { kind: 'broker-crashed'; broker: number }
    | { kind: 'broker-restarted'; broker: number }
    | (Tp & {
        kind: 'consumer-fetched';
        consumer: string;
        broker: number;
        offsets: number[];
        highWatermark: number;
        logEndOffset: number;
      })
    | (Tp & { kind: 'consumer-fetch-failed'; consumer: string; broker: number | null; error: string })
    | (Tp & { kind: 'consumer-truncation-detected'; consumer: string; from: number; to: number; epoch: number })
  );

export type ReplicationEffectKind = ReplicationEffect['kind'];
