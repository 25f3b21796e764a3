/**
 * The scenario format's topology: topics, producers, consumer groups, event types, aggregates, projections, upcasters, the relay, services and queues. Part of `scenarios/schema.ts`.
 */
import { GuardSchema, ValueExprSchema } from '../behaviour/expr';
import { z } from '../zod';
import {
  Id,
  Text,
  ShortText,
  EventTypeName,
  CommandName,
  FieldName,
  Json,
  JsonData,
  DataObject,
  Fields,
  NonNegInt,
} from './basics';

// ---------------------------------------------------------------------------------------------
// Topology
// ---------------------------------------------------------------------------------------------

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
  description: Text.optional().meta({ title: 'Description' }),
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
  commitMode: z.enum(['after', 'before', 'manual']).optional().meta({
    title: 'Commit',
    description:
      'When a poll step commits by default: after processing (at-least-once), before (at-most-once), or not at all.',
  }),
  idempotent: z.boolean().optional().meta({
    title: 'Idempotent consumer (skips an event id it has already processed)',
    description: 'Dedupe by event id: a redelivered event is recognised and skipped.',
  }),
  description: Text.optional().meta({ title: 'Description' }),
});

export const FieldSpec = z.strictObject({
  name: FieldName.meta({ title: 'Field name' }),
  type: z.enum(['string', 'number', 'boolean', 'object', 'array']).meta({ title: 'Type' }),
  optional: z.boolean().optional().meta({ title: 'Optional' }),
  description: Text.optional().meta({ title: 'Description' }),
});

/** Declared event types: their fields per schema version, where they live. Used by views, linter and exports. */
export const EventTypeSpec = z.strictObject({
  name: EventTypeName.meta({
    title: 'Name',
    description: 'A fact in the past tense, PascalCase: RideRequested, not RequestRide.',
  }),
  schemaVersion: z.number().int().min(1).meta({
    title: 'Schema version',
    description: 'Bump it when the fields change; add an upcaster so old events can still be read.',
  }),
  fields: z.array(FieldSpec).max(50).meta({ title: 'Fields' }),
  aggregate: z.string().max(64).optional().meta({ title: 'Aggregate' }),
  topic: Id.optional().meta({ title: 'Topic' }),
  description: Text.optional().meta({ title: 'Description' }),
  previousVersions: z
    .array(
      z.strictObject({
        schemaVersion: z.number().int().min(1),
        fields: z.array(FieldSpec).max(50).meta({ title: 'Fields' }),
      }),
    )
    .optional()
    .meta({
      title: 'Earlier versions',
      description: 'Earlier versions still found in the store (read through upcasters).',
    }),
});

export const Emit = z.strictObject({
  eventType: EventTypeName.meta({ title: 'Event type' }),
  schemaVersion: z.number().int().min(1).optional().meta({ title: 'Schema version' }),
  data: Fields.meta({ title: 'Data' }),
});

/** One command an aggregate accepts: in which lifecycle states, under which guard, producing which events. */
export const CommandSpec = z.strictObject({
  command: CommandName.meta({
    title: 'Command',
    description: 'An instruction in the imperative, PascalCase: AcceptRide.',
  }),
  when: z.array(FieldName).min(1).meta({
    title: 'Accepted in lifecycle states',
    description:
      'Lifecycle states (the status field) in which the command is accepted; in any other state it is refused.',
  }),
  guard: GuardSchema.optional().meta({ title: 'Guard' }),
  /** Shown when the guard fails. */
  rejectWith: z.string().max(400).optional().meta({ title: 'Message when the guard fails' }),
  emit: z.array(Emit).min(1).max(10).meta({ title: 'Events produced' }),
  description: Text.optional().meta({ title: 'Description' }),
});

/** How an event changes the aggregate's state: the lifecycle state it moves to and fields it sets. */
export const EvolveSpec = z.strictObject({
  eventType: EventTypeName.meta({ title: 'Event type' }),
  to: FieldName.optional().meta({ title: 'Moves to lifecycle state' }),
  set: Fields.optional().meta({ title: 'Sets state fields' }),
});

export const AggregateSpec = z.strictObject({
  type: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Z][A-Za-z0-9]*$/, 'aggregate types are PascalCase')
    .meta({ title: 'Type', description: 'The aggregate type, PascalCase (Ride).' }),
  streamPrefix: z
    .string()
    .min(1)
    .max(40)
    .regex(/^[a-z][a-z0-9-]*-$/, 'a lowercase prefix ending in "-" (e.g. "ride-")')
    .meta({ title: 'Stream prefix', description: 'Streams are named prefix + id, e.g. "ride-" + "42".' }),
  version: z.number().int().min(1).meta({
    title: 'Version',
    description: 'Bump when the lifecycle changes: snapshots taken by another version are discarded.',
  }),
  snapshotEvery: z.number().int().min(0).max(10_000).optional().meta({ title: 'Snapshot every (events)' }),
  initial: FieldName.meta({
    title: 'Initial lifecycle state',
    description: 'The lifecycle state before any event (e.g. "none").',
  }),
  fields: DataObject.optional().meta({
    title: 'Initial state fields',
    description: 'Initial values of other state fields.',
  }),
  commands: z.array(CommandSpec).min(1).max(50).meta({ title: 'Commands' }),
  evolve: z.array(EvolveSpec).max(100).meta({ title: 'How events change the state' }),
  description: Text.optional().meta({ title: 'Description' }),
});

