/**
 * The schema of a run database (`event-lab-run-<runId>`, also used by `openIndexedDbEventStore`):
 * the event store, the run record, projection/relay checkpoints with their read models, and
 * aggregate snapshots. Versioned; `upgrade` migrates from any older version step by step.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { RecordedEvent } from '../engine/types';
import type { CheckpointRecord, SnapshotRecord } from '../engine/cqrs';

export type { CheckpointRecord, SnapshotRecord };
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
  checkpoints: { key: string; value: CheckpointRecord };
  snapshots: { key: string; value: SnapshotRecord };
  /** World checkpoints by step (a cache: worldCheckpoints.ts); `byKey` = the story each belongs to. */
  worlds: { key: number; value: WorldCheckpoint; indexes: { byKey: string } };
}

export const RUN_DB_VERSION = 2;

/** Migrations, one per version; each runs once, in order, inside the versionchange transaction. */
const migrations: ((db: IDBPDatabase<RunDbSchema>) => void)[] = [
  // v1: the first schema.
  (db) => {
    const events = db.createObjectStore('events', { keyPath: 'position' });
    events.createIndex('byStreamRevision', ['streamId', 'revision'], { unique: true });
    events.createIndex('byEventId', 'eventId');
    db.createObjectStore('run', { keyPath: 'runId' });
    db.createObjectStore('checkpoints', { keyPath: 'name' });
    db.createObjectStore('snapshots', { keyPath: 'streamId' });
  },
  // v2: world checkpoints (a new store; what v1 stored is left as it is).
  (db) => {
    db.createObjectStore('worlds', { keyPath: 'step' }).createIndex('byKey', 'key');
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
