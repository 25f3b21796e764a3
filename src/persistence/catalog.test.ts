/**
 * The catalog treats what it reads as input: every field of every record type set to a wrong type,
 * one at a time, is listed as damaged (with the learner's words for it) and never breaks a listing;
 * the valid records around it are all still there. Storage failures arrive as the learner's errors.
 */
import { openDB } from 'idb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CATALOG_DB_NAME, openCatalog, type CatalogRun, type ProgressRecord, type SavedScenario } from './catalog';
import {
  DamagedRecordError,
  DatabaseDeletedElsewhereError,
  DatabaseUpgradedElsewhereError,
  StorageFullError,
} from './errors';
import { deleteAllDatabases } from './catalogTesting';

beforeEach(deleteAllDatabases);

const scenario: SavedScenario = {
  scenarioId: 'fork-1',
  title: 'My fork',
  forkedFrom: { runId: 'main-pubsub-basics', step: 3 },
  document: { id: 'fork-1' },
  updatedAt: 10,
  mainRunId: 'm-abc-1',
};
const run: CatalogRun = {
  runId: 'b-1',
  scenarioId: 'pubsub-basics',
  parentRunId: 'main-pubsub-basics',
  branchedAtStep: 2,
  title: 'At step 2: a branch',
  updatedAt: 20,
};
const progress: ProgressRecord = {
  scenarioId: 'pubsub-basics',
  furthestStep: 4,
  completed: false,
  answers: { q1: 'a' },
  updatedAt: 30,
};

/** Wrong values of every kind for a field (a key field stays a valid IndexedDB key). */
const wrongValues = (field: string): unknown[] =>
  field === 'scenarioId' || field === 'runId'
    ? [42, '../../<b>x</b>', '', 'x'.repeat(129)]
    : [
        { an: 'object' },
        'far',
        -1,
        Number.MAX_SAFE_INTEGER,
        1.5,
        null,
        ['list'],
        true,
        'x'.repeat(5000),
        '../../<b>x</b>',
      ];

/** A value is a wrong one for the field unless the schema accepts it there (null where nullable, text where text…). */
const acceptable = (field: string, v: unknown) =>
  (v === null && ['parentRunId', 'branchedAtStep', 'forkedFrom'].includes(field)) ||
  (typeof v === 'string' && v.length <= 200 && field === 'title') ||
  (typeof v === 'boolean' && field === 'completed') ||
  // Ids in the id alphabet, any object as a document (the app validates it as a scenario), any object of answers.
  (v === 'far' && ['mainRunId', 'parentRunId'].includes(field)) ||
  (field === 'document' && v !== null && typeof v === 'object' && !Array.isArray(v)) ||
  (field === 'answers' && v !== null && typeof v === 'object' && !Array.isArray(v));

async function seedRaw(store: 'scenarios' | 'runs' | 'progress', value: Record<string, unknown>) {
  const c = await openCatalog();
  await c.putScenario({ ...scenario, scenarioId: 'good-1', document: { id: 'good-1' }, mainRunId: undefined as never });
  await c.putRun({ ...run, runId: 'b-good' });
  await c.putProgress({ ...progress, scenarioId: 'good-progress' });
  c.close();
  const db = await openDB(CATALOG_DB_NAME);
  await db.put(store, value);
  db.close();
}

