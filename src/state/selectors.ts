/**
 * Derived views of the current run that need the scenario's compiled behaviour or other steps'
 * worlds (which views may not compute): an aggregate's state as of the current step, folded from
 * its stream; every group's lag at every step up to the current one.
 */
import { useMemo } from 'react';
import { compileScenario } from '../scenarios/compiledScenario';
import { aggregateState } from '../scenarios/steps/commands';
import { lagSeriesOf, type LagRow } from './lagSeries';
import { useRun } from './react';

export type { LagRow } from './lagSeries';

/**
 * Each group's total lag at every step from 0 to the current one (sampled on very long runs), the
 * same however the learner reached the step. Cached per run, so scrubbing back costs nothing and
 * scrubbing forward computes only the steps not seen yet.
 */
export function useLagRows(): { rows: readonly LagRow[]; stride: number } {
  const stepper = useRun((s) => s.stepper);
  const world = useRun((s) => s.world);
  return useMemo(() => {
    const series = lagSeriesOf(stepper);
    return { rows: series.upTo(world.step, world), stride: series.stride };
  }, [stepper, world]);
}

export interface AggregateStateView {
  streamId: string;
  aggregateType: string;
  aggregateId: string;
  /** Lifecycle state. */
  status: string;
  /** Other state fields, in the aggregate's order. */
  fields: readonly (readonly [string, unknown])[];
  /** Revision of the stream's last event (−1: no events). */
  revision: number;
  /** Loading started from the snapshot at this revision, or null when it replayed from revision 0. */
  fromSnapshot: number | null;
  /** Events folded on top of the snapshot (or from the start). */
  eventsRead: number;
}

/** The state of the aggregate owning `streamId` at the current step, or null when no aggregate owns it. */
export function useAggregateState(streamId: string | null): AggregateStateView | null {
  const world = useRun((s) => s.world);
  const scenario = useRun((s) => s.scenario);
  return useMemo(() => {
    if (!streamId) return null;
    const rt = compileScenario(scenario);
    const owner = rt.aggregateOfStream(streamId);
    if (!owner) return null;
    const id = streamId.slice(owner.spec.streamPrefix.length);
    const loaded = aggregateState(world, rt, owner.spec.type, id);
    if (!loaded) return null;
    const { status, ...rest } = loaded.state;
    return {
      streamId,
      aggregateType: owner.spec.type,
      aggregateId: id,
      status,
      fields: Object.entries(rest),
      revision: loaded.revision,
      fromSnapshot: loaded.fromSnapshot,
      eventsRead: loaded.eventsRead,
    };
  }, [world, scenario, streamId]);
}
