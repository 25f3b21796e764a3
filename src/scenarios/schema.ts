/**
 * The scenario format (version 1): versioned JSON, validated before use. Built-in, forked and
 * imported scenarios all pass through `parseScenario`; behaviour is data, never code.
 */
import { z } from './zod';

const Id = z.string().min(1).max(64).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'use letters, digits, ".", "_" or "-"');
const Text = z.string().max(4000);
const ShortText = z.string().min(1).max(200);
const EventType = z.string().min(1).max(80).regex(/^[A-Z][A-Za-z0-9]*$/, 'event types are PascalCase (e.g. OrderPlaced)');
const Json: z.ZodType<unknown> = z.lazy(() =>
  z.union([z.string().max(4000), z.number(), z.boolean(), z.null(), z.array(Json).max(200), z.record(z.string().max(80), Json)]),
);

export const TopicSpec = z.strictObject({
  name: Id,
  partitions: z.number().int().min(1).max(64),
  cleanupPolicy: z.enum(['delete', 'compact']).optional(),
  retentionMs: z.number().int().positive().nullable().optional(),
  segmentRecords: z.number().int().min(1).max(10_000).optional(),
  description: Text.optional(),
});

export const ProducerSpec = z.strictObject({
  id: Id,
  label: ShortText,
  description: Text.optional(),
});

export const GroupSpec = z.strictObject({
  id: Id,
  label: ShortText.optional(),
  topics: z.array(Id).min(1),
  members: z.array(Id).max(32),
  assignor: z.enum(['range', 'roundrobin', 'cooperative-sticky']).optional(),
  autoOffsetReset: z.enum(['earliest', 'latest', 'none']).optional(),
  description: Text.optional(),
});

export const EventSpec = z.strictObject({
  eventType: EventType,
  streamId: Id,
  /** The record key on the topic; null for a keyless record. */
  key: z.string().max(200).nullable(),
  schemaVersion: z.number().int().min(1).optional(),
  data: z.record(z.string().max(80), Json),
});

export const Action = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('publish'), producer: Id, topic: Id, event: EventSpec }),
  z.strictObject({
    kind: z.literal('poll'),
    group: Id,
    member: Id,
    maxRecords: z.number().int().min(1).max(1000).optional(),
    /** Commit after processing (at-least-once); false leaves the offsets uncommitted. */
    commit: z.boolean().optional(),
  }),
  z.strictObject({ kind: z.literal('commit'), group: Id, member: Id }),
  z.strictObject({ kind: z.literal('join'), group: Id, member: Id }),
  z.strictObject({ kind: z.literal('leave'), group: Id, member: Id }),
  z.strictObject({ kind: z.literal('crash'), group: Id, member: Id }),
  z.strictObject({ kind: z.literal('note') }),
]);

/** Checks written into the scenario itself; a test runs every built-in scenario against them. */
export const Expectation = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('record'), topic: Id, partition: z.number().int().min(0), offset: z.number().int().min(0), eventType: EventType.optional(), key: z.string().nullable().optional() }),
  z.strictObject({ kind: z.literal('log-end'), topic: Id, partition: z.number().int().min(0), offset: z.number().int().min(0) }),
  z.strictObject({ kind: z.literal('committed'), group: Id, topic: Id, partition: z.number().int().min(0), offset: z.number().int().min(0).nullable() }),
  z.strictObject({ kind: z.literal('lag'), group: Id, topic: Id, partition: z.number().int().min(0), lag: z.number().int().min(0).nullable() }),
  z.strictObject({ kind: z.literal('assignment'), group: Id, member: Id, topic: Id, partitions: z.array(z.number().int().min(0)) }),
  z.strictObject({ kind: z.literal('stored-events'), count: z.number().int().min(0) }),
]);

export const Step = z.strictObject({
  title: ShortText,
  narration: Text,
  action: Action,
  expect: z.array(Expectation).optional(),
});

export const Scenario = z.strictObject({
  schemaVersion: z.literal(1),
  id: Id,
  title: ShortText,
  summary: Text,
  level: z.enum(['beginner', 'intermediate', 'advanced']),
  concepts: z.array(ShortText).min(1).max(20),
  seed: z.number().int(),
  /** Simulated wall-clock time of step 0, in ms since the epoch. */
  startTime: z.number().int().min(0),
  /** Simulated time that passes with each step. */
  stepMs: z.number().int().min(1).max(86_400_000),
  intro: z.strictObject({ title: ShortText, narration: Text }),
  topology: z.strictObject({
    topics: z.array(TopicSpec).min(1).max(20),
    producers: z.array(ProducerSpec).max(20),
    groups: z.array(GroupSpec).max(20),
  }),
  steps: z.array(Step).min(1).max(20_000),
  takeaways: z.array(Text).min(1),
});

export type ScenarioDef = z.infer<typeof Scenario>;
export type StepDef = z.infer<typeof Step>;
export type ActionDef = z.infer<typeof Action>;
export type ExpectationDef = z.infer<typeof Expectation>;
