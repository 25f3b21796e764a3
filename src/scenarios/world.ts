/**
 * The world: everything the learner sees at one step, as an immutable value computed by the pure
 * engine from (scenario, inputs, step). Never mutated; step back means recomputing, not undoing.
 */
import type { BrokerState } from '../engine/broker';
import type { EventLog } from '../engine/sim/eventLog';
import type { RngState } from '../engine/sim/random';

export interface World {
  readonly scenarioId: string;
  /** Step number: 0 is the topology before the first script step. */
  readonly step: number;
  /** Simulated wall-clock time in ms. */
  readonly time: number;
  /** Generator for event ids (the broker keeps its own for the sticky partitioner). */
  readonly rng: RngState;
  readonly broker: BrokerState;
  /** The write side: events stored so far, by stream and global position. */
  readonly log: EventLog;
}
