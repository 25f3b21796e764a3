/**
 * Opening a stored run shows the step asked for as soon as the record says the story is the one the
 * session computes (answers change no world), before the stored events are read and checked; a
 * record that tells another story is shown only once it has been read whole.
 */
import { describe, expect, it } from 'vitest';
import type { LearnerInput, RecordedEvent } from '../engine/types';
import type { RunRecord } from '../persistence/runRecord';
import { findBuiltin } from '../scenarios/content';
import { Stepper } from '../scenarios/stepper';
import { createRunSession, type RunPort } from './runSession';

const scenario = findBuiltin('partitions-keys-ordering')!;
const record = (inputs: LearnerInput[], furthestStep: number): RunRecord => ({
  runId: 't',
  scenarioId: scenario.id,
  parentRunId: null,
  branchedAtStep: null,
  inputs,
  cursor: furthestStep,
  furthestStep,
  createdAt: 1,
  updatedAt: 1,
});

/** A port whose stored events arrive only when `release()` is called. */
function slowEventsPort(run: RunRecord) {
  let release = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  let stored = run;
  const port: RunPort = {
    loadRun: async () => stored,
    commitStep: async ({ run: r }) => {
      stored = r;
    },
    saveRun: async (r) => {
      stored = r;
    },
    replaceRun: async (r) => {
      stored = r;
    },
    store: { readAll: async (): Promise<RecordedEvent[]> => (await gate, []) },
  };
  return { port, release, run: () => stored };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const answer: LearnerInput = { kind: 'answer', atStep: 6, questionId: 'order-across-partitions', answer: 'no' };

describe('opening a stored run', () => {
  it('shows the step asked for before its stored events are read; the world is the one replaying gives', async () => {
    const fake = slowEventsPort(record([answer], 8));
    const session = createRunSession({ scenario, runId: 't', port: fake.port, requestedStep: 7, now: () => 2 });
    await session.shown;
    const early = session.store.getState();
    expect(early.step).toBe(7);
    expect(early.world).toEqual(new Stepper(scenario, []).at(7).world);
    expect(early.storage.mode).toBe('loading');
    expect(early.answers).toEqual({ 'order-across-partitions': 'no' });
    expect(early.furthestStep).toBe(8);
    fake.release();
    await session.ready;
    expect(session.store.getState()).toMatchObject({ step: 7, storage: { mode: 'indexeddb' } });
  });

  it('a record that tells another story is shown only once it has been read whole', async () => {
    const produce: LearnerInput = { kind: 'produce', atStep: 2, topic: 'orders', key: 'k', value: { n: 1 } };
    const fake = slowEventsPort(record([produce], 4));
    const session = createRunSession({ scenario, runId: 't', port: fake.port, requestedStep: 4, now: () => 2 });
    let shown = false;
    void session.shown.then(() => (shown = true));
    await flush();
    expect(shown).toBe(false);
    expect(session.store.getState().step).toBe(0);
    fake.release();
    await session.shown;
    expect(session.store.getState().world).toEqual(new Stepper(scenario, [produce]).at(4).world);
  });

  it('an answer given while the stored run is still being read joins the answers it holds', async () => {
    const fake = slowEventsPort(record([answer], 8));
    const session = createRunSession({ scenario, runId: 't', port: fake.port, requestedStep: 3, now: () => 2 });
    await session.shown;
    const given = session.answer('q-later', 'yes');
    fake.release();
    await given;
    await session.settled();
    expect(session.store.getState().answers).toEqual({ 'order-across-partitions': 'no', 'q-later': 'yes' });
    expect(fake.run().inputs.filter((i) => i.kind === 'answer')).toHaveLength(2);
  });
});
