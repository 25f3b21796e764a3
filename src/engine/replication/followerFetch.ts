/**
 * One fetch by a follower, as an explicit step: time can stop between the leader's append and the
 * followers' copy. The fetch offset tells the leader what the follower has (Replica.updateFetchStateOrThrow);
 * the leader may then grow the ISR and advance the high watermark; the response carries the records from
 * that offset and the leader's high watermark. A follower that must reconcile its log first truncates by
 * leader epoch (the diverging-epoch round trip and the fetch are one step here).
 */
import { partitionOf, withPartition, type ClusterState, type ReplicationStep } from './clusterState';
import type { ReplicationEffect } from './effects';
import { maybeIncrementHighWatermark } from './highWatermark';
import { maybeExpandIsr } from './isr';
import { appendRecords, logEndOffset, reconcile } from './replicaLog';

export interface FollowerFetchRequest {
  topic: string;
  partition: number;
  follower: number;
  /** At most this many records in the response (default: all the leader has). */
  maxRecords?: number;
}

export function followerFetch(state: ClusterState, req: FollowerFetchRequest, now: number): ReplicationStep {
  const tp = { topic: req.topic, partition: req.partition };
  let p = partitionOf(state, req.topic, req.partition);
  const f = req.follower;
  const fail = (error: string, why: string): ReplicationStep => ({
    state,
    effects: [{ kind: 'replica-fetch-failed', ...tp, follower: f, error, reason: why }],
  });
  if (!p.replicas.includes(f))
    return fail('NOT_A_REPLICA', `Broker ${f} holds no replica of ${req.topic}-${req.partition}`);
  if (state.online[f] !== true) return fail('BROKER_DOWN', `Broker ${f} is down: it fetches nothing`);
  if (p.leader === null)
    return fail('LEADER_NOT_AVAILABLE', `${req.topic}-${req.partition} has no leader to fetch from`);
  if (p.leader === f) return fail('IS_LEADER', `Broker ${f} is the leader: followers fetch from it`);
  const leader = p.leader;
  const effects: ReplicationEffect[] = [];
  let mine = p.logs[f]!;
  if (mine.truncating) {
    const before = logEndOffset(mine);
    const r = reconcile(mine, p.logs[leader]!);
    mine = r.replica;
    const last = r.rounds.at(-1);
    if (last && logEndOffset(mine) < before)
      effects.push({
        kind: 'replica-truncated',
        ...tp,
        broker: f,
        askedEpoch: r.rounds[0]!.askedEpoch,
        answerEpoch: last.answerEpoch,
        endOffset: last.endOffset,
        from: before,
        to: logEndOffset(mine),
        removed: p.logs[f]!.records.slice(logEndOffset(mine)).map((x) => ({
          offset: x.offset,
          leaderEpoch: x.leaderEpoch,
        })),
        reason:
          `Broker ${f} asks leader ${leader} where epoch ${r.rounds[0]!.askedEpoch} ends; the leader's log has epoch ${last.answerEpoch} ` +
          `ending at ${last.endOffset}, so broker ${f} truncates its log from ${before} to ${logEndOffset(mine)}: ` +
          `records the leader never had are gone`,
      });
  }
  const fetchOffset = logEndOffset(mine);
  const leaderLog = p.logs[leader]!;
  const leaderEnd = logEndOffset(leaderLog);
  const view = p.followers[f]!;
  const lastCaughtUpTimeMs =
    fetchOffset >= leaderEnd
      ? Math.max(view.lastCaughtUpTimeMs, now)
      : fetchOffset >= view.lastFetchLeaderLogEndOffset
        ? Math.max(view.lastCaughtUpTimeMs, view.lastFetchTimeMs)
        : view.lastCaughtUpTimeMs;
  p = {
    ...p,
    logs: { ...p.logs, [f]: mine },
    followers: {
      ...p.followers,
      [f]: {
        logEndOffset: fetchOffset,
        lastCaughtUpTimeMs,
        lastFetchTimeMs: now,
        lastFetchLeaderLogEndOffset: Math.max(leaderEnd, view.lastFetchLeaderLogEndOffset),
      },
    },
  };
  const grown = maybeExpandIsr(state, p, f, now);
  const hw = maybeIncrementHighWatermark(state, grown.partition, now);
  p = hw.partition;
  const leaderHw = p.logs[leader]!.highWatermark;
  const upTo = Math.min(leaderEnd, fetchOffset + (req.maxRecords ?? Infinity));
  const copied = p.logs[leader]!.records.slice(fetchOffset, upTo);
  let next = appendRecords(mine, copied);
  const end = logEndOffset(next);
  next = { ...next, highWatermark: Math.max(next.highWatermark, Math.min(leaderHw, end)) };
  p = { ...p, logs: { ...p.logs, [f]: next } };
  const fetched: ReplicationEffect = {
    kind: 'replica-fetched',
    ...tp,
    follower: f,
    leader,
    fetchOffset,
    offsets: copied.map((x) => x.offset),
    logEndOffset: end,
    highWatermark: next.highWatermark,
    reason:
      `Broker ${f} fetches from offset ${fetchOffset}, which tells leader ${leader} it has everything below ${fetchOffset}; ` +
      (copied.length > 0
        ? `it copies offsets ${copied[0]!.offset}–${copied.at(-1)!.offset}`
        : 'there is nothing new to copy') +
      ` (the leader learns it has them only from its next fetch)`,
  };
  return { state: withPartition(state, p), effects: [...effects, fetched, ...grown.effects, ...hw.effects] };
}
