/**
 * Opening a scenario's run early (while the player chunks load): the session's first reads get what
 * was read then, every later read reads the database, and a run opened for another id is not used.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openRunDatabase } from '../persistence';
import { publishScenario } from '../scenarios/heavy.fixtures';
import { Stepper } from '../scenarios/stepper';
import { checkpointKey, SOURCE_BUILD } from '../state/checkpointKeys';
import { loadScenarioAndRun, takeEarlyRun } from './earlyRun';
import { loadScenario, saveScenario } from './library';
import { mainRunId } from './runIds';
import { deleteAllDatabases } from './testing/storedData';

beforeEach(deleteAllDatabases);
afterEach(() => vi.unstubAllGlobals());

const scenario = { ...publishScenario(150), id: 'early-long', title: 'Early' };
const runId = mainRunId(scenario.id);
const record = { runId, scenarioId: scenario.id, parentRunId: null, branchedAtStep: null, inputs: [] };

/** The saved scenario, its run record at `cursor` and a world checkpoint of step 150 of its story (as loaded). */
async function storeRun(cursor: number) {
  await saveScenario(scenario, null);
  const loaded = await loadScenario(scenario.id);
  if (!loaded.ok) throw new Error(loaded.message);
  const db = await openRunDatabase(runId);
  await db.saveRun({ ...record, cursor, furthestStep: 150, createdAt: 1, updatedAt: 1 });
  const r = new Stepper(loaded.scenario, []).at(150);
  const key = checkpointKey(SOURCE_BUILD!, loaded.scenario, []);
  await db.saveCheckpoint({ step: 150, key, world: r.world, effects: [...r.effects], lagRows: [], savedAt: 1 }, [150]);
  db.close();
  return key;
}

describe('opening a run early', () => {
  it('answers the first record and checkpoint reads with what it read before they were asked', async () => {
    expect(SOURCE_BUILD).not.toBeNull();
    const key = await storeRun(150);
    const loaded = await loadScenarioAndRun(scenario.id, 150);
    expect(loaded).toMatchObject({ ok: true, mainRunId: runId });
    const port = await takeEarlyRun(runId);
    expect(port).not.toBeNull();
    // Its reads were asked before this write: what is stored now is not what the first reads answer.
    const other = await openRunDatabase(runId);
    await other.replaceRun(
      { ...record, cursor: 3, furthestStep: 3, createdAt: 1, updatedAt: 2 },
      { clearEvents: true },
    );
    other.close();
    expect((await port!.loadRun())?.cursor).toBe(150);
    expect((await port!.loadCheckpoints([150, 150], key)).map((c) => c.step)).toEqual([150]);
    // Later reads read the database.
    expect((await port!.loadRun())?.cursor).toBe(3);
    expect(await port!.loadCheckpoints([150], key)).toEqual([]);
    port!.close();
    expect(takeEarlyRun(runId)).toBeNull();
  });

  it('reads the database when the session asks for other checkpoints than were read', async () => {
    const key = await storeRun(150);
    await loadScenarioAndRun(scenario.id, null);
    const port = await takeEarlyRun(runId);
    expect((await port!.loadCheckpoints([150], key)).map((c) => c.step)).toEqual([150]);
    expect(await port!.loadCheckpoints([150], 'another story')).toEqual([]);
    port!.close();
  });

  it('is not used by another run, and opens nothing for a scenario that does not load', async () => {
    await storeRun(150);
    await loadScenarioAndRun(scenario.id, 150);
    expect(takeEarlyRun('main-another')).toBeNull();
    expect(takeEarlyRun(runId)).toBeNull();
    expect(await loadScenarioAndRun('no-such-scenario', 150)).toMatchObject({ ok: false });
    expect(takeEarlyRun(mainRunId('no-such-scenario'))).toBeNull();
  });

  it('opens a built-in’s run while its file loads (its run id needs no catalog)', async () => {
    expect(await loadScenarioAndRun('pubsub-basics', 12)).toMatchObject({ ok: true });
    const port = await takeEarlyRun(mainRunId('pubsub-basics'));
    expect(port).not.toBeNull();
    expect(await port!.loadRun()).toBeUndefined();
    port!.close();
  });

  it('is dropped when the page moves to another address before the run is taken', async () => {
    const win = new EventTarget();
    vi.stubGlobal('window', win);
    await storeRun(150);
    await loadScenarioAndRun(scenario.id, 150);
    win.dispatchEvent(new Event('hashchange'));
    expect(takeEarlyRun(runId)).toBeNull();
  });
});
