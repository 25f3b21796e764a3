/**
 * The early reads (earlyReads.ts): what a page opened at a saved scenario reads with the browser's own
 * IndexedDB before the app's code has loaded. They only read: a missing database is not created, one
 * of another version is left as it is, and the connection never stands in the way of the app's own.
 */
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { publishScenario } from '../scenarios/heavy.fixtures';
import { Stepper } from '../scenarios/stepper';
import { openCatalog } from './catalog';
import { CATALOG_DB_NAME, runDbName } from './dbNames';
import { readRunEarly, readSavedScenarioEarly } from './earlyReads';
import { openRunDatabase, runRecordFrom } from './runDatabase';
import { runRecordOf, uniqueDbName } from './testing';
import { parseWorldCheckpoints } from './worldCheckpoints';

const scenario = publishScenario(30);
const stepper = new Stepper(scenario, []);
const checkpointAt = (step: number, key = 'story-a') => {
  const r = stepper.at(step);
  return { step, key, world: r.world, effects: [...r.effects], lagRows: [], savedAt: 5 };
};
const exists = async (name: string) => (await indexedDB.databases()).some((d) => d.name === name);

describe('reading a run before the app has loaded', () => {
  it('reads the record and, for each step asked for, the checkpoint the run database’s own read chooses', async () => {
    const runId = uniqueDbName('early');
    const db = await openRunDatabase(runId);
    await db.saveRun(runRecordOf(runId, scenario.id, { cursor: 25, furthestStep: 25 }));
    await db.saveCheckpoint(checkpointAt(10), [10, 20, 25]);
    await db.saveCheckpoint(checkpointAt(20), [10, 20, 25]);
    const expected = await db.loadCheckpoints([15, 25], null);
    db.close();

    const read = await readRunEarly(runId, [15, 25]);
    if (!read?.exists) throw new Error('the run was not read');
    expect(runRecordFrom(read.record, read.stray, runId)).toMatchObject({ cursor: 25, furthestStep: 25 });
    const found = parseWorldCheckpoints(read.checkpoints, null);
    expect(found.map((c) => [c.step, c.key])).toEqual([
      [10, 'story-a'],
      [20, 'story-a'],
    ]);
    expect(found).toEqual(expected);
    // Read as the app's own read would have: a world the stepper carries on from.
    const fresh = new Stepper(scenario, []);
    expect(fresh.seed(10, found[0]!.world, found[0]!.effects)).toBe(true);
    expect(fresh.at(12)).toEqual(stepper.at(12));
  });

  it('a run with neither record nor checkpoints reads as such', async () => {
    const runId = uniqueDbName('early');
    (await openRunDatabase(runId)).close();
    expect(await readRunEarly(runId, [100])).toEqual({
      exists: true,
      record: undefined,
      stray: [],
      steps: [100],
      checkpoints: [],
    });
  });

  it('a run whose database does not exist reads as missing and is not created', async () => {
    const runId = uniqueDbName('gone');
    expect(await readRunEarly(runId, [100])).toEqual({ exists: false });
    expect(await exists(runDbName(runId))).toBe(false);
    // The app's own open afterwards creates it at its version, as it would have.
    (await openRunDatabase(runId)).close();
    expect(await exists(runDbName(runId))).toBe(true);
  });

  it('a run database of another version is not read and is left as it is', async () => {
    const runId = uniqueDbName('old');
    (await openDB(runDbName(runId), 1, { upgrade: (d) => void d.createObjectStore('run') })).close();
    expect(await readRunEarly(runId, [100])).toBeNull();
    const again = await openDB(runDbName(runId));
    expect(again.version).toBe(1);
    again.close();
  });

  it('the early connection is closed once read: the app can upgrade the database at once', async () => {
    const runId = uniqueDbName('early');
    (await openRunDatabase(runId)).close();
    await readRunEarly(runId, [100]);
    const upgraded = await openDB(runDbName(runId), 99, { blocked: () => expect.unreachable('blocked') });
    expect(upgraded.version).toBe(99);
    upgraded.close();
  });
});

describe('reading a saved scenario’s catalog entry before the app has loaded', () => {
  it('reads the entry as stored, and undefined for an id with none', async () => {
    const catalog = await openCatalog();
    const entry = {
      scenarioId: 'early-entry',
      title: 'Early',
      forkedFrom: null,
      document: { ...scenario, id: 'early-entry' },
      updatedAt: 1,
    };
    await catalog.putScenario(entry);
    catalog.close();
    expect(await readSavedScenarioEarly('early-entry')).toEqual({ value: entry });
    expect(await readSavedScenarioEarly('no-such-entry')).toEqual({ value: undefined });
  });

  it('no catalog yet: reads as no entry, and creates none', async () => {
    await new Promise((resolve) => (indexedDB.deleteDatabase(CATALOG_DB_NAME).onsuccess = resolve));
    expect(await exists(CATALOG_DB_NAME)).toBe(false);
    expect(await readSavedScenarioEarly('anything')).toEqual({ value: undefined });
    expect(await exists(CATALOG_DB_NAME)).toBe(false);
  });
});
