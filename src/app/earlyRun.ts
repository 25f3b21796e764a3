/**
 * A page opened at a scenario opens its run while the player chunks load: the run's database, its
 * record and the world checkpoints the session reads first are read in parallel with the page's code
 * instead of after it (earlyScenario.ts starts it; openRun.ts takes the database, whose first reads
 * answer with what was read here). A saved scenario's run is opened once the scenario has loaded and
 * checked out (its catalog entry names the run; a scenario that cannot be opened leaves no database
 * behind); a built-in's, whose run id is known, while its file loads.
 */
import { openRunDatabase, type RunDatabase } from '../persistence';
import type { RunRecord } from '../persistence/runRecord';
import type { WorldCheckpoint } from '../persistence/worldCheckpointTypes';
import type { ScenarioDef } from '../scenarios/schema';
import { isBuiltinId } from '../scenarios/content/lazy';
import { checkpointKey, checkpointSteps, SOURCE_BUILD } from '../state/checkpointKeys';
import { loadScenario, type LoadedScenario } from './library';
import { mainRunId } from './runIds';

interface EarlyRun {
  runId: string;
  opened: Promise<RunDatabase>;
  record: Promise<RunRecord | undefined>;
  checkpoints: { key: string; steps: number[]; read: Promise<WorldCheckpoint[]> } | null;
}

let early: EarlyRun | null = null;

/** A promise whose failure is for its taker to handle: nobody may take it, so it never goes unhandled. */
const quiet = <T>(p: Promise<T>): Promise<T> => {
  p.catch(() => undefined);
  return p;
};

/** `loadScenario`, then (when it loaded) the opening of its main run at `step` (null: where the learner left off). */
export async function loadScenarioAndRun(scenarioId: string, step: number | null): Promise<LoadedScenario> {
  if (isBuiltinId(scenarioId)) openRunEarly(mainRunId(scenarioId));
  const loaded = await loadScenario(scenarioId);
  if (!loaded.ok) return loaded;
  if (early?.runId !== loaded.mainRunId) openRunEarly(loaded.mainRunId);
  readCheckpointsEarly(loaded.scenario, step);
  return loaded;
}

/**
 * Starts opening the run `runId` and reading its record. What is read is for the page as it opened: a
 * move to another address before the run is taken drops it (coming back later reads afresh, so a
 * change another tab made meanwhile is not missed).
 */
function openRunEarly(runId: string): void {
  dropEarlyRun();
  const opened = quiet(openRunDatabase(runId));
  early = { runId, opened, record: quiet(opened.then((db) => db.loadRun())), checkpoints: null };
  if (typeof window !== 'undefined') window.addEventListener('hashchange', dropEarlyRun, { once: true });
}

/**
 * Starts reading the checkpoints the session asks for first (runSession.ts's restore) from the run
 * being opened: the main story of `scenario` (no story-changing inputs, its last step the script's), at
 * `step` and the last step, with that story's key.
 */
function readCheckpointsEarly(scenario: ScenarioDef, step: number | null): void {
  const run = early;
  const lastStep = scenario.steps.length;
  const steps = step === null ? [] : checkpointSteps([Math.min(step, lastStep), lastStep], lastStep);
  if (!run || SOURCE_BUILD === null || steps.length === 0) return;
  const key = checkpointKey(SOURCE_BUILD, scenario, []);
  run.checkpoints = { key, steps, read: quiet(run.opened.then((db) => db.loadCheckpoints(steps, key))) };
}

/** Closes an early run nobody took. */
function dropEarlyRun(): void {
  early?.opened.then(
    (db) => db.close(),
    () => undefined,
  );
  early = null;
}

const sameSteps = (a: readonly number[], b: readonly number[]) => {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((s) => y.has(s));
};

/**
 * The run's database opened early, once, if it was opened for `runId` (any other is closed); its first
 * `loadRun()` answers with the record read then, its first `loadCheckpoints()` with the checkpoints read
 * then when it asks for the same story and steps. Every later read reads the database.
 */
export function takeEarlyRun(runId: string): Promise<RunDatabase> | null {
  const taken = early;
  if (taken?.runId !== runId) {
    dropEarlyRun();
    return null;
  }
  early = null;
  return taken.opened.then((db) => {
    let record: Promise<RunRecord | undefined> | null = taken.record;
    let checkpoints = taken.checkpoints;
    return {
      ...db,
      loadRun() {
        const read = record ?? db.loadRun();
        record = null;
        return read;
      },
      loadCheckpoints(steps, key) {
        const c = checkpoints;
        checkpoints = null;
        return c && c.key === key && sameSteps(c.steps, steps) ? c.read : db.loadCheckpoints(steps, key);
      },
    };
  });
}
