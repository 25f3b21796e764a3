/** Creating topics, subscriptions and snapshots, with the documented ranges and combinations. */
import {
  DEFAULT_ACK_DEADLINE_MS,
  DEFAULT_MAX_BACKOFF_MS,
  DEFAULT_MAX_DELIVERY_ATTEMPTS,
  DEFAULT_MIN_BACKOFF_MS,
  DEFAULT_SUBSCRIPTION_RETENTION_MS,
  MAX_ACK_DEADLINE_MS,
  MAX_MAX_DELIVERY_ATTEMPTS,
  MAX_SUBSCRIPTION_RETENTION_MS,
  MAX_TOPIC_RETENTION_MS,
  MIN_ACK_DEADLINE_MS,
  MIN_MAX_DELIVERY_ATTEMPTS,
  MIN_RETENTION_MS,
  MIN_SNAPSHOT_LIFETIME_MS,
  SNAPSHOT_LIFETIME_MS,
} from './constants';
import { filterProblem } from './filter';
import type { PubsubState, PubsubStep, Subscription } from './types';

export const createPubsub = (): PubsubState => ({
  topics: {},
  subscriptions: {},
  snapshots: {},
  paused: [],
  nextId: 1,
  now: 0,
});

export const rejected = (state: PubsubState, error: string): PubsubStep => ({
  state,
  effects: [{ kind: 'pubsub-rejected', error, reason: `refused: ${error}` }],
});

export const withSub = (state: PubsubState, sub: Subscription): PubsubState => ({
  ...state,
  subscriptions: { ...state.subscriptions, [sub.name]: sub },
});

export function createTopic(state: PubsubState, r: { name: string; retentionMs?: number }): PubsubStep {
  if (state.topics[r.name]) return rejected(state, `topic ${r.name} already exists`);
  if (r.retentionMs !== undefined && (r.retentionMs < MIN_RETENTION_MS || r.retentionMs > MAX_TOPIC_RETENTION_MS))
    return rejected(state, 'topic message retention must be 10 minutes–31 days');
  const topic = { name: r.name, retentionMs: r.retentionMs ?? null, log: [] };
  const kept = r.retentionMs ? `, keeping every message ${r.retentionMs / 1000} s for seeking` : '';
  return {
    state: { ...state, topics: { ...state.topics, [r.name]: topic } },
    effects: [{ kind: 'pubsub-topic-created', topic: r.name, reason: `topic ${r.name} created${kept}` }],
  };
}

export interface SubscriptionOptions {
  push?: string;
  ackDeadlineMs?: number;
  retentionMs?: number;
  retainAcked?: boolean;
  ordering?: boolean;
  filter?: string;
  deadLetter?: { topic: string; maxDeliveryAttempts?: number };
  retry?: { minBackoffMs?: number; maxBackoffMs?: number };
  exactlyOnce?: boolean;
}

function problem(state: PubsubState, r: { name: string; topic: string } & SubscriptionOptions): string | null {
  if (state.subscriptions[r.name]) return `subscription ${r.name} already exists`;
  if (!state.topics[r.topic]) return `topic ${r.topic} does not exist`;
  const ack = r.ackDeadlineMs;
  if (ack !== undefined && (ack < MIN_ACK_DEADLINE_MS || ack > MAX_ACK_DEADLINE_MS))
    return 'ackDeadlineSeconds must be 10–600';
  const ret = r.retentionMs;
  if (ret !== undefined && (ret < MIN_RETENTION_MS || ret > MAX_SUBSCRIPTION_RETENTION_MS))
    return 'messageRetentionDuration must be 10 minutes–7 days';
  const max = r.deadLetter?.maxDeliveryAttempts;
  if (max !== undefined && (max < MIN_MAX_DELIVERY_ATTEMPTS || max > MAX_MAX_DELIVERY_ATTEMPTS))
    return 'maxDeliveryAttempts must be 5–100';
  if (r.deadLetter && !state.topics[r.deadLetter.topic])
    return `dead-letter topic ${r.deadLetter.topic} does not exist`;
  if (r.exactlyOnce && r.push)
    return 'exactly-once delivery is for pull subscriptions only; push subscriptions do not support it';
  return r.filter ? filterProblem(r.filter) && `invalid filter: ${filterProblem(r.filter)}` : null;
}

