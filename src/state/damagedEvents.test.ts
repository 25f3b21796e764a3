import { describe, expect, it } from 'vitest';
import { findBuiltin } from '../scenarios/content';
import { openRunDatabase, openRunDb, runDbName } from '../persistence';
import { uniqueDbName } from '../persistence/testing';
import { createRunSession, type RunSession } from './runSession';

/**
 * Issue 19's damaged-record sweep for the stored EVENTS of a run: every field of a stored event set
 * to a wrong value, one at a time, in a real run database (fake-indexeddb). Opening the run never
 * throws or hangs, says what happened in plain words, keeps the answers, and "Start this run again"
 * makes the run usable again with its events stored.
 *
 * The run database's checkpoint and snapshot stores are not swept: the app never writes or reads
 * them (a run's read models and aggregate snapshots are recomputed in memory with the world; only
 * the devtools harness uses those stores), so a damaged entry there cannot reach the learner.
 */

// A scenario whose steps append to the event store (the broker scenarios keep their records in topics).
const scenario = findBuiltin('event-sourcing')!;
/** Step 5 asks this question; steps 5 and 6 store 7 and 8 events. */
const Q = 'without-expected';
const ANSWER = 'store-checks';
const ANSWERS = JSON.stringify({ [Q]: ANSWER });
/** The stored event that is damaged: the third (global position 3). */
const TARGET = 2;

