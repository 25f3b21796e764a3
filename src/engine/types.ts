/**
 * The shared contracts of Event Lab (docs/architecture.md, "Contracts"). Every layer speaks these shapes;
 * later work extends the unions, it does not change what is here.
 */

import type { EffectBase } from './effectBase';
import type { ReplicationEffect } from './replication/effects';
import type { TxnEffect } from './broker/txnEffects';
import type { SagaEffect } from './saga/effects';
import type { StreamEffect } from './streams/effects';
import type { RegistryEffect } from './registry/schema';
import type { MirrorEffect } from './mirror/effects';
import type { PrivacyEffect } from './privacy/effects';
import type { PollLoopEffect } from './broker/pollLoopEffects';
import type { TracingEffect } from './tracing/effects';
import type { VersionOutcome } from './broker/outOfOrder';
import type { ExpectedRevision } from './events';

// The event envelope and the event store's port live in events.ts.
export type {
  EventMetadata,
  NewEvent,
  RecordedEvent,
  CloudEvent,
  ExpectedRevision,
  AppendResult,
  EventStore,
} from './events';

// ---------------------------------------------------------------------------------------------
// Broker vocabulary shared by effects and inputs
// ---------------------------------------------------------------------------------------------

export interface TopicPartition {
  topic: string;
  partition: number;
}

/** How a record's partition was chosen, so a view can answer "why this partition?". */
export type PartitionChoice =
  | { kind: 'explicit'; partition: number }
  | { kind: 'key'; key: string; murmur2: number; positive: number; partitionCount: number; partition: number }
  | { kind: 'sticky'; partition: number; batchSize: number; batchFill: number; newBatch: boolean };

export type AssignorName = 'range' | 'roundrobin' | 'cooperative-sticky';
export type OffsetResetPolicy = 'earliest' | 'latest' | 'none';

// ---------------------------------------------------------------------------------------------
// Effects: everything a step did, as data. Views animate them; narration describes them.
// Every effect names the entities involved and says why in `reason`.
// ---------------------------------------------------------------------------------------------

export type { EffectBase };

export type BrokerEffect =
  | PollLoopEffect
  | (EffectBase & { kind: 'topic-created'; topic: string; partitions: number })
  | (EffectBase & {
      kind: 'record-appended';
      topic: string;
      partition: number;
      offset: number;
      key: string | null;
      producerId: string | null;
      /** The event carried by the record, when it carries one (relay, scenario produce). */
      eventId: string | null;
      choice: PartitionChoice;
    })
  | (EffectBase & {
      kind: 'produce-deduplicated';
      topic: string;
      partition: number;
      producerId: string;
      sequence: number;
    })
  | (EffectBase & { kind: 'produce-rejected'; topic: string; producerId: string | null; error: string })
  | (EffectBase & { kind: 'producer-restarted'; producerId: string; epoch: number })
  | (EffectBase & {
      kind: 'partitions-added';
      topic: string;
      from: number;
      to: number;
      movedKeys: { key: string; from: number; to: number }[];
    })
  | (EffectBase & { kind: 'member-joined'; groupId: string; memberId: string })
  | (EffectBase & { kind: 'member-left'; groupId: string; memberId: string })
  | (EffectBase & { kind: 'member-crashed'; groupId: string; memberId: string })
  | (EffectBase & { kind: 'rebalance-started'; groupId: string; generation: number; protocol: 'eager' | 'cooperative' })
  | (EffectBase & { kind: 'partitions-revoked'; groupId: string; memberId: string; partitions: TopicPartition[] })
  | (EffectBase & { kind: 'partitions-assigned'; groupId: string; memberId: string; partitions: TopicPartition[] })
  | (EffectBase & { kind: 'rebalance-completed'; groupId: string; generation: number; idleMembers: string[] })
  | (EffectBase & {
      kind: 'records-fetched';
      groupId: string;
      memberId: string;
      topic: string;
      partition: number;
      /** Offsets of the records handed to the consumer, ascending (gaps after compaction). */
      offsets: number[];
    })
  | (EffectBase & {
      kind: 'record-processed';
      groupId: string;
      memberId: string;
      topic: string;
      partition: number;
      offset: number;
      duplicate: boolean;
    })
  | (EffectBase & {
      kind: 'processing-failed';
      groupId: string;
      memberId: string;
      topic: string;
      partition: number;
      offset: number;
      attempt: number;
    })
  | (EffectBase & {
      kind: 'record-dead-lettered';
      groupId: string;
      memberId: string;
      topic: string;
      partition: number;
      offset: number;
      deadLetterTopic: string;
      attempts: number;
    })
  | (EffectBase & {
      kind: 'offset-committed';
      groupId: string;
      topic: string;
      partition: number;
      offset: number;
      previous: number | null;
    })
  | (EffectBase & {
      kind: 'position-moved';
      groupId: string;
      memberId: string;
      topic: string;
      partition: number;
      from: number | null;
      to: number;
    })
  | (EffectBase & {
      kind: 'offsets-reset';
      groupId: string;
      topic: string;
      partition: number;
      from: number | null;
      to: number;
    })
  | (EffectBase & {
      kind: 'offset-reset-applied';
      groupId: string;
      topic: string;
      partition: number;
      policy: OffsetResetPolicy;
      to: number;
    })
  | (EffectBase & {
      kind: 'offset-out-of-range';
      groupId: string;
      topic: string;
      partition: number;
      requested: number;
      logStart: number;
      logEnd: number;
    })
  | (EffectBase & {
      kind: 'version-checked';
      groupId: string;
      memberId: string;
      entity: string;
      version: number;
      outcome: VersionOutcome;
    })
  | (EffectBase & { kind: 'lag-changed'; groupId: string; topic: string; partition: number; lag: number | null })
  | (EffectBase & {
      kind: 'segment-deleted';
      topic: string;
      partition: number;
      baseOffset: number;
      lastOffset: number;
      logStartOffset: number;
      cause: 'time' | 'size';
    })
  | (EffectBase & {
      kind: 'records-compacted';
      topic: string;
      partition: number;
      removedOffsets: number[];
      tombstonesRemoved: number[];
    })
  | (EffectBase & { kind: 'queue-enqueued'; queue: string; messageId: string })
  | (EffectBase & { kind: 'queue-delivered'; queue: string; messageId: string; consumerId: string; attempt: number })
  | (EffectBase & { kind: 'queue-acked'; queue: string; messageId: string; consumerId: string })
  | (EffectBase & { kind: 'queue-nacked'; queue: string; messageId: string; consumerId: string })
  | (EffectBase & { kind: 'queue-redelivered'; queue: string; messageId: string; cause: 'timeout' | 'nack' })
  /** A request the broker (or an admin tool) refused, e.g. resetting the offsets of a group that has members. */
  | (EffectBase & { kind: 'request-rejected'; request: string; target: string; error: string });

