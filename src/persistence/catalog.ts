/**
 * The catalog database (`event-lab-catalog`): the list of runs, and room for saved scenarios
 * (forks) and progress.
 */
import { deleteDB, type DBSchema } from 'idb';
import { openWithMigrations } from './schema';
import { DatabaseClosedError } from './errors';
import { runDbName } from './runs';

export interface CatalogRun {
  runId: string;
  scenarioId: string;
  parentRunId: string | null;
  branchedAtStep: number | null;
  title: string;
  updatedAt: number;
}

/** A saved (forked or imported) scenario: its versioned JSON document, kept as data. */
export interface SavedScenario {
  scenarioId: string;
  title: string;
  /** The fork's origin, when it is one. */
  forkedFrom: { runId: string; step: number } | null;
  document: unknown;
  updatedAt: number;
}

export interface ProgressRecord {
  scenarioId: string;
  furthestStep: number;
  completed: boolean;
  answers: Record<string, unknown>;
  updatedAt: number;
}

interface CatalogSchema extends DBSchema {
  runs: { key: string; value: CatalogRun; indexes: { byScenario: string; byUpdatedAt: number } };
  scenarios: { key: string; value: SavedScenario; indexes: { byUpdatedAt: number } };
  progress: { key: string; value: ProgressRecord };
}

export const CATALOG_DB_NAME = 'event-lab-catalog';
const CATALOG_VERSION = 1;

export interface Catalog {
  /** Runs, most recently updated first; only the given scenario's when `scenarioId` is set. */
  listRuns(scenarioId?: string): Promise<CatalogRun[]>;
  getRun(runId: string): Promise<CatalogRun | undefined>;
  putRun(run: CatalogRun): Promise<void>;
  /** Removes the entry and deletes the run's database. */
  deleteRun(runId: string): Promise<void>;
  listScenarios(): Promise<SavedScenario[]>;
  getScenario(scenarioId: string): Promise<SavedScenario | undefined>;
  putScenario(scenario: SavedScenario): Promise<void>;
  deleteScenario(scenarioId: string): Promise<void>;
  getProgress(scenarioId: string): Promise<ProgressRecord | undefined>;
  putProgress(progress: ProgressRecord): Promise<void>;
  /** Every saved scenario and progress record, read in one transaction (a consistent backup). */
  readLearnerData(): Promise<{ scenarios: SavedScenario[]; progress: ProgressRecord[] }>;
  /**
   * Saved scenarios and progress changed in ONE readwrite transaction: every write of `work` lands,
   * or none (it is aborted when `work` throws). `work` must not wait on anything but these stores.
   */
  updateLearnerData<T>(work: (stores: LearnerStores) => Promise<T>): Promise<T>;
  close(): void;
}

/** A key-value view of one catalog store inside `updateLearnerData`'s transaction. */
export interface LearnerStore<V> {
  getAllKeys(): Promise<string[]>;
  get(key: string): Promise<V | undefined>;
  put(value: V): Promise<unknown>;
}
export interface LearnerStores {
  scenarios: LearnerStore<SavedScenario>;
  progress: LearnerStore<ProgressRecord>;
}

export async function openCatalog(): Promise<Catalog> {
  let closedError: Error | null = null;
  const db = await openWithMigrations<CatalogSchema>(
    CATALOG_DB_NAME,
    CATALOG_VERSION,
    [
      (d) => {
        const runs = d.createObjectStore('runs', { keyPath: 'runId' });
        runs.createIndex('byScenario', 'scenarioId');
        runs.createIndex('byUpdatedAt', 'updatedAt');
        d.createObjectStore('scenarios', { keyPath: 'scenarioId' }).createIndex('byUpdatedAt', 'updatedAt');
        d.createObjectStore('progress', { keyPath: 'scenarioId' });
      },
    ],
    { onClosedElsewhere: (err) => (closedError ??= err) },
  );
  const open = () => {
    if (closedError) throw closedError;
    return db;
  };
  const newestFirst = <T extends { updatedAt: number }>(xs: T[]) => xs.sort((a, b) => b.updatedAt - a.updatedAt);
  return {
    async listRuns(scenarioId) {
      const rows = scenarioId === undefined ? await open().getAll('runs') : await open().getAllFromIndex('runs', 'byScenario', scenarioId);
      return newestFirst(rows);
    },
    async getRun(runId) {
      return open().get('runs', runId);
    },
    async putRun(run) {
      await open().put('runs', structuredClone(run));
    },
    async deleteRun(runId) {
      await open().delete('runs', runId);
      await deleteDB(runDbName(runId));
    },
    async listScenarios() {
      return newestFirst(await open().getAll('scenarios'));
    },
    async getScenario(scenarioId) {
      return open().get('scenarios', scenarioId);
    },
    async putScenario(scenario) {
      await open().put('scenarios', structuredClone(scenario));
    },
    async deleteScenario(scenarioId) {
      await open().delete('scenarios', scenarioId);
    },
    async getProgress(scenarioId) {
      return open().get('progress', scenarioId);
    },
    async putProgress(progress) {
      await open().put('progress', structuredClone(progress));
    },
    async readLearnerData() {
      const tx = open().transaction(['scenarios', 'progress']);
      const [scenarios, progress] = await Promise.all([tx.objectStore('scenarios').getAll(), tx.objectStore('progress').getAll()]);
      await tx.done;
      return { scenarios, progress };
    },
    async updateLearnerData(work) {
      const tx = open().transaction(['scenarios', 'progress'], 'readwrite');
      const view = <N extends 'scenarios' | 'progress'>(name: N) => {
        const store = tx.objectStore(name);
        return { getAllKeys: () => store.getAllKeys(), get: (key: string) => store.get(key), put: (value: CatalogSchema[N]['value']) => store.put(value) };
      };
      try {
        const result = await work({ scenarios: view('scenarios'), progress: view('progress') });
        await tx.done;
        return result;
      } catch (err) {
        // Abort explicitly: a thrown error alone would let the writes made so far commit.
        try {
          tx.abort();
        } catch {
          // Already aborted by the failed request.
        }
        await tx.done.catch(() => undefined);
        throw err;
      }
    },
    close() {
      closedError ??= new DatabaseClosedError(CATALOG_DB_NAME);
      db.close();
    },
  };
}
