/** Topics: creation, partition logs, read helpers, and adding partitions (which remaps keys). */
import type { BrokerEffect } from '../types';
import { partitionForKey, quoteKey } from './partitioner';
import { rebalanceGroupsReading } from './rebalance';
import { getTopic } from './log';
import {
  BrokerError,
  withTime,
  type BrokerState,
  type BrokerStep,
  type PartitionLog,
  type TopicConfig,
  type TopicSettings,
  type TopicState,
} from './brokerState';

export const DEFAULT_RETENTION_MS = 7 * 24 * 3600 * 1000;
export const DEFAULT_SEGMENT_RECORDS = 1000;
/** LogConfig.DEFAULT_DELETE_RETENTION_MS (delete.retention.ms, 1 day). */
export const DEFAULT_TOMBSTONE_RETENTION_MS = 24 * 3600 * 1000;
/** LogConfig.DEFAULT_MIN_CLEANABLE_DIRTY_RATIO (min.cleanable.dirty.ratio). */
export const DEFAULT_MIN_CLEANABLE_DIRTY_RATIO = 0.5;
/**
 * The broker's num.partitions (ServerLogConfigs.NUM_PARTITIONS_DEFAULT = 1): the partition count of a
 * topic the broker creates by itself, because auto.create.topics.enable is true by default
 * (AUTO_CREATE_TOPICS_ENABLE_DEFAULT) and a producer asked for a topic that does not exist.
 */
export const DEFAULT_NUM_PARTITIONS = 1;

const EMPTY_LOG: PartitionLog = { records: [], logStartOffset: 0, logEndOffset: 0 };
const LEGAL_NAME = /^[a-zA-Z0-9._-]{1,249}$/;

export function createTopic(state: BrokerState, config: TopicConfig, now: number): BrokerStep {
  const { name, partitions } = config;
  if (!LEGAL_NAME.test(name) || name === '.' || name === '..') {
    throw new BrokerError(`Illegal topic name '${name}': use 1–249 of a-z A-Z 0-9 . _ -`);
  }
  if (state.topics[name]) throw new BrokerError(`Topic '${name}' already exists`);
  if (!Number.isInteger(partitions) || partitions < 1) {
    throw new BrokerError(`Topic '${name}' needs a positive whole number of partitions, got ${partitions}`);
  }
  const settings: TopicSettings = {
    name,
    partitions,
    cleanupPolicy: config.cleanupPolicy ?? 'delete',
    retentionMs: config.retentionMs === undefined ? DEFAULT_RETENTION_MS : config.retentionMs,
    retentionBytes: config.retentionBytes ?? null,
    segmentRecords: config.segmentRecords ?? DEFAULT_SEGMENT_RECORDS,
    tombstoneRetentionMs: config.tombstoneRetentionMs ?? DEFAULT_TOMBSTONE_RETENTION_MS,
    minCleanableDirtyRatio: config.minCleanableDirtyRatio ?? DEFAULT_MIN_CLEANABLE_DIRTY_RATIO,
    minCompactionLagMs: config.minCompactionLagMs ?? 0,
    maxCompactionLagMs: config.maxCompactionLagMs ?? null,
  };
  const {
    minCleanableDirtyRatio: ratio,
    minCompactionLagMs: minLag,
    maxCompactionLagMs: maxLag,
    tombstoneRetentionMs: tombLag,
  } = settings;
  if (!(ratio >= 0 && ratio <= 1))
    throw new BrokerError(`min.cleanable.dirty.ratio must be between 0 and 1, got ${ratio}`);
  for (const [what, v] of [
    ['min.compaction.lag.ms', minLag],
    ['delete.retention.ms', tombLag],
    ['max.compaction.lag.ms', maxLag ?? 1],
  ] as const) {
    if (!Number.isInteger(v) || v < 0) throw new BrokerError(`${what} must be a whole number of ms ≥ 0, got ${v}`);
  }
  if (maxLag !== null && maxLag < minLag)
    throw new BrokerError(`max.compaction.lag.ms (${maxLag}) cannot be below min.compaction.lag.ms (${minLag})`);
  if (!Number.isInteger(settings.segmentRecords) || settings.segmentRecords < 1) {
    throw new BrokerError(`segmentRecords must be a positive whole number, got ${settings.segmentRecords}`);
  }
  const topic: TopicState = { config: settings, partitions: Array.from({ length: partitions }, () => EMPTY_LOG) };
  const policy = settings.cleanupPolicy === 'compact' ? 'compacted (latest record per key kept)' : 'delete policy';
  const effects: BrokerEffect[] = [
    {
      kind: 'topic-created',
      topic: name,
      partitions,
      reason: `topic '${name}' created with ${partitions} partition${partitions === 1 ? '' : 's'}, ${policy}`,
    },
  ];
  return { state: { ...withTime(state, now), topics: { ...state.topics, [name]: topic } }, effects };
}

