/**
 * What the stream processor did, as data; each says why in `reason`. `StreamEffect` joins `types.ts`'s
 * `Effect` union, so this file imports only `effectBase.ts` (a type cycle otherwise). One kind with an `op`,
 * like `outbox-changed`: the views tell the ops apart, the list of what happened shows the reason.
 */
import type { EffectBase } from '../effectBase';

export type StreamOp =
  /** A windowed aggregate changed: the new value is forwarded downstream as an update (no cache). */
  | 'window-updated'
  /** Session windows of one key merged into one (the old ones are deleted from the store). */
  | 'sessions-merged'
  /** A record whose windows had all closed (stream time − grace passed their end): dropped. */
  | 'late-dropped'
  | 'table-updated'
  | 'table-deleted'
  /** A stream record found the key in the table: one joined record out. */
  | 'joined'
  /** A stream record found no row: an inner join drops it, a left join emits it with null. */
  | 'join-missed'
  /** A table update: the table changes, nothing is emitted (a stream–table join is not triggered by the table). */
  | 'table-no-output'
  /** The two topics of a join have different partition counts: Kafka Streams refuses to start. */
  | 'not-copartitioned'
  /** A record with a null key: an aggregation or a table cannot place it (Kafka Streams skips it with a warning). */
  | 'skipped-null-key'
  | 'changelog-written'
  | 'store-restored';

export type StreamEffect = EffectBase & {
  kind: 'stream-changed';
  processor: string;
  op: StreamOp;
  key?: string | null;
};
