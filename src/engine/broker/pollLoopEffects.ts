/**
 * What a consumer's poll loop did, as data; each says why in `reason`. `PollLoopEffect` joins `types.ts`'s
 * `Effect` union, so this file imports only `effectBase.ts` (a type cycle otherwise). One kind with an `op`,
 * like `stream-changed`: the views tell the ops apart, the list of what happened shows the reason.
 */
import type { EffectBase } from '../effectBase';

export type PollLoopOp =
  /** KafkaConsumer.pause: its polls return nothing from these partitions (it stays in the group). */
  | 'paused'
  /** KafkaConsumer.resume: fetching from these partitions starts again at their positions. */
  | 'resumed'
  /** The application processed the batch its poll returned; `ms` is how long that took. */
  | 'batch-processed'
  /** No poll() for max.poll.interval.ms: the heartbeat thread's handlePollTimeoutExpiry. */
  | 'poll-timeout'
  /** A static member came back (within session.timeout.ms): the coordinator gives it its partitions, no rebalance. */
  | 'static-rejoined'
  /** A consumer was closed (a static member sends no LeaveGroup). */
  | 'stopped';

export type PollLoopEffect = EffectBase & {
  kind: 'consumer-changed';
  groupId: string;
  memberId: string;
  op: PollLoopOp;
  /** The partitions paused or resumed, as "topic-n". */
  partitions?: string[];
  /** batch-processed: records in the batch and how long they took; poll-timeout: the deadline missed. */
  records?: number;
  ms?: number;
  deadline?: number;
};
