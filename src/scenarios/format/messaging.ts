/**
 * The scenario format's messaging parts: topics, producers, consumer groups and classic queues. Part of
 * `scenarios/schema.ts`.
 */
import { z } from '../zod';
import { Id, Text, ShortText, FieldName, NonNegInt } from './basics';

export const TopicSpec = z.strictObject({
  name: Id.meta({ title: 'Name' }),
  partitions: z.number().int().min(1).max(64).meta({
    title: 'Partitions',
    description:
      'Partitions are the unit of ordering (per key) and of parallel reading: at most one member of a group reads each.',
  }),
  cleanupPolicy: z.enum(['delete', 'compact']).optional().meta({
    title: 'Cleanup policy',
    description: 'delete: closed segments are removed by retention; compact: the latest record of each key is kept.',
  }),
  retentionMs: z.number().int().positive().nullable().optional().meta({
    title: 'Retention time (ms)',
    description: 'Closed segments older than this are deleted; null keeps records forever.',
  }),
  retentionBytes: z.number().int().positive().nullable().optional().meta({
    title: 'Retention size (bytes)',
    description: 'Oldest closed segments are deleted while a partition is larger than this; null: no size limit.',
  }),
  segmentRecords: z.number().int().min(1).max(10_000).optional().meta({ title: 'Records per segment' }),
  tombstoneRetentionMs: NonNegInt.optional().meta({ title: 'Tombstones kept for (ms)' }),
  keyField: FieldName.optional().meta({
    title: 'Key field',
    description:
      'The event field used as the record key when the relay or the editor publishes: usually the aggregate id, so one entity’s events stay in order.',
  }),
  description: Text.optional().meta({ title: 'Description' }),
});

export const ProducerSpec = z.strictObject({
  id: Id.meta({ title: 'Id' }),
  label: ShortText.meta({ title: 'Label' }),
  idempotent: z.boolean().optional().meta({ title: 'Idempotent (a retried send is never duplicated)' }),
  maxInFlight: z.number().int().min(1).max(5).optional().meta({
    title: 'Requests in flight',
    description: 'More than one lets a retry overtake a later request when idempotence is off.',
  }),
  stickyBatchSize: z.number().int().min(1).max(1000).optional().meta({ title: 'Sticky batch size (keyless records)' }),
  transactionalId: Id.optional().meta({
    title: 'transactional.id',
    description:
      'Makes it a transactional producer (idempotence required): it sends only inside transactions, after initTransactions. Two producers with the same transactional.id are two instances of one application: the later initTransactions fences the earlier.',
  }),
  description: Text.optional().meta({ title: 'Description' }),
});

export const IsolationLevel = z.enum(['read_uncommitted', 'read_committed']).meta({
  title: 'isolation.level',
  description:
    'read_uncommitted (Kafka’s default): every record up to the log end, open and aborted transactions included. read_committed: only below the last stable offset, aborted records skipped.',
});

export const GroupSpec = z.strictObject({
  id: Id.meta({ title: 'Id' }),
  label: ShortText.optional().meta({ title: 'Label' }),
  topics: z.array(Id).min(1).meta({ title: 'Topics read' }),
  members: z
    .array(Id)
    .max(32)
    .meta({ title: 'Members', description: 'Consumer ids. Members beyond the partition count stay idle.' }),
  assignor: z.enum(['range', 'roundrobin', 'cooperative-sticky']).optional().meta({ title: 'Assignor' }),
  autoOffsetReset: z.enum(['earliest', 'latest', 'none']).optional().meta({ title: 'auto.offset.reset' }),
  isolationLevel: IsolationLevel.optional(),
  commitMode: z.enum(['after', 'before', 'manual']).optional().meta({
    title: 'Commit',
    description:
      'When a poll step commits by default: after processing (at-least-once), before (at-most-once), or not at all.',
  }),
  idempotent: z.boolean().optional().meta({
    title: 'Idempotent consumer (skips an event id it has already processed)',
    description: 'Dedupe by event id: a redelivered event is recognised and skipped.',
  }),
  ordering: z
    .strictObject({
      entityField: FieldName.meta({
        title: 'Entity field',
        description: 'The event field naming the entity a row is kept for.',
      }),
      versionField: FieldName.meta({
        title: 'Version field',
        description: 'The event field holding the entity’s version (1, 2, 3…, set by the entity’s one writer).',
      }),
      policy: z.enum(['as-arrives', 'last-writer-wins', 'buffer', 'park']).meta({
        title: 'Out-of-order policy',
        description:
          'as-arrives: no check (a late older event overwrites a newer row); last-writer-wins: apply only newer versions; buffer: hold a later version until the gap is filled; park: send a later version to the parking topic and move on.',
      }),
      parkingTopic: Id.optional().meta({
        title: 'Parking topic',
        description: 'Where `park` sends an event that came too early (same key); the group reads it back from there.',
      }),
    })
    .optional()
    .meta({
      title: 'Entity versions (out-of-order handling)',
      description:
        'The group’s application keeps one row per entity with the version last applied, and checks each event’s version against it (engine/broker/outOfOrder.ts).',
    }),
  description: Text.optional().meta({ title: 'Description' }),
});

export const QueueSpec = z.strictObject({
  name: Id.meta({ title: 'Name' }),
  visibilityTimeoutMs: z.number().int().min(1).meta({
    title: 'Redelivery timeout (ms)',
    description: 'A delivered message not acknowledged within this time is delivered again.',
  }),
  consumers: z
    .array(Id)
    .min(1)
    .max(20)
    .meta({ title: 'Consumers', description: 'Consumer ids; they compete for messages.' }),
  description: Text.optional().meta({ title: 'Description' }),
});
