/**
 * The shapes of a RabbitMQ 3.10 broker as plain immutable data, and `createRabbit`. Operations return
 * new objects; nothing here is mutated (tests deep-freeze the state).
 */
import { DEFAULT_CONSUMER_TIMEOUT_MS, PREDECLARED_EXCHANGES } from './constants';

export type ExchangeType = 'direct' | 'topic' | 'fanout' | 'headers';
export type QueueType = 'classic' | 'quorum' | 'stream';
/** Why a message left a queue without being acknowledged (the x-death `reason`, rabbit_dead_letter.erl). */
export type DeathReason = 'rejected' | 'expired' | 'maxlen' | 'delivery_limit';
export type HeaderValue = string | number | boolean | null;

export interface Exchange {
  readonly name: string;
  readonly type: ExchangeType;
}

export interface Binding {
  readonly exchange: string;
  readonly queue: string;
  readonly routingKey: string;
  /** Headers-exchange arguments (`x-match` and the headers to match). */
  readonly arguments: Readonly<Record<string, HeaderValue>>;
}

/** One x-death entry (newest first in a message), as rabbit_dead_letter.erl writes it. */
export interface XDeath {
  readonly queue: string;
  readonly reason: DeathReason;
  readonly count: number;
  readonly exchange: string;
  readonly routingKeys: readonly string[];
  readonly time: number;
}

export interface Message {
  /** The broker's own id for this copy (`msg-N`); the body names it for learners. */
  readonly id: string;
  readonly body: string;
  readonly exchange: string;
  readonly routingKey: string;
  readonly headers: Readonly<Record<string, HeaderValue>>;
  readonly priority: number | null;
  /** Per-message TTL in ms (the `expiration` property), or null. Removed when dead-lettered. */
  readonly expiration: number | null;
  readonly xDeath: readonly XDeath[];
}

/** A message held by a queue, ready or delivered and unacknowledged. */
export interface QueuedMessage {
  readonly message: Message;
  /** Order of arrival in this queue: a classic queue requeues a message to its place by this number. */
  readonly seq: number;
  readonly expiresAt: number | null;
  /** Delivered at least once (a classic queue's `is_delivered`). */
  readonly delivered: boolean;
  /** Quorum queues: times returned (rabbit_fifo's `delivery_count`, shown as `x-delivery-count`). */
  readonly returns: number;
}

export interface QueueArgs {
  readonly messageTtl: number | null;
  readonly deadLetterExchange: string | null;
  readonly deadLetterRoutingKey: string | null;
  readonly maxLength: number | null;
  readonly overflow: 'drop-head' | 'reject-publish';
  readonly maxPriority: number | null;
  readonly deliveryLimit: number | null;
  readonly singleActiveConsumer: boolean;
}

export interface StreamEntry {
  readonly offset: number;
  readonly message: Message;
  readonly appendedAt: number;
}

export interface Queue {
  readonly name: string;
  readonly type: QueueType;
  readonly args: QueueArgs;
  /** Next to deliver first. Classic: by priority, then arrival. Quorum: the main queue. */
  readonly ready: readonly QueuedMessage[];
  /** Quorum only: messages returned to the queue, delivered before `ready` (rabbit_fifo `returns`). */
  readonly returned: readonly QueuedMessage[];
  /** Consumers in the order they registered (single active consumer picks the first). */
  readonly consumers: readonly string[];
  /** Round-robin order of consumers that can take a message; a full one leaves it until it has room. */
  readonly serviceOrder: readonly string[];
  readonly blocked: readonly string[];
  readonly nextSeq: number;
  /** Streams only: the append-only log. */
  readonly log: readonly StreamEntry[];
  /**
   * Classic queue with single active consumer after basic.cancel of the active consumer: 3.10 picks the
   * next consumer but does not run its delivery loop (rabbit_amqqueue_process.erl handle_call basic_cancel),
   * so ready messages wait until something runs it: a new consumer, a requeue, a consumer unblocked by an
   * ack, or a channel of this queue closing.
   */
  readonly stalled: boolean;
  /** Quorum reject-publish: over the limit, refusing publishes until back at 80% of it. */
  readonly publishBlocked: boolean;
}

export interface Unacked {
  readonly deliveryTag: number;
  readonly queue: string;
  readonly consumerTag: string | null;
  readonly entry: QueuedMessage;
  readonly deliveredAt: number;
  /** Streams: the offset delivered (the log keeps the message). */
  readonly offset: number | null;
}

export interface Channel {
  readonly id: string;
  readonly connection: string;
  /** basic.qos prefetch (global=false): given to consumers started afterwards; 0 = unlimited. */
  readonly prefetch: number;
  /** basic.qos prefetch with global=true: shared by all the channel's consumers; 0 = unlimited. */
  readonly globalPrefetch: number;
  readonly nextDeliveryTag: number;
  /** Oldest delivery first (the channel's unacked queue). */
  readonly unacked: readonly Unacked[];
}

export interface Consumer {
  readonly tag: string;
  readonly channel: string;
  readonly queue: string;
  readonly prefetch: number;
  readonly noAck: boolean;
  /** Streams: the next offset this consumer reads. */
  readonly streamNext: number | null;
  /**
   * Quorum queues in 3.10 give a consumer its credit back twice when a message it returns goes over
   * `x-delivery-limit` (rabbit_fifo.erl: return_one calls complete/5, which adds one, and return/5 adds
   * one more), so from then on it may hold one more message than its prefetch.
   */
  readonly extraCredit: number;
}

export interface RabbitConfig {
  readonly consumerTimeoutMs: number | null;
}

export interface RabbitState {
  readonly config: RabbitConfig;
  readonly exchanges: Readonly<Record<string, Exchange>>;
  readonly bindings: readonly Binding[];
  readonly queues: Readonly<Record<string, Queue>>;
  readonly channels: Readonly<Record<string, Channel>>;
  readonly consumers: Readonly<Record<string, Consumer>>;
  readonly nextMessage: number;
}

export function createRabbit(config: Partial<RabbitConfig> = {}): RabbitState {
  const exchanges: Record<string, Exchange> = {};
  for (const x of PREDECLARED_EXCHANGES) exchanges[x.name] = { name: x.name, type: x.type };
  return {
    config: { consumerTimeoutMs: DEFAULT_CONSUMER_TIMEOUT_MS, ...config },
    exchanges,
    bindings: [],
    queues: {},
    channels: {},
    consumers: {},
    nextMessage: 1,
  };
}

export const withQueue = (s: RabbitState, q: Queue): RabbitState => ({ ...s, queues: { ...s.queues, [q.name]: q } });
export const withChannel = (s: RabbitState, c: Channel): RabbitState => ({
  ...s,
  channels: { ...s.channels, [c.id]: c },
});

/** Unacked deliveries a consumer holds. */
export const heldBy = (s: RabbitState, c: Consumer): number =>
  s.channels[c.channel]?.unacked.filter((u) => u.consumerTag === c.tag).length ?? 0;

/** Whether a consumer may take one more message now (its prefetch and its channel's global prefetch). */
export function hasRoom(s: RabbitState, c: Consumer): boolean {
  if (c.noAck) return true;
  const ch = s.channels[c.channel];
  if (!ch) return false;
  if (ch.globalPrefetch > 0 && ch.unacked.length >= ch.globalPrefetch) return false;
  return c.prefetch === 0 || heldBy(s, c) < c.prefetch + c.extraCredit;
}