/** Fails instead of hanging: every open and every restart must settle quickly. */
const bounded = <T>(what: string, p: Promise<T>, ms = 5000): Promise<T> =>
  Promise.race([
    p,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what}: still not settled after ${ms} ms`)), ms)),
  ]);

async function tab(runId: string, requestedStep: number | null = null) {
  const db = await openRunDatabase(runId);
  const session = createRunSession({ scenario, runId, port: db, requestedStep, now: () => 1000 });
  await bounded('open', session.ready);
  return { db, session, state: () => session.store.getState(), close: () => (session.close(), db.close()) };
}

async function stepTo(session: RunSession, to: number) {
  for (let k = session.store.getState().step + 1; k <= to; k++) await session.goTo(k);
  await session.settled();
}

type Raw = Record<string, unknown>;

async function rawEvents(runId: string): Promise<Raw[]> {
  const db = await openRunDb(runDbName(runId), { onClosedElsewhere: () => undefined });
  const all = (await db.getAll('events')) as unknown as Raw[];
  db.close();
  return all;
}

/** Replaces the stored event `original` with `damaged` (its key is its position: a new position is a new key). */
async function putRawEvent(runId: string, original: Raw, damaged: Raw): Promise<'stored' | 'refused'> {
  const db = await openRunDb(runDbName(runId), { onClosedElsewhere: () => undefined });
  try {
    const tx = db.transaction('events', 'readwrite');
    const store = tx.store as unknown as { delete(k: unknown): Promise<void>; put(v: unknown): Promise<unknown> };
    await store.delete(original.position);
    await store.put(damaged);
    await tx.done;
    return 'stored';
  } catch (err) {
    // A position that is no IndexedDB key (an object, null, NaN, missing) cannot be stored at all.
    if ((err as { name?: string }).name === 'DataError') return 'refused';
    throw err;
  } finally {
    db.close();
  }
}

const MISSING = Symbol('missing');
const NUMBER_WRONG = ['abc', {}, null, MISSING, Number.NaN, 1e20, [3], 1.5, -1];
const TEXT_WRONG = [42, {}, null, MISSING, Number.NaN, ['x'], ''];
/** Field → wrong values (a value of the right type that is still wrong is reported as a disagreement). */
const wrongFor = (field: string): unknown[] => {
  switch (field) {
    case 'position':
      return [...NUMBER_WRONG, 1e12];
    case 'revision':
      return [...NUMBER_WRONG, 1e12, 7];
    case 'recordedAt':
      return NUMBER_WRONG;
    case 'schemaVersion':
      // Missing is allowed (it means 1).
      return [...NUMBER_WRONG.filter((v) => v !== MISSING), 0, 2];
    case 'metadata':
      // Missing is allowed (no metadata).
      return ['abc', 42, null, Number.NaN, [3]];
    case 'data':
      return ['abc', 42, null, MISSING, Number.NaN, [3], {}];
    default:
      return [...TEXT_WRONG, 'someone-else'];
  }
};
const show = (v: unknown) => (v === MISSING ? 'missing' : typeof v === 'number' ? String(v) : JSON.stringify(v));

describe('run session: damaged stored events (issue 19)', () => {
  it('every field of a stored event set to a wrong value, one at a time: read-only with a message, answers kept, starting again stores the events', async () => {
    /** A fresh run at step 5 with its answer, as stored. */
    const baseline = async () => {
      const runId = uniqueDbName('damaged-events');
      const t0 = await tab(runId);
      await stepTo(t0.session, 5);
      await t0.session.answer(Q, ANSWER);
      await t0.session.settled();
      t0.close();
      return runId;
    };
    const shape = Object.keys((await rawEvents(await baseline()))[TARGET]!);
    // The stored shape, read from the database (not assumed).
    expect(shape.sort()).toEqual([
      'data',
      'eventId',
      'eventType',
      'metadata',
      'position',
      'recordedAt',
      'revision',
      'schemaVersion',
      'streamId',
    ]);

    const failures: string[] = [];
    let cases = 0;
    for (const field of shape) {
      for (const value of wrongFor(field)) {
        const what = `${field} = ${show(value)}`;
        const runId = await baseline();
        const before = await rawEvents(runId);
        const original = before[TARGET]!;
        const damaged: Raw = { ...original };
        if (value === MISSING) delete damaged[field];
        else damaged[field] = value;
        if ((await putRawEvent(runId, original, damaged)) === 'refused') continue;
        cases++;

        let t: Awaited<ReturnType<typeof tab>>;
        try {
          t = await tab(runId);
        } catch (err) {
          failures.push(`${what}: opening threw ${String(err)}`);
          continue;
        }
        const problems: string[] = [];
        const { storage, answers } = t.state();
        if (storage.damaged !== true)
          problems.push(`not damaged (mode ${storage.mode}, error ${String(storage.error)})`);
        if (!/stored event|disagree/.test(storage.error ?? '')) problems.push(`message: ${String(storage.error)}`);
        else if (/TypeError|RangeError|ZodError|Expected|undefined|NaN|\[object/.test(storage.error!))
          problems.push(`raw text in: ${storage.error}`);
        if (!/Start this run again/.test(storage.error ?? '')) problems.push('no "Start this run again"');
        if (JSON.stringify(answers) !== ANSWERS) problems.push(`answers: ${JSON.stringify(answers)}`);
        try {
          await bounded('restart', t.session.restart());
          await bounded('settled', t.session.settled());
          const after = t.state();
          if (after.storage.error !== null || after.storage.damaged)
            problems.push(`after restart: ${String(after.storage.error)}`);
          if (JSON.stringify(after.answers) !== ANSWERS)
            problems.push(`answers after restart: ${JSON.stringify(after.answers)}`);
          const stored = await bounded('readAll', t.db.store.readAll());
          if (stored.length < before.length) problems.push(`events lost: ${stored.length} of ${before.length}`);
          if (JSON.stringify(stored.map((e) => e.eventId)) !== JSON.stringify(before.map((e) => e.eventId)))
            problems.push('stored events differ from those before the damage');
          // It plays on: a step forward stores that step's events.
          await bounded('goTo', t.session.goTo(6));
          await bounded('settled', t.session.settled());
          const played = await t.db.store.readAll();
          if (t.state().storage.error !== null) problems.push(`stepping: ${String(t.state().storage.error)}`);
          if (played.length !== 8 || played.length !== t.state().world.log.events.length)
            problems.push(`stepping stored ${played.length}, the world has ${t.state().world.log.events.length}`);
        } catch (err) {
          problems.push(`restart: ${String(err)}`);
        }
        t.close();
        if (problems.length > 0) failures.push(`${what}: ${problems.join(' | ')}`);
      }
    }
    expect(failures).toEqual([]);
    expect(cases).toBeGreaterThan(50);
  }, 120_000);
});

describe('a damaged stored event in a run part-way through', () => {
  it('event-sourcing at step 3: after starting again, stepping on stores the new events', async () => {
    const runId = uniqueDbName('damaged-events');
    const t0 = await tab(runId, 3);
    await t0.session.settled();
    t0.close();
    const before = await rawEvents(runId);
    expect(before.length).toBeGreaterThan(TARGET);
    await putRawEvent(runId, before[TARGET]!, { ...before[TARGET]!, revision: 'abc' });
    const t = await tab(runId);
    expect(t.state().storage).toMatchObject({ damaged: true });
    expect(t.state().storage.error).toMatch(/Start this run again/);
    await bounded('restart', t.session.restart());
    await t.session.settled();
    expect(t.state().storage).toMatchObject({ damaged: false, error: null });
    expect((await t.db.store.readAll()).map((e) => e.eventId)).toEqual(before.map((e) => e.eventId));
    await stepTo(t.session, 8);
    expect(t.state().storage.error).toBeNull();
    const stored = await t.db.store.readAll();
    expect(stored.length).toBe(t.state().world.log.events.length);
    expect(stored.length).toBeGreaterThan(before.length);
    t.close();
  });
});
