/** Opening a saved scenario: every failure is a sentence for the learner (issue 19, points 4 and 9). */
import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCatalog } from '../persistence';
import { findBuiltin } from '../scenarios/content';
import { readSavedScenarioEarly } from '../persistence/earlyReads';
import { loadScenario } from './library';
import { deleteAllDatabases } from './testing/storedData';

const doc = (id: string) => ({ ...JSON.parse(JSON.stringify(findBuiltin('pubsub-basics')!)), id, title: `Fork ${id}` });

beforeEach(deleteAllDatabases);
const realIndexedDb = globalThis.indexedDB;
afterEach(() => {
  globalThis.indexedDB = realIndexedDb;
});

describe('loadScenario', () => {
  it('refuses a saved scenario whose document is another scenario (it would play and write that one’s run)', async () => {
    const c = await openCatalog();
    await c.putScenario({
      scenarioId: 'innocent-looking',
      title: 'Innocent',
      forkedFrom: null,
      document: doc('pubsub-basics'),
      updatedAt: 1,
    });
    c.close();
    const r = await loadScenario('innocent-looking');
    expect(r).toEqual({
      ok: false,
      message: expect.stringMatching(
        /^Your saved scenario “Innocent” is damaged: its document is the scenario “pubsub-basics”, not “innocent-looking”\. It was not opened/,
      ),
    });
  });

  it('a damaged entry is named as such, with the way out', async () => {
    const c = await openCatalog();
    c.close();
    const db = await openDB('event-lab-catalog');
    await db.put('scenarios', {
      scenarioId: 'fork-1',
      title: { an: 'object' },
      forkedFrom: null,
      document: doc('fork-1'),
      updatedAt: 1,
    });
    db.close();
    expect(await loadScenario('fork-1')).toEqual({
      ok: false,
      message:
        'Your saved scenario “fork-1” is damaged: its name is not text of at most 200 characters. It was not opened and is left as it is. Repair or remove it under “My scenarios” on the start page.',
    });
  });

  it('without IndexedDB: says why, what still works, and no class name or wrong advice', async () => {
    // @ts-expect-error a browser without IndexedDB
    delete globalThis.indexedDB;
    const r = await loadScenario('my-fork-1');
    expect(r).toEqual({
      ok: false,
      message:
        'Opening your saved scenario “my-fork-1” failed because this browser does not let Event Lab use its storage (IndexedDB). Guided scenarios still play, in memory only: nothing is kept after you close the tab.',
    });
  });

  it('an entry read before the app loaded (earlySavedReads.ts) is checked as the catalog’s own read checks it', async () => {
    const c = await openCatalog();
    const entry = {
      scenarioId: 'read-early',
      title: 'Early',
      forkedFrom: null,
      document: doc('read-early'),
      updatedAt: 1,
    };
    await c.putScenario(entry);
    c.close();
    expect(await loadScenario('read-early', readSavedScenarioEarly('read-early'))).toEqual(
      await loadScenario('read-early'),
    );
    expect(await loadScenario('read-early', Promise.resolve({ value: { ...entry, title: 5 } }))).toMatchObject({
      ok: false,
      message: expect.stringContaining('Your saved scenario “read-early” is damaged'),
    });
    expect(await loadScenario('read-early', Promise.resolve({ value: undefined }))).toMatchObject({
      ok: false,
      message: expect.stringContaining('There is no scenario called “read-early”'),
    });
    // Not read early (null): read from the catalog.
    expect(await loadScenario('read-early', Promise.resolve(null))).toMatchObject({ ok: true, saved: true });
  });
});