export type StoreEffect =
  | (EffectBase & {
      kind: 'command-accepted';
      commandId: string;
      commandType: string;
      streamId: string;
      eventIds: string[];
    })
  | (EffectBase & { kind: 'command-rejected'; commandId: string; commandType: string; streamId: string })
  | (EffectBase & {
      kind: 'event-stored';
      streamId: string;
      revision: number;
      position: number;
      eventId: string;
      eventType: string;
    })
  | (EffectBase & {
      kind: 'append-conflict';
      streamId: string;
      expected: ExpectedRevision;
      actual: number | 'no_stream';
    })
  | (EffectBase & { kind: 'snapshot-taken'; streamId: string; revision: number })
  | (EffectBase & {
      kind: 'event-relayed';
      eventId: string;
      position: number;
      topic: string;
      partition: number;
      offset: number;
    })
  | (EffectBase & { kind: 'event-upcast'; eventId: string; eventType: string; fromVersion: number; toVersion: number })
  | (EffectBase & {
      kind: 'projection-applied';
      projection: string;
      position: number;
      eventId: string;
      rowKey: string | null;
    })
  | (EffectBase & { kind: 'projection-skipped'; projection: string; position: number; eventId: string })
  | (EffectBase & {
      kind: 'query-answered';
      readModel: string;
      rowKey: string | null;
      stale: boolean;
      behindBy: number;
    })
  | (EffectBase & { kind: 'reaction-triggered'; service: string; eventId: string; output: string });

export type SimEffect =
  | (EffectBase & { kind: 'time-advanced'; from: number; to: number })
  | (EffectBase & { kind: 'fault-injected'; fault: string; target: string })
  /** An outbox table changed or its publisher ran (`cqrs/outboxTable.ts`): `step` says which; `lost` a row it will never send. */
  | (EffectBase & {
      kind: 'outbox-changed';
      outbox: string;
      step: 'insert' | 'commit' | 'publish' | 'lost' | 'crash' | 'cleanup';
    })
  | (EffectBase & { kind: 'question-asked'; questionId: string })
  /** A change to the design was proposed (a scenario's `change-design` step): its specs run against it. */
  | (EffectBase & { kind: 'design-changed'; change: string });

/** Replicated partitions (`replication/`): replicas, the ISR, the high watermark, acks and elections. */
export type Effect =
  | BrokerEffect
  | StoreEffect
  | SimEffect
  | ReplicationEffect
  | TxnEffect
  | SagaEffect
  | StreamEffect
  | RegistryEffect
  | MirrorEffect
  | PrivacyEffect
  | TracingEffect;
