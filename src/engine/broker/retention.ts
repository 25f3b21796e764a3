/**
 * Retention of delete-policy topics, as UnifiedLog.deleteOldSegments runs it: first by size
 * (deleteRetentionSizeBreachedSegments), then by time (deleteRetentionMsBreachedSegments), each
 * deleting whole segments from the oldest while its predicate holds (UnifiedLog.deletableSegments).
 *
 * - Time: a segment goes when its newest record is older than retention.ms
 *   (`startMs - segment.largestTimestamp > retentionMs`). The active segment is included: when every
 *   record in it is past retention.ms, the log rolls a new empty segment at the log end and deletes the
 *   old one (UnifiedLog.deleteSegments rolls first when every segment is deletable), so the log-start
 *   offset moves to the log end (UnifiedLogTest 'shouldDeleteTimeBasedSegmentsReadyToBeDeleted').
 * - Size: while the partition minus the oldest segment still holds at least retention.bytes
 *   (`diff - segmentSize >= 0`). With retention.bytes > 0 that never reaches the active segment.
 *
 * The log-start offset moves to the first offset not deleted; offsets are never renumbered.
 */
import type { BrokerEffect } from '../types';
import { vecFrom } from '../sim/persistent';
import { formatAge, formatMs, recordBytes, segmentBytes, segmentsOf, type Segment } from './segments';
import { indexAtOrAfter, replacePartition } from './log';
import {
  partitionLog,
  withTime,
  type BrokerState,
  type BrokerStep,
  type PartitionLog,
  type TopicState,
} from './brokerState';

const range = (seg: Segment) =>
  seg.endOffset - 1 > seg.baseOffset ? `${seg.baseOffset}–${seg.endOffset - 1}` : `${seg.baseOffset}`;

function retainPartition(topic: TopicState, partition: number, now: number, effects: BrokerEffect[]): PartitionLog {
  const { name, retentionMs, retentionBytes, segmentRecords } = topic.config;
  const log = topic.partitions[partition]!;
  const segments = segmentsOf(log, segmentRecords);
  let start = log.logStartOffset;
  const where = `${name}-${partition}`;
  const drop = (seg: Segment, cause: 'time' | 'size', why: string) => {
    start = seg.endOffset;
    const what = seg.active
      ? `the active segment ${range(seg)} of ${where} is rolled (a new, empty segment starts at offset ${seg.endOffset}) and deleted whole; the log is now empty and starts at its end, offset ${start}, where the next record will go`
      : `segment ${range(seg)} of ${where} is deleted whole; the log now starts at offset ${start}`;
    effects.push({
      kind: 'segment-deleted',
      topic: name,
      partition,
      baseOffset: seg.baseOffset,
      lastOffset: seg.endOffset - 1,
      logStartOffset: start,
      cause,
      reason: `${why}, so ${what}`,
    });
  };
  let i = 0;
  if (retentionBytes !== null) {
    let size = log.records.reduce((n, r) => n + recordBytes(r), 0);
    for (; i < segments.length; i++) {
      const seg = segments[i]!;
      if (seg.active) break; // retention.bytes > 0 always leaves the active segment (diff - size < 0)
      const bytes = segmentBytes(seg);
      if (size - bytes < retentionBytes) break;
      drop(
        seg,
        'size',
        `${where} holds ${size} bytes, and without its oldest segment (${bytes} bytes) it would still hold at least retention.bytes = ${retentionBytes}`,
      );
      size -= bytes;
    }
  }
  if (retentionMs !== null) {
    for (; i < segments.length; i++) {
      const seg = segments[i]!;
      if (seg.records.length === 0) {
        if (seg.active) break; // an empty last segment is never deleted
        drop(seg, 'time', 'it holds no records any more');
        continue;
      }
      const newest = seg.records.reduce((t, r) => Math.max(t, r.timestamp), -Infinity);
      const age = now - newest;
      if (age <= retentionMs) break;
      const limit = `retention.ms = ${formatMs(retentionMs)}`;
      const whose = seg.active
        ? `every record in the active segment is older than ${limit} (its newest is ${formatAge(age)} old)`
        : `its newest record is ${formatAge(age)} old, over ${limit}`;
      drop(seg, 'time', whose);
    }
  }
  if (start === log.logStartOffset) return log;
  return partitionLog(vecFrom(log.records.slice(indexAtOrAfter(log.records, start))), start, log.logEndOffset);
}

/** Applies retention to every delete-policy topic as of `now`. */
export function applyRetention(state: BrokerState, now: number): BrokerStep {
  const effects: BrokerEffect[] = [];
  let topics = state.topics;
  for (const name of Object.keys(state.topics).sort()) {
    let topic = state.topics[name]!;
    if (topic.config.cleanupPolicy !== 'delete') continue;
    const before = topic;
    topic.partitions.forEach((log, p) => {
      const next = retainPartition(topic, p, now, effects);
      if (next !== log) topic = replacePartition(topic, p, next);
    });
    if (topic !== before) topics = { ...topics, [name]: topic };
  }
  return { state: { ...withTime(state, now), topics }, effects };
}

/** Moves the simulated clock to `now`; the broker's time-driven work (retention) happens on the way. */
export const advanceTime = (state: BrokerState, now: number): BrokerStep => applyRetention(state, now);
