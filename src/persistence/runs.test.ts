import { describe, expect, it } from 'vitest';
import { WrongExpectedVersionError } from '../engine/eventstore';
import type { NewEvent } from '../engine/types';
import { openCatalog, openRunDatabase, type RunRecord } from './index';
import { uniqueDbName } from './testing';

const evs = (...ids: string[]): NewEvent[] => ids.map((id) => ({ eventId: id, eventType: 'RideRequested', data: { id } }));
const runOf = (runId: string, patch: Partial<RunRecord> = {}): RunRecord => ({
  runId,
  scenarioId: 'ride-sharing',
  parentRunId: null,
  branchedAtStep: null,
  inputs: [],
  cursor: 0,
  furthestStep: 0,
  createdAt: 1,
  updatedAt: 1,
  ...patch,
});

describe('run database', () => {
  it('commitStep writes the step’s events and the run record in one transaction; reopening reads both back', async () => {
    const runId = uniqueDbName('run');
    const db = await openRunDatabase(runId, { clock: () => 42 });
    expect(await db.loadRun()).toBeUndefined();
    const results = await db.commitStep({
      appends: [
        { streamId: 'ride-1', events: evs('r1'), expectedRevision: 'no_stream' },
        { streamId: 'ride-2', events: evs('r2', 'r3') },
        { streamId: 'ride-1', events: evs('r4'), expectedRevision: 0 },
      ],
      run: runOf(runId, { cursor: 1, furthestStep: 1, inputs: [{ kind: 'answer', atStep: 1, questionId: 'q', answer: 'a' }] }),
    });
    expect(results).toEqual([
      { nextExpectedRevision: 0, position: 1 },
      { nextExpectedRevision: 1, position: 3 },
      { nextExpectedRevision: 1, position: 4 },
    ]);
    db.close();
    const again = await openRunDatabase(runId);
    expect(again.runId).toBe(runId);
    expect(await again.loadRun()).toEqual(runOf(runId, { cursor: 1, furthestStep: 1, inputs: [{ kind: 'answer', atStep: 1, questionId: 'q', answer: 'a' }] }));
    expect((await again.store.readAll()).map((e) => `${e.eventId}:${e.streamId}@${e.revision}#${e.position}/${e.recordedAt}`)).toEqual([
      'r1:ride-1@0#1/42', 'r2:ride-2@0#2/42', 'r3:ride-2@1#3/42', 'r4:ride-1@1#4/42',
    ]);
    again.close();
  });

  it('commitStep is all or nothing: a failed expectation throws WrongExpectedVersionError and writes neither events nor the run', async () => {
    const runId = uniqueDbName('atomic');
    const db = await openRunDatabase(runId);
    await db.commitStep({ appends: [{ streamId: 'ride-1', events: evs('r1') }], run: runOf(runId, { cursor: 1 }) });
    const before = await db.store.readAll();
    const err = await db
      .commitStep({
        appends: [
          { streamId: 'ride-2', events: evs('x1') },
          { streamId: 'ride-1', events: evs('x2'), expectedRevision: 'no_stream' },
        ],
        run: runOf(runId, { cursor: 2 }),
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WrongExpectedVersionError);
    expect((err as WrongExpectedVersionError).streamId).toBe('ride-1');
    expect(await db.store.readAll()).toEqual(before);
    expect((await db.loadRun())!.cursor).toBe(1);
    // The positions were not consumed.
    expect(await db.store.appendToStream('ride-2', evs('y'))).toEqual({ nextExpectedRevision: 0, position: 2 });
    db.close();
  });

  it('commitStep re-appending a step that already landed is an idempotent no-op (a replayed run)', async () => {
    const runId = uniqueDbName('replay');
    const db = await openRunDatabase(runId);
    const step = { appends: [{ streamId: 'ride-1', events: evs('r1', 'r2'), expectedRevision: 'no_stream' as const }], run: runOf(runId, { cursor: 1 }) };
    const first = await db.commitStep(step);
    expect(await db.commitStep(step)).toEqual(first);
    expect((await db.store.readAll()).length).toBe(2);
    db.close();
  });

  it('saveRun moves the cursor without events; a run record for another run is refused', async () => {
    const runId = uniqueDbName('cursor');
    const db = await openRunDatabase(runId);
    await db.saveRun(runOf(runId, { cursor: 3, furthestStep: 5 }));
    expect(await db.loadRun()).toMatchObject({ cursor: 3, furthestStep: 5 });
    expect(await db.store.readAll()).toEqual([]);
    await expect(db.saveRun(runOf('someone-else'))).rejects.toThrow(TypeError);
    expect(await db.loadRun()).toMatchObject({ cursor: 3 });
    db.close();
    await expect(db.loadRun()).rejects.toThrow(/closed/);
  });

  it('appends through the run’s store and commitStep share one order', async () => {
    const runId = uniqueDbName('mixed');
    const db = await openRunDatabase(runId);
    const [a, b, c] = await Promise.all([
      db.store.appendToStream('s', evs('a')),
      db.commitStep({ appends: [{ streamId: 's', events: evs('b'), expectedRevision: 0 }], run: runOf(runId) }),
      db.store.appendToStream('s', evs('c'), { expectedRevision: 1 }),
    ]);
    expect([a, b, c]).toEqual([{ nextExpectedRevision: 0, position: 1 }, [{ nextExpectedRevision: 1, position: 2 }], { nextExpectedRevision: 2, position: 3 }]);
    db.close();
  });
});

describe('catalog', () => {
  it('lists runs newest first, filters by scenario, deletes a run and its database', async () => {
    const catalog = await openCatalog();
    const r1 = uniqueDbName('cat');
    const r2 = uniqueDbName('cat');
    const r3 = uniqueDbName('cat');
    await catalog.putRun({ runId: r1, scenarioId: 'pubsub', parentRunId: null, branchedAtStep: null, title: 'one', updatedAt: 10 });
    await catalog.putRun({ runId: r2, scenarioId: 'ride', parentRunId: r1, branchedAtStep: 4, title: 'two', updatedAt: 30 });
    await catalog.putRun({ runId: r3, scenarioId: 'ride', parentRunId: null, branchedAtStep: null, title: 'three', updatedAt: 20 });
    const mine = (rows: { runId: string }[]) => rows.map((r) => r.runId).filter((id) => [r1, r2, r3].includes(id));
    expect(mine(await catalog.listRuns())).toEqual([r2, r3, r1]);
    expect(mine(await catalog.listRuns('ride'))).toEqual([r2, r3]);
    expect(await catalog.getRun(r2)).toEqual({ runId: r2, scenarioId: 'ride', parentRunId: r1, branchedAtStep: 4, title: 'two', updatedAt: 30 });

    const runDb = await openRunDatabase(r3);
    await runDb.store.appendToStream('s', evs('x'));
    runDb.close();
    await catalog.deleteRun(r3);
    expect(mine(await catalog.listRuns('ride'))).toEqual([r2]);
    const reopened = await openRunDatabase(r3);
    expect(await reopened.store.readAll()).toEqual([]);
    reopened.close();

    await catalog.putScenario({ scenarioId: 'my-fork', title: 'Mine', forkedFrom: { runId: r2, step: 4 }, document: { steps: [] }, updatedAt: 5 });
    expect(await catalog.getScenario('my-fork')).toMatchObject({ title: 'Mine' });
    await catalog.putProgress({ scenarioId: 'ride', furthestStep: 7, completed: false, answers: { q1: 'b' }, updatedAt: 6 });
    expect(await catalog.getProgress('ride')).toMatchObject({ furthestStep: 7 });
    catalog.close();
  });
});
