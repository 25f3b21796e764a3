/**
 * What the consumer fault form tells a learner before they arm a fault, in the chosen member's own settings: its
 * max.poll.interval.ms and session.timeout.ms (`clientIn`: a `start-consumer` step may set them; Kafka's defaults
 * otherwise, and only then said to be defaults). Whether a slow batch keeps the member in its group is decided as the
 * engine's poll loop decides it (`endBatch` in `src/engine/broker/pollLoop.ts`), so the hint and the run agree.
 */
import { MAX_POLL_INTERVAL_MS_DEFAULT, SESSION_TIMEOUT_MS, type ConsumerClient } from '../../engine/broker';

/** What a batch of `ms` does to the member: in time, removed (LeaveGroup), held (a static member), evicted. */
export type SlowFate = 'in-time' | 'leaves' | 'held' | 'evicted';

/**
 * As `endBatch` decides it: the poll timeout expires when the batch is longer than max.poll.interval.ms; a dynamic
 * member then sends LeaveGroup; a static one sends nothing and its session runs out at the deadline plus
 * session.timeout.ms, which the coordinator checks when the batch ends (`expireSessions`: evicted once it is not later).
 */
export function slowFate(client: ConsumerClient, ms: number): SlowFate {
  if (ms <= client.maxPollIntervalMs) return 'in-time';
  if (client.groupInstanceId === undefined) return 'leaves';
  return client.maxPollIntervalMs + client.sessionTimeoutMs <= ms ? 'evicted' : 'held';
}

const seconds = (ms: number) => `${ms / 1000} s`;

/** "max.poll.interval.ms (300 s by default)", or "this member's max.poll.interval.ms (30 s)". */
const interval = (client: ConsumerClient): string =>
  client.maxPollIntervalMs === MAX_POLL_INTERVAL_MS_DEFAULT
    ? `max.poll.interval.ms (${seconds(MAX_POLL_INTERVAL_MS_DEFAULT)} by default)`
    : `this member's max.poll.interval.ms (${seconds(client.maxPollIntervalMs)})`;

/** "session.timeout.ms (45 s by default)", or "its session.timeout.ms (10 s)". */
const session = (client: ConsumerClient): string =>
  client.sessionTimeoutMs === SESSION_TIMEOUT_MS
    ? `session.timeout.ms (${seconds(SESSION_TIMEOUT_MS)} by default)`
    : `its session.timeout.ms (${seconds(client.sessionTimeoutMs)})`;

/** The Slow consumer hint for a batch of `ms`. */
export function slowHint(client: ConsumerClient, ms: number): string {
  const fate = slowFate(client, ms);
  const longer = `Longer than ${interval(client)}:`;
  switch (fate) {
    case 'in-time':
      return `Within ${interval(client)}: it stays in the group, just late.`;
    case 'leaves':
      return `${longer} it will be removed from the group.`;
    case 'held':
      return `${longer} its commit fails, but a static member sends no LeaveGroup: it keeps its partitions, with no rebalance, as long as it polls again within ${session(client)} of that deadline.`;
    case 'evicted':
      return `${longer} a static member sends no LeaveGroup, but ${session(client)} runs out before it polls again, so the coordinator evicts it and the group rebalances.`;
  }
}

/** The Crash consumer hint for a crash now, between polls (`crashUnnoticedIn`: evicted after its session timeout, the clock moved there). */
export const crashNowHint = (client: ConsumerClient): string =>
  `It stops without a word: after ${session(client)} the coordinator evicts it and the group rebalances.`;
