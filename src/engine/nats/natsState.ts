/**
 * The shapes of a NATS server's state: core clients and subscriptions, JetStream streams with their
 * stored messages and consumers. Plain immutable data; operations return a new state.
 */
import { seedRng, type RngState } from '../sim/random';

/** A client connection. The server queues outbound bytes per connection; when a client does not read
 * fast enough and they pass `maxPendingBytes`, the server closes it as a slow consumer. */
export interface NatsClient {
  readonly id: string;
  readonly maxPendingBytes: number;
  /** Sizes of the messages delivered to this client that it has not read yet, oldest first. */
  readonly unread: readonly number[];
  readonly closed: boolean;
}

export interface CoreSubscription {
  readonly sid: string;
  readonly client: string;
  readonly subject: string;
  /** Queue group name: each message goes to one member of the group. */
  readonly queue: string | null;
}

export type Retention = 'limits' | 'interest' | 'workqueue';
export type Discard = 'old' | 'new';
export type Storage = 'file' | 'memory';

export interface StreamConfig {
  readonly name: string;
  readonly subjects: readonly string[];
  readonly retention: Retention;
  /** -1 = no limit. */
  readonly maxMsgs: number;
  readonly maxBytes: number;
  /** 0 = keep forever. */
  readonly maxAgeMs: number;
  readonly discard: Discard;
  readonly duplicateWindowMs: number;
  readonly storage: Storage;
}

export interface StoredMessage {
  readonly seq: number;
  readonly subject: string;
  readonly data: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Simulated ms when the stream stored it. */
  readonly time: number;
  /** Bytes counted against max_bytes (the store's record size). */
  readonly size: number;
}

export interface DedupEntry {
  readonly id: string;
  readonly seq: number;
  readonly time: number;
}

export type AckPolicy = 'explicit' | 'all' | 'none';
export type DeliverPolicy = 'all' | 'last' | 'new' | 'by_start_sequence' | 'by_start_time' | 'last_per_subject';

export interface ConsumerConfig {
  /** Set for durable consumers; ephemeral ones have only a (generated) name. */
  readonly durable: boolean;
  readonly ackPolicy: AckPolicy;
  readonly ackWaitMs: number;
  /** -1 = no limit. */
  readonly maxDeliver: number;
  /** 0 when the ack policy is none (no limit applies). */
  readonly maxAckPending: number;
  readonly deliverPolicy: DeliverPolicy;
  readonly optStartSeq: number;
  readonly optStartTime: number | null;
  readonly filterSubject: string;
  /** Push consumers deliver to this subject; null for pull consumers. */
  readonly deliverSubject: string | null;
  readonly inactiveThresholdMs: number;
}

/** A delivery waiting for its ack: the consumer sequence it was delivered with and when (ack wait runs from `ts`). */
export interface PendingAck {
  readonly dseq: number;
  readonly ts: number;
}

export interface NatsConsumer {
  readonly name: string;
  readonly stream: string;
  readonly config: ConsumerConfig;
  /** Next stream sequence to look at (server: o.sseq). */
  readonly sseq: number;
  /** Next consumer (delivery) sequence (server: o.dseq); every delivery, redeliveries too, takes one. */
  readonly dseq: number;
  /** Ack floors: every delivery at or below them is acknowledged (server: o.adflr, o.asflr). */
  readonly ackFloorConsumer: number;
  readonly ackFloorStream: number;
  /** Stream sequence → pending ack. */
  readonly pending: Readonly<Record<number, PendingAck>>;
  /** Stream sequence → redeliveries so far (server: o.rdc; delivery count = this + 1). */
  readonly redelivered: Readonly<Record<number, number>>;
  /** Stream sequences due for redelivery, in order (server: o.rdq). */
  readonly redeliverQueue: readonly number[];
  /** deliver_policy last_per_subject: the last sequence of each subject still to deliver, then where to resume. */
  readonly skipList: { readonly seqs: readonly number[]; readonly resume: number } | null;
  /** Last fetch (pull) or moment it lost its subscriber (push), for the ephemeral inactive threshold. */
  readonly lastActive: number;
}

export interface NatsStream {
  readonly config: StreamConfig;
  readonly created: number;
  /** Stored messages in sequence order. */
  readonly messages: readonly StoredMessage[];
  /** Last sequence assigned (skipped and removed messages included). */
  readonly lastSeq: number;
  readonly dedup: readonly DedupEntry[];
  readonly consumers: Readonly<Record<string, NatsConsumer>>;
}

export interface NatsState {
  readonly clients: Readonly<Record<string, NatsClient>>;
  readonly subscriptions: readonly CoreSubscription[];
  readonly streams: Readonly<Record<string, NatsStream>>;
  /** Queue-group member choice; the real server picks with math/rand (server/client.go processMsgResults). */
  readonly rng: RngState;
  /** Counters for generated names (subscription ids, inboxes, ephemeral consumers). */
  readonly nextId: number;
}

export function createNats(options: { seed?: number } = {}): NatsState {
  return { clients: {}, subscriptions: [], streams: {}, rng: seedRng(options.seed ?? 1), nextId: 1 };
}

export const pendingBytes = (c: NatsClient): number => c.unread.reduce((a, b) => a + b, 0);

export class NatsError extends Error {}

export function streamOf(state: NatsState, name: string): NatsStream {
  const s = state.streams[name];
  if (!s) throw new NatsError(`unknown stream ${name}`);
  return s;
}

export const firstSeq = (s: NatsStream): number => s.messages[0]?.seq ?? s.lastSeq + 1;

export const withStream = (state: NatsState, stream: NatsStream): NatsState => ({
  ...state,
  streams: { ...state.streams, [stream.config.name]: stream },
});

export const withConsumer = (stream: NatsStream, c: NatsConsumer): NatsStream => ({
  ...stream,
  consumers: { ...stream.consumers, [c.name]: c },
});
