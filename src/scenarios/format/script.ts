/**
 * The scenario format's script: the actions of each step, the expectations a scenario proves, and its questions (predictions, some answered on the diagram). Part of `scenarios/schema.ts`.
 */
import { z } from '../zod';
import { Id, Text, ShortText, EventTypeName, CommandName, FieldName, Json, DataObject, NonNegInt } from './basics';

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

export const CommandCall = z.strictObject({
  aggregate: z.string().min(1).max(64),
  /** The aggregate id; the stream is `<streamPrefix><id>`. */
  id: z.string().min(1).max(64),
  command: CommandName,
  data: DataObject,
  /** Who sends it (shown in views). */
  issuedBy: z.string().max(64).optional(),
});

export const ResetTo = z.union([
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
