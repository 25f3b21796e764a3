/**
 * The scenario format (version 1): versioned JSON, validated before use. Built-in, forked and
 * imported scenarios all pass through `parseScenario`; behaviour is data (state charts, guard
 * expressions, projection operations, upcaster operations), never code.
 */
import { LIMITS, sizeWithin } from './behaviour/budget';
import { exprShape, GuardSchema, ValueExprSchema } from './behaviour/expr';
import { ID_PATTERN, MAX_SCENARIO_ID_LENGTH } from './idAlphabet';
import { z } from './zod';

export const Id = z
  .string()
  .min(1)
  .max(MAX_SCENARIO_ID_LENGTH)
  .regex(ID_PATTERN, 'use letters, digits, ".", "_" or "-", starting with a letter or digit');
const Text = z.string().max(4000);
const ShortText = z.string().min(1).max(200);
export const EventTypeName = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[A-Z][A-Za-z0-9]*$/, 'event types are PascalCase (e.g. OrderPlaced)');
export const CommandName = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[A-Z][A-Za-z0-9]*$/, 'command names are PascalCase (e.g. PlaceOrder)');
const FieldName = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'field names are identifiers (letters, digits, _)')
  .refine((k) => !['__proto__', 'constructor', 'prototype'].includes(k), 'reserved name');
const Json: z.ZodType<unknown> = z.lazy(() =>
  z.union([z.string().max(4000), z.number(), z.boolean(), z.null(), z.array(Json).max(200), z.record(FieldName, Json)]),
);
/**
 * Data written in the scenario (an event's or command's data, initial fields, an upcaster's default):
 * bounded in size and nesting, so what a step copies and compares stays small (see `LIMITS`).
 */
const JsonData = <T extends z.ZodType>(schema: T) =>
  schema.refine(
    (v) => sizeWithin(v, LIMITS.maxDataChars) <= LIMITS.maxDataChars && exprShape(v).depth <= LIMITS.maxDataDepth,
    {
      message: `this data is too big: at most ${LIMITS.maxDataChars.toLocaleString('en-US')} characters as JSON, nested at most ${LIMITS.maxDataDepth} deep`,
    },
  );
const DataObject = JsonData(z.record(FieldName, Json));
const Fields = z.record(FieldName, ValueExprSchema);
const NonNegInt = z.number().int().min(0);

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
    .array(z.strictObject({ schemaVersion: z.number().int().min(1), fields: z.array(FieldSpec).max(50) }))
    .optional()
    .meta({
      title: 'Earlier versions',
      description: 'Earlier versions still found in the store (read through upcasters).',
    }),
});

const Emit = z.strictObject({
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

const KeyedOp = { key: ValueExprSchema };
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
    .array(z.strictObject({ eventType: EventTypeName, ops: z.array(ProjectionOp).min(1).max(20) }))
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
        topic: Id,
        key: ValueExprSchema,
      }),
    )
    .min(1)
    .max(20)
    .meta({ title: 'Routes' }),
});

