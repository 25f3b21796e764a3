/**
 * When MirrorSourceTask writes an offset sync: OffsetSyncWriter.PartitionState.update in apache/kafka
 * (connect/mirror/src/main/java/org/apache/kafka/connect/mirror/OffsetSyncWriter.java). A sync is sent at once for
 * the first record of the task's lifetime, when the translated offset would be offset.lag.max or more behind
 * (`downstream − (lastSyncDownstream + 1) ≥ offset.lag.max`: translation lands 1 past the last sync, hence + 1),
 * when an upstream offset was skipped (a transaction marker, a compacted record) or when the downstream topic was
 * truncated. Otherwise the sync is kept back and sent at the task's next offset commit (MirrorSourceTask.commit →
 * promoteDelayedOffsetSyncs), so a quiet topic is not left behind.
 */

/** MirrorSourceConfig.OFFSET_LAG_MAX_DEFAULT (offset.lag.max). */
export const OFFSET_LAG_MAX_DEFAULT = 100;

export interface OffsetSync {
  /** The record's offset in the source topic. */
  readonly upstream: number;
  /** Its offset in the remote topic of the target cluster. */
  readonly downstream: number;
}

/** OffsetSyncWriter.PartitionState; −1 until the first record (as in Kafka). */
export interface SyncWriterState {
  readonly previousUpstream: number;
  readonly previousDownstream: number;
  readonly lastSyncDownstream: number;
}

export const NEW_WRITER: SyncWriterState = { previousUpstream: -1, previousDownstream: -1, lastSyncDownstream: -1 };

export type SyncRule = 'first' | 'lag' | 'skipped' | 'truncated';

/** One copied record through PartitionState.update: the next state and why a sync goes now (null: delayed). */
export function updateWriter(
  s: SyncWriterState,
  upstream: number,
  downstream: number,
  offsetLagMax: number,
): { state: SyncWriterState; now: SyncRule | null } {
  const rule: SyncRule | null =
    s.lastSyncDownstream === -1
      ? 'first'
      : downstream - (s.lastSyncDownstream + 1) >= offsetLagMax
        ? 'lag'
        : upstream - s.previousUpstream !== 1
          ? 'skipped'
          : downstream < s.previousDownstream
            ? 'truncated'
            : null;
  return {
    state: {
      previousUpstream: upstream,
      previousDownstream: downstream,
      lastSyncDownstream: rule ? downstream : s.lastSyncDownstream,
    },
    now: rule,
  };
}

export const RULE_WORDS: Record<SyncRule, string> = {
  first: 'the first record this task copied',
  lag: 'offset.lag.max reached since the last sync',
  skipped: 'an upstream offset was skipped',
  truncated: 'the remote topic was truncated',
};
