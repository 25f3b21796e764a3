/**
 * The poll loop panel's model: one row per consumer started with settings (`engine/broker/pollLoop.ts`), in
 * member order — whether it is in its group and why not, its partitions with their lag and pause, and its last
 * batch against its poll deadline, as words and as bar lengths on one shared time scale.
 */
import { duration, lagOf, type BrokerState, type ConsumerClient } from '../../engine/broker';

export interface PartitionCell {
  name: string;
  paused: boolean;
  /** null: nothing committed yet. */
  lag: number | null;
}

export interface BatchBar {
  records: number;
  /** How long processing took and the poll interval, both in ms. */
  ms: number;
  intervalMs: number;
  missed: boolean;
  committed: boolean;
  /** Bar and deadline positions as fractions of the panel's time scale (0..1). */
  barEnd: number;
  deadlineAt: number;
  text: string;
}

export interface ClientRow {
  member: string;
  group: string;
  kind: string;
  settings: string;
  status: string;
  problem: boolean;
  partitions: PartitionCell[];
  batch: BatchBar | null;
}

function statusText(c: ConsumerClient, inGroup: boolean): { status: string; problem: boolean } {
  if (c.status === 'stable') return { status: inGroup ? 'in the group' : 'not in the group', problem: !inGroup };
  if (c.status === 'stopped')
    return {
      status: inGroup ? 'stopped; the group keeps its partitions until its session times out' : 'stopped',
      problem: false,
    };
  return {
    status: inGroup
      ? 'missed its poll deadline: no LeaveGroup (static), its partitions wait unread; rejoins on its next poll'
      : 'missed its poll deadline and left the group; rejoins on its next poll',
    problem: true,
  };
}

export function pollLoopRows(state: BrokerState): ClientRow[] {
  const clients = Object.values(state.clients ?? {}).sort((a, b) =>
    a.groupId === b.groupId ? (a.memberId < b.memberId ? -1 : 1) : a.groupId < b.groupId ? -1 : 1,
  );
  // One time scale for every bar, so batches compare at a glance: the longest batch or interval.
  const scale = Math.max(
    1,
    ...clients.flatMap((c) => (c.lastBatch ? [c.lastBatch.endedAt - c.lastBatch.polledAt, c.maxPollIntervalMs] : [])),
  );
  return clients.map((c) => {
    const member = state.groups[c.groupId]?.members[c.memberId];
    const paused = new Set(member?.paused ?? []);
    const partitions = (member?.assignment ?? []).map((tp) => ({
      name: `${tp.topic}-${tp.partition}`,
      paused: paused.has(`${tp.topic}:${tp.partition}`),
      lag: lagOf(state, c.groupId, tp.topic, tp.partition),
    }));
    const b = c.lastBatch;
    let batch: BatchBar | null = null;
    if (b) {
      const ms = b.endedAt - b.polledAt;
      const missed = ms > c.maxPollIntervalMs;
      const verdict =
        b.records === 0
          ? 'nothing to process; the poll reset its deadline'
          : missed
            ? `missed the ${duration(c.maxPollIntervalMs)} poll deadline by ${duration(ms - c.maxPollIntervalMs)}; commit failed`
            : `within the ${duration(c.maxPollIntervalMs)} poll deadline${b.committed ? '; committed' : ''}`;
      batch = {
        records: b.records,
        ms,
        intervalMs: c.maxPollIntervalMs,
        missed,
        committed: b.committed,
        barEnd: ms / scale,
        deadlineAt: c.maxPollIntervalMs / scale,
        // A batch slowed as a whole (the failure lab's slow batch) has no whole number of ms per record: its total is told.
        text: `${b.records} record${b.records === 1 ? '' : 's'} ${Number.isInteger(b.perRecordMs) ? `× ${duration(b.perRecordMs)} = ` : 'in '}${duration(ms)}: ${verdict}`,
      };
    }
    return {
      member: c.memberId,
      group: c.groupId,
      kind: c.groupInstanceId !== undefined ? `static (group.instance.id ${c.groupInstanceId})` : 'dynamic',
      settings: `max.poll.records ${c.maxPollRecords} · max.poll.interval.ms ${duration(c.maxPollIntervalMs)} · session.timeout.ms ${duration(c.sessionTimeoutMs)}`,
      ...statusText(c, member !== undefined),
      partitions,
      batch,
    };
  });
}
