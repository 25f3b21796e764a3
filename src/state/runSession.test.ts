import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../engine/types';
import { findBuiltin } from '../scenarios/content';
import type { RunRecord } from '../persistence/runTypes';
import type { StreamAppend } from './appends';
import { createRunSession, type RunPort } from './runSession';

const scenario = findBuiltin('pubsub-basics')!;

/** A port that records what it was asked to write, for checking the session's write pattern. */
function fakePort(initial: { run?: RunRecord; events?: RecordedEvent[] } = {}) {
  let run = initial.run;
  const events: RecordedEvent[] = [...(initial.events ?? [])];
  const commits: StreamAppend[][] = [];
  const port: RunPort = {
    loadRun: async () => run,
    commitStep: async ({ appends, run: r }) => {
      commits.push(appends);
      for (const a of appends) for (const e of a.events) events.push({ ...e, streamId: a.streamId, revision: 0, position: events.length + 1, recordedAt: 0 } as RecordedEvent);
      run = r;
    },
    saveRun: async (r) => {
      run = r;
    },
    store: { readAll: async () => events },
  };
  return { port, commits, events, run: () => run };
}

describe('run session', () => {
  it('stores each step\'s new events with the cursor, and only moves the cursor when going back', async () => {
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
    const session = createRunSession({ scenario, runId: 't', port: null, unavailableReason: 'IndexedDB is unavailable', requestedStep: 3, now: () => 1 });
    await session.ready;
    expect(session.store.getState().storage).toMatchObject({ mode: 'memory', storedCount: 3, notice: 'IndexedDB is unavailable' });
  });
});
