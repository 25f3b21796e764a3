/**
 * The run database's schema and its migrations: a new database is created at the current version with
 * exactly the stores the app uses, and version 3 deletes the stores nothing wrote (`checkpoints`,
 * `snapshots`) from an older database while keeping everything else in it.
 */
import { openDB, type IDBPDatabase } from 'idb';
import { describe, expect, it } from 'vitest';
import { RETIRED_STORES } from './databases';
import { openRunDatabase, openRunDb, runDbName, RUN_DB_VERSION } from './index';
import { runRecordOf, uniqueDbName } from './testing';

const open = (runId: string) => openRunDb(runDbName(runId), { onClosedElsewhere: () => undefined });

/** What a database holds: each store's key path, auto-increment and indexes, and every record in it. */
async function dump(db: IDBPDatabase) {
  const out: Record<string, unknown> = {};
  const tx = db.transaction([...db.objectStoreNames], 'readonly');
  for (const name of [...db.objectStoreNames].sort()) {
    const store = tx.objectStore(name);
    const indexes = [...store.indexNames].sort().map((i) => {
      const index = store.index(i);
      return { name: i, keyPath: index.keyPath, unique: index.unique };
    });
    out[name] = { keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes, records: await store.getAll() };
  }
  await tx.done;
  return out;
}

const eventOf = (position: number, streamId: string) => ({
  position,
  streamId,
  revision: position - 1,
  eventId: `e${position}`,
  eventType: 'RideRequested',
  data: { n: position },
  metadata: {},
  recordedAt: position,
});

/** A run database at version 2 exactly as versions 1 and 2 created it, with data in every store. */
async function version2(runId: string, withRetired = true) {
  const db = await openDB(runDbName(runId), 2, {
    upgrade(d, oldVersion) {
      if (oldVersion < 1) {
        const events = d.createObjectStore('events', { keyPath: 'position' });
        events.createIndex('byStreamRevision', ['streamId', 'revision'], { unique: true });
        events.createIndex('byEventId', 'eventId');
        d.createObjectStore('run', { keyPath: 'runId' });
        if (withRetired) {
          d.createObjectStore('checkpoints', { keyPath: 'name' });
          d.createObjectStore('snapshots', { keyPath: 'streamId' });
        }
      }
      d.createObjectStore('worlds', { keyPath: 'step' }).createIndex('byKey', 'key');
    },
  });
  await db.put('run', runRecordOf(runId, 'ride-sharing', { cursor: 2, furthestStep: 3 }));
  for (let p = 1; p <= 3; p++) await db.put('events', eventOf(p, `ride-${runId}`));
  await db.put('worlds', { step: 3, key: 'story', savedAt: 9, world: { any: 'thing' } });
  if (withRetired) {
    await db.put('checkpoints', { name: 'totals', position: 2, state: {} });
    await db.put('snapshots', { streamId: `ride-${runId}`, revision: 1, state: {} });
  }
  const before = await dump(db);
  db.close();
  return before;
}

describe('the run database schema', () => {
  it('a new database is created at the current version with the events, the run record and world checkpoints only', async () => {
    expect(RUN_DB_VERSION).toBe(3);
    const db = await open(uniqueDbName('run'));
    expect(db.version).toBe(3);
    expect(await dump(db as unknown as IDBPDatabase)).toEqual({
      events: {
        keyPath: 'position',
        autoIncrement: false,
        indexes: [
          { name: 'byEventId', keyPath: 'eventId', unique: false },
          { name: 'byStreamRevision', keyPath: ['streamId', 'revision'], unique: true },
        ],
        records: [],
      },
      run: { keyPath: 'runId', autoIncrement: false, indexes: [], records: [] },
      worlds: {
        keyPath: 'step',
        autoIncrement: false,
        indexes: [{ name: 'byKey', keyPath: 'key', unique: false }],
        records: [],
      },
    });
    db.close();
  });

  it('version 3 deletes the retired stores of version 2 databases and keeps every run with its events and world checkpoints', async () => {
    const runIds = [uniqueDbName('run'), uniqueDbName('run'), uniqueDbName('run')];
    const before = new Map<string, Record<string, unknown>>();
    for (const id of runIds) before.set(id, await version2(id));
    expect(Object.keys(before.get(runIds[0]!)!)).toEqual(['checkpoints', 'events', 'run', 'snapshots', 'worlds']);

    for (const id of runIds) {
      // Opened by the app: the run reads back as it was stored.
      const run = await openRunDatabase(id);
      expect(await run.loadRun()).toEqual(runRecordOf(id, 'ride-sharing', { cursor: 2, furthestStep: 3 }));
      expect((await run.store.readAll()).map((e) => e.eventId)).toEqual(['e1', 'e2', 'e3']);
      run.close();

      const db = await open(id);
      expect(db.version).toBe(3);
      const kept = { ...before.get(id)! };
      for (const name of RETIRED_STORES) delete kept[name];
      expect(await dump(db as unknown as IDBPDatabase)).toEqual(kept);
      db.close();
    }
  });

  it('version 3 also opens a version 2 database that has no retired stores', async () => {
    const id = uniqueDbName('run');
    const before = await version2(id, false);
    const db = await open(id);
    expect(db.version).toBe(3);
    expect(await dump(db as unknown as IDBPDatabase)).toEqual(before);
    db.close();
  });
});
