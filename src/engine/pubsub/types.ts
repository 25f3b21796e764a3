/** The shapes of the Pub/Sub profile: state, effects and requests. Plain immutable data. */
import type { EffectBase } from '../types';

export interface PsMessage {
  readonly messageId: string;
  readonly data: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly orderingKey: string | null;
  readonly publishTime: number;
}

/** A message as one subscription holds it. */
export interface Held {
  readonly msg: PsMessage;
  readonly acked: boolean;
  /** Deliveries so far: the delivery attempt of the latest one (1 + nacks + expired deadlines). */
  readonly deliveries: number;
  /** The latest delivery's ack id (older ones are stale). */
  readonly ackId: string | null;
  /** Outstanding (delivered, not acked) until this time; null when not outstanding. */
  readonly deadline: number | null;
  /** Not deliverable before this time (retry-policy backoff). */
  readonly availableAt: number;
}

export interface DeadLetterPolicy {
  readonly topic: string;
  readonly maxDeliveryAttempts: number;
}

export interface RetryPolicy {
  readonly minBackoffMs: number;
  readonly maxBackoffMs: number;
}

export interface Subscription {
  readonly name: string;
  readonly topic: string;
  readonly createdAt: number;
  /** Push endpoint name, or null for a pull subscription. */
  readonly push: string | null;
  readonly ackDeadlineMs: number;
  readonly retentionMs: number;
  readonly retainAcked: boolean;
  readonly ordering: boolean;
  readonly filter: string | null;
  readonly deadLetter: DeadLetterPolicy | null;
  readonly retry: RetryPolicy | null;
  readonly exactlyOnce: boolean;
  /** In publish order. */
  readonly held: readonly Held[];
}

export interface Topic {
  readonly name: string;
  /** Topic retention (null: off): published messages kept for seeking, acked or not. */
  readonly retentionMs: number | null;
  readonly log: readonly PsMessage[];
}

export interface Snapshot {
  readonly name: string;
  readonly subscription: string;
  readonly topic: string;
  readonly createdAt: number;
  readonly expiresAt: number;
  /** The subscription's unacknowledged messages when the snapshot was taken, and those published since. */
  readonly unacked: readonly PsMessage[];
}

export interface PubsubState {
  readonly topics: Readonly<Record<string, Topic>>;
  readonly subscriptions: Readonly<Record<string, Subscription>>;
  readonly snapshots: Readonly<Record<string, Snapshot>>;
  /** Publisher-side ordering keys paused after a failed publish: `${publisher}/${key}`. */
  readonly paused: readonly string[];
  readonly nextId: number;
  readonly now: number;
}

export type PubsubEffect =
  | (EffectBase & { kind: 'pubsub-topic-created'; topic: string })
  | (EffectBase & { kind: 'pubsub-subscription-created'; subscription: string; topic: string })
  | (EffectBase & { kind: 'pubsub-published'; topic: string; messageId: string; orderingKey: string | null })
  | (EffectBase & { kind: 'pubsub-publish-failed'; topic: string; orderingKey: string | null })
  | (EffectBase & { kind: 'pubsub-publish-resumed'; publisher: string; orderingKey: string })
  | (EffectBase & { kind: 'pubsub-filtered'; subscription: string; messageId: string })
  | (EffectBase & {
      kind: 'pubsub-delivered';
      subscription: string;
      consumer: string;
      messageId: string;
      ackId: string;
      deliveryAttempt: number;
      orderingKey: string | null;
      push: boolean;
    })
  | (EffectBase & { kind: 'pubsub-pull-empty'; subscription: string; consumer: string })
  | (EffectBase & { kind: 'pubsub-acked'; subscription: string; messageId: string })
  | (EffectBase & { kind: 'pubsub-ack-failed'; subscription: string; ackId: string })
  | (EffectBase & { kind: 'pubsub-ack-lost'; subscription: string; ackId: string })
  | (EffectBase & { kind: 'pubsub-nacked'; subscription: string; messageId: string })
  | (EffectBase & { kind: 'pubsub-deadline-extended'; subscription: string; messageId: string; deadline: number })
  | (EffectBase & { kind: 'pubsub-deadline-expired'; subscription: string; messageId: string })
  | (EffectBase & { kind: 'pubsub-redelivery-forced'; subscription: string; messageId: string; orderingKey: string })
  | (EffectBase & { kind: 'pubsub-dead-lettered'; subscription: string; messageId: string; deadLetterTopic: string })
  | (EffectBase & { kind: 'pubsub-expired'; subscription: string; messageId: string })
  | (EffectBase & { kind: 'pubsub-snapshot-created'; snapshot: string; expiresAt: number })
  | (EffectBase & { kind: 'pubsub-seeked'; subscription: string; unacked: number; acked: number })
  | (EffectBase & { kind: 'pubsub-rejected'; error: string });

export interface PubsubStep {
  state: PubsubState;
  effects: PubsubEffect[];
}
