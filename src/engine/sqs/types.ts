/** The shapes of the SQS/SNS profile: state, effects and requests. Plain immutable data. */
import type { EffectBase } from '../types';
import type { RngState } from '../sim/random';

/** An SQS/SNS message attribute (String, Number or String.Array, the types filter policies compare). */
export interface MessageAttribute {
  readonly type: 'String' | 'Number' | 'String.Array';
  /** As sent: a Number is its decimal text, a String.Array is a JSON array. */
  readonly value: string;
}
export type Attributes = Readonly<Record<string, MessageAttribute>>;

/** An SNS filter policy as JSON (see `filterPolicy.ts`). */
export type FilterPolicy = { readonly [key: string]: unknown };

export interface SqsMessage {
  readonly messageId: string;
  readonly body: string;
  readonly attributes: Attributes;
  /** Enqueue timestamp: retention counts from here (kept on a move to a standard DLQ, reset for FIFO). */
  readonly sentAt: number;
  /** Not receivable before this time (DelaySeconds, or a visibility change to 0). */
  readonly visibleAt: number;
  /** In flight until this time (null: not in flight). */
  readonly inFlightUntil: number | null;
  /** When the current in-flight receive happened (the 12 h visibility cap counts from it). */
  readonly receivedAt: number | null;
  /** ApproximateReceiveCount. */
  readonly receiveCount: number;
  /** The most recent receipt handle; older ones are stale. */
  readonly receipt: string | null;
  readonly groupId: string | null;
  readonly dedupId: string | null;
  /** Send order within the queue (FIFO sequence number). */
  readonly seq: number;
}

export interface RedrivePolicy {
  readonly deadLetterQueue: string;
  readonly maxReceiveCount: number;
}

export interface SqsQueue {
  readonly name: string;
  readonly fifo: boolean;
  readonly visibilityTimeoutMs: number;
  readonly retentionMs: number;
  readonly delayMs: number;
  /** ReceiveMessageWaitTimeSeconds: the default wait of a receive that names none. */
  readonly receiveWaitMs: number;
  readonly contentBasedDeduplication: boolean;
  readonly redrive: RedrivePolicy | null;
  /** Waiting, delayed and in-flight messages in send order; deleted or expired ones are gone. */
  readonly messages: readonly SqsMessage[];
  /** FIFO: deduplication id → end of its 5-minute window. */
  readonly dedup: Readonly<Record<string, number>>;
  readonly nextSeq: number;
}

export interface SnsSubscription {
  readonly id: string;
  readonly topic: string;
  readonly queue: string;
  readonly raw: boolean;
  readonly filterPolicy: FilterPolicy | null;
  readonly filterPolicyScope: 'MessageAttributes' | 'MessageBody';
}

export interface SnsTopic {
  readonly name: string;
  readonly fifo: boolean;
  readonly contentBasedDeduplication: boolean;
  readonly dedup: Readonly<Record<string, number>>;
}

/** A long poll waiting for a message (ReceiveMessage with WaitTimeSeconds > 0 on an empty queue). */
export interface WaitingPoll {
  readonly consumer: string;
  readonly queue: string;
  readonly max: number;
  readonly visibilityTimeoutMs: number;
  readonly deadline: number;
}

export interface Quirks {
  readonly duplicate: number;
  readonly reorder: number;
  readonly shortPollMiss: number;
}

export interface SqsState {
  readonly queues: Readonly<Record<string, SqsQueue>>;
  readonly topics: Readonly<Record<string, SnsTopic>>;
  readonly subscriptions: readonly SnsSubscription[];
  readonly polls: readonly WaitingPoll[];
  /** At-least-once and best-effort-order quirks of standard queues; null = off (a tidy, repeatable queue). */
  readonly quirks: Quirks | null;
  readonly rng: RngState;
  readonly nextId: number;
  /** The simulated time the state has been advanced to. */
  readonly now: number;
}

export interface Delivery {
  readonly messageId: string;
  readonly body: string;
  readonly attributes: Attributes;
  readonly receiptHandle: string;
  readonly receiveCount: number;
  readonly groupId: string | null;
  readonly seq: number;
}

export type SqsEffect =
  | (EffectBase & { kind: 'sqs-queue-created'; queue: string; fifo: boolean })
  | (EffectBase & { kind: 'sqs-sent'; queue: string; messageId: string; visibleAt: number })
  | (EffectBase & { kind: 'sqs-deduplicated'; queue: string; dedupId: string })
  | (EffectBase & { kind: 'sqs-received'; queue: string; consumer: string; delivery: Delivery })
  | (EffectBase & { kind: 'sqs-receive-empty'; queue: string; consumer: string })
  | (EffectBase & { kind: 'sqs-poll-waiting'; queue: string; consumer: string; deadline: number })
  | (EffectBase & { kind: 'sqs-deleted'; queue: string; messageId: string })
  | (EffectBase & { kind: 'sqs-delete-ignored'; queue: string; receiptHandle: string })
  | (EffectBase & { kind: 'sqs-duplicate-kept'; queue: string; messageId: string })
  | (EffectBase & { kind: 'sqs-visibility-changed'; queue: string; messageId: string; until: number })
  | (EffectBase & { kind: 'sqs-visibility-expired'; queue: string; messageId: string; receiveCount: number })
  | (EffectBase & { kind: 'sqs-dead-lettered'; queue: string; deadLetterQueue: string; messageId: string })
  | (EffectBase & { kind: 'sqs-expired'; queue: string; messageId: string })
  | (EffectBase & { kind: 'sns-topic-created'; topic: string; fifo: boolean })
  | (EffectBase & { kind: 'sns-subscribed'; topic: string; queue: string; subscriptionId: string })
  | (EffectBase & { kind: 'sns-published'; topic: string; messageId: string })
  | (EffectBase & { kind: 'sns-deduplicated'; topic: string; dedupId: string })
  | (EffectBase & { kind: 'sns-filtered-out'; topic: string; queue: string; messageId: string })
  | (EffectBase & { kind: 'sqs-rejected'; error: string });

export interface SqsStep {
  state: SqsState;
  effects: SqsEffect[];
}
