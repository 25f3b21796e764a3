/**
 * The faults a learner injected that are still playing out, kept in the world (so a replay, a
 * checkpoint and a reload all carry them). A fault is armed at its own step and changes what later
 * script steps do: a member's next poll, its polls for a while, a projection's catch-up.
 */
import { MAX_POLL_INTERVAL_MS_DEFAULT } from '../../engine/broker/consumerClient';

/** What happens to a member's next poll that fetches records. */
export type NextPollFault =
  | { readonly kind: 'crash-before-commit' }
  | { readonly kind: 'slow'; readonly processingMs: number }
  | { readonly kind: 'duplicate' };

/** A poison record: every attempt to process it fails. */
export interface PoisonRecord {
  readonly eventId: string;
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
}

export interface FaultState {
  /** Armed for a member's next poll that fetches records, by `memberKey`. */
  readonly nextPoll: Readonly<Record<string, NextPollFault>>;
  /** Paused members (KafkaConsumer.pause) and the last step they stay paused, by `memberKey`. */
  readonly paused: Readonly<Record<string, { readonly untilStep: number }>>;
  /** Members that left their group after exceeding max.poll.interval.ms; their next poll rejoins. */
  readonly kicked: Readonly<Record<string, true>>;
  readonly poison: readonly PoisonRecord[];
  /** Projections held back by a lag, and the last step the lag lasts, by projection name. */
  readonly slowProjections: Readonly<Record<string, { readonly lagMs: number; readonly untilStep: number }>>;
}

export const NO_FAULTS: FaultState = { nextPoll: {}, paused: {}, kicked: {}, poison: [], slowProjections: {} };

export const memberKey = (groupId: string, memberId: string) => `${groupId}/${memberId}`;

/** A copy of `record` without `key`. */
export function without<T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> {
  const copy = { ...record };
  delete copy[key];
  return copy;
}

/**
 * max.poll.interval.ms, default 300000 (5 minutes): Kafka's ConsumerConfig
 * (`define(MAX_POLL_INTERVAL_MS_CONFIG, Type.INT, 300000, …)`). A consumer that does not call poll()
 * within it is considered failed: its heartbeat thread sends LeaveGroup ("consumer poll timeout has
 * expired", AbstractCoordinator.HeartbeatThread) and the group rebalances. One constant: the engine's poll loop's.
 */
export const MAX_POLL_INTERVAL_MS = MAX_POLL_INTERVAL_MS_DEFAULT;
