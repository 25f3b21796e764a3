/**
 * The schema of a run database (`event-lab-run-<runId>`, also used by `openIndexedDbEventStore`):
 * the event store, the run record and world checkpoints. Versioned; `upgrade` migrates from any older
 * version step by step.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { RecordedEvent } from '../engine/types';
import { RUN_DB_VERSION } from './dbNames';
import type { RunRecord } from './runRecord';
import type { WorldCheckpoint } from './worldCheckpointTypes';
import {
  DatabaseClosedError,
  DatabaseDeletedElsewhereError,
  DatabaseUpgradedElsewhereError,
  StorageUnavailableError,
} from './errors';

export interface RunDbSchema extends DBSchema {
  events: {
    key: number;
    value: RecordedEvent;
    indexes: { byStreamRevision: [string, number]; byEventId: string };
  };
  run: { key: string; value: RunRecord };
  /** World checkpoints by step (a cache: worldCheckpoints.ts); `byKey` = the story each belongs to. */
  worlds: { key: number; value: WorldCheckpoint; indexes: { byKey: string } };
}

export { RUN_DB_VERSION };

/**
 * Stores versions 1 and 2 declared and nothing ever wrote: projection checkpoints and aggregate snapshots
 * live in the stepper's worlds (engine/cqrs), recomputed from the run's inputs. Version 3 deletes them.
 */
export const RETIRED_STORES = ['checkpoints', 'snapshots'] as const;

/** Migrations, one per version; each runs once, in order, inside the versionchange transaction. */
const migrations: ((db: IDBPDatabase<RunDbSchema>) => void)[] = [
  // v1: the event store and the run record. (v1 also created the retired stores; a new database skips
  // them, and v3 deletes them from an older one.)
  (db) => {
    const events = db.createObjectStore('events', { keyPath: 'position' });
    events.createIndex('byStreamRevision', ['streamId', 'revision'], { unique: true });
    events.createIndex('byEventId', 'eventId');
    db.createObjectStore('run', { keyPath: 'runId' });
  },
  // v2: world checkpoints (a new store; what v1 stored is left as it is).
  (db) => {
    db.createObjectStore('worlds', { keyPath: 'step' }).createIndex('byKey', 'key');
  },
  // v3: the retired stores go, if this database has them; the events, the run record and the world
  // checkpoints stay as they are.
  (db) => {
    const untyped = db as unknown as IDBPDatabase;
    for (const name of RETIRED_STORES) if (untyped.objectStoreNames.contains(name)) untyped.deleteObjectStore(name);
  },
];

export interface OpenHooks {
  /** Called when another tab upgrades (or deletes) the database, or the browser closes it: the connection is already closed. */
  onClosedElsewhere(err: Error): void;
}

export async function openWithMigrations<S extends DBSchema>(
  name: string,
  version: number,
  steps: ((db: IDBPDatabase<S>) => void)[],
  hooks: OpenHooks,
): Promise<IDBPDatabase<S>> {
  if (typeof indexedDB === 'undefined' || indexedDB === null) throw new StorageUnavailableError();
  let db: IDBPDatabase<S>;
  try {
    db = await openDB<S>(name, version, {
      upgrade(database, oldVersion) {
        for (let v = oldVersion; v < version; v++) steps[v]!(database);
      },
      blocking(_current, newVersion) {
        // Another tab wants a newer version (or, with no new version, to delete the database): step aside.
        db.close();
        hooks.onClosedElsewhere(
          newVersion === null ? new DatabaseDeletedElsewhereError(name) : new DatabaseUpgradedElsewhereError(name),
        );
      },
      terminated() {
        // The connection's `close` event: the browser closed it (site data cleared, disk failure).
        hooks.onClosedElsewhere(new DatabaseClosedError(name, { byBrowser: true }));
      },
    });
  } catch (err) {
    if (err && typeof err === 'object' && (err as { name?: string }).name === 'VersionError')
      throw new DatabaseUpgradedElsewhereError(name, { cause: err, atOpen: true });
    throw new StorageUnavailableError({ cause: err });
  }
  return db;
}

export const openRunDb = (name: string, hooks: OpenHooks) =>
  openWithMigrations<RunDbSchema>(name, RUN_DB_VERSION, migrations, hooks);
