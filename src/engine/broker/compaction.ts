/**
 * Log compaction: in the closed segments, keep only the latest record per key; the active segment is
 * never touched. A tombstone (null value) that is the latest for its key stays for
 * `tombstoneRetentionMs` after it was written, so slow consumers still see the delete; then it goes too.
 * Offsets are not renumbered: the log gets gaps.
 */
import type { BrokerEffect } from '../types';
import { getTopic, replacePartition } from './log';
import { rejected } from './offsets';
import { activeSegmentBase } from './segments';
import { withTime, type BrokerState, type BrokerStep, type LogRecord } from './brokerState';

export function compactTopic(state: BrokerState, topic: string, now: number): BrokerStep {
  const base = withTime(state, now);
  if (!state.topics[topic]) return { state: base, effects: [rejected('compact', topic, `topic '${topic}' does not exist`)] };
  let t = getTopic(state, topic);
  if (t.config.cleanupPolicy !== 'compact') {
    return { state: base, effects: [rejected('compact', topic, `'${topic}' has cleanup.policy=delete; only compacted topics are compacted`)] };
  }
  const effects: BrokerEffect[] = [];
  t.partitions.forEach((log, partition) => {
    const activeBase = activeSegmentBase(log, t.config.segmentRecords);
    const latest = new Map<string, number>();
    for (const r of log.records) if (r.offset < activeBase && r.key !== null) latest.set(r.key, r.offset);
    const removedOffsets: number[] = [];
    const tombstonesRemoved: number[] = [];
    const kept: LogRecord[] = [];
    for (const r of log.records) {
      if (r.offset >= activeBase || r.key === null) kept.push(r);
      else if (latest.get(r.key)! > r.offset) removedOffsets.push(r.offset);
      else if (r.value === null && now - r.timestamp > t.config.tombstoneRetentionMs) tombstonesRemoved.push(r.offset);
      else kept.push(r);
    }
    if (removedOffsets.length === 0 && tombstonesRemoved.length === 0) return;
    t = replacePartition(t, partition, { ...log, records: kept });
    const tomb = tombstonesRemoved.length ? ` and ${tombstonesRemoved.length} tombstone${tombstonesRemoved.length === 1 ? '' : 's'} older than ${t.config.tombstoneRetentionMs} ms` : '';
    effects.push({
      kind: 'records-compacted',
      topic,
      partition,
      removedOffsets,
      tombstonesRemoved,
      reason: `compaction of ${topic}-${partition} kept the latest record per key below offset ${activeBase}: removed ${removedOffsets.length} superseded record${removedOffsets.length === 1 ? '' : 's'}${tomb}; the active segment (from offset ${activeBase}) is untouched and offsets keep their numbers`,
    });
  });
  return { state: { ...base, topics: { ...base.topics, [topic]: t } }, effects };
}