export const KeyedOp = { key: ValueExprSchema };
export const ProjectionOp = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('upsert'), ...KeyedOp, set: Fields }),
  z.strictObject({ op: z.literal('update'), ...KeyedOp, set: Fields }),
  z.strictObject({ op: z.literal('increment'), ...KeyedOp, field: FieldName, by: ValueExprSchema }),
  z.strictObject({ op: z.literal('append'), ...KeyedOp, field: FieldName, value: ValueExprSchema }),
  z.strictObject({ op: z.literal('delete'), ...KeyedOp }),
]);

export const ProjectionSpec = z.strictObject({
  name: Id.meta({ title: 'Name' }),
  title: ShortText.meta({ title: 'Title' }),
  columns: z
    .array(FieldName)
    .min(1)
    .max(20)
    .meta({ title: 'Columns', description: 'Read-model columns, in display order.' }),
  lagMs: NonNegInt.optional().meta({
    title: 'Delay behind the write side (ms)',
    description: 'Events become visible to the projection this long after they were stored (eventual consistency).',
  }),
  version: z.number().int().min(1).optional().meta({ title: 'Version' }),
  on: z
    .array(
      z.strictObject({
        eventType: EventTypeName.meta({ title: 'Event type' }),
        ops: z.array(ProjectionOp).min(1).max(20),
      }),
    )
    .min(1)
    .max(50)
    .meta({ title: 'Handlers' }),
  description: Text.optional().meta({ title: 'Description' }),
});

export const UpcastOp = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('rename'), from: FieldName, to: FieldName }),
  z.strictObject({ op: z.literal('add'), field: FieldName, value: JsonData(Json) }),
  z.strictObject({ op: z.literal('remove'), field: FieldName }),
  z.strictObject({ op: z.literal('convert'), field: FieldName, to: z.enum(['string', 'number', 'boolean']) }),
]);

export const UpcasterSpec = z.strictObject({
  eventType: EventTypeName.meta({ title: 'Event type' }),
  fromVersion: z.number().int().min(1).meta({
    title: 'From schema version',
    description: 'Events stored at this version are rewritten to the next one when read.',
  }),
  ops: z.array(UpcastOp).min(1).max(20).meta({ title: 'Changes' }),
  description: Text.optional().meta({ title: 'Description' }),
});

/** The outbox relay: stored events are published to topics in store order. */
export const RelaySpec = z.strictObject({
  auto: z.boolean().meta({
    title: 'Publish after every step (otherwise only on relay steps)',
    description: 'true: publish after every step; false: only on relay steps (to show the outbox at work).',
  }),
  routes: z
    .array(
      z.strictObject({
        /** Omitted: every event type. */
        eventTypes: z.array(EventTypeName).optional(),
        topic: Id.meta({ title: 'Topic' }),
        key: ValueExprSchema,
      }),
    )
    .min(1)
    .max(20)
    .meta({ title: 'Routes' }),
});

export const ReactionAction = z.union([
  z.strictObject({
    command: CommandName,
    aggregate: z.string().min(1).max(64).meta({ title: 'Aggregate' }),
    id: ValueExprSchema,
    data: Fields,
  }),
  z.strictObject({
    publish: z.strictObject({
      topic: Id.meta({ title: 'Topic' }),
      eventType: EventTypeName.meta({ title: 'Event type' }),
      streamId: ValueExprSchema,
      key: ValueExprSchema,
      data: Fields,
    }),
  }),
]);

/** A service reacts to the events its consumer group reads (choreography). */
export const ServiceSpec = z.strictObject({
  id: Id.meta({ title: 'Id' }),
  label: ShortText.meta({ title: 'Label' }),
  group: Id.meta({ title: 'Consumer group', description: 'The consumer group whose polls feed this service.' }),
  on: z
    .array(
      z.strictObject({
        eventType: EventTypeName.meta({ title: 'Event type' }),
        when: GuardSchema.optional(),
        do: z.array(ReactionAction).max(10),
      }),
    )
    .max(50)
    .meta({ title: 'Reactions' }),
  failOn: GuardSchema.optional().meta({
    title: 'Processing fails (poison message) when',
    description: 'Processing fails for events matching this guard (a poison message).',
  }),
  maxAttempts: z.number().int().min(1).max(20).optional().meta({
    title: 'Attempts before dead-lettering',
    description: 'After this many failed attempts a record goes to the dead-letter topic.',
  }),
  deadLetterTopic: Id.optional().meta({
    title: 'Dead-letter topic',
    description:
      'Where a record goes after its last failed attempt (omitted: the record’s topic + ".DLT"); created on its first record.',
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
