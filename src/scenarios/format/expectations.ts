/**
 * The scenario format's expectations: checks written into the scenario itself, run after their step; a test
 * runs every built-in scenario against them. Part of `scenarios/schema.ts`. Titles and descriptions
 * (`.meta()`) document them in the JSON Schema, so an editor's completion explains each check.
 */
import { z } from '../zod';
import { Id, EventTypeName, FieldName, Json, NonNegInt } from './basics';
import { REPLICATION_EXPECTATIONS } from './replication';
import { SAGA_EXPECTATIONS } from './sagas';
import { REGISTRY_EXPECTATIONS } from './registry';
import { MIRROR_EXPECTATIONS } from './mirror';
import { OUTBOX_EXPECTATIONS } from './outbox';
import { STREAM_EXPECTATIONS } from './streams';
import { PRIVACY_EXPECTATIONS } from './privacy';
import { SPEC_EXPECTATIONS } from './specs';
import { TRACING_EXPECTATIONS } from './tracing';
import { POLL_LOOP_EXPECTATIONS } from './backpressure';

const topic = Id.meta({ title: 'Topic' });
const partition = NonNegInt.meta({ title: 'Partition' });
const offset = NonNegInt.meta({ title: 'Offset' });
const group = Id.meta({ title: 'Consumer group' });
const projection = Id.meta({ title: 'Projection' });
const equals = Json.optional().meta({
  title: 'Equals',
  description: 'The value `field` must hold (compared as JSON).',
});

