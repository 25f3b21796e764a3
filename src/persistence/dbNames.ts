/**
 * The databases' names and versions, apart from the code that opens them: a page opened at a saved
 * scenario reads its first records with the browser's own IndexedDB before idb, zod or any of this
 * folder's other code has loaded (earlyReads.ts), and must know what it is reading.
 */

/** The learner's catalog: saved scenarios, branches, progress, interviews (catalog.ts). */
export const CATALOG_DB_NAME = 'event-lab-catalog';
/** The catalog's schema version (catalog.ts's migrations: one per version). */
export const CATALOG_VERSION = 3;

/** A run's database: its events, run record and world checkpoints (databases.ts, runDatabase.ts). */
export const runDbName = (runId: string): string => `event-lab-run-${runId}`;
/** The run databases' schema version (databases.ts's migrations: one per version). */
export const RUN_DB_VERSION = 3;