describe('damaged records: every field of every record type, one at a time', () => {
  const records = { scenarios: scenario, runs: run, progress } as const;
  for (const [store, valid] of Object.entries(records) as unknown as [
    keyof typeof records,
    Record<string, unknown>,
  ][]) {
    for (const field of Object.keys(valid)) {
      for (const wrong of wrongValues(field)) {
        if (acceptable(field, wrong)) continue;
        it(`${store}.${field} = ${JSON.stringify(wrong)?.slice(0, 30)}`, async () => {
          await seedRaw(store, { ...valid, [field]: wrong });
          const c = await openCatalog();
          try {
            // Listings never throw and keep every valid record.
            expect((await c.listScenarios()).map((s) => s.scenarioId)).toEqual(
              store === 'scenarios' ? ['good-1'] : ['good-1', 'fork-1'].filter((id) => id === 'good-1'),
            );
            expect((await c.listRuns()).map((r) => r.runId)).toEqual(['b-good']);
            expect((await c.listRuns('pubsub-basics')).map((r) => r.runId)).toEqual(['b-good']);
            const data = await c.readLearnerData();
            expect(data.scenarios.map((s) => s.scenarioId)).toEqual(['good-1']);
            expect(data.progress.map((p) => p.scenarioId)).toEqual(['good-progress']);
            // The damaged entry is listed, in words.
            const damaged = await c.listDamaged();
            expect(damaged).toHaveLength(1);
            expect(damaged[0]).toMatchObject({ store });
            expect(damaged[0]!.problem).toMatch(/^(its|the|how|whether|where) /);
            expect(damaged[0]!.problem).not.toMatch(/Error|undefined|object Object|Expected/);
            // Reading it alone says it is damaged.
            const key = damaged[0]!.key;
            if (typeof key === 'string') {
              const read =
                store === 'scenarios' ? c.getScenario(key) : store === 'runs' ? c.getRun(key) : c.getProgress(key);
              await expect(read).rejects.toBeInstanceOf(DamagedRecordError);
            }
            // The way out: removing it leaves the rest.
            await c.removeDamaged(store, key);
            expect(await c.listDamaged()).toEqual([]);
            expect((await c.listScenarios()).map((s) => s.scenarioId)).toEqual(['good-1']);
          } finally {
            c.close();
          }
        });
      }
    }
  }

  it('a record whose id differs from its key is damaged too (written under another key)', async () => {
    const db = await openDB(CATALOG_DB_NAME, 1, {
      upgrade(d) {
        d.createObjectStore('runs', { keyPath: 'runId' }).createIndex('byScenario', 'scenarioId');
        d.createObjectStore('scenarios', { keyPath: 'scenarioId' });
        d.createObjectStore('progress', { keyPath: 'scenarioId' });
      },
    });
    db.close();
    const c = await openCatalog();
    await c.putScenario(scenario);
    expect(await c.listDamaged()).toEqual([]);
    c.close();
  });

  it('never stores what would read back as damaged', async () => {
    const c = await openCatalog();
    try {
      await expect(c.putScenario({ ...scenario, title: 'x'.repeat(201) })).rejects.toBeInstanceOf(DamagedRecordError);
      await expect(c.putRun({ ...run, runId: '../../<b>x</b>' })).rejects.toBeInstanceOf(DamagedRecordError);
      await expect(c.putProgress({ ...progress, furthestStep: Number.MAX_SAFE_INTEGER })).rejects.toBeInstanceOf(
        DamagedRecordError,
      );
      expect(await c.listScenarios()).toEqual([]);
    } finally {
      c.close();
    }
  });
});

describe('storage failures arrive as the learner’s errors', () => {
  it('storage full while saving is a StorageFullError (not the browser’s text)', async () => {
    const c = await openCatalog();
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('t.map is not a function', 'QuotaExceededError');
    });
    try {
      await expect(c.putScenario(scenario)).rejects.toBeInstanceOf(StorageFullError);
    } finally {
      vi.restoreAllMocks();
      c.close();
    }
  });

  it('the catalog deleted in another tab says “deleted”, not “upgraded”', async () => {
    const c = await openCatalog();
    await new Promise((r) => Object.assign(indexedDB.deleteDatabase(CATALOG_DB_NAME), { onsuccess: r, onerror: r }));
    const err = await c.listScenarios().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatabaseDeletedElsewhereError);
    expect((err as Error).message).toMatch(/deleted in another tab.*Reload this tab to open what is stored now\.$/);
    c.close();
  });

  it('the catalog upgraded in another tab says “upgraded”, and to continue in the newer tab', async () => {
    const c = await openCatalog();
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(CATALOG_DB_NAME, 99);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const err = await c.listScenarios().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatabaseUpgradedElsewhereError);
    expect((err as Error).message).toMatch(/Another tab upgraded .* Continue in the other tab/);
    expect((err as Error).message).not.toMatch(/Reload this tab/);
    c.close();
    // This tab's older code opening the newer database: the same advice, never “reload”.
    const again = await openCatalog().catch((e: unknown) => e);
    expect(again).toBeInstanceOf(DatabaseUpgradedElsewhereError);
    expect((again as Error).message).toMatch(/Close every Event Lab tab, then open Event Lab again/);
    newer.close();
  });
});
