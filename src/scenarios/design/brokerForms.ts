/** The forms of the broker's parts: topics, producers, consumer groups and queues. */
import { description, optInt } from './commonFields';
import { field, first, freshName, groupIds, producerIds, queueNames, str, topicNames } from './draftNames';
import { type ItemDef } from './formTypes';

export const topicItem: ItemDef = {
  noun: 'topic',
  title: (t) =>
    `${str(field(t, 'name'), '(unnamed)')} · ${String(field(t, 'partitions') ?? '?')} partition(s)${field(t, 'cleanupPolicy') === 'compact' ? ' · compacted' : ''}`,
  fields: [
    { key: 'name', kind: 'text', renames: 'topic' },
    { key: 'partitions', kind: 'int', min: 1, max: 64 },
    {
      key: 'keyField',
      kind: 'text',
      optional: true,
    },
    {
      key: 'cleanupPolicy',
      kind: 'select',
      options: ['delete', 'compact'],
      optional: true,
      labels: { delete: 'delete (retention)', compact: 'compact (latest per key)' },
    },
    { key: 'retentionMs', kind: 'int', optional: true, min: 1, nullable: 'Keep forever' },
    {
      key: 'retentionBytes',
      kind: 'int',
      optional: true,
      min: 1,
      nullable: 'No size limit',
    },
    optInt('segmentRecords'),
    { key: 'tombstoneRetentionMs', kind: 'int', optional: true, min: 0 },
    description,
  ],
  make: (doc) => ({ name: freshName(topicNames(doc), 'topic'), partitions: 3 }),
};

export const producerItem: ItemDef = {
  noun: 'producer',
  title: (p) => `${str(field(p, 'label'), '(no label)')} (${str(field(p, 'id'), '?')})`,
  fields: [
    { key: 'id', kind: 'text', renames: 'producer' },
    { key: 'label', kind: 'text' },
    { key: 'idempotent', kind: 'bool', defaultValue: true },
    optInt('maxInFlight'),
    optInt('stickyBatchSize'),
    { key: 'transactionalId', kind: 'text', optional: true },
    description,
  ],
  make: (doc) => ({ id: freshName(producerIds(doc), 'producer'), label: 'New producer' }),
};

export const groupItem: ItemDef = {
  noun: 'consumer group',
  title: (g) =>
    `${str(field(g, 'label'), str(field(g, 'id'), '(unnamed)'))} · ${Array.isArray(field(g, 'members')) ? (field(g, 'members') as unknown[]).length : 0} member(s)`,
  fields: [
    { key: 'id', kind: 'text', renames: 'group' },
    { key: 'label', kind: 'text', optional: true },
    { key: 'topics', kind: 'names', options: ({ doc }) => topicNames(doc) },
    {
      key: 'members',
      kind: 'names',
    },
    {
      key: 'assignor',
      kind: 'select',
      options: ['range', 'roundrobin', 'cooperative-sticky'],
      optional: true,
    },
    {
      key: 'autoOffsetReset',
      kind: 'select',
      options: ['earliest', 'latest', 'none'],
      optional: true,
    },
    {
      key: 'commitMode',
      kind: 'select',
      options: ['after', 'before', 'manual'],
      optional: true,
      labels: {
        after: 'after processing (at-least-once)',
        before: 'before processing (at-most-once)',
        manual: 'manual',
      },
    },
    { key: 'isolationLevel', kind: 'select', options: ['read_uncommitted', 'read_committed'], optional: true },
    { key: 'idempotent', kind: 'bool' },
    {
      key: 'ordering',
      kind: 'group',
      optional: true,
      fields: [
        { key: 'entityField', kind: 'text' },
        { key: 'versionField', kind: 'text' },
        { key: 'policy', kind: 'select', options: ['as-arrives', 'last-writer-wins', 'buffer', 'park'] },
        { key: 'parkingTopic', kind: 'select', options: ({ doc }) => topicNames(doc), optional: true },
      ],
      make: () => ({ entityField: 'id', versionField: 'version', policy: 'buffer' }),
    },
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
    { key: 'name', kind: 'text', renames: 'queue' },
    { key: 'visibilityTimeoutMs', kind: 'int', min: 1 },
    { key: 'consumers', kind: 'names' },
    description,
  ],
  make: (doc) => ({ name: freshName(queueNames(doc), 'queue'), visibilityTimeoutMs: 30_000, consumers: ['worker-1'] }),
};
