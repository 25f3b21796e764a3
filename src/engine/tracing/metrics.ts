/**
 * The numbers an operator's dashboards read, kept beside the run: one sample per step of each consumer group's
 * lag, committed offsets, generation (rebalances) and dead letters — what a lag exporter or Burrow reads from the
 * brokers — and one observation per processing attempt (its end-to-end latency and whether it failed) — what a
 * consumer's own metrics report. The alert figures (`alerts.ts`) are computed from these alone.
 */
import type { Span } from './spans';

export interface GroupSample {
  /** Sum over the group's partitions of log end − committed offset (a partition with no commit: log end − log start). */
  readonly lag: number;
  /** Sum of the committed offsets: it changes exactly when the group commits progress. */
  readonly committed: number;
  /** The group's generation: each rebalance adds one. */
  readonly generation: number;
  /** Records the group has dead-lettered so far. */
  readonly deadLetters: number;
}

export interface Sample {
  readonly time: number;
  readonly groups: Readonly<Record<string, GroupSample>>;
}

export interface Observation {
  readonly time: number;
  readonly group: string;
  /** Processing time − the record's timestamp (the produce time). */
  readonly latencyMs: number;
  readonly failed: boolean;
}

export interface TracingState {
  readonly spans: readonly Span[];
  readonly samples: readonly Sample[];
  readonly observations: readonly Observation[];
}

export const EMPTY_TRACING: TracingState = { spans: [], samples: [], observations: [] };

/** Kept at most (a metrics store's retention, in small): enough for any window a scenario asks about. */
export const MAX_SAMPLES = 500;
export const MAX_OBSERVATIONS = 2000;

const capped = <T>(list: readonly T[], item: T, max: number): readonly T[] =>
  list.length >= max ? [...list.slice(list.length - max + 1), item] : [...list, item];

/** Adds a sample; a second sample at the same time replaces the first (one per instant). */
export function addSample(state: TracingState, sample: Sample): TracingState {
  const last = state.samples[state.samples.length - 1];
  const samples = last && last.time === sample.time ? [...state.samples.slice(0, -1), sample] : state.samples;
  return { ...state, samples: capped(samples, sample, MAX_SAMPLES) };
}

export function addObservation(state: TracingState, o: Observation): TracingState {
  return { ...state, observations: capped(state.observations, o, MAX_OBSERVATIONS) };
}
