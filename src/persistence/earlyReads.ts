/**
 * The first reads of a page opened at a saved scenario — its catalog entry, and its run's record and
 * world checkpoints — made with the browser's own IndexedDB as the page's entry runs, before idb, zod
 * and the rest of this folder have loaded. A read's value is deserialised (a structured clone: ~20 ms
 * for a 10,000-step scenario, more for its world checkpoint) when it is taken from its request, so it
 * is taken at once, in the ~100 ms the main thread waits for the player's code, instead of after it
 * (`npm run bench`, bench/browser/openAtStep.bench.spec.ts).
 *
 * Only reads, and never trusted: what is read is checked where it is used, as the catalog's and the
 * run database's own reads check theirs (catalog.ts checkedEntry, runDatabase.ts runRecordFrom,
 * worldCheckpoints.ts parseWorldCheckpoints). A database that does not exist is not created (the open
 * is aborted: opening one creates it), and one of another version is left alone (closed at once: its
 * upgrade is the app's own open's work); either way the read gives nothing and the app reads as before.
 */
import { chosenCheckpointSteps } from './checkpointChoice';
import { CATALOG_DB_NAME, CATALOG_VERSION, RUN_DB_VERSION, runDbName } from './dbNames';

/** A run read early: `exists` false when there is no database of the run (a deleted run: nothing was read). */
export type EarlyRunRead =
  | { exists: false }
  | {
      exists: true;
      /** The store `run` under the run's id (undefined: none), and its first record of any key (runRecordFrom). */
      record: unknown;
      stray: unknown[];
      /** The steps asked for, and the stored checkpoints chosen for them (chosenCheckpointSteps), unchecked. */
      steps: number[];
      checkpoints: unknown[];
    };

/** An existing database at `version`, opened; 'missing' when there is none; null when it cannot be read now. */
function openExisting(name: string, version: number): Promise<IDBDatabase | 'missing' | null> {
  return new Promise((resolve) => {
    let missing = false;
    let req: IDBOpenDBRequest;
    try {
      req = indexedDB.open(name);
    } catch {
      resolve(null);
      return;
    }
    req.onupgradeneeded = () => {
      // No such database: aborting its creation leaves none behind.
      missing = true;
      req.transaction?.abort();
    };
    req.onsuccess = () => {
      const db = req.result;
      if (db.version !== version) {
        db.close();
        resolve(null);
        return;
      }
      // Another tab upgrading or deleting it: step aside (the read fails and the app reads as before).
      db.onversionchange = () => db.close();
      resolve(db);
    };
    req.onerror = (e) => {
      e.preventDefault();
      resolve(missing ? 'missing' : null);
    };
  });
}

/** `work`'s reads in one readonly transaction of `db`, closed when it is done; null when any of it fails. */
function readIn<T>(db: IDBDatabase, stores: string[], work: (tx: IDBTransaction, got: (v: T) => void) => void) {
  return new Promise<T | null>((resolve) => {
    let result: T | null = null;
    try {
      const tx = db.transaction(stores, 'readonly');
      tx.oncomplete = () => resolve(result);
      tx.onabort = () => resolve(null);
      work(tx, (v) => (result = v));
    } catch {
      resolve(null);
    }
  }).finally(() => db.close());
}

/** A request's result, taken (deserialised) as soon as it arrives. */
const got = <T>(req: IDBRequest<T>, then: (v: T) => void) => {
  req.onsuccess = () => then(req.result);
};

const indexedDbHere = () => typeof indexedDB !== 'undefined' && indexedDB !== null;

/** The saved scenario `scenarioId`'s catalog entry as stored (`value` undefined: none), or null when it could not be read. */
export async function readSavedScenarioEarly(scenarioId: string): Promise<{ value: unknown } | null> {
  if (!indexedDbHere()) return null;
  const db = await openExisting(CATALOG_DB_NAME, CATALOG_VERSION);
  if (db === 'missing') return { value: undefined };
  if (db === null) return null;
  return readIn<{ value: unknown }>(db, ['scenarios'], (tx, done) =>
    got(tx.objectStore('scenarios').get(scenarioId), (value: unknown) => done({ value })),
  );
}

/**
 * The run `runId`'s record and its world checkpoints for `steps` (each one's nearest at or below it, of
 * any story), as stored; null when they could not be read.
 */
export async function readRunEarly(runId: string, steps: readonly number[]): Promise<EarlyRunRead | null> {
  if (!indexedDbHere()) return null;
  const db = await openExisting(runDbName(runId), RUN_DB_VERSION);
  if (db === 'missing') return { exists: false };
  if (db === null) return null;
  return readIn<EarlyRunRead>(db, ['run', 'worlds'], (tx, done) => {
    const read = { exists: true as const, record: undefined as unknown, stray: [] as unknown[], steps: [...steps] };
    const runs = tx.objectStore('run');
    got(runs.get(runId), (v: unknown) => (read.record = v));
    got(runs.getAll(undefined, 1), (v: unknown[]) => (read.stray = v));
    const worlds = tx.objectStore('worlds');
    got(worlds.getAllKeys(), (keys) => {
      const chosen = chosenCheckpointSteps(keys as number[], steps);
      const checkpoints: unknown[] = new Array(chosen.length);
      let left = chosen.length;
      if (left === 0) done({ ...read, checkpoints: [] });
      chosen.forEach((s, i) =>
        got(worlds.get(s), (v: unknown) => {
          checkpoints[i] = v;
          if (--left === 0) done({ ...read, checkpoints });
        }),
      );
    });
  });
}