/**
 * Grows a topic to `newCount` partitions (Kafka cannot shrink one). Existing records stay where they
 * are; new keyed records may land elsewhere, and the effect lists the keys whose partition changes.
 * Groups reading the topic rebalance to pick up the new partitions.
 */
export function addPartitions(state: BrokerState, topic: string, newCount: number, now: number): BrokerStep {
  const t = getTopic(state, topic);
  const from = t.partitions.length;
  if (!Number.isInteger(newCount) || newCount <= from) {
    const error = `topic '${topic}' has ${from} partitions; partitions can only be added (asked for ${newCount} in total)`;
    return {
      state: withTime(state, now),
      effects: [{ kind: 'request-rejected', request: 'add-partitions', target: topic, error, reason: error }],
    };
  }
  const movedKeys: { key: string; from: number; to: number }[] = [];
  const seen = new Set<string>();
  for (const log of t.partitions) {
    for (const r of log.records) {
      if (r.key === null || seen.has(r.key)) continue;
      seen.add(r.key);
      const to = partitionForKey(r.key, newCount);
      if (to !== r.partition) movedKeys.push({ key: r.key, from: r.partition, to });
    }
  }
  const grown: TopicState = {
    ...t,
    config: { ...t.config, partitions: newCount },
    partitions: [...t.partitions, ...Array.from({ length: newCount - from }, () => EMPTY_LOG)],
  };
  const sample = movedKeys
    .slice(0, 3)
    .map((m) => `${quoteKey(m.key)} p${m.from}→p${m.to}`)
    .join(', ');
  const reason =
    // A producer partitions with the count in its cached metadata (KafkaProducer.partition →
    // Metadata), so new keyed records move only after its next refresh (metadata.max.age.ms).
    `'${topic}' grew from ${from} to ${newCount} partitions; old records stay put, and keyed records use toPositive(murmur2(key)) mod ${newCount} once each producer refreshes its metadata (metadata.max.age.ms, 5 minutes by default): ` +
    (movedKeys.length === 0
      ? 'no existing key changes partition'
      : `${movedKeys.length} existing key${movedKeys.length === 1 ? ' will then map' : 's will then map'} elsewhere (${sample}${movedKeys.length > 3 ? ', …' : ''}), so per-key order across old and new records is lost`);
  const effects: BrokerEffect[] = [{ kind: 'partitions-added', topic, from, to: newCount, movedKeys, reason }];
  const next: BrokerState = { ...withTime(state, now), topics: { ...state.topics, [topic]: grown } };
  const rebalanced = rebalanceGroupsReading(next, topic, now, `'${topic}' now has ${newCount} partitions`);
  return { state: rebalanced.state, effects: [...effects, ...rebalanced.effects] };
}

/**
 * The broker creating a topic by itself on first use (auto.create.topics.enable=true, the default):
 * it gets num.partitions partitions (1 by default), whatever the topic it is meant to mirror.
 */
export function autoCreateTopic(
  state: BrokerState,
  name: string,
  now: number,
  why: string,
  numPartitions = DEFAULT_NUM_PARTITIONS,
): BrokerStep {
  const created = createTopic(state, { name, partitions: numPartitions }, now);
  return {
    state: created.state,
    effects: created.effects.map((e) => ({
      ...e,
      reason: `${why}: '${name}' did not exist, so the broker created it on first use (auto.create.topics.enable=true by default) with num.partitions = ${numPartitions} partition${numPartitions === 1 ? '' : 's'}, whatever the topic it mirrors has; ${e.reason}`,
    })),
  };
}