const ReactionAction = z.union([
  z.strictObject({ command: CommandName, aggregate: z.string().min(1).max(64), id: ValueExprSchema, data: Fields }),
  z.strictObject({
    publish: z.strictObject({
      topic: Id,
      eventType: EventTypeName,
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
      z.strictObject({ eventType: EventTypeName, when: GuardSchema.optional(), do: z.array(ReactionAction).max(10) }),
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

// ---------------------------------------------------------------------------------------------
// Script
// ---------------------------------------------------------------------------------------------

export const EventSpec = z.strictObject({
  eventType: EventTypeName.meta({ title: 'Event type' }),
  streamId: Id.meta({ title: 'Stream' }),
  key: z.string().max(200).nullable().meta({
    title: 'Record key',
    description: 'The record key on the topic; null for a keyless record (the sticky partitioner picks).',
  }),
  schemaVersion: z.number().int().min(1).optional().meta({ title: 'Schema version' }),
  data: DataObject.meta({ title: 'Data' }),
});

const CommandCall = z.strictObject({
  aggregate: z.string().min(1).max(64),
  /** The aggregate id; the stream is `<streamPrefix><id>`. */
  id: z.string().min(1).max(64),
  command: CommandName,
  data: DataObject,
  /** Who sends it (shown in views). */
  issuedBy: z.string().max(64).optional(),
});

const ResetTo = z.union([
  z.enum(['earliest', 'latest']),
  z.strictObject({ offset: NonNegInt }),
  z.strictObject({ timestamp: NonNegInt }),
]);

export const Action = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('publish'),
    producer: Id,
    topic: Id,
    event: EventSpec,
    partition: NonNegInt.optional(),
    /** Resend the producer's previous request (a retry after a lost acknowledgement). */
    retry: z.boolean().optional(),
    /** The record carries no value (null): a tombstone, which deletes its key on a compacted topic. The event is still stored. */
    tombstone: z.boolean().optional(),
  }),
  z.strictObject({
    kind: z.literal('poll'),
    group: Id,
    member: Id,
    maxRecords: z.number().int().min(1).max(1000).optional(),
    /** Overrides the group's commit mode for this poll. */
    commit: z.enum(['after', 'before', 'manual']).optional(),
    /** The consumer crashes in the middle: after committing but before processing, or after processing but before committing. */
    crash: z.enum(['before-process', 'after-process']).optional(),
  }),
  z.strictObject({ kind: z.literal('commit'), group: Id, member: Id }),
  z.strictObject({ kind: z.literal('join'), group: Id, member: Id }),
  z.strictObject({ kind: z.literal('leave'), group: Id, member: Id }),
  z.strictObject({ kind: z.literal('crash'), group: Id, member: Id }),
  z.strictObject({
    kind: z.literal('seek'),
    group: Id,
    member: Id,
    topic: Id,
    partition: NonNegInt,
    offset: NonNegInt,
  }),
  z.strictObject({ kind: z.literal('reset-offsets'), group: Id, topic: Id, to: ResetTo }),
  z.strictObject({ kind: z.literal('add-partitions'), topic: Id, count: z.number().int().min(1).max(64) }),
  z.strictObject({ kind: z.literal('restart-producer'), producer: Id }),
  z.strictObject({
    kind: z.literal('advance-time'),
    ms: z
      .number()
      .int()
      .min(1)
      .max(365 * 86_400_000),
  }),
  z.strictObject({ kind: z.literal('compact'), topic: Id }),
  z.strictObject({ kind: z.literal('command'), ...CommandCall.shape }),
  /** Two or more commands decided against the same state at the same moment: optimistic concurrency picks one. */
  z.strictObject({ kind: z.literal('race'), commands: z.array(CommandCall).min(2).max(5) }),
  z.strictObject({
    kind: z.literal('relay'),
    maxEvents: z.number().int().min(1).optional(),
    crashBeforeCheckpoint: z.boolean().optional(),
  }),
  z.strictObject({ kind: z.literal('project'), projection: Id, maxEvents: z.number().int().min(1).optional() }),
  z.strictObject({ kind: z.literal('rebuild'), projection: Id }),
  z.strictObject({ kind: z.literal('query'), projection: Id, key: z.string().max(200) }),
  z.strictObject({
    kind: z.literal('load'),
    aggregate: z.string().min(1).max(64),
    id: z.string().min(1).max(64),
    useSnapshot: z.boolean().optional(),
  }),
  z.strictObject({ kind: z.literal('enqueue'), queue: Id, event: EventSpec.omit({ key: true, streamId: true }) }),
  z.strictObject({ kind: z.literal('receive'), queue: Id, consumer: Id }),
  z.strictObject({ kind: z.literal('ack'), queue: Id, consumer: Id }),
  z.strictObject({ kind: z.literal('nack'), queue: Id, consumer: Id }),
  z.strictObject({ kind: z.literal('note') }),
]);

/** Checks written into the scenario itself; a test runs every built-in scenario against them. */
export const Expectation = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('record'),
    topic: Id,
    partition: NonNegInt,
    offset: NonNegInt,
    eventType: EventTypeName.optional(),
    key: z.string().nullable().optional(),
  }),
  z.strictObject({ kind: z.literal('no-record'), topic: Id, partition: NonNegInt, offset: NonNegInt }),
  z.strictObject({ kind: z.literal('log-end'), topic: Id, partition: NonNegInt, offset: NonNegInt }),
  z.strictObject({ kind: z.literal('log-start'), topic: Id, partition: NonNegInt, offset: NonNegInt }),
  z.strictObject({
    kind: z.literal('committed'),
    group: Id,
    topic: Id,
    partition: NonNegInt,
    offset: NonNegInt.nullable(),
  }),
  z.strictObject({ kind: z.literal('lag'), group: Id, topic: Id, partition: NonNegInt, lag: NonNegInt.nullable() }),
  z.strictObject({ kind: z.literal('assignment'), group: Id, member: Id, topic: Id, partitions: z.array(NonNegInt) }),
  z.strictObject({ kind: z.literal('stored-events'), count: NonNegInt }),
  z.strictObject({ kind: z.literal('stream'), streamId: Id, revision: z.number().int().min(-1) }),
  z.strictObject({
    kind: z.literal('aggregate'),
    aggregate: z.string().min(1).max(64),
    id: z.string().min(1).max(64),
    status: FieldName.optional(),
    field: FieldName.optional(),
    equals: Json.optional(),
  }),
  z.strictObject({
    kind: z.literal('read-model'),
    projection: Id,
    key: z.string().max(200),
    field: FieldName.optional(),
    equals: Json.optional(),
    absent: z.boolean().optional(),
  }),
  z.strictObject({ kind: z.literal('checkpoint'), projection: Id, position: NonNegInt }),
  z.strictObject({ kind: z.literal('effect'), effect: z.string().min(1).max(60), count: NonNegInt }),
  z.strictObject({ kind: z.literal('queue-size'), queue: Id, size: NonNegInt }),
  z.strictObject({ kind: z.literal('processed'), group: Id, eventType: EventTypeName.optional(), count: NonNegInt }),
]);

