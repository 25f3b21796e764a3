/**
 * The world: everything the learner sees at one step, as an immutable value computed by the pure
 * engine from (scenario, inputs, step). Never mutated; step back means recomputing, not undoing.
 */
import type { BrokerState } from '../engine/broker';
import type { QueueState } from '../engine/broker/queue';
import type { EventLog } from '../engine/eventstore/log';
import type { ClusterState } from '../engine/replication';
import type { OutboxTable, Publisher } from '../engine/cqrs/outboxTable';
import type { Orchestrator } from '../engine/saga';
import type { RegistryClients } from '../engine/registry';
import type { MirrorState } from '../engine/mirror';
import type { ProcessorState } from '../engine/streams';
import type { PrivacyState } from '../engine/privacy';
import type { TracingState } from '../engine/tracing';
import type { RngState } from '../engine/sim/random';
import type { FaultState } from './faults/faultState';
import type { DesignChangeDef } from './schema';

/** An aggregate's state: its lifecycle state (`status`) and the fields its events set. */
export type AggregateState = Readonly<{ status: string } & Record<string, unknown>>;

export type ReadModelRow = Readonly<Record<string, unknown>>;

export interface ProjectionState {
  /** Checkpoint: the last global position applied (0 = nothing yet). */
  readonly position: number;
  readonly rows: Readonly<Record<string, ReadModelRow>>;
}

export interface SnapshotState {
  readonly revision: number;
  /** The aggregate definition version that took it; another version discards it. */
  readonly version: number;
  readonly state: AggregateState;
}

export interface World {
  readonly scenarioId: string;
  /** Step number: 0 is the topology before the first script step. */
  readonly step: number;
  /** Simulated wall-clock time in ms. */
  readonly time: number;
  /** Generator for event and command ids (the broker keeps its own for the sticky partitioner). */
  readonly rng: RngState;
  readonly broker: BrokerState;
  /** The write side: events stored so far, by stream and global position. */
  readonly log: EventLog;
  /** Read models and their checkpoints, by projection name. */
  readonly projections: Readonly<Record<string, ProjectionState>>;
  /** The outbox relay's checkpoint: the last global position it published. */
  readonly relay: { readonly position: number };
  /** Aggregate snapshots by stream id (an optimisation; the stream stays the truth). */
  readonly snapshots: Readonly<Record<string, SnapshotState>>;
  /** Classic queues (for contrast with the log), by name. */
  readonly queues: Readonly<Record<string, QueueState>>;
  /** Faults a learner injected that are still playing out (absent: none; `faults/faultState.ts`). */
  readonly faults?: FaultState;
  /** Outbox tables and their publishers, by outbox id (absent: none written yet; `steps/outbox.ts`). */
  readonly outboxes?: Readonly<Record<string, { readonly table: OutboxTable; readonly publisher: Publisher }>>;
  /** Replicated topics and their brokers (absent: the scenario has none; `steps/replication.ts`). */
  readonly replication?: ClusterState;
  /** Each saga's orchestrator, by saga id, from its first step (absent: none yet; `steps/sagas.ts`). */
  readonly sagas?: Readonly<Record<string, Orchestrator>>;
  /** The schema registry and its clients' records and readers (absent: none used yet; `steps/registry.ts`). */
  readonly registry?: RegistryClients;
  /** Two regions and MirrorMaker 2 between them (absent: none used yet; `steps/mirror.ts`). */
  readonly mirror?: MirrorState;
  /** Each stream processor's state, by id, from its first step (absent: none yet; `steps/streams.ts`). */
  readonly streams?: Readonly<Record<string, ProcessorState>>;
  /** The key store and the backups taken (absent: none used yet; `steps/privacy.ts`). */
  readonly privacy?: PrivacyState;
  /** Changes proposed to the design, oldest first, that the specs run against (absent: none; `steps/specs.ts`). */
  readonly designChanges?: readonly DesignChangeDef[];
  /** Tracing (`topology.tracing`): uninstrumented clients, and the spans and samples so far (absent: off; `steps/tracing.ts`). */
  readonly tracing?: { readonly untraced: readonly string[]; readonly state: TracingState };
}
