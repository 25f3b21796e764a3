/**
 * A page opened at a scenario opens its run while the player chunks load: the run's database, its
 * record and the world checkpoints the session reads first are read in parallel with the page's code
 * instead of after it (earlyScenario.ts starts it; openRun.ts takes the database, whose first reads
 * answer with what was read here). A saved scenario's run is opened once the scenario has loaded and
 * checked out (its catalog entry names the run; a scenario that cannot be opened leaves no database
 * behind); a built-in's, whose run id is known, while its file loads.
 */
import { openRunDatabase, type RunDatabase } from '../persistence';
import { runRecordFrom } from '../persistence/runDatabase';
import type { RunRecord } from '../persistence/runRecord';
import type { WorldCheckpoint } from '../persistence/worldCheckpointTypes';
import { parseWorldCheckpoints } from '../persistence/worldCheckpoints';
import type { ScenarioDef } from '../scenarios/schema';
import { isBuiltinId } from '../scenarios/content/lazy';
import { checkpointKey, openingCheckpointSteps, SOURCE_BUILD } from '../state/checkpointKeys';
import { startSavedReads, type SavedReads } from './earlySavedReads';
import { forgetRunHint, rememberRunHint } from './runHints';
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

/**
 * `loadScenario`, then (when it loaded) the opening of its main run at `step` (null: where the learner
 * left off). A saved scenario's early reads (`reads`, started by the page's entry: earlyScenario.ts)
 * are used for its entry and its hinted run; without them they are started here.
 */
export async function loadScenarioAndRun(
  scenarioId: string,
  step: number | null,
  reads: SavedReads | null = isBuiltinId(scenarioId) ? null : startSavedReads(scenarioId, step),
): Promise<LoadedScenario> {
  if (isBuiltinId(scenarioId)) openRunEarly(mainRunId(scenarioId));
  else openHintedRun(scenarioId, reads?.run ?? null);
  const loaded = await loadScenario(scenarioId, reads?.scenario ?? null);
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
 * page found when it last opened the scenario (runHints.ts) said which run's record and checkpoints to
 * read as the page's entry ran (earlySavedReads.ts), so the run's reads — and the deserialising of its
 * world checkpoint — overlap the loading of the player's code instead of following it (`npm run bench`).
 * The run's database is opened only when those reads found it (opening one would create it, for a run
 * that may have been deleted since); the checkpoints are of any story, as the story's key needs the
 * checked scenario. A hint that turns out wrong is dropped when the scenario has loaded
 * (loadScenarioAndRun), and the run it names is opened as before.
 */
function openHintedRun(scenarioId: string, run: SavedReads['run']): void {
  dropEarlyRun();
  if (!run) return;
  const read = run.read.then((r) => (r?.exists ? r : null));
  const usable = quiet(read.then((r) => r !== null));
  const opened = quiet(
    usable.then((found) => (found ? openRunDatabase(run.runId) : Promise.reject(new Error('not read early')))),
  );
  const found = () => opened.then(() => read).then((r) => r!);
  early = {
    runId: run.runId,
    opened,
    usable,
    record: quiet(found().then((r) => runRecordFrom(r.record, r.stray, run.runId))),
    checkpoints: {
      key: null,
      steps: run.steps,
      read: quiet(found().then((r) => parseWorldCheckpoints(r.checkpoints, null))),
    },
  };
  run.read.then(
    (r) => r?.exists === false && forgetRunHint(scenarioId),
    () => undefined,
  );
  if (typeof window !== 'undefined') window.addEventListener('hashchange', dropEarlyRun, { once: true });
}

/**
 * Starts reading the checkpoints the session asks for first (runSession.ts's restore) from the run
 * being opened: the main story of `scenario` (no story-changing inputs, its last step the script's), at
 * `step` and the last step, with that story's key. A read of any story's checkpoints at those steps,
 * started from a hint, is kept (takeEarlyRun uses it when they are of this story).
 */
function readCheckpointsEarly(scenario: ScenarioDef, step: number | null): void {
  const run = early;
  const steps = openingCheckpointSteps(step, scenario.steps.length);
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
