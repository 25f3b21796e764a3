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
  close(): void;
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
    close() {
      closedError ??= new DatabaseClosedError(CATALOG_DB_NAME);
      db.close();
    },
  };
}