/**
 * Where a prediction is answered on the diagram: a choice with a target is picked by clicking that
 * element. Four kinds, told apart by their fields (strict objects, so a stray field is refused):
 * a partition (`{topic, partition}`: "which partition will it land in?"), an offset of a partition
 * (`{topic, partition, offset}`: "where will the committed offset be?", the offset a record lands at;
 * the partition's log-end offset names the slot after its last record), a member of a consumer group
 * (`{group, member}`: "which member gets partition 2?") and a row of a read model
 * (`{readModel, row}`, the row's key: "which row will the next event change?").
 */
export const ChoiceTarget = z.union([
  z.strictObject({ topic: Id, partition: NonNegInt }),
  z.strictObject({ topic: Id, partition: NonNegInt, offset: NonNegInt }),
  z.strictObject({ group: Id, member: Id }),
  z.strictObject({ readModel: Id, row: z.string().min(1).max(200) }),
]);

export const QuestionSpec = z.strictObject({
  id: Id,
  prompt: z.string().min(1).max(1000),
  /** Choices; omitted for a free-text answer. */
  choices: z
    .array(
      z.strictObject({
        id: Id,
        text: z.string().min(1).max(400),
        correct: z.boolean(),
        /** A prediction answered on the diagram: this choice is picked by clicking its target. */
        target: ChoiceTarget.optional(),
        /** Why this choice is right or wrong, shown after answering when the learner picked it. */
        explanation: z.string().min(1).max(1000).optional(),
      }),
    )
    .min(2)
    .max(8)
    .optional(),
  multiple: z.boolean().optional(),
  /** Shown after answering or skipping. */
  explanation: z.string().min(1).max(4000),
});

export const Step = z.strictObject({
  title: ShortText.meta({ title: 'Title' }),
  narration: Text.meta({
    title: 'Narration',
    description: 'What the learner reads at this step: what happens and why it matters.',
  }),
  action: Action.meta({ title: 'What happens' }),
  question: QuestionSpec.optional().meta({
    title: 'Question (pauses playback until answered)',
    description: 'Playback pauses here until the learner answers or skips.',
  }),
  expect: z.array(Expectation).optional().meta({
    title: 'Checks after this step (JSON)',
    description:
      'Checks written into the scenario itself, e.g. {"kind":"log-end","topic":"rides","partition":0,"offset":3}; a test runs every built-in against them (see FORMAT.md).',
  }),
});

/** Practice mode: the learner answers first, then compares with the reference, point by point. */
export const PracticeSpec = z.strictObject({
  intro: Text,
  questions: z
    .array(
      z.strictObject({
        id: Id,
        prompt: z.string().min(1).max(1000),
        choices: z
          .array(z.strictObject({ id: Id, text: z.string().min(1).max(400), inReference: z.boolean() }))
          .max(12)
          .optional(),
        /** The reference answer in prose. */
        reference: Text,
        /** Points a good answer covers; keywords (any of them, case-insensitive) detect a point in free text. */
        points: z
          .array(
            z.strictObject({
              id: Id,
              text: z.string().min(1).max(400),
              keywords: z.array(z.string().min(2).max(60)).min(1).max(12),
            }),
          )
          .min(1)
          .max(12),
      }),
    )
    .min(1)
    .max(10),
});