export const Expectation = z.discriminatedUnion('kind', [
  z
    .strictObject({
      kind: z.literal('record'),
      topic,
      partition,
      offset,
      eventType: EventTypeName.optional().meta({
        title: 'Event type',
        description: 'From the record’s eventType header.',
      }),
      key: z.string().nullable().optional().meta({ title: 'Record key', description: 'null: a keyless record.' }),
    })
    .meta({
      title: 'a record is at this offset',
      description: 'The partition holds a record at the offset (and of this type and key, when given).',
    }),
  z.strictObject({ kind: z.literal('no-record'), topic, partition, offset }).meta({
    title: 'no record at this offset',
    description:
      'The partition holds no record at the offset: never written, deleted by retention or removed by compaction.',
  }),
  z.strictObject({ kind: z.literal('log-end'), topic, partition, offset }).meta({
    title: 'log-end offset',
    description: 'The offset the partition’s next record will get.',
  }),
  z.strictObject({ kind: z.literal('log-start'), topic, partition, offset }).meta({
    title: 'log-start offset',
    description: 'The partition’s first offset still kept (it moves on when retention deletes segments).',
  }),
  z
    .strictObject({
      kind: z.literal('committed'),
      group,
      topic,
      partition,
      offset: NonNegInt.nullable().meta({
        title: 'Offset',
        description: 'null: the group has committed nothing there.',
      }),
    })
    .meta({
      title: 'committed offset',
      description: 'The offset the group has committed for the partition: where its next owner starts.',
    }),
  z
    .strictObject({
      kind: z.literal('lag'),
      group,
      topic,
      partition,
      lag: NonNegInt.nullable().meta({ title: 'Lag', description: 'null: the group has committed nothing there.' }),
    })
    .meta({
      title: 'consumer lag',
      description: 'Log-end offset minus the group’s committed offset on the partition.',
    }),
  z
    .strictObject({
      kind: z.literal('assignment'),
      group,
      member: Id.meta({ title: 'Member' }),
      topic,
      partitions: z
        .array(NonNegInt)
        .meta({ title: 'Partitions', description: 'In ascending order; [] when it owns none.' }),
    })
    .meta({ title: 'a member’s partitions', description: 'The partitions of the topic the member owns now.' }),
  z.strictObject({ kind: z.literal('stored-events'), count: NonNegInt.meta({ title: 'Count' }) }).meta({
    title: 'events in the event store',
    description: 'How many events the event store holds: commands append there; a publish stores none.',
  }),
  z
    .strictObject({
      kind: z.literal('stream'),
      streamId: Id.meta({ title: 'Stream' }),
      revision: z
        .number()
        .int()
        .min(-1)
        .meta({ title: 'Revision', description: 'Of its last event, from 0; -1: no events.' }),
    })
    .meta({ title: 'a stream’s revision', description: 'The revision of the stream’s last event in the event store.' }),
  z
    .strictObject({
      kind: z.literal('aggregate'),
      aggregate: z.string().min(1).max(64).meta({ title: 'Aggregate' }),
      id: z.string().min(1).max(64).meta({ title: 'Aggregate id' }),
      status: FieldName.optional().meta({
        title: 'Status',
        description: 'The value of its status field (its lifecycle state).',
      }),
      field: FieldName.optional().meta({
        title: 'Field',
        description: 'A field of its state, compared with `equals`.',
      }),
      equals,
    })
    .meta({
      title: 'an aggregate’s state',
      description: 'The aggregate loaded from its stream now: its status and a field.',
    }),
  z
    .strictObject({
      kind: z.literal('read-model'),
      projection,
      key: z.string().max(200).meta({ title: 'Row key' }),
      field: FieldName.optional().meta({ title: 'Field', description: 'A field of the row, compared with `equals`.' }),
      equals,
      absent: z.boolean().optional().meta({ title: 'Absent', description: 'true: the read model has no such row.' }),
    })
    .meta({
      title: 'a read-model row',
      description: 'A row of the projection’s read model as it is now (it may lag the store).',
    }),
  z
    .strictObject({
      kind: z.literal('checkpoint'),
      projection,
      position: NonNegInt.meta({
        title: 'Position',
        description: 'The global position of the last event it applied; 0: none.',
      }),
    })
    .meta({ title: 'a projection’s checkpoint', description: 'How far the projection has read the event store.' }),
  z
    .strictObject({
      kind: z.literal('effect'),
      effect: z
        .string()
        .min(1)
        .max(60)
        .meta({ title: 'Effect kind', description: 'e.g. record-appended, rebalance-started.' }),
      count: NonNegInt.meta({ title: 'Count' }),
    })
    .meta({
      title: 'effects of this step',
      description: 'How many effects of this kind the step produced (what "What happened" lists).',
    }),
  z
    .strictObject({
      kind: z.literal('queue-size'),
      queue: Id.meta({ title: 'Queue' }),
      size: NonNegInt.meta({ title: 'Size' }),
    })
    .meta({
      title: 'messages in a queue',
      description: 'How many messages the queue holds, waiting or held by a consumer.',
    }),
  z
    .strictObject({
      kind: z.literal('processed'),
      group,
      eventType: EventTypeName.optional().meta({ title: 'Event type' }),
      count: NonNegInt.meta({ title: 'Count' }),
    })
    .meta({
      title: 'events a group processed',
      description: 'How many distinct events the group’s application has processed (of this type, when given).',
    }),
  z
    .strictObject({
      kind: z.literal('entity-row'),
      group,
      entity: z.string().max(200).meta({ title: 'Entity' }),
      version: NonNegInt.optional().meta({ title: 'Version', description: 'The version last applied; 0: no row.' }),
      field: FieldName.optional().meta({
        title: 'Field',
        description: 'A field of the row, compared with `equals` (null or no `equals`: the row has no such field).',
      }),
      equals,
      held: z.array(NonNegInt).optional().meta({
        title: 'Held versions',
        description: 'The versions of this entity its buffer holds, in arrival order.',
      }),
    })
    .meta({
      title: 'an entity row of a version-checking group',
      description: 'The row a group with `ordering` keeps for one entity: its version, a field, what it holds back.',
    }),
  ...REPLICATION_EXPECTATIONS,
  ...SAGA_EXPECTATIONS,
  ...REGISTRY_EXPECTATIONS,
  ...MIRROR_EXPECTATIONS,
  ...OUTBOX_EXPECTATIONS,
  ...STREAM_EXPECTATIONS,
  ...PRIVACY_EXPECTATIONS,
  ...SPEC_EXPECTATIONS,
  ...TRACING_EXPECTATIONS,
  ...POLL_LOOP_EXPECTATIONS,
]);
