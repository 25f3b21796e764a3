/** The forms of the broker's parts: topics, producers, consumer groups and queues. */
import { description, optInt } from './commonFields';
import { field, first, freshName, groupIds, producerIds, queueNames, str, topicNames } from './draftNames';
import { type ItemDef } from './formTypes';

export const topicItem: ItemDef = {
  noun: 'topic',
  title: (t) =>
    `${str(field(t, 'name'), '(unnamed)')} · ${String(field(t, 'partitions') ?? '?')} partition(s)${field(t, 'cleanupPolicy') === 'compact' ? ' · compacted' : ''}`,
  fields: [
    { key: 'name', label: 'Name', kind: 'text', renames: 'topic' },
    { key: 'partitions', label: 'Partitions', kind: 'int', min: 1, max: 64 },
    {
      key: 'keyField',
      label: 'Key field',
      kind: 'text',
      optional: true,
      hint: 'The event field used as the record key — usually the aggregate id, so one entity’s events stay in order.',
    },
    {
      key: 'cleanupPolicy',
      label: 'Cleanup policy',
      kind: 'select',
      options: ['delete', 'compact'],
      optional: true,
      labels: { delete: 'delete (retention)', compact: 'compact (latest per key)' },
    },
    { key: 'retentionMs', label: 'Retention time (ms)', kind: 'int', optional: true, min: 1, nullable: 'Keep forever' },
    {
      key: 'retentionBytes',
      label: 'Retention size (bytes)',
      kind: 'int',
      optional: true,
      min: 1,
      nullable: 'No size limit',
    },
    optInt('segmentRecords', 'Records per segment'),
    { key: 'tombstoneRetentionMs', label: 'Tombstones kept for (ms)', kind: 'int', optional: true, min: 0 },
    description,
  ],
  make: (doc) => ({ name: freshName(topicNames(doc), 'topic'), partitions: 3 }),
};

export const producerItem: ItemDef = {
  noun: 'producer',
  title: (p) => `${str(field(p, 'label'), '(no label)')} (${str(field(p, 'id'), '?')})`,
  fields: [
    { key: 'id', label: 'Id', kind: 'text', renames: 'producer' },
    { key: 'label', label: 'Label', kind: 'text' },
    { key: 'idempotent', label: 'Idempotent (a retried send is never duplicated)', kind: 'bool', defaultValue: true },
    optInt(
      'maxInFlight',
      'Requests in flight',
      'More than one lets a retry overtake a later request when idempotence is off.',
    ),
    optInt('stickyBatchSize', 'Sticky batch size (keyless records)'),
    description,
  ],
  make: (doc) => ({ id: freshName(producerIds(doc), 'producer'), label: 'New producer' }),
};

export const groupItem: ItemDef = {
  noun: 'consumer group',
  title: (g) =>
    `${str(field(g, 'label'), str(field(g, 'id'), '(unnamed)'))} · ${Array.isArray(field(g, 'members')) ? (field(g, 'members') as unknown[]).length : 0} member(s)`,
  fields: [
    { key: 'id', label: 'Id', kind: 'text', renames: 'group' },
    { key: 'label', label: 'Label', kind: 'text', optional: true },
    { key: 'topics', label: 'Topics read', kind: 'names', options: ({ doc }) => topicNames(doc) },
    {
      key: 'members',
      label: 'Members',
      kind: 'names',
      hint: 'Consumer ids, comma-separated. Members beyond the partition count stay idle.',
    },
    {
      key: 'assignor',
      label: 'Assignor',
      kind: 'select',
      options: ['range', 'roundrobin', 'cooperative-sticky'],
      optional: true,
    },
    {
      key: 'autoOffsetReset',
      label: 'auto.offset.reset',
      kind: 'select',
      options: ['earliest', 'latest', 'none'],
      optional: true,
    },
    {
      key: 'commitMode',
      label: 'Commit',
      kind: 'select',
      options: ['after', 'before', 'manual'],
      optional: true,
      labels: {
        after: 'after processing (at-least-once)',
        before: 'before processing (at-most-once)',
        manual: 'manual',
      },
    },
    { key: 'idempotent', label: 'Idempotent consumer (skips an event id it has already processed)', kind: 'bool' },
    description,
  ],
  make: (doc) => ({
    id: freshName(groupIds(doc), 'group'),
    topics: [first(topicNames(doc), 'topic')],
    members: ['c1'],
  }),
};

/** Field name → value expression rows, the shape of an emitted event's data. */

export const queueItem: ItemDef = {
  noun: 'queue',
  title: (q) => str(field(q, 'name'), '(unnamed)'),
  fields: [
    { key: 'name', label: 'Name', kind: 'text', renames: 'queue' },
    { key: 'visibilityTimeoutMs', label: 'Redelivery timeout (ms)', kind: 'int', min: 1 },
    { key: 'consumers', label: 'Consumers', kind: 'names', hint: 'Comma-separated; they compete for messages.' },
    description,
  ],
  make: (doc) => ({ name: freshName(queueNames(doc), 'queue'), visibilityTimeoutMs: 30_000, consumers: ['worker-1'] }),
};
