/**
 * The checkpoint task's view of the offset syncs and the translation of a group's offset: a port of
 * OffsetSyncStore in apache/kafka (connect/mirror/src/main/java/org/apache/kafka/connect/mirror/OffsetSyncStore.java,
 * KAFKA-14666). It keeps 64 syncs per partition spaced roughly exponentially (invariants A–D of its javadoc), so old
 * offsets can still be translated, less precisely. `translateDownstream` uses the latest sync at or before the
 * group's offset: on it exactly, that sync's downstream offset; past it, that offset + 1, never more, because the
 * task cannot know how many of the upstream records in between were copied ("If we overestimate, then we may skip
 * the correct offset and have data loss"). So a translated offset is at or before the true position, and a group
 * that fails over reads again the records between them.
 */
import type { OffsetSync } from './syncWriter';

/** OffsetSyncStore.SYNCS_PER_PARTITION (Long.SIZE). */
export const SYNCS_PER_PARTITION = 64;

export type SyncArray = readonly OffsetSync[];

const invariantB = (iSync: OffsetSync, jSync: OffsetSync, i: number, j: number): boolean => {
  const bound = jSync.upstream + 2 ** j - 2 ** i;
  return iSync === jSync || bound < 0 || iSync.upstream <= bound;
};

const invariantC = (iSync: OffsetSync, jSync: OffsetSync, i: number): boolean => {
  const bound = jSync.upstream + 2 ** Math.max(i - 2, 0);
  return iSync === jSync || (bound >= 0 && iSync.upstream >= bound);
};

/** handleRecord: the store after one more sync read from the offset-syncs topic (a new array; the old one kept). */
export function addSync(syncs: SyncArray | undefined, sync: OffsetSync): SyncArray {
  if (!syncs || sync.upstream < syncs[0]!.upstream) return new Array<OffsetSync>(SYNCS_PER_PARTITION).fill(sync);
  const original = syncs;
  const out = [...syncs];
  let replacement = sync;
  let replacementIndex = 0;
  out[0] = replacement;
  for (let current = 1; current < SYNCS_PER_PARTITION; current++) {
    const previous = current - 1;
    let skipOldValue: boolean;
    do {
      const oldValue = original[replacementIndex]!;
      const isRecent = invariantB(out[previous]!, oldValue, previous, current);
      const separatedFromPrevious = invariantC(out[previous]!, oldValue, previous);
      const next = current + 1;
      const separatedFromNext = next >= SYNCS_PER_PARTITION || invariantC(oldValue, out[next]!, current);
      const nextReplacement = replacementIndex + 1;
      const duplicate = nextReplacement < SYNCS_PER_PARTITION && oldValue === original[nextReplacement];
      const promote = isRecent && separatedFromPrevious && separatedFromNext;
      if (promote) replacement = oldValue;
      skipOldValue = duplicate || !separatedFromPrevious;
      if (promote || skipOldValue) replacementIndex++;
    } while (replacementIndex < current && skipOldValue);
    if (invariantB(out[previous]!, out[current]!, previous, current)) break;
    out[current] = replacement;
  }
  return out;
}

/** lookupLatestSync: the latest kept sync at or before the offset (else the oldest kept). */
export function latestSync(syncs: SyncArray, upstream: number): OffsetSync {
  return syncs.find((s) => s.upstream <= upstream) ?? syncs[SYNCS_PER_PARTITION - 1]!;
}

/**
 * translateDownstream: null when there is no sync for the partition (no checkpoint), −1 when every kept sync is
 * ahead of the group (too old to translate; no checkpoint either), else the translated offset.
 */
export function translateDownstream(syncs: SyncArray | undefined, upstream: number): number | null {
  if (!syncs) return null;
  const s = latestSync(syncs, upstream);
  if (s.upstream > upstream) return -1;
  return s.downstream + (upstream === s.upstream ? 0 : 1);
}

/** The distinct syncs kept, newest first (what OffsetSyncStore.offsetArrayToString prints). */
export const distinctSyncs = (syncs: SyncArray | undefined): OffsetSync[] =>
  (syncs ?? []).filter((s, i, a) => i === 0 || s !== a[i - 1]);
