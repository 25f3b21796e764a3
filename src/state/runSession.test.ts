import { describe, expect, it, vi } from 'vitest';
import type { RecordedEvent } from '../engine/types';
import { findBuiltin } from '../scenarios/content';
import type { ScenarioDef } from '../scenarios/schema';
import { openRunDatabase, openRunDb, runDbName } from '../persistence';
import type { RunRecord } from '../persistence/runRecord';
import { uniqueDbName } from '../persistence/testing';
import type { StreamAppend } from './appends';
import { openRunChannel, type RunChannel } from './runChannel';
import { createRunSession, type RunPort, type RunSession } from './runSession';

/** Writes a raw value (or nothing) into a run database's run store, as a damaged profile would hold it. */
async function putRaw(runId: string, value: unknown) {
  const db = await openRunDb(runDbName(runId), { onClosedElsewhere: () => undefined });
  const tx = db.transaction('run', 'readwrite');
  await tx.store.clear();
  if (value !== null) await (tx.store as unknown as { put(v: unknown): Promise<unknown> }).put(value);
  await tx.done;
  db.close();
}

/**
 * A built-in with every publish turned into a command on a Story aggregate: a direct producer stores
 * nothing (it writes to the broker only), so the run's persistence is tested on the same story told
 * by a write side, whose events are stored in the same streams and order.
 */
function storedVersion(id: string): ScenarioDef {
  const base = findBuiltin(id)!;
  const types = [
    ...new Set(base.steps.flatMap((st) => (st.action.kind === 'publish' ? [st.action.event.eventType] : []))),
  ];
  return {
    ...base,
    topology: {
      ...base.topology,
      aggregates: [
        {
          type: 'Story',
          streamPrefix: '',
          version: 1,
          initial: 'open',
          fields: {},
          commands: types.map((t) => ({ command: `Record${t}`, when: ['open'], emit: [{ eventType: t, data: {} }] })),
          evolve: types.map((t) => ({ eventType: t })),
        },
      ],
    },
    steps: base.steps.map((st) =>
      st.action.kind === 'publish'
        ? {
            ...st,
            action: {
              kind: 'command' as const,
              aggregate: 'Story',
              id: st.action.event.streamId,
              command: `Record${st.action.event.eventType}`,
              data: {},
            },
          }
        : st,
    ),
  };
}
const scenario = storedVersion('pubsub-basics');

/** A port that records what it was asked to write, for checking the session's write pattern. */
function fakePort(initial: { run?: RunRecord; events?: RecordedEvent[] } = {}) {
  let run = initial.run;
  const events: RecordedEvent[] = [...(initial.events ?? [])];
  const commits: StreamAppend[][] = [];
  const port: RunPort = {
    loadRun: async () => run,
    commitStep: async ({ appends, run: r }) => {
      commits.push(appends);
      for (const a of appends)
        for (const e of a.events)
          events.push({
            ...e,
            streamId: a.streamId,
            revision: 0,
            position: events.length + 1,
            recordedAt: 0,
          } as RecordedEvent);
      run = r;
    },
    saveRun: async (r) => {
      run = r;
    },
    replaceRun: async (r, { clearEvents }) => {
      run = r;
      if (clearEvents) events.length = 0;
    },
    store: { readAll: async () => events },
  };
  return { port, commits, events, run: () => run };
}

