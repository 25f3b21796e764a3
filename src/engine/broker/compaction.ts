/**
 * Log compaction, as Kafka's log cleaner does it (core/src/main/scala/kafka/log/LogCleaner.scala,
 * LogCleanerManager.scala). `compactTopic` is one visit of the cleaner thread to a compacted topic
 * (the real one wakes every log.cleaner.backoff.ms, 15 s); per partition it:
 *
 * 1. finds the cleanable range (LogCleanerManager.cleanableOffsets): from the first dirty offset (the
 *    cleaner's checkpoint; the log start if never cleaned) up to the first uncleanable offset = the
 *    active segment's base, or earlier: the first dirty segment whose newest record is newer than
 *    min.compaction.lag.ms;
 * 2. decides whether to clean at all (LogCleanerManager.grabFilthiestCompactedLog): only when the
 *    dirty ratio, cleanable bytes / (clean + cleanable bytes), is above min.cleanable.dirty.ratio
 *    (0.5), or a dirty segment's first record is older than max.compaction.lag.ms (maxCompactionDelay);
 *    compaction is lazy, and a log below the ratio keeps its superseded records;
 * 3. cleans (Cleaner.doClean): builds the latest offset per key from the dirty range only, then
 *    rewrites everything before the first uncleanable offset, keeping a record when it is the latest
 *    for its key (Cleaner.shouldRetainRecord). A tombstone (null value) that is the latest for its key
 *    is kept and stamped with a delete horizon = now + delete.retention.ms the first time a cleaning
 *    covers it (KIP-534; MemoryRecords.filterTo), and removed by the first cleaning at or after that
 *    horizon. Offsets are not renumbered: the log gets gaps.
 *
 * Not modelled: the cleaner grouping small cleaned segments into one (groupSegmentsBySize), its
 * offset-map size, transactions.
 */
import type { BrokerEffect } from '../types';
import { vecFrom } from '../sim/persistent';
import { getTopic, replacePartition } from './log';
import { rejected } from './offsets';
import { formatAge, formatMs, recordBytes, segmentsOf } from './segments';
import {
  partitionLog,
  withTime,
  type BrokerState,
  type BrokerStep,
  type LogRecord,
  type TopicState,
} from './brokerState';

const pct = (x: number) => `${Math.round(x * 100)}%`;

interface Plan {
  firstDirty: number;
  firstUncleanable: number;
  cleanBytes: number;
  cleanableBytes: number;
  /** Why the cleanable range stops where it does. */
  stop: string;
  /** max.compaction.lag.ms forces a cleaning. */
  overdue: string | null;
}

/** LogCleanerManager.cleanableOffsets + maxCompactionDelay + LogToClean's byte counts, for one partition. */
function plan(topic: TopicState, partition: number, now: number): Plan {
  const { segmentRecords, minCompactionLagMs, maxCompactionLagMs } = topic.config;
  const log = topic.partitions[partition]!;
  const checkpoint = topic.cleanerCheckpoints?.[partition];
  const firstDirty =
    checkpoint === undefined || checkpoint < log.logStartOffset || checkpoint > log.logEndOffset
      ? log.logStartOffset
      : checkpoint;
  const segments = segmentsOf(log, segmentRecords);
  const active = segments.find((s) => s.active);
  let firstUncleanable = active ? active.baseOffset : log.logEndOffset;
  let stop = active ? `the active segment (from offset ${active.baseOffset}) is never cleaned` : 'the log is empty';
  const dirtyClosed = segments.filter((s) => !s.active && s.endOffset > firstDirty);
  if (minCompactionLagMs > 0) {
    const young = dirtyClosed.find((s) => s.records.some((r) => r.timestamp > now - minCompactionLagMs));
    if (young && young.baseOffset < firstUncleanable) {
      firstUncleanable = young.baseOffset;
      stop = `segment ${young.baseOffset}–${young.endOffset - 1} has records newer than min.compaction.lag.ms = ${formatMs(minCompactionLagMs)}, so nothing from offset ${young.baseOffset} on is cleaned yet`;
    }
  }
  firstUncleanable = Math.max(firstDirty, firstUncleanable);
  let cleanBytes = 0;
  let cleanableBytes = 0;
  for (const r of log.records) {
    if (r.offset < firstDirty) cleanBytes += recordBytes(r);
    else if (r.offset < firstUncleanable) cleanableBytes += recordBytes(r);
  }
  let overdue: string | null = null;
  if (maxCompactionLagMs !== null) {
    const firsts = dirtyClosed
      .map((s) => s.records[0]?.timestamp)
      .filter((t): t is number => t !== undefined && t >= 0);
    const earliest = firsts.length ? Math.min(...firsts) : Infinity;
    if (earliest < now - maxCompactionLagMs)
      overdue = `a dirty record is ${formatAge(now - earliest)} old, over max.compaction.lag.ms = ${formatMs(maxCompactionLagMs)}`;
  }
  return { firstDirty, firstUncleanable, cleanBytes, cleanableBytes, stop, overdue };
}

