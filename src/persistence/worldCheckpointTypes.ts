/** A world checkpoint as stored (worldCheckpoints.ts reads and writes them; databases.ts names their store). */
import type { Effect } from '../engine/types';
import type { World } from '../scenarios/world';

/** Every group's lag at a sampled step (state/lagSeries.ts's LagRow), kept so a chart need not replay the run. */
export interface StoredLagRow {
  step: number;
  lags: Record<string, number | null>;
}

export interface WorldCheckpoint {
  /** The step whose result this is (1 … MAX_STEP). */
  step: number;
  /** The story it belongs to: build, scenario content version and inputs (state/runCheckpoint.ts). */
  key: string;
  world: World;
  effects: Effect[];
  /** Lag rows of the steps up to `step` computed when it was written (a derived view's cache). */
  lagRows: StoredLagRow[];
  savedAt: number;
}
