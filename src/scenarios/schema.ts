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
  name: Id,
  partitions: z.number().int().min(1).max(64),
  cleanupPolicy: z.enum(['delete', 'compact']).optional(),
  /** Closed segments older than this are deleted; null keeps records forever. */
  retentionMs: z.number().int().positive().nullable().optional(),
  retentionBytes: z.number().int().positive().nullable().optional(),
  segmentRecords: z.number().int().min(1).max(10_000).optional(),
  tombstoneRetentionMs: NonNegInt.optional(),
  /** The event field used as the record key, when records are published by the relay or an editor. */
  keyField: FieldName.optional(),
  description: Text.optional(),
});

export const ProducerSpec = z.strictObject({
  id: Id,
  label: ShortText,
  idempotent: z.boolean().optional(),
  maxInFlight: z.number().int().min(1).max(5).optional(),
  stickyBatchSize: z.number().int().min(1).max(1000).optional(),
  description: Text.optional(),
});

export const GroupSpec = z.strictObject({
  id: Id,
  label: ShortText.optional(),
  topics: z.array(Id).min(1),
  members: z.array(Id).max(32),
  assignor: z.enum(['range', 'roundrobin', 'cooperative-sticky']).optional(),
  autoOffsetReset: z.enum(['earliest', 'latest', 'none']).optional(),
  /** When a poll step commits by default: after processing (at-least-once), before (at-most-once), or not at all. */
  commitMode: z.enum(['after', 'before', 'manual']).optional(),
  /** Dedupe by event id: a redelivered event is recognised and skipped. */
  idempotent: z.boolean().optional(),
  description: Text.optional(),
});

export const FieldSpec = z.strictObject({
  name: FieldName,
  type: z.enum(['string', 'number', 'boolean', 'object', 'array']),
  optional: z.boolean().optional(),
  description: Text.optional(),
});

/** Declared event types: their fields per schema version, where they live. Used by views, linter and exports. */
export const EventTypeSpec = z.strictObject({
  name: EventTypeName,
  schemaVersion: z.number().int().min(1),
  fields: z.array(FieldSpec).max(50),
  aggregate: z.string().max(64).optional(),
  topic: Id.optional(),
  description: Text.optional(),
  /** Earlier versions still found in the store (read through upcasters). */
  previousVersions: z
    .array(z.strictObject({ schemaVersion: z.number().int().min(1), fields: z.array(FieldSpec).max(50) }))
    .optional(),
});

const Emit = z.strictObject({
  eventType: EventTypeName,
  schemaVersion: z.number().int().min(1).optional(),
  data: Fields,
});

/** One command an aggregate accepts: in which lifecycle states, under which guard, producing which events. */
export const CommandSpec = z.strictObject({
  command: CommandName,
  /** Lifecycle states (the `status` field) in which the command is accepted. */
  when: z.array(FieldName).min(1),
  guard: GuardSchema.optional(),
  /** Shown when the guard fails. */
  rejectWith: z.string().max(400).optional(),
  emit: z.array(Emit).min(1).max(10),
  description: Text.optional(),
});

/** How an event changes the aggregate's state: the lifecycle state it moves to and fields it sets. */
export const EvolveSpec = z.strictObject({
  eventType: EventTypeName,
  to: FieldName.optional(),
  set: Fields.optional(),
});

export const AggregateSpec = z.strictObject({
  /** The aggregate type (`Ride`). */
  type: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Z][A-Za-z0-9]*$/, 'aggregate types are PascalCase'),
  /** Streams are named `<prefix><id>` (e.g. `ride-` + `42`). */
  streamPrefix: z
    .string()
    .min(1)
    .max(40)
    .regex(/^[a-z][a-z0-9-]*-$/, 'a lowercase prefix ending in "-" (e.g. "ride-")'),
  /** Bump when the lifecycle changes: snapshots taken by another version are discarded. */
  version: z.number().int().min(1),
  snapshotEvery: z.number().int().min(0).max(10_000).optional(),
  /** Initial lifecycle state (e.g. "none"). */
  initial: FieldName,
  /** Initial values of other state fields. */
  fields: DataObject.optional(),
  commands: z.array(CommandSpec).min(1).max(50),
  evolve: z.array(EvolveSpec).max(100),
  description: Text.optional(),
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
  name: Id,
  title: ShortText,
  /** Read-model columns, in display order. */
  columns: z.array(FieldName).min(1).max(20),
  /** Events become visible to the projection this long after they were stored (eventual consistency). */
  lagMs: NonNegInt.optional(),
  version: z.number().int().min(1).optional(),
  on: z
    .array(z.strictObject({ eventType: EventTypeName, ops: z.array(ProjectionOp).min(1).max(20) }))
    .min(1)
    .max(50),
  description: Text.optional(),
});

