/**
 * A page opened at a scenario opens its run while the player chunks load: the run's database, its
 * record and the world checkpoints the session reads first are read in parallel with the page's code
 * instead of after it (earlyScenario.ts starts it; openRun.ts takes the database, whose first reads
 * answer with what was read here). A saved scenario's run is opened once the scenario has loaded and
 * checked out (its catalog entry names the run; a scenario that cannot be opened leaves no database
 * behind); a built-in's, whose run id is known, while its file loads.
 */
import { openRunDatabase, runDbName, type RunDatabase } from '../persistence';
import type { RunRecord } from '../persistence/runRecord';
import type { WorldCheckpoint } from '../persistence/worldCheckpointTypes';
import type { ScenarioDef } from '../scenarios/schema';
import { isBuiltinId } from '../scenarios/content/lazy';
import { checkpointKey, checkpointSteps, SOURCE_BUILD } from '../state/checkpointKeys';
import { forgetRunHint, readRunHint, rememberRunHint } from './runHints';
import { loadScenario, type LoadedScenario } from './library';
import { mainRunId } from './runIds';

interface EarlyRun {
  runId: string;
  opened: Promise<RunDatabase>;
  /** False when the run was opened from a hint and its database turned out not to exist (nothing to read). */
  usable: Promise<boolean>;
  record: Promise<RunRecord | undefined>;
  /** `key` null: read before the story's key was known (checkpoints of any story, see takeEarlyRun). */
  checkpoints: { key: string | null; steps: number[]; read: Promise<WorldCheckpoint[]> } | null;
}

let early: EarlyRun | null = null;

/** A promise whose failure is for its taker to handle: nobody may take it, so it never goes unhandled. */
const quiet = <T>(p: Promise<T>): Promise<T> => {
  p.catch(() => undefined);
  return p;
};

/** The steps the session reads checkpoints at first (runSession.ts's restore): `step` and the last step. */
const firstSteps = (step: number | null, lastStep: number): number[] =>
  step === null ? [] : checkpointSteps([Math.min(step, lastStep), lastStep], lastStep);

/** `loadScenario`, then (when it loaded) the opening of its main run at `step` (null: where the learner left off). */
export async function loadScenarioAndRun(scenarioId: string, step: number | null): Promise<LoadedScenario> {
  if (isBuiltinId(scenarioId)) openRunEarly(mainRunId(scenarioId));
  else openHintedRun(scenarioId, step);
  const loaded = await loadScenario(scenarioId);
  if (!loaded.ok) {
    dropEarlyRun();
    return loaded;
  }
  const hinted = early;
  if (hinted?.runId !== loaded.mainRunId || !(await hinted.usable) || early !== hinted) openRunEarly(loaded.mainRunId);
  readCheckpointsEarly(loaded.scenario, step);
  if (loaded.saved) rememberRunHint(scenarioId, { runId: loaded.mainRunId, lastStep: loaded.scenario.steps.length });
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
  early = {
    runId,
    opened,
    usable: Promise.resolve(true),
    record: quiet(opened.then((db) => db.loadRun())),
    checkpoints: null,
  };
  if (typeof window !== 'undefined') window.addEventListener('hashchange', dropEarlyRun, { once: true });
}

/**
 * A saved scenario's run, before its catalog entry has been read and checked: the run and length this
 * page found when it last opened the scenario (runHints.ts) say which database to open and which
 * checkpoints to read, so the run's reads overlap the scenario's instead of following them (~30 ms on a
 * page opened at step 10,000, `npm run bench`). Only a database that exists is opened (opening one
 * would create it, for a run that may have been deleted since); the checkpoints are of any story, as
 * the story's key needs the checked scenario. A hint that turns out wrong is dropped when the scenario
 * has loaded (loadScenarioAndRun), and the run it names is opened as before.
 */
function openHintedRun(scenarioId: string, step: number | null): void {
  dropEarlyRun();
  const hint = readRunHint(scenarioId);
  const steps = hint ? firstSteps(step, hint.lastStep) : [];
  if (!hint || steps.length === 0 || SOURCE_BUILD === null) return;
  const usable = quiet(databaseExists(runDbName(hint.runId)));
  const opened = quiet(
    usable.then((exists) => (exists ? openRunDatabase(hint.runId) : Promise.reject(new Error('no such run')))),
  );
  early = {
    runId: hint.runId,
    opened,
    usable,
    record: quiet(opened.then((db) => db.loadRun())),
    checkpoints: { key: null, steps, read: quiet(opened.then((db) => db.loadCheckpoints(steps, null))) },
  };
  usable.then(
    (exists) => exists || forgetRunHint(scenarioId),
    () => undefined,
  );
  if (typeof window !== 'undefined') window.addEventListener('hashchange', dropEarlyRun, { once: true });
}

/** Whether a database of this name exists (false where the browser cannot list them: no early read then). */
async function databaseExists(name: string): Promise<boolean> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return false;
  return (await indexedDB.databases()).some((d) => d.name === name);
}

/**
 * Starts reading the checkpoints the session asks for first (runSession.ts's restore) from the run
 * being opened: the main story of `scenario` (no story-changing inputs, its last step the script's), at
 * `step` and the last step, with that story's key. A read of any story's checkpoints at those steps,
 * started from a hint, is kept (takeEarlyRun uses it when they are of this story).
 */
function readCheckpointsEarly(scenario: ScenarioDef, step: number | null): void {
  const run = early;
  const steps = firstSteps(step, scenario.steps.length);
  if (!run || SOURCE_BUILD === null || steps.length === 0) return;
  if (run.checkpoints?.key === null && sameSteps(run.checkpoints.steps, steps)) return;
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
        if (!c || !sameSteps(c.steps, steps) || (c.key !== null && c.key !== key))
          return db.loadCheckpoints(steps, key);
        // Read for any story: used only when every one is of this story (each is then the one a read of
        // this story would have chosen); otherwise read this story's.
        return c.key === key
          ? c.read
          : c.read.then((found) => (found.every((x) => x.key === key) ? found : db.loadCheckpoints(steps, key)));
      },
    };
  });
}