export function compactTopic(state: BrokerState, topic: string, now: number): BrokerStep {
  const base = withTime(state, now);
  if (!state.topics[topic])
    return { state: base, effects: [rejected('compact', topic, `topic '${topic}' does not exist`)] };
  let t = getTopic(state, topic);
  if (t.config.cleanupPolicy !== 'compact') {
    return {
      state: base,
      effects: [
        rejected('compact', topic, `'${topic}' has cleanup.policy=delete; only compacted topics are compacted`),
      ],
    };
  }
  const { minCleanableDirtyRatio: minRatio, tombstoneRetentionMs } = t.config;
  const effects: BrokerEffect[] = [];
  const checkpoints = t.partitions.map((_, p) => t.cleanerCheckpoints?.[p] ?? -1);
  t.partitions.forEach((log, partition) => {
    if (log.records.length === 0) return; // LogCleanerManager skips empty logs
    const where = `${topic}-${partition}`;
    const pl = plan(t, partition, now);
    const total = pl.cleanBytes + pl.cleanableBytes;
    const ratio = total > 0 ? pl.cleanableBytes / total : 0;
    const ratioText = `dirty ratio ${pl.cleanableBytes} / ${total} bytes = ${pct(ratio)}`;
    const skip = (why: string) =>
      effects.push({
        kind: 'records-compacted',
        topic,
        partition,
        removedOffsets: [],
        tombstonesRemoved: [],
        reason: `the log cleaner looked at ${where} and did not clean it: ${why}; superseded records stay readable until a later cleaning`,
      });
    if (pl.cleanableBytes === 0) {
      skip(
        pl.firstDirty > log.logStartOffset
          ? `everything before offset ${pl.firstDirty} was cleaned already, and ${pl.stop}`
          : `nothing is cleanable yet: ${pl.stop}`,
      );
      return;
    }
    if (!pl.overdue && !(ratio > minRatio)) {
      skip(`its ${ratioText} is not above min.cleanable.dirty.ratio = ${minRatio} (compaction is lazy)`);
      return;
    }
    // Cleaner.buildOffsetMap: latest offset per key, from the dirty range only.
    const latest = new Map<string, number>();
    for (const r of log.records)
      if (r.offset >= pl.firstDirty && r.offset < pl.firstUncleanable && r.key !== null) latest.set(r.key, r.offset);
    const removedOffsets: number[] = [];
    const tombstonesRemoved: number[] = [];
    const stamped: number[] = [];
    const kept: LogRecord[] = [];
    const horizon = now + tombstoneRetentionMs;
    for (const r of log.records) {
      if (r.offset >= pl.firstUncleanable || r.key === null) {
        kept.push(r);
        continue;
      }
      const found = latest.get(r.key) ?? -1;
      if (r.offset < found) {
        removedOffsets.push(r.offset);
        continue;
      }
      if (r.value !== null) {
        kept.push(r);
        continue;
      }
      if (r.deleteHorizonMs !== undefined && now >= r.deleteHorizonMs) {
        tombstonesRemoved.push(r.offset);
        continue;
      }
      if (r.deleteHorizonMs === undefined) {
        stamped.push(r.offset);
        kept.push({ ...r, deleteHorizonMs: horizon });
      } else kept.push(r);
    }
    checkpoints[partition] = pl.firstUncleanable;
    const changed = removedOffsets.length + tombstonesRemoved.length + stamped.length > 0;
    if (changed) t = replacePartition(t, partition, partitionLog(vecFrom(kept), log.logStartOffset, log.logEndOffset));
    const why = pl.overdue
      ? `${pl.overdue} (${ratioText})`
      : `its ${ratioText}, above min.cleanable.dirty.ratio = ${minRatio}`;
    const parts = [
      `removed ${removedOffsets.length} superseded record${removedOffsets.length === 1 ? '' : 's'}${removedOffsets.length ? ` (offset${removedOffsets.length === 1 ? '' : 's'} ${removedOffsets.join(', ')})` : ''}`,
    ];
    if (tombstonesRemoved.length)
      parts.push(
        `removed ${tombstonesRemoved.length === 1 ? 'the tombstone' : 'the tombstones'} at ${tombstonesRemoved.join(', ')}, whose delete horizon had passed`,
      );
    if (stamped.length)
      parts.push(
        `kept the tombstone${stamped.length === 1 ? '' : 's'} at ${stamped.join(', ')} and stamped ${stamped.length === 1 ? 'it' : 'them'} with a delete horizon of now + delete.retention.ms (${formatMs(tombstoneRetentionMs)}): the first cleaning at or after that time removes ${stamped.length === 1 ? 'it' : 'them'}`,
      );
    effects.push({
      kind: 'records-compacted',
      topic,
      partition,
      removedOffsets,
      tombstonesRemoved,
      reason: `the log cleaner cleaned ${where} (${why}), keeping the latest record per key below offset ${pl.firstUncleanable}: ${parts.join('; ')}. ${capital(pl.stop)}; offsets keep their numbers`,
    });
  });
  const next: TopicState = {
    ...t,
    cleanerCheckpoints: checkpoints.map((c, p) => (c < 0 ? t.partitions[p]!.logStartOffset : c)),
  };
  return { state: { ...base, topics: { ...base.topics, [topic]: next } }, effects };
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