export const UpcastOp = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('rename'), from: FieldName, to: FieldName }),
  z.strictObject({ op: z.literal('add'), field: FieldName, value: JsonData(Json) }),
  z.strictObject({ op: z.literal('remove'), field: FieldName }),
  z.strictObject({ op: z.literal('convert'), field: FieldName, to: z.enum(['string', 'number', 'boolean']) }),
]);

export const UpcasterSpec = z.strictObject({
  eventType: EventTypeName,
  fromVersion: z.number().int().min(1),
  ops: z.array(UpcastOp).min(1).max(20),
  description: Text.optional(),
});

/** The outbox relay: stored events are published to topics in store order. */
export const RelaySpec = z.strictObject({
  /** true: publish after every step; false: only on `relay` steps (to show the outbox at work). */
  auto: z.boolean(),
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
    .max(20),
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
  id: Id,
  label: ShortText,
  /** The consumer group whose polls feed this service. */
  group: Id,
  on: z
    .array(
      z.strictObject({ eventType: EventTypeName, when: GuardSchema.optional(), do: z.array(ReactionAction).max(10) }),
    )
    .max(50),
  /** Processing fails for events matching this guard (a poison message). */
  failOn: GuardSchema.optional(),
  /** After this many failed attempts a record goes to the dead-letter topic. */
  maxAttempts: z.number().int().min(1).max(20).optional(),
  deadLetterTopic: Id.optional(),
  description: Text.optional(),
});

export const QueueSpec = z.strictObject({
  name: Id,
  /** A delivered message not acknowledged within this time is delivered again. */
  visibilityTimeoutMs: z.number().int().min(1),
  consumers: z.array(Id).min(1).max(20),
  description: Text.optional(),
});

// ---------------------------------------------------------------------------------------------
// Script
// ---------------------------------------------------------------------------------------------

export const EventSpec = z.strictObject({
  eventType: EventTypeName,
  streamId: Id,
  /** The record key on the topic; null for a keyless record. */
  key: z.string().max(200).nullable(),
  schemaVersion: z.number().int().min(1).optional(),
  data: DataObject,
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
  title: ShortText,
  narration: Text,
  action: Action,
  /** Playback pauses here until the learner answers or skips. */
  question: QuestionSpec.optional(),
  expect: z.array(Expectation).optional(),
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
  title: ShortText,
  summary: Text,
  level: z.enum(['beginner', 'intermediate', 'advanced']),
  concepts: z.array(ShortText).min(1).max(20),
  /** Order on the start page. */
  order: z.number().int().min(0).max(10_000).optional(),
  seed: z.number().int(),
  /** Simulated wall-clock time of step 0, in ms since the epoch. */
  startTime: NonNegInt,
  /** Simulated time that passes with each step. */
  stepMs: z.number().int().min(1).max(86_400_000),
  intro: z.strictObject({ title: ShortText, narration: Text }),
  topology: z.strictObject({
    topics: z.array(TopicSpec).max(20),
    producers: z.array(ProducerSpec).max(20),
    groups: z.array(GroupSpec).max(20),
    eventTypes: z.array(EventTypeSpec).max(100).optional(),
    aggregates: z.array(AggregateSpec).max(10).optional(),
    projections: z.array(ProjectionSpec).max(10).optional(),
    upcasters: z.array(UpcasterSpec).max(50).optional(),
    relay: RelaySpec.optional(),
    services: z.array(ServiceSpec).max(20).optional(),
    queues: z.array(QueueSpec).max(5).optional(),
  }),
  steps: z.array(Step).min(1).max(LIMITS.maxSteps),
  takeaways: z.array(Text).min(1),
  practice: PracticeSpec.optional(),
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