describe('run session', () => {
  it("stores each step's new events with the cursor, and only moves the cursor when going back", async () => {
    const fake = fakePort();
    const session = createRunSession({ scenario, runId: 't', port: fake.port, requestedStep: null, now: () => 1 });
    await session.ready;
    await session.goTo(1);
    await session.goTo(2);
    await session.goTo(1);
    await session.settled();
    expect(fake.commits.map((c) => c.map((a) => [a.streamId, a.expectedRevision, a.events.length]))).toEqual([
      [['order-1', 'no_stream', 1]],
      [['order-2', 'no_stream', 1]],
    ]);
    expect(fake.run()).toMatchObject({ cursor: 1, furthestStep: 2 });
    expect(session.store.getState().storage).toMatchObject({ mode: 'indexeddb', storedCount: 2, error: null });
  });

  it('a jump ahead stores every event up to that step in one write', async () => {
    const fake = fakePort();
    const session = createRunSession({ scenario, runId: 't', port: fake.port, requestedStep: 4, now: () => 1 });
    await session.ready;
    await session.settled();
    expect(fake.commits).toHaveLength(1);
    expect(fake.commits[0]!.map((a) => [a.streamId, a.expectedRevision])).toEqual([
      ['order-1', 'no_stream'],
      ['order-2', 'no_stream'],
      ['order-4', 'no_stream'],
      ['order-1', 0],
    ]);
    expect(session.store.getState().step).toBe(4);
  });

  it('restores where the learner left off and re-appends a missing tail', async () => {
    const first = fakePort();
    const s1 = createRunSession({ scenario, runId: 't', port: first.port, requestedStep: 3, now: () => 1 });
    await s1.ready;
    await s1.settled();
    // Simulate a reload after the cursor moved to step 4 but before step 4's events landed.
    const run = { ...first.run()!, cursor: 4, furthestStep: 4 };
    const second = fakePort({ run, events: first.events.slice(0, 3) });
    const s2 = createRunSession({ scenario, runId: 't', port: second.port, requestedStep: null, now: () => 2 });
    await s2.ready;
    await s2.settled();
    expect(s2.store.getState().step).toBe(4);
    expect(second.commits.at(-1)!.map((a) => [a.streamId, a.expectedRevision])).toEqual([['order-1', 0]]);
    expect(s2.store.getState().storage.notice).toMatch(/Restored step 4/);
  });

  it('reports stored events that disagree with the scenario and writes nothing', async () => {
    const good = fakePort();
    const s1 = createRunSession({ scenario, runId: 't', port: good.port, requestedStep: 2, now: () => 1 });
    await s1.settled();
    const tampered = good.events.map((e, i) => (i === 1 ? { ...e, eventType: 'Tampered' } : e));
    const bad = fakePort({ run: good.run(), events: tampered });
    const s2 = createRunSession({ scenario, runId: 't', port: bad.port, requestedStep: null, now: () => 2 });
    await s2.ready;
    await s2.goTo(5);
    await s2.settled();
    expect(s2.store.getState().storage.error).toMatch(/disagree with the scenario at global position 2/);
    expect(bad.commits).toEqual([]);
  });

  it('plays in memory when there is no storage, and says so', async () => {
    const session = createRunSession({
      scenario,
      runId: 't',
      port: null,
      unavailableReason: 'IndexedDB is unavailable',
      requestedStep: 3,
      now: () => 1,
    });
    await session.ready;
    expect(session.store.getState().storage).toMatchObject({
      mode: 'memory',
      storedCount: 3,
      notice: 'IndexedDB is unavailable',
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Issue 19: two tabs of one run, and damaged run records (real run databases in fake-indexeddb)
// ---------------------------------------------------------------------------------------------

const partitions = storedVersion('partitions-keys-ordering');
/** Step 6 of partitions-keys-ordering asks this question. */
const Q6 = 'order-across-partitions';

async function tab(runId: string, requestedStep: number | null, channel: RunChannel | null = null) {
  const db = await openRunDatabase(runId);
  const session = createRunSession({ scenario: partitions, runId, port: db, requestedStep, now: () => 1000, channel });
  await session.ready;
  return { db, session, state: () => session.store.getState(), close: () => (session.close(), db.close()) };
}

async function stepTo(session: RunSession, to: number) {
  for (let k = session.store.getState().step + 1; k <= to; k++) await session.goTo(k);
  await session.settled();
}

describe('run session: two tabs of one run', () => {
  it('a tab that stepped less never pulls back the furthest step; a reopened tab sees no disagreement (19.1)', async () => {
    const runId = uniqueDbName('two');
    const a = await tab(runId, 0);
    const b = await tab(runId, 0);
    await stepTo(a.session, 5);
    const eventsAt5 = a.state().world.log.events.length;
    await stepTo(b.session, 1);
    a.close();
    const again = await tab(runId, 5);
    expect(again.state().storage).toMatchObject({ error: null, storedCount: eventsAt5 });
    expect(again.state().furthestStep).toBe(5);
    // Where the learner left off: the last tab that moved (the reopened one, at 5).
    const resumed = await tab(runId, null);
    expect(resumed.state()).toMatchObject({ step: 5, furthestStep: 5 });
    expect(resumed.state().storage.error).toBeNull();
    for (const t of [b, again, resumed]) t.close();
  });

  it('an answer given in one tab survives a step in a tab opened earlier (19.2)', async () => {
    const runId = uniqueDbName('two');
    const b = await tab(runId, 0);
    const a = await tab(runId, 0);
    await stepTo(a.session, 6);
    expect(a.session.hasOpenQuestion()).toBe(true);
    await a.session.answer(Q6, 'per-key');
    await stepTo(b.session, 1);
    a.close();
    const again = await tab(runId, 6);
    expect(again.state().answers).toEqual({ [Q6]: 'per-key' });
    expect(again.session.hasOpenQuestion()).toBe(false);
    expect(again.state().storage.error).toBeNull();
    b.close();
    again.close();
  });

  it('the other tab hears of a change and follows: answers and furthest step, its own step unchanged (live notice)', async () => {
    const runId = uniqueDbName('live');
    const a = await tab(runId, 0, openRunChannel(runId));
    const b = await tab(runId, 0, openRunChannel(runId));
    await stepTo(a.session, 6);
    await a.session.answer(Q6, 'per-key');
    await a.session.settled();
    await vi.waitFor(async () => {
      await b.session.settled();
      expect(b.state().answers).toEqual({ [Q6]: 'per-key' });
      expect(b.state().furthestStep).toBe(6);
    });
    expect(b.state().step).toBe(0);
    expect(b.state().storage.storedCount).toBe(a.state().storage.storedCount);
    expect(b.state().storage.notice).toMatch(
      /^Another tab of this run (went on to step 6 and )?answered 1 question; it is the same run/,
    );
    // B, now knowing what is stored, steps on without rewriting it, and its answer view stays.
    await stepTo(b.session, 7);
    expect(b.state().storage.error).toBeNull();
    expect((await b.db.loadRun())!.inputs).toEqual([{ kind: 'answer', atStep: 6, questionId: Q6, answer: 'per-key' }]);
    a.close();
    b.close();
  });

  it('a tab whose count of stored events is behind stores only what is missing (no false conflict)', async () => {
    const runId = uniqueDbName('behind');
    const a = await tab(runId, 0);
    const b = await tab(runId, 0);
    await stepTo(a.session, 5);
    // B jumps past A without having heard of A's steps.
    await b.session.goTo(9);
    await b.session.settled();
    expect(b.state().storage.error).toBeNull();
    const stored = await b.db.store.readAll();
    expect(stored.length).toBe(b.state().world.log.events.length);
    a.close();
    b.close();
    const again = await tab(runId, null);
    expect(again.state()).toMatchObject({ step: 9, furthestStep: 9 });
    expect(again.state().storage.error).toBeNull();
    again.close();
  });

  it('rejects steps that are not whole numbers (the stepper is never asked for them)', async () => {
    const s = (await tab(uniqueDbName('nan'), 2)).session;
    for (const bad of [Number.NaN, 1.5, Infinity, '3' as unknown as number])
      await expect(s.goTo(bad)).rejects.toBeInstanceOf(RangeError);
    expect(s.store.getState().step).toBe(2);
    s.close();
  });
});

describe('run session: damaged run records (19.7)', () => {
  const wrong: Record<string, unknown[]> = {
    cursor: ['abc', {}, undefined, 1.5, -1, Number.NaN, 1e12],
    furthestStep: ['abc', {}, undefined, 1.5, -1, Number.NaN, 1e12],
    branchedAtStep: ['abc', {}, 1.5],
    createdAt: ['abc', {}, undefined],
    updatedAt: ['abc', undefined],
    scenarioId: [42, {}, undefined, 'another-scenario'],
    parentRunId: [42, undefined],
    runId: [42, 'someone-else'],
    inputs: ['abc', {}, undefined],
    'inputs[0]': [{ kind: 'answer', atStep: 'x', questionId: Q6, answer: 'y' }, 42],
  };

  /** A run at step 8 with one answer, as stored. */
  async function baseline() {
    const runId = uniqueDbName('damaged');
    const t = await tab(runId, 0);
    await stepTo(t.session, 6);
    await t.session.answer(Q6, 'per-key');
    await stepTo(t.session, 8);
    const record = (await t.db.loadRun())!;
    const events = (await t.db.store.readAll()).length;
    t.close();
    return { runId, record, events };
  }

  it('every field set to a wrong type, one at a time: opens read-only saying what is wrong; starting again keeps answers and events', async () => {
    const base = await baseline();
    for (const [field, values] of Object.entries(wrong)) {
      for (const value of values) {
        const what = `${field} = ${String(value)}`;
        const raw: Record<string, unknown> = structuredClone(base.record) as unknown as Record<string, unknown>;
        if (field === 'inputs[0]') raw.inputs = [value, ...(raw.inputs as unknown[])];
        else if (value === undefined) delete raw[field];
        else raw[field] = value;
        await putRaw(base.runId, raw);

        const t = await tab(base.runId, null);
        const storage = t.state().storage;
        expect(storage.error, what).toMatch(
          field === 'scenarioId' && value === 'another-scenario'
            ? /saved record is damaged \(it belongs to another scenario\)/
            : /^This run's saved record is damaged \(/,
        );
        expect(storage.error, what).toMatch(/Start this run again/);
        expect(storage.error, what).not.toMatch(/TypeError|RangeError|Expected|undefined|NaN|\[object/);
        expect(storage.damaged, what).toBe(true);
        expect(t.state().step, what).toBe(0);
        // Read-only: moving writes nothing.
        await t.session.goTo(3);
        await t.session.settled();
        expect((await t.db.store.readAll()).length, what).toBe(base.events);

        await t.session.restart();
        await t.session.settled();
        const after = t.state();
        expect(after.storage.error, what).toBeNull();
        expect(after.storage.damaged, what).toBe(false);
        expect(after.storage.notice, what).toMatch(/started again/);
        expect((await t.db.store.readAll()).length, what).toBe(base.events);
        const repaired = (await t.db.loadRun())!;
        expect(repaired, what).toMatchObject({
          runId: base.runId,
          scenarioId: partitions.id,
          parentRunId: null,
          branchedAtStep: null,
          furthestStep: base.record.furthestStep,
        });
        if (field !== 'inputs') expect(after.answers, what).toEqual({ [Q6]: 'per-key' });
        // It plays on (one step further each time: the next case starts from there).
        const next = Math.min(base.record.furthestStep + 1, t.state().lastStep);
        await t.session.goTo(next);
        await t.session.settled();
        expect(t.state().storage.error, what).toBeNull();
        expect(await t.db.loadRun(), what).toMatchObject({ furthestStep: next, cursor: next });
        base.events = (await t.db.store.readAll()).length;
        base.record = { ...base.record, furthestStep: next, cursor: next };
        t.close();
        await putRaw(base.runId, base.record);
      }
    }
  });

  it('a missing record next to stored events is damaged, not a disagreement; starting again recovers the furthest step from the events', async () => {
    const base = await baseline();
    await putRaw(base.runId, null);
    const t = await tab(base.runId, null);
    expect(t.state().storage.error).toMatch(/^This run's saved record is missing, but \d+ events of it are stored/);
    await t.session.restart();
    await t.session.settled();
    expect(t.state().storage.error).toBeNull();
    expect(await t.db.loadRun()).toMatchObject({ furthestStep: 8 });
    expect((await t.db.store.readAll()).length).toBe(base.events);
    t.close();
  });

  it('stored events that disagree can be started again: they are cleared and stored afresh, answers kept', async () => {
    const base = await baseline();
    const db = await openRunDb(runDbName(base.runId), { onClosedElsewhere: () => undefined });
    const first = (await db.getAll('events'))[1]!;
    await db.put('events', { ...first, eventType: 'Tampered' });
    db.close();
    const t = await tab(base.runId, null);
    expect(t.state().storage.error).toMatch(/disagree with the scenario at global position 2/);
    await t.session.restart();
    await t.session.settled();
    expect(t.state().storage.error).toBeNull();
    expect(t.state().storage.notice).toMatch(/were cleared/);
    expect(t.state().answers).toEqual({ [Q6]: 'per-key' });
    const stored = await t.db.store.readAll();
    expect(stored.length).toBe(t.state().world.log.events.length);
    expect(stored.every((e) => e.eventType !== 'Tampered')).toBe(true);
    t.close();
  });
});

describe('a run whose storage fails at start-up', () => {
  it('plays in memory and writes nothing more: "memory only" means it', async () => {
    const writes: string[] = [];
    const port: RunPort = {
      loadRun: async () => {
        throw Object.assign(new Error('The database connection is closing.'), { name: 'InvalidStateError' });
      },
      commitStep: async () => void writes.push('commitStep'),
      saveRun: async () => void writes.push('saveRun'),
      replaceRun: async () => void writes.push('replaceRun'),
      store: { readAll: async () => [] },
    };
    const session = createRunSession({
      scenario,
      runId: 'main-pubsub-basics',
      port,
      requestedStep: null,
      now: () => 0,
    });
    await session.ready;
    expect(session.store.getState().storage.mode).toBe('memory');
    expect(session.store.getState().storage.error).not.toMatch(/InvalidStateError|database connection is closing/);
    await session.goTo(3);
    await session.answer('q', 'a');
    await session.goTo(5);
    await session.settled();
    expect(session.store.getState().step).toBe(5);
    expect(writes).toEqual([]);
  });
});
