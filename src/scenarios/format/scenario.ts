/**
 * A whole scenario document (format version 1) and its practice mode, with the TypeScript types inferred from it. Part of `scenarios/schema.ts`.
 */
import { LIMITS } from '../behaviour/budget';
import { z } from '../zod';
import { Id, Text, ShortText, NonNegInt } from './basics';
import { TopicSpec, ProducerSpec, GroupSpec, QueueSpec } from './messaging';
import { EventTypeSpec, AggregateSpec, ProjectionSpec, UpcasterSpec, RelaySpec, ServiceSpec } from './eventModel';
import { CommandCall, Action } from './actions';
import { ReplicationSpec } from './replication';
import { SagaSpec } from './sagas';
import { RegistrySpec } from './registry';
import { MirrorSpec } from './mirror';
import { OutboxSpec } from './outbox';
import { StreamProcessorSpec } from './streams';
import { PrivacySpec } from './privacy';
import { DesignChange, Spec } from './specs';
import { TracingSpec } from './tracing';
import { Expectation } from './expectations';
import { ChoiceTarget, QuestionSpec, Step } from './script';

/** A practice choice the reference includes. */
const PracticeRightChoice = z.strictObject({
  id: Id,
  text: z.string().min(1).max(400),
  inReference: z.literal(true),
});

/** A practice choice the reference leaves out, with why: shown to a learner who picks it. */
const PracticeWrongChoice = z.strictObject({
  id: Id,
  text: z.string().min(1).max(400),
  inReference: z.literal(false),
  why: z.string().min(1).max(1000).meta({
    title: 'Why it is not in the reference',
    description: 'Shown to a learner who picks this choice: why it is wrong here, true of real systems.',
  }),
});

/**
 * Practice mode: the learner answers first, then sees the reference. Choices are graded exactly
 * (agreed, missed, wrong with its why); free text is never graded: the learner judges it against
 * each key point. Choices are shown in an order shuffled per learner, so their order here is free.
 */
export const PracticeSpec = z.strictObject({
  intro: Text,
  teaser: z.string().min(1).max(1000).optional().meta({
    title: 'Summary before the practice',
    description:
      'What the start page says of the scenario until its practice is over, instead of its summary: the scene, without the outcomes the questions ask the learner to work out.',
  }),
  questions: z
    .array(
      z.strictObject({
        id: Id,
        prompt: z.string().min(1).max(1000),
        choices: z
          .array(z.discriminatedUnion('inReference', [PracticeRightChoice, PracticeWrongChoice]))
          .max(12)
          .optional(),
        /**
         * Up to three hints, each more specific than the last, offered one at a time before the learner
         * compares with the reference; how many were used is recorded in the run, never counted against them.
         */
        hints: z.array(z.string().min(1).max(400)).min(1).max(3).optional(),
        /** The reference answer in prose. */
        reference: Text,
        /** Points a good answer covers: the learner says, for each, whether their answer covered it. */
        points: z
          .array(z.strictObject({ id: Id, text: z.string().min(1).max(400) }))
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
    replication: ReplicationSpec.optional().meta({
      title: 'Replicated topics',
      description:
        'A cluster of brokers whose topics keep a copy of each partition on several of them: leaders, followers, the ISR and the high watermark.',
    }),
    outboxes: z.array(OutboxSpec).max(3).optional().meta({
      title: 'Outbox tables',
      description:
        'A service’s relational outbox and its publisher: a poller (by last id, or by a published flag) or log tailing (change data capture).',
    }),
    registry: RegistrySpec.optional().meta({
      title: 'Schema registry',
      description:
        'Subjects with their compatibility mode and the record schemas the steps register, write and read with (Avro’s rules).',
    }),
    mirror: MirrorSpec.optional().meta({
      title: 'Two regions (MirrorMaker 2)',
      description:
        'Kafka clusters by alias, each with its topics, and MirrorMaker 2 flows between them: remote topics, offset syncs, checkpoints.',
    }),
    sagas: z.array(SagaSpec).max(3).optional().meta({
      title: 'Sagas (orchestrated)',
      description:
        'A process manager’s state chart: the commands it sends, the replies and timeouts that move it on, its compensations.',
    }),
    streamProcessors: z.array(StreamProcessorSpec).max(6).optional().meta({
      title: 'Stream processors',
      description:
        'Kafka Streams applications reading the scenario’s topics: a windowed count per key, or a stream–table join.',
    }),
    privacy: PrivacySpec.optional().meta({
      title: 'Key store (crypto-shredding)',
      description:
        'A key per data subject: the personal fields of append-personal events are encrypted with it; deleting it makes every copy unreadable.',
    }),
    tracing: TracingSpec.optional().meta({
      title: 'Tracing and alerts',
      description:
        'W3C Trace Context on every record (a traceparent header from each instrumented send, a span per send and per processing) and the rules the alert figures are judged by.',
    }),
  }),
  steps: z
    .array(Step)
    .min(1)
    .max(LIMITS.maxSteps)
    .meta({ title: 'Steps', description: 'The story, one step at a time, with narration.' }),
  specs: z.array(Spec).max(20).optional().meta({
    title: 'Specs',
    description:
      'Tests as data, run against this scenario’s own aggregates, projections and consumers: decider, projection, contract and idempotency specs.',
  }),
  takeaways: z.array(Text).min(1).meta({ title: 'Takeaways (one per line)' }),
  practice: PracticeSpec.optional().meta({
    title: 'Practice questions (JSON)',
    description:
      'Practice mode: the learner answers first, then sees the reference: choices are graded exactly, each wrong one with why; free text is judged by the learner against each key point.',
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
export type SpecDef = z.infer<typeof Spec>;
export type DesignChangeDef = z.infer<typeof DesignChange>;
