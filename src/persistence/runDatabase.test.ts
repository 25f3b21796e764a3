import { describe, expect, it } from 'vitest';
import { WrongExpectedVersionError } from '../engine/eventstore';
import type { NewEvent } from '../engine/types';
import { openCatalog, openRunDatabase, openRunDb, runDbName, type RunRecord } from './index';
import { DamagedRunRecordError, RunDivergedError } from './runRecord';
import { runRecordOf, uniqueDbName } from './testing';

const evs = (...ids: string[]): NewEvent[] =>
  ids.map((id) => ({ eventId: id, eventType: 'RideRequested', data: { id } }));
const runOf = (runId: string, patch: Partial<RunRecord> = {}): RunRecord => runRecordOf(runId, 'ride-sharing', patch);

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
      run: runOf(runId, {
        cursor: 1,
        furthestStep: 1,
        inputs: [{ kind: 'answer', atStep: 1, questionId: 'q', answer: 'a' }],
      }),
    });
    expect(results).toEqual([
      { nextExpectedRevision: 0, position: 1 },
      { nextExpectedRevision: 1, position: 3 },
      { nextExpectedRevision: 1, position: 4 },
    ]);
    db.close();
    const again = await openRunDatabase(runId);
    expect(again.runId).toBe(runId);
    expect(await again.loadRun()).toEqual(
      runOf(runId, {
        cursor: 1,
        furthestStep: 1,
        inputs: [{ kind: 'answer', atStep: 1, questionId: 'q', answer: 'a' }],
      }),
    );
    expect(
      (await again.store.readAll()).map(
        (e) => `${e.eventId}:${e.streamId}@${e.revision}#${e.position}/${e.recordedAt}`,
      ),
    ).toEqual(['r1:ride-1@0#1/42', 'r2:ride-2@0#2/42', 'r3:ride-2@1#3/42', 'r4:ride-1@1#4/42']);
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
    const step = {
      appends: [{ streamId: 'ride-1', events: evs('r1', 'r2'), expectedRevision: 'no_stream' as const }],
      run: runOf(runId, { cursor: 1 }),
    };
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
    expect([a, b, c]).toEqual([
      { nextExpectedRevision: 0, position: 1 },
      [{ nextExpectedRevision: 1, position: 2 }],
      { nextExpectedRevision: 2, position: 3 },
    ]);
    db.close();
  });
});

/** Writes a raw value into a run database's run store (as a damaged profile would hold it). */
async function putRaw(runId: string, value: unknown) {
  const db = await openRunDb(runDbName(runId), { onClosedElsewhere: () => undefined });
  const tx = db.transaction('run', 'readwrite');
  await tx.store.clear();
  await (tx.store as unknown as { put(v: unknown): Promise<unknown> }).put(value);
  await tx.done;
  db.close();
}

const answer = (questionId: string, a: string, atStep = 3) => ({
  kind: 'answer' as const,
  atStep,
  questionId,
  answer: a,
});

