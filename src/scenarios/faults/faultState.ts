/**
 * The faults a learner injected that are still playing out, kept in the world (so a replay, a
 * checkpoint and a reload all carry them). A fault is armed at its own step and changes what later
 * script steps do: a member's next poll, its polls for a while, a projection's catch-up.
 */
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
  readonly poison: readonly PoisonRecord[];
  /** Projections held back by a lag, and the last step the lag lasts, by projection name. */
  readonly slowProjections: Readonly<Record<string, { readonly lagMs: number; readonly untilStep: number }>>;
}

export const NO_FAULTS: FaultState = { nextPoll: {}, paused: {}, poison: [], slowProjections: {} };

export const memberKey = (groupId: string, memberId: string) => `${groupId}/${memberId}`;

/** A copy of `record` without `key`. */
export function without<T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> {
  const copy = { ...record };
  delete copy[key];
  return copy;
}