export type EffectKind = Effect['kind'];

// ---------------------------------------------------------------------------------------------
// Learner inputs: what a learner may do in the player, recorded as data in the run.
// ---------------------------------------------------------------------------------------------

export type LearnerInput =
  | { kind: 'produce'; atStep: number; topic: string; key: string | null; value: unknown; producerId?: string }
  | { kind: 'add-consumer'; atStep: number; groupId: string; memberId: string }
  | { kind: 'remove-consumer'; atStep: number; groupId: string; memberId: string }
  | { kind: 'crash-consumer'; atStep: number; groupId: string; memberId: string }
  | { kind: 'add-partitions'; atStep: number; topic: string; count: number }
  | {
      kind: 'reset-group';
      atStep: number;
      groupId: string;
      topic: string;
      to: 'earliest' | 'latest' | { offset: number } | { timestamp: number };
    }
  | { kind: 'answer'; atStep: number; questionId: string; answer: string | string[] }
  // Faults (the failure lab, src/scenarios/faults/): each is armed at its step and plays out in the steps after it.
  /** The member crashes in its next poll that fetches records: after processing, before committing. */
  | { kind: 'crash-consumer-before-commit'; atStep: number; groupId: string; memberId: string }
  /** KafkaConsumer.pause for `steps` steps: polls return nothing, the member stays in the group. */
  | { kind: 'pause-consumer'; atStep: number; groupId: string; memberId: string; steps: number }
  /** The member's next batch takes `processingMs` to process (kicked past max.poll.interval.ms). */
  | { kind: 'slow-consumer'; atStep: number; groupId: string; memberId: string; processingMs: number }
  /** A record no consumer can process, produced to `topic` with `key`. */
  | { kind: 'poison-message'; atStep: number; topic: string; key: string | null }
  /** The member's next commit is lost and it seeks back: the same batch is delivered again. */
  | { kind: 'duplicate-delivery'; atStep: number; groupId: string; memberId: string }
  /** The producer's last send lost its acknowledgement: the producer retries it. */
  | { kind: 'drop-producer-connection'; atStep: number; producerId: string }
  /** The projection sees only events older than `lagMs`, for `steps` steps. */
  | { kind: 'slow-projection'; atStep: number; projection: string; lagMs: number; steps: number }
  /** A broker of a scenario with replicated topics (topology.replication) crashes; its partitions fail over. */
  | { kind: 'kill-broker'; atStep: number; broker: number }
  /** A crashed broker of a scenario with replicated topics starts again and catches up as a follower. */
  | { kind: 'restart-broker'; atStep: number; broker: number };

/** Inputs that change the world (everything but answering a question) start a branch. */
export const changesTheStory = (input: LearnerInput): boolean => input.kind !== 'answer';

// ---------------------------------------------------------------------------------------------
// Stepper
// ---------------------------------------------------------------------------------------------

/** What the learner reads at a step. */
export interface Narration {
  title: string;
  text: string;
  /** True when the text was written from the effects (a branch that left the script). */
  generated: boolean;
  /**
   * When `title` is the script's title of a step this run did otherwise ("In the original: …"), its lead
   * ("In the original"): shown apart from the step's own title, so it reads as a label, not as the title.
   */
  titleLead?: string;
  /**
   * Why a generated text was written from the effects: the learner changed the story ('branch', also when
   * absent), a learner's design played this step otherwise than its reference design did ('design'), or a
   * run of a learner's design had faults or actions before this step ('design-branch').
   */
  toldBecause?: 'branch' | 'design' | 'design-branch';
  /**
   * Every effect's sentence, in order, when `text` summarises repeated ones (one sentence per kind with a
   * count and its first example); absent when `text` already says everything.
   */
  allEffects?: readonly string[];
  /**
   * A script step after the run left the script: what the original story said at this step (not a
   * fact of this run), and the ways this run's step differs from it ("In the original: X. Here: Y.").
   * `of: 'reference'`: the authored text is the reference design's, and the differences are against its run.
   */
  original?: { text: string; differences: readonly { original: string; here: string }[]; of?: 'reference' };
}

export interface StepResult<World> {
  world: World;
  /** What step k did (empty at step 0). */
  effects: Effect[];
  narration: Narration;
}

/** `worldAt(scenario, inputs, k)`: deterministic — same arguments, same result, on every machine. */
export type WorldAt<Scenario, World> = (
  scenario: Scenario,
  inputs: readonly LearnerInput[],
  step: number,
) => StepResult<World>;
