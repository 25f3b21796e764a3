/**
 * Test helpers only, for the catalog's tests: a fresh fake IndexedDB, the catalog as an older version
 * created it (to test an upgrade keeps everything), and a record for each store version 1 had.
 */
import { openDB, type IDBPDatabase } from 'idb';
import { CATALOG_DB_NAME } from './catalog';

/** Deletes every database, so each test starts from a fresh browser profile. */
export async function deleteAllDatabases(): Promise<void> {
  for (const d of await indexedDB.databases())
    await new Promise((r) => Object.assign(indexedDB.deleteDatabase(d.name!), { onsuccess: r, onerror: r }));
}

/** An empty catalog as version 1 created it, or version 2 (which added the `questions` store). */
export function openCatalogAt(version: 1 | 2): Promise<IDBPDatabase> {
  return openDB(CATALOG_DB_NAME, version, {
    upgrade(d) {
      const runs = d.createObjectStore('runs', { keyPath: 'runId' });
      runs.createIndex('byScenario', 'scenarioId');
      runs.createIndex('byUpdatedAt', 'updatedAt');
      d.createObjectStore('scenarios', { keyPath: 'scenarioId' }).createIndex('byUpdatedAt', 'updatedAt');
      d.createObjectStore('progress', { keyPath: 'scenarioId' });
      if (version >= 2) d.createObjectStore('questions', { keyPath: 'id' }).createIndex('byScenario', 'scenarioId');
    },
  });
}

/** A branch run, a saved fork and a scenario's progress: one record for each store of version 1. */
export const versionOneRecords = () => ({
  run: {
    runId: 'b-1',
    scenarioId: 'pubsub-basics',
    parentRunId: 'main-pubsub-basics',
    branchedAtStep: 2,
    title: 'A branch',
    updatedAt: 5,
  },
  saved: {
    scenarioId: 'fork-1',
    title: 'My fork',
    forkedFrom: null,
    document: { id: 'fork-1' },
    updatedAt: 6,
  },
  progress: {
    scenarioId: 'pubsub-basics',
    furthestStep: 4,
    completed: false,
    answers: { q1: 'a' },
    updatedAt: 7,
  },
});
