/**
 * Opening a saved scenario's run from the hint its last visit left: the run is opened and its
 * checkpoints read while the scenario's entry is still being read and checked, and a wrong hint
 * changes nothing the learner sees or stores.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as persistence from '../persistence';
import { publishScenario } from '../scenarios/heavy.fixtures';
import { Stepper } from '../scenarios/stepper';
import { checkpointKey, SOURCE_BUILD } from '../state/checkpointKeys';
import { loadScenarioAndRun, takeEarlyRun } from './earlyRun';
import * as library from './library';
import { readRunHint, rememberRunHint } from './runHints';
import { withCatalog } from './savedList';
import { mainRunId } from './runIds';
import { deleteAllDatabases } from './testing/storedData';

/** loadScenario, held until `release()` while a test looks at what was opened meanwhile. */
let gate: Promise<void> = Promise.resolve();
let release: () => void = () => undefined;
vi.mock('./library', async (importOriginal) => {
  const real = await importOriginal<typeof import('./library')>();
  return {
    ...real,
    loadScenario: async (id: string, early?: Promise<{ value: unknown } | null> | null) => {
      await gate;
      return real.loadScenario(id, early);
    },
  };
});
const opened: string[] = [];
vi.mock('../persistence/earlyReads', async (importOriginal) => {
  const real = await importOriginal<typeof import('../persistence/earlyReads')>();
  return {
    ...real,
    readRunEarly: (runId: string, steps: readonly number[]) => {
      opened.push(`early read of ${runId} at ${steps.join(',')}`);
      return real.readRunEarly(runId, steps);
    },
  };
});
vi.mock('../persistence', async (importOriginal) => {
  const real = await importOriginal<typeof import('../persistence')>();
  return {
    ...real,
    openRunDatabase: async (runId: string) => {
      opened.push(runId);
      const db = await real.openRunDatabase(runId);
      const loadCheckpoints = db.loadCheckpoints.bind(db);
      return {
        ...db,
        loadCheckpoints: (steps: readonly number[], key: string | null) => {
          opened.push(`checkpoints ${key === null ? 'of any story' : 'of its story'} at ${steps.join(',')}`);
          return loadCheckpoints(steps, key);
        },
      };
    },
  };
});

const scenario = { ...publishScenario(150), id: 'hinted-long', title: 'Hinted' };
const runId = mainRunId(scenario.id);
const record = { runId, scenarioId: scenario.id, parentRunId: null, branchedAtStep: null, inputs: [] };

beforeEach(async () => {
  await deleteAllDatabases();
  const items = new Map<string, string>();
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
  });
  opened.length = 0;
  gate = new Promise((resolve) => (release = resolve));
  release();
});
afterEach(() => vi.unstubAllGlobals());

/** The saved scenario, its run at step 150 and a checkpoint of step 150 under `key` (default: its story's). */
async function storeRun(key?: string) {
  await library.saveScenario(scenario, null);
  const loaded = await library.loadScenario(scenario.id);
  if (!loaded.ok) throw new Error(loaded.message);
  const db = await persistence.openRunDatabase(runId);
  await db.saveRun({ ...record, cursor: 150, furthestStep: 150, createdAt: 1, updatedAt: 1 });
  const r = new Stepper(loaded.scenario, []).at(150);
  const story = checkpointKey(SOURCE_BUILD!, loaded.scenario, []);
  await db.saveCheckpoint(
    { step: 150, key: key ?? story, world: r.world, effects: [...r.effects], lagRows: [], savedAt: 1 },
    [150],
  );
  db.close();
  opened.length = 0;
  return story;
}

/** Starts opening the scenario with loadScenario held back, and waits until nothing more happens meanwhile. */
async function openHeld(step: number) {
  gate = new Promise((resolve) => (release = resolve));
  const loading = loadScenarioAndRun(scenario.id, step);
  await vi.waitFor(() => expect(opened.length).toBeGreaterThanOrEqual(2));
  await new Promise((r) => setTimeout(r, 20));
  const before = [...opened];
  release();
  return { before, loaded: await loading };
}

describe('opening a saved scenario’s run from its hint', () => {
  it('the first visit leaves the hint; the next opens the run and reads its checkpoints before the scenario is checked', async () => {
    const key = await storeRun();
    expect(await loadScenarioAndRun(scenario.id, 150)).toMatchObject({ ok: true });
    const first = await takeEarlyRun(runId)!;
    await first.loadCheckpoints([150, 150], key);
    first.close();
    expect(readRunHint(scenario.id)).toEqual({ runId, lastStep: 150 });

    opened.length = 0;
    const { before, loaded } = await openHeld(150);
    expect(before).toEqual([`early read of ${runId} at 150,150`, runId]);
    expect(loaded).toMatchObject({ ok: true, mainRunId: runId });
    const port = await takeEarlyRun(runId)!;
    expect((await port.loadRun())?.cursor).toBe(150);
    expect((await port.loadCheckpoints([150], key)).map((c) => c.step)).toEqual([150]);
    // It was the early read: nothing more was read.
    expect(opened).toEqual([`early read of ${runId} at 150,150`, runId]);
    port.close();
  });

  it('checkpoints of another story read early are not used: its own story’s are read', async () => {
    const key = await storeRun('another build:another story');
    rememberRunHint(scenario.id, { runId, lastStep: 150 });
    await openHeld(150);
    const port = await takeEarlyRun(runId)!;
    expect(await port.loadCheckpoints([150], key)).toEqual([]);
    expect(opened).toEqual([`early read of ${runId} at 150,150`, runId, 'checkpoints of its story at 150']);
    port.close();
  });

  it('a hint naming a run that no longer exists creates no database, and the scenario’s run is opened', async () => {
    await storeRun();
    rememberRunHint(scenario.id, { runId: 'm-deleted', lastStep: 150 });
    gate = new Promise((resolve) => (release = resolve));
    const loading = loadScenarioAndRun(scenario.id, 150);
    await new Promise((r) => setTimeout(r, 30));
    expect(opened).toEqual(['early read of m-deleted at 150,150']);
    release();
    expect(await loading).toMatchObject({ ok: true, mainRunId: runId });
    const port = await takeEarlyRun(runId)!;
    expect((await port.loadRun())?.cursor).toBe(150);
    port.close();
    const names = (await indexedDB.databases()).map((d) => d.name);
    expect(names).not.toContain(persistence.runDbName('m-deleted'));
    expect(readRunHint(scenario.id)).toEqual({ runId, lastStep: 150 });
  });

  it('a hint naming another existing run is dropped once the entry names the scenario’s own', async () => {
    await storeRun();
    const other = await persistence.openRunDatabase('m-older');
    other.close();
    rememberRunHint(scenario.id, { runId: 'm-older', lastStep: 150 });
    opened.length = 0;
    const { before } = await openHeld(150);
    expect(before).toEqual(['early read of m-older at 150,150', 'm-older']);
    expect(takeEarlyRun('m-older')).toBeNull();
    expect(readRunHint(scenario.id)).toEqual({ runId, lastStep: 150 });
  });

  it('a scenario that no longer loads leaves its hinted run closed and untaken', async () => {
    await storeRun();
    rememberRunHint(scenario.id, { runId, lastStep: 150 });
    await withCatalog((c) => c.deleteScenario(scenario.id));
    expect(await loadScenarioAndRun(scenario.id, 150)).toMatchObject({ ok: false });
    expect(takeEarlyRun(runId)).toBeNull();
  });
});
