/**
 * What the two-cluster replicator did, as data; each says why in `reason`. `MirrorEffect` joins `types.ts`'s
 * `Effect` union, so this file imports only `effectBase.ts` (a type cycle otherwise). One kind with an `op`,
 * like `stream-changed`: the views tell the ops apart, the list of what happened shows the reason.
 */
import type { EffectBase } from '../effectBase';

export type MirrorOp =
  /** An application wrote a record in a region. */
  | 'produced'
  /** MirrorSourceTask copied records from the source cluster to the remote topic in the target. */
  | 'mirrored'
  /** An offset sync (upstream ↔ downstream offset) written to mm2-offset-syncs.<target>.internal. */
  | 'offset-sync'
  /** A sync kept back (offset.lag.max not reached): sent at the task's next offset commit. */
  | 'sync-delayed'
  /** The checkpoint task wrote a group's translated offset to <source>.checkpoints.internal. */
  | 'checkpoint'
  /** A group offset the checkpoint task could not translate (no sync at or before it): no checkpoint. */
  | 'not-translated'
  /** sync.group.offsets.enabled: the translated offset written as the group's committed offset in the target. */
  | 'group-offsets-synced'
  /** A topic the flow does not replicate because it came from the target (DefaultReplicationPolicy's cycle check). */
  | 'cycle-skipped'
  | 'consumed'
  /** A record whose event id the group had processed already (in either region). */
  | 'duplicate'
  /** A group moved to another region, starting at the translated offsets. */
  | 'failover'
  | 'region-down'
  | 'region-up'
  /** Asked of a region that is down: nothing happens. */
  | 'unavailable';

export type MirrorEffect = EffectBase & {
  kind: 'mirror-changed';
  op: MirrorOp;
  /** The region (cluster alias) where it happened. */
  region: string;
  topic?: string;
  group?: string;
};