export const Scenario = z.strictObject({
  /** Editors' hint: the JSON Schema this file follows (ignored by the app). */
  $schema: z.string().max(300).optional(),
  schemaVersion: z.literal(1),
  id: Id,
  title: ShortText.meta({ title: 'Title' }),
  summary: Text.meta({ title: 'Summary' }),
  level: z.enum(['beginner', 'intermediate', 'advanced']).meta({ title: 'Level' }),
  concepts: z.array(ShortText).min(1).max(20).meta({ title: 'Concepts' }),
  /** Order on the start page. */
  order: z.number().int().min(0).max(10_000).optional().meta({ title: 'Order on the start page' }),
  seed: z.number().int().meta({
    title: 'Random seed',
    description: 'Fixes every random choice (the sticky partitioner), so a run is the same every time.',
  }),
  startTime: NonNegInt.meta({
    title: 'Start time (ms since 1970)',
    description: 'Simulated wall-clock time of step 0, in ms since the epoch.',
  }),
  stepMs: z
    .number()
    .int()
    .min(1)
    .max(86_400_000)
    .meta({ title: 'Time per step (ms)', description: 'Simulated time that passes with each step.' }),
  intro: z
    .strictObject({
      title: ShortText.meta({ title: 'Intro title' }),
      narration: Text.meta({ title: 'Intro narration' }),
    })
    .meta({ title: 'Introduction' }),
  topology: z.strictObject({
    topics: z
      .array(TopicSpec)
      .max(20)
      .meta({ title: 'Topics', description: 'Where records are published: partitions, key, retention and cleanup.' }),
    producers: z
      .array(ProducerSpec)
      .max(20)
      .meta({ title: 'Producers', description: 'Who publishes records in the script.' }),
    groups: z.array(GroupSpec).max(20).meta({
      title: 'Consumer groups',
      description: 'Who reads each topic, how partitions are shared and when offsets are committed.',
    }),
    eventTypes: z.array(EventTypeSpec).max(100).optional().meta({
      title: 'Event types',
      description:
        'The facts your system records: names, versions and fields. Once one is declared, every event type used must be.',
    }),
    aggregates: z.array(AggregateSpec).max(10).optional().meta({
      title: 'Aggregates',
      description:
        'Consistency boundaries: lifecycle states, the commands accepted in each, guards and the events they produce.',
    }),
    projections: z
      .array(ProjectionSpec)
      .max(10)
      .optional()
      .meta({ title: 'Projections', description: 'Read models built from events, and how far behind they run.' }),
    upcasters: z
      .array(UpcasterSpec)
      .max(50)
      .optional()
      .meta({ title: 'Upcasters', description: 'How events stored at an old schema version are read at the new one.' }),
    relay: RelaySpec.optional().meta({
      title: 'Outbox relay',
      description: 'Publishes stored events to topics in store order.',
    }),
    services: z
      .array(ServiceSpec)
      .max(20)
      .optional()
      .meta({ title: 'Services', description: 'What reacts to events read by a consumer group, and what it does.' }),
    queues: z
      .array(QueueSpec)
      .max(5)
      .optional()
      .meta({ title: 'Queues', description: 'A classic queue for contrast: messages removed on acknowledgement.' }),
  }),
  steps: z
    .array(Step)
    .min(1)
    .max(LIMITS.maxSteps)
    .meta({ title: 'Steps', description: 'The story, one step at a time, with narration.' }),
  takeaways: z.array(Text).min(1).meta({ title: 'Takeaways (one per line)' }),
  practice: PracticeSpec.optional().meta({
    title: 'Practice questions (JSON)',
    description: 'Practice mode: the learner answers first, then compares with the reference, point by point.',
  }),
});

export type ScenarioDef = z.infer<typeof Scenario>;
export type StepDef = z.infer<typeof Step>;
export type ActionDef = z.infer<typeof Action>;
export type ExpectationDef = z.infer<typeof Expectation>;
export type AggregateDef = z.infer<typeof AggregateSpec>;
export type ProjectionDef = z.infer<typeof ProjectionSpec>;
export type UpcasterDef = z.infer<typeof UpcasterSpec>;
export type ServiceDef = z.infer<typeof ServiceSpec>;
export type QuestionDef = z.infer<typeof QuestionSpec>;
export type ChoiceTargetDef = z.infer<typeof ChoiceTarget>;
export type CommandCallDef = z.infer<typeof CommandCall>;
