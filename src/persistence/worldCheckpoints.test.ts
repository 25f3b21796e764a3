import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { findBuiltin } from '../scenarios/content';
import { publishScenario } from '../scenarios/heavy.fixtures';
import { Stepper } from '../scenarios/stepper';
import { openRunDatabase, openRunDb, runDbName, RUN_DB_VERSION } from './index';
import { runRecordOf, uniqueDbName } from './testing';
import type { WorldCheckpoint } from './worldCheckpoints';

const scenario = publishScenario(60);
const stepper = new Stepper(scenario, []);
const checkpointAt = (step: number, key = 'story-a'): WorldCheckpoint => {
  const r = stepper.at(step);
  return { step, key, world: r.world, effects: [...r.effects], lagRows: [{ step: 1, lags: { g: null } }], savedAt: 5 };
};
const stepsIn = async (runId: string) => {
  const db = await openRunDb(runDbName(runId), { onClosedElsewhere: () => undefined });
  const keys = await db.getAllKeys('worlds');
  db.close();
  return keys;
};

describe('world checkpoints in the run database (issue 14, performance)', () => {
  it('a stored checkpoint reads back as a world the stepper carries on from, exactly as replaying', async () => {
    const runId = uniqueDbName('run');
    const db = await openRunDatabase(runId);
    await db.saveCheckpoint(checkpointAt(40), []);
    db.close();
    const again = await openRunDatabase(runId);
    const [read] = await again.loadCheckpoints([40], 'story-a');
    again.close();
    expect(read?.lagRows).toEqual([{ step: 1, lags: { g: null } }]);
    const fresh = new Stepper(scenario, []);
    expect(fresh.seed(40, read!.world, read!.effects)).toBe(true);
    for (const k of [40, 41, 55]) expect(fresh.at(k)).toEqual(stepper.at(k));
  });

  it('ignores a checkpoint of another story, a damaged one and one filed under the wrong step', async () => {
    const runId = uniqueDbName('run');
    const db = await openRunDatabase(runId);
    await db.saveCheckpoint(checkpointAt(10), [20, 30]);
    await db.saveCheckpoint(checkpointAt(20), [10, 30]);
    expect((await db.loadCheckpoints([10, 20], 'story-b')).length).toBe(0);
    db.close();
    const raw = await openRunDb(runDbName(runId), { onClosedElsewhere: () => undefined });
    await raw.put('worlds', { ...checkpointAt(30), world: { ...checkpointAt(31).world } });
    await raw.put('worlds', { step: 10, key: 'story-a', world: 'not a world' } as unknown as WorldCheckpoint);
    raw.close();
    const again = await openRunDatabase(runId);
    const read = await again.loadCheckpoints([10, 20, 30, 99, -1, 1.5], 'story-a');
    again.close();
    expect(read.map((c) => c.step)).toEqual([20]);
  });

  it('keeps only the one written and those of the same story at the steps it names', async () => {
    const runId = uniqueDbName('run');
    const db = await openRunDatabase(runId);
    await db.saveCheckpoint(checkpointAt(10), []);
    await db.saveCheckpoint(checkpointAt(20), [10]);
    expect(await stepsIn(runId)).toEqual([10, 20]);
    await db.saveCheckpoint(checkpointAt(30), [20]);
    expect(await stepsIn(runId)).toEqual([20, 30]);
    // Another story (an answer changed the inputs): the first story's checkpoints go.
    await db.saveCheckpoint(checkpointAt(40, 'story-b'), [20, 30]);
    expect(await stepsIn(runId)).toEqual([40]);
    db.close();
  });

  it('a step with no checkpoint of its own gets the nearest one below it', async () => {
    const runId = uniqueDbName('run');
    const db = await openRunDatabase(runId);
    await db.saveCheckpoint(checkpointAt(30), []);
    await db.saveCheckpoint(checkpointAt(50), [30]);
    expect((await db.loadCheckpoints([45, 58, 20], 'story-a')).map((c) => c.step).sort()).toEqual([30, 50]);
    db.close();
  });

  it('starting a run again drops its checkpoints, whether or not its events are cleared', async () => {
    for (const clearEvents of [false, true]) {
      const runId = uniqueDbName('run');
      const db = await openRunDatabase(runId);
      await db.saveCheckpoint(checkpointAt(10), []);
      await db.replaceRun(runRecordOf(runId, 'publish-60'), { clearEvents });
      expect(await stepsIn(runId)).toEqual([]);
      db.close();
    }
  });

  it('the upgrade from version 1 adds the store and leaves the record and the events as they were', async () => {
    expect(RUN_DB_VERSION).toBe(3);
    const runId = uniqueDbName('run');
    const record = runRecordOf(runId, 'ride-sharing', { cursor: 2, furthestStep: 3 });
    const event = {
      position: 1,
      streamId: 'ride-1',
      revision: 0,
      eventId: 'e1',
      eventType: 'RideRequested',
      data: { id: 1 },
      metadata: {},
      recordedAt: 7,
    };
    // Version 1 exactly as its migration created it, with data in it.
    const v1 = await openDB(runDbName(runId), 1, {
      upgrade(db) {
        const events = db.createObjectStore('events', { keyPath: 'position' });
        events.createIndex('byStreamRevision', ['streamId', 'revision'], { unique: true });
        events.createIndex('byEventId', 'eventId');
        db.createObjectStore('run', { keyPath: 'runId' });
        db.createObjectStore('checkpoints', { keyPath: 'name' });
        db.createObjectStore('snapshots', { keyPath: 'streamId' });
      },
    });
    await v1.put('run', record);
    await v1.put('events', event);
    v1.close();

    const db = await openRunDatabase(runId);
    expect(await db.loadRun()).toEqual(record);
    const raw = await openRunDb(runDbName(runId), { onClosedElsewhere: () => undefined });
    expect(raw.version).toBe(RUN_DB_VERSION);
    expect([...raw.objectStoreNames].sort()).toEqual(['events', 'run', 'worlds']);
    expect(await raw.getAll('events')).toEqual([event]);
    raw.close();
    expect(await db.loadCheckpoints([3], 'any')).toEqual([]);
    await db.saveCheckpoint({ ...checkpointAt(3), key: 'any' }, []);
    expect((await db.loadCheckpoints([3], 'any')).length).toBe(1);
    db.close();
  });
});

// A world of a scenario with stored events and read models goes through IndexedDB as well.
it('a checkpoint of an event-sourced run reads back equal to the replayed world', async () => {
  const es = findBuiltin('cqrs-orders')!;
  const s = new Stepper(es, []);
  const k = es.steps.length - 2;
  const r = s.at(k);
  const runId = uniqueDbName('run');
  const db = await openRunDatabase(runId);
  await db.saveCheckpoint({ step: k, key: 'k', world: r.world, effects: [...r.effects], lagRows: [], savedAt: 1 }, []);
  const [read] = await db.loadCheckpoints([k], 'k');
  db.close();
  const fresh = new Stepper(es, []);
  expect(fresh.seed(k, read!.world, read!.effects)).toBe(true);
  expect(fresh.at(k + 2)).toEqual(s.at(k + 2));
});
