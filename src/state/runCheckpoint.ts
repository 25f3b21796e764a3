/**
 * World checkpoints of a run (stored by `persistence/worldCheckpoints.ts`): opening a run at step
 * 10,000 seeds its stepper with the stored result of that step (or the nearest one below it), and of
 * the furthest step (which opening checks the stored events against), instead of replaying the run
 * from step 0; the lag chart's rows up to that step come with it. When the learner rests on a step
 * for a moment, its result is stored, unless one is stored a few steps below it (a write clones the
 * world, so it is not done on every step of a play-through).
 *
 * A checkpoint is used only by the story that wrote it: its key is the build (the engine that
 * computed it), the scenario's content version and the learner's story-changing inputs. A missing,
 * damaged or mismatching checkpoint, or a failing read, only means the run replays as before.
 */
import type { WorldCheckpoint } from '../persistence/worldCheckpointTypes';
import type { Stepper } from '../scenarios/stepper';
import { checkpointKey, checkpointSteps, MIN_CHECKPOINT_STEP, SOURCE_BUILD } from './checkpointKeys';
import { lagSeriesOf } from './lagSeries';
/** How long the learner stays on a step before its result is stored. */
export const REST_MS = 1_000;
/**
 * No new checkpoint within this many steps after a stored one (opening there replays at most that
 * many steps, a few milliseconds): playing at 1× rests on every step, and each write clones the world.
 */
export const CHECKPOINT_SPACING = 50;

/** What a session needs from its database for checkpoints (implemented by persistence/runs.ts). */
export interface CheckpointPort {
  loadCheckpoints(steps: readonly number[], key: string): Promise<WorldCheckpoint[]>;
  saveCheckpoint(checkpoint: WorldCheckpoint, keep: readonly number[]): Promise<void>;
}

export const hasCheckpoints = (port: Partial<CheckpointPort> | null): port is CheckpointPort =>
  typeof port?.loadCheckpoints === 'function' && typeof port.saveCheckpoint === 'function';

export interface RunCheckpoints {
  /**
   * Seeds `stepper` (and its lag series) with the stored checkpoints of its story nearest at or below
   * `steps`; resolves
   * to how many were used and never rejects (a checkpoint is a cache).
   */
  seed(stepper: Stepper, steps: readonly number[]): Promise<number>;
  /** The learner is at `step` now: store its result once they stay there for `restMs`. */
  shown(step: number): void;
  /** Stops the timer (a pending write is dropped: it is only a cache). */
  close(): void;
}

/**
 * A session's checkpoints. `current` says what the session shows now, or null when nothing may be
 * written (read-only, memory only).
 */
export function createRunCheckpoints(options: {
  port: CheckpointPort;
  build: string;
  current: () => { stepper: Stepper; step: number; furthestStep: number } | null;
  now: () => number;
  restMs?: number;
  /** Told when a write landed or failed (tests; a failure changes nothing else). */
  onWritten?: (step: number, error: unknown) => void;
}): RunCheckpoints {
  const { port, build, current, now } = options;
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** Steps of the story `known.key` known to have a stored checkpoint. */
  let known: { key: string; steps: number[] } = { key: '', steps: [] };
  const nearestAtOrBelow = (step: number) =>
    known.steps.reduce<number | undefined>((b, s) => (s <= step && (b === undefined || s > b) ? s : b), undefined);

  const seed = async (stepper: Stepper, steps: readonly number[]) => {
    const wanted = checkpointSteps(steps, stepper.lastStep);
    if (wanted.length === 0) return 0;
    const key = checkpointKey(build, stepper.scenario, stepper.inputs);
    let found: WorldCheckpoint[];
    try {
      found = await port.loadCheckpoints(wanted, key);
    } catch {
      return 0;
    }
    let used = 0;
    for (const c of found)
      if (stepper.seed(c.step, c.world, c.effects)) {
        lagSeriesOf(stepper).seed(c.lagRows.filter((r) => r.step <= c.step));
        known = { key, steps: [...(known.key === key ? known.steps : []), c.step] };
        used++;
      }
    return used;
  };

  const write = async () => {
    timer = null;
    const at = current();
    if (!at || at.step < MIN_CHECKPOINT_STEP) return;
    const key = checkpointKey(build, at.stepper.scenario, at.stepper.inputs);
    if (known.key !== key) known = { key, steps: [] };
    const below = nearestAtOrBelow(at.step);
    if (below !== undefined && at.step - below < CHECKPOINT_SPACING) return;
    try {
      const r = at.stepper.at(at.step);
      const lagRows = lagSeriesOf(at.stepper)
        .knownRows()
        .filter((row) => row.step <= at.step);
      const checkpoint = { step: at.step, key, world: r.world, effects: r.effects, lagRows, savedAt: now() };
      await port.saveCheckpoint(checkpoint, [at.furthestStep]);
      // The write keeps this one and the one nearest at or below the furthest step.
      known.steps.push(at.step);
      known = { key, steps: [...new Set([at.step, nearestAtOrBelow(at.furthestStep) ?? at.step])] };
      options.onWritten?.(at.step, null);
    } catch (err) {
      options.onWritten?.(at.step, err);
    }
  };

  return {
    seed,
    shown() {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => void write(), options.restMs ?? REST_MS);
    },
    close() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}

/** A session's checkpoints, or null when its database keeps none or the build has no hash. */
export function sessionCheckpoints(
  port: Partial<CheckpointPort> | null,
  options: { now: () => number; checkpointBuild?: string | null; checkpointRestMs?: number },
  current: () => { stepper: Stepper; step: number; furthestStep: number } | null,
): RunCheckpoints | null {
  const build = options.checkpointBuild === undefined ? SOURCE_BUILD : options.checkpointBuild;
  if (build === null || !hasCheckpoints(port)) return null;
  return createRunCheckpoints({ port, build, now: options.now, current, restMs: options.checkpointRestMs });
}
