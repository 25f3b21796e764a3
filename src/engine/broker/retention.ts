/**
 * Retention of delete-policy topics: whole closed segments go, oldest first — by time (the segment's
 * newest record is older than retention.ms) then by size (while the partition is over retention.bytes).
 * The log-start offset moves to the first segment left.
 */
import type { BrokerEffect } from '../types';
import { closedSegments, recordBytes, segmentBytes } from './segments';
import { indexAtOrAfter, replacePartition } from './log';
import { withTime, type BrokerState, type BrokerStep, type PartitionLog, type TopicState } from './brokerState';

function retainPartition(topic: TopicState, partition: number, now: number, effects: BrokerEffect[]): PartitionLog {
  const { name, retentionMs, retentionBytes, segmentRecords } = topic.config;
  let log = topic.partitions[partition]!;
  const segments = closedSegments(log, segmentRecords);
  let start = log.logStartOffset;
  const drop = (seg: (typeof segments)[number], cause: 'time' | 'size', why: string) => {
    start = seg.endOffset;
    effects.push({ kind: 'segment-deleted', topic: name, partition, baseOffset: seg.baseOffset, lastOffset: seg.endOffset - 1, logStartOffset: start, cause, reason: `${why}, so segment ${seg.baseOffset}–${seg.endOffset - 1} of ${name}-${partition} is deleted whole; the log now starts at offset ${start}` });
  };
  let i = 0;
  if (retentionMs !== null) {
    for (; i < segments.length; i++) {
      const seg = segments[i]!;
      const newest = seg.records.reduce((t, r) => Math.max(t, r.timestamp), -Infinity);
      const age = now - newest;
      if (seg.records.length > 0 && age <= retentionMs) break;
      drop(seg, 'time', seg.records.length ? `its newest record is ${age} ms old, over retention.ms = ${retentionMs}` : 'it holds no records any more');
    }
  }
  if (retentionBytes !== null) {
    let size = log.records.slice(indexAtOrAfter(log.records, start)).reduce((n, r) => n + recordBytes(r), 0);
    for (; i < segments.length; i++) {
      const seg = segments[i]!;
      const bytes = segmentBytes(seg);
      if (size - bytes < retentionBytes) break;
      drop(seg, 'size', `the partition holds ${size} bytes, over retention.bytes = ${retentionBytes} even without this ${bytes}-byte segment`);
      size -= bytes;
    }
  }
  if (start === log.logStartOffset) return log;
  log = { records: log.records.slice(indexAtOrAfter(log.records, start)), logStartOffset: start, logEndOffset: log.logEndOffset };
  return log;
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