describe('run record shared by two tabs (issue 19)', () => {
  it('a write with a smaller furthest step does not pull the stored one back (19.1)', async () => {
    const runId = uniqueDbName('tabs');
    const a = await openRunDatabase(runId);
    const b = await openRunDatabase(runId);
    await a.commitStep({
      appends: [{ streamId: 's', events: evs('e1', 'e2') }],
      run: runOf(runId, { cursor: 5, furthestStep: 5 }),
    });
    // B opened earlier and stepped once: its step's events are already stored (a no-op), its view says furthest 1.
    await b.commitStep({
      appends: [{ streamId: 's', events: evs('e1'), expectedRevision: 'no_stream' }],
      run: runOf(runId, { cursor: 1, furthestStep: 1 }),
    });
    await b.saveRun(runOf(runId, { cursor: 1, furthestStep: 1 }));
    expect(await a.loadRun()).toMatchObject({ cursor: 1, furthestStep: 5 });
    expect((await a.store.readAll()).map((e) => e.eventId)).toEqual(['e1', 'e2']);
    a.close();
    b.close();
  });

  it('an answer stored by one tab survives a write by a tab that never saw it (19.2)', async () => {
    const runId = uniqueDbName('tabs');
    const a = await openRunDatabase(runId);
    const b = await openRunDatabase(runId);
    await a.saveRun(runOf(runId, { cursor: 6, furthestStep: 6, inputs: [answer('q1', 'x', 6)] }));
    await b.commitStep({
      appends: [{ streamId: 's', events: evs('e1') }],
      run: runOf(runId, { cursor: 1, furthestStep: 1, inputs: [] }),
    });
    expect((await b.loadRun())!.inputs).toEqual([answer('q1', 'x', 6)]);
    // B answers too (later): both are in the log, B's counts.
    await b.saveRun(runOf(runId, { cursor: 1, furthestStep: 1, inputs: [answer('q1', 'y', 6)] }));
    expect((await a.loadRun())!.inputs).toEqual([answer('q1', 'x', 6), answer('q1', 'y', 6)]);
    a.close();
    b.close();
  });

  it('writes racing in one tick from two connections both land (merge inside each transaction)', async () => {
    const runId = uniqueDbName('race');
    const a = await openRunDatabase(runId);
    const b = await openRunDatabase(runId);
    await Promise.all([
      a.commitStep({
        appends: [{ streamId: 's', events: evs('e1') }],
        run: runOf(runId, { furthestStep: 3, inputs: [answer('q1', 'a')] }),
      }),
      b.saveRun(runOf(runId, { furthestStep: 2, inputs: [answer('q2', 'b')] })),
      a.saveRun(runOf(runId, { furthestStep: 1, inputs: [answer('q1', 'a'), answer('q3', 'c')] })),
    ]);
    const stored = (await a.loadRun())!;
    expect(stored.furthestStep).toBe(3);
    expect(new Set(stored.inputs.map((i) => (i as { questionId: string }).questionId))).toEqual(
      new Set(['q1', 'q2', 'q3']),
    );
    a.close();
    b.close();
  });

  it('a write over a damaged stored record, or with another story, is refused and writes nothing', async () => {
    const runId = uniqueDbName('refuse');
    const db = await openRunDatabase(runId);
    await putRaw(runId, { ...runOf(runId), cursor: 'abc' });
    const err = await db
      .commitStep({
        appends: [{ streamId: 's', events: evs('e1') }],
        run: runOf(runId, { cursor: 1, furthestStep: 1 }),
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DamagedRunRecordError);
    expect((err as Error).message).toBe("This run's saved record is damaged (cursor is not a step number).");
    expect(await db.store.readAll()).toEqual([]);
    await expect(db.saveRun(runOf(runId))).rejects.toBeInstanceOf(DamagedRunRecordError);

    await putRaw(runId, runOf(runId, { inputs: [{ kind: 'add-consumer', atStep: 1, groupId: 'g', memberId: 'm' }] }));
    await expect(
      db.commitStep({ appends: [{ streamId: 's', events: evs('e1') }], run: runOf(runId) }),
    ).rejects.toBeInstanceOf(RunDivergedError);
    expect(await db.store.readAll()).toEqual([]);
    // The group commit goes on after a refused step.
    expect(await db.store.appendToStream('s', evs('e9'))).toEqual({ nextExpectedRevision: 0, position: 1 });
    db.close();
  });

  it('loadRun validates: a damaged record throws DamagedRunRecordError with what can be kept, a stray one too (7)', async () => {
    const runId = uniqueDbName('damaged');
    const db = await openRunDatabase(runId);
    await putRaw(runId, { ...runOf(runId, { inputs: [answer('q', 'x')], cursor: 4 }), furthestStep: '7' });
    const err = (await db.loadRun().catch((e: unknown) => e)) as DamagedRunRecordError;
    expect(err).toBeInstanceOf(DamagedRunRecordError);
    expect(err.problems).toEqual(['furthestStep is not a step number']);
    expect(err.salvage).toMatchObject({ inputs: [answer('q', 'x')], cursor: 4 });
    expect(err.salvage.furthestStep).toBeUndefined();
    // Filed under another key (its runId damaged): found, reported, its answers kept.
    await putRaw(runId, runOf('elsewhere', { inputs: [answer('q', 'y')] }));
    const stray = (await db.loadRun().catch((e: unknown) => e)) as DamagedRunRecordError;
    expect(stray.problems).toEqual(['it is filed under another run']);
    expect(stray.salvage.inputs).toEqual([answer('q', 'y')]);
    db.close();
  });

  it('replaceRun rewrites the record (dropping strays) and clears the events only when asked', async () => {
    const runId = uniqueDbName('replace');
    const db = await openRunDatabase(runId);
    await db.commitStep({
      appends: [{ streamId: 's', events: evs('e1', 'e2') }],
      run: runOf(runId, { furthestStep: 2 }),
    });
    await putRaw(runId, runOf('elsewhere'));
    await db.replaceRun(runOf(runId, { furthestStep: 2, cursor: 1 }), { clearEvents: false });
    expect(await db.loadRun()).toMatchObject({ furthestStep: 2, cursor: 1 });
    expect(await db.store.readAll()).toHaveLength(2);
    await db.replaceRun(runOf(runId), { clearEvents: true });
    expect(await db.store.readAll()).toEqual([]);
    // The store knows its head again: the next append is at position 1.
    expect(
      await db.commitStep({
        appends: [{ streamId: 's', events: evs('f1'), expectedRevision: 'no_stream' }],
        run: runOf(runId, { furthestStep: 1 }),
      }),
    ).toEqual([{ nextExpectedRevision: 0, position: 1 }]);
    await expect(db.replaceRun({ ...runOf(runId), cursor: Number.NaN }, { clearEvents: false })).rejects.toThrow(
      TypeError,
    );
    db.close();
  });
});

describe('catalog', () => {
  it('lists runs newest first, filters by scenario, deletes a run and its database', async () => {
    const catalog = await openCatalog();
    const r1 = uniqueDbName('cat');
    const r2 = uniqueDbName('cat');
    const r3 = uniqueDbName('cat');
    await catalog.putRun({
      runId: r1,
      scenarioId: 'pubsub',
      parentRunId: null,
      branchedAtStep: null,
      title: 'one',
      updatedAt: 10,
    });
    await catalog.putRun({
      runId: r2,
      scenarioId: 'ride',
      parentRunId: r1,
      branchedAtStep: 4,
      title: 'two',
      updatedAt: 30,
    });
    await catalog.putRun({
      runId: r3,
      scenarioId: 'ride',
      parentRunId: null,
      branchedAtStep: null,
      title: 'three',
      updatedAt: 20,
    });
    const mine = (rows: { runId: string }[]) => rows.map((r) => r.runId).filter((id) => [r1, r2, r3].includes(id));
    expect(mine(await catalog.listRuns())).toEqual([r2, r3, r1]);
    expect(mine(await catalog.listRuns('ride'))).toEqual([r2, r3]);
    expect(await catalog.getRun(r2)).toEqual({
      runId: r2,
      scenarioId: 'ride',
      parentRunId: r1,
      branchedAtStep: 4,
      title: 'two',
      updatedAt: 30,
    });

    const runDb = await openRunDatabase(r3);
    await runDb.store.appendToStream('s', evs('x'));
    runDb.close();
    await catalog.deleteRun(r3);
    expect(mine(await catalog.listRuns('ride'))).toEqual([r2]);
    const reopened = await openRunDatabase(r3);
    expect(await reopened.store.readAll()).toEqual([]);
    reopened.close();

    await catalog.putScenario({
      scenarioId: 'my-fork',
      title: 'Mine',
      forkedFrom: { runId: r2, step: 4 },
      document: { steps: [] },
      updatedAt: 5,
    });
    expect(await catalog.getScenario('my-fork')).toMatchObject({ title: 'Mine' });
    await catalog.putProgress({
      scenarioId: 'ride',
      furthestStep: 7,
      completed: false,
      answers: { q1: 'b' },
      updatedAt: 6,
    });
    expect(await catalog.getProgress('ride')).toMatchObject({ furthestStep: 7 });
    catalog.close();
  });
});
