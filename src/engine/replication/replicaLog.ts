/** One replica's log: end offset, the leader-epoch checkpoint, appends and truncation. */
import type { EpochEntry, Replica, ReplicaRecord } from './clusterState';

export const logEndOffset = (r: Replica): number => r.records.length;

export const latestEpoch = (r: Replica): number | null => r.epochs.at(-1)?.epoch ?? null;

/**
 * The end offset of `epoch` in this log, as LeaderEpochFileCache.endOffsetFor answers it: for the latest
 * epoch, the log end; otherwise the start offset of the next higher epoch, paired with the largest epoch at
 * or below the one asked (or the asked epoch itself when the log knows none below it). Null = undefined.
 */
export function endOffsetFor(r: Replica, epoch: number): { epoch: number; endOffset: number } | null {
  const latest = latestEpoch(r);
  if (latest === epoch) return { epoch, endOffset: logEndOffset(r) };
  const higher = r.epochs.find((e) => e.epoch > epoch);
  if (!higher) return null;
  const floor = [...r.epochs].reverse().find((e) => e.epoch <= epoch);
  return { epoch: floor ? floor.epoch : epoch, endOffset: higher.startOffset };
}

/** Appends records keeping their epochs; a record of a newer epoch starts a checkpoint entry. */
export function appendRecords(r: Replica, records: readonly ReplicaRecord[]): Replica {
  if (records.length === 0) return r;
  let epochs: EpochEntry[] | readonly EpochEntry[] = r.epochs;
  for (const rec of records) {
    const latest = epochs.at(-1);
    if (!latest || rec.leaderEpoch > latest.epoch)
      epochs = [...epochs, { epoch: rec.leaderEpoch, startOffset: rec.offset }];
  }
  return { ...r, records: [...r.records, ...records], epochs };
}

/** A new leader records where its epoch starts (UnifiedLog.maybeAssignEpochStartOffset in makeLeader). */
export function assignEpochStart(r: Replica, epoch: number): Replica {
  const latest = latestEpoch(r);
  if (latest !== null && latest >= epoch) return r;
  return { ...r, epochs: [...r.epochs, { epoch, startOffset: logEndOffset(r) }] };
}

/** Drops every record at or above `offset`, and the epochs that started there or later. */
export function truncateTo(r: Replica, offset: number): Replica {
  if (offset > logEndOffset(r)) return r;
  const epochs = r.epochs.filter((e) => e.startOffset < offset);
  if (offset === logEndOffset(r) && epochs.length === r.epochs.length) return r;
  return {
    ...r,
    records: offset === logEndOffset(r) ? r.records : r.records.slice(0, offset),
    epochs,
    highWatermark: Math.min(r.highWatermark, offset),
  };
}

/**
 * The follower's side of the leader-epoch exchange (AbstractFetcherThread.getOffsetTruncationState,
 * KIP-101/KIP-279): ask the leader for the end of the follower's latest epoch; when the leader answers with
 * an epoch the follower also has, truncate to the smaller of both ends; when it answers with an epoch the
 * follower lacks, truncate to the follower's end of that epoch and ask again. Returns each round.
 */
export function reconcile(
  follower: Replica,
  leader: Replica,
): { replica: Replica; rounds: { askedEpoch: number; answerEpoch: number; endOffset: number; to: number }[] } {
  let f = follower;
  const rounds: { askedEpoch: number; answerEpoch: number; endOffset: number; to: number }[] = [];
  for (let guard = 0; guard < 1000; guard++) {
    const asked = latestEpoch(f);
    if (asked === null || logEndOffset(f) === 0) break;
    const answer = endOffsetFor(leader, asked);
    if (!answer) {
      // Undefined answer: the follower falls back to its high watermark.
      const to = Math.min(f.highWatermark, logEndOffset(f));
      rounds.push({ askedEpoch: asked, answerEpoch: -1, endOffset: -1, to });
      f = truncateTo(f, to);
      break;
    }
    const own = endOffsetFor(f, answer.epoch);
    if (own && own.epoch === answer.epoch) {
      const to = Math.min(own.endOffset, answer.endOffset, logEndOffset(f));
      rounds.push({ askedEpoch: asked, answerEpoch: answer.epoch, endOffset: answer.endOffset, to });
      f = truncateTo(f, to);
      break;
    }
    // The leader answered with an epoch this log lacks: cut back to before the later epochs, ask again.
    const to = Math.min(own ? own.endOffset : 0, logEndOffset(f));
    rounds.push({ askedEpoch: asked, answerEpoch: answer.epoch, endOffset: answer.endOffset, to });
    f = truncateTo(f, to);
  }
  return { replica: { ...f, truncating: false }, rounds };
}