export function createSubscription(
  state: PubsubState,
  r: { name: string; topic: string } & SubscriptionOptions,
  now: number,
): PubsubStep {
  const why = problem(state, r);
  if (why) return rejected(state, why);
  const sub: Subscription = {
    name: r.name,
    topic: r.topic,
    createdAt: now,
    push: r.push ?? null,
    ackDeadlineMs: r.ackDeadlineMs ?? DEFAULT_ACK_DEADLINE_MS,
    retentionMs: r.retentionMs ?? DEFAULT_SUBSCRIPTION_RETENTION_MS,
    retainAcked: r.retainAcked ?? false,
    ordering: r.ordering ?? false,
    filter: r.filter ?? null,
    deadLetter: r.deadLetter
      ? {
          topic: r.deadLetter.topic,
          maxDeliveryAttempts: r.deadLetter.maxDeliveryAttempts ?? DEFAULT_MAX_DELIVERY_ATTEMPTS,
        }
      : null,
    retry: r.retry
      ? {
          minBackoffMs: r.retry.minBackoffMs ?? DEFAULT_MIN_BACKOFF_MS,
          maxBackoffMs: r.retry.maxBackoffMs ?? DEFAULT_MAX_BACKOFF_MS,
        }
      : null,
    exactlyOnce: r.exactlyOnce ?? false,
    held: [],
  };
  const notes = [
    sub.push ? `push to ${sub.push}` : 'pull',
    sub.ordering ? 'ordered per ordering key' : 'no ordering',
    sub.exactlyOnce
      ? 'exactly-once: no redelivery after a successful ack or while outstanding, within one cloud region; publishes are not deduplicated'
      : 'at-least-once',
  ];
  return {
    state: withSub(state, sub),
    effects: [
      {
        kind: 'pubsub-subscription-created',
        subscription: r.name,
        topic: r.topic,
        reason: `${r.name} on ${r.topic} (${notes.join('; ')}): receives messages published from now on`,
      },
    ],
  };
}

/** CreateSnapshot: the subscription's unacked messages now; lives 7 days minus the oldest one's age. */
export function createSnapshot(state: PubsubState, r: { name: string; subscription: string }, now: number): PubsubStep {
  const sub = state.subscriptions[r.subscription];
  if (!sub) return rejected(state, `subscription ${r.subscription} does not exist`);
  if (state.snapshots[r.name]) return rejected(state, `snapshot ${r.name} already exists`);
  const unacked = sub.held.filter((h) => !h.acked).map((h) => h.msg);
  const oldest = unacked.length > 0 ? Math.min(...unacked.map((m) => m.publishTime)) : now;
  const expiresAt = now + SNAPSHOT_LIFETIME_MS - (now - oldest);
  if (expiresAt - now < MIN_SNAPSHOT_LIFETIME_MS)
    return rejected(
      state,
      'the snapshot would expire in less than 1 hour (its oldest unacked message is almost 7 days old)',
    );
  const snap = { name: r.name, subscription: sub.name, topic: sub.topic, createdAt: now, expiresAt, unacked };
  return {
    state: { ...state, snapshots: { ...state.snapshots, [r.name]: snap } },
    effects: [
      {
        kind: 'pubsub-snapshot-created',
        snapshot: r.name,
        expiresAt,
        reason: `snapshot ${r.name} of ${sub.name}: ${unacked.length} unacked messages; expires in ${(expiresAt - now) / 1000} s (7 days minus the oldest unacked message's age)`,
      },
    ],
  };
}
