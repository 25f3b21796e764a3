import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LearnerInput } from '../engine/types';
import { openRunDatabase, openRunDb, runDbName } from '../persistence';
import { uniqueDbName } from '../persistence/testing';
import { publishScenario } from '../scenarios/heavy.fixtures';
import { Stepper } from '../scenarios/stepper';
import { checkpointKey } from './checkpointKeys';
import { createRunSession } from './runSession';

const scenario = publishScenario(500);
const BUILD = 'build-1';
const replayed = new Stepper(scenario, []);

/** A session on the run's real (fake-indexeddb) database, checkpointing as soon as a step is shown. */
async function open(
  runId: string,
  requestedStep: number | null,
  extra: { build?: string; inputs?: LearnerInput[] } = {},
) {
  const port = await openRunDatabase(runId);
  const session = createRunSession({
    scenario,
    runId,
    port,
    requestedStep,
    now: () => 1,
    checkpointBuild: extra.build ?? BUILD,
    checkpointRestMs: 0,
    ...(extra.inputs ? { inputs: extra.inputs } : {}),
  });
  await session.ready;
  return { session, port };
}

const storedSteps = async (runId: string) => {
  const db = await openRunDb(runDbName(runId), { onClosedElsewhere: () => undefined });
  const keys = await db.getAllKeys('worlds');
  db.close();
  return keys;
};

/** Engine steps applied while `f` runs (a replay from step 0 to step k applies k). */
async function appliedDuring(f: () => Promise<unknown>): Promise<number> {
  const apply = vi.spyOn(Stepper.prototype as unknown as { apply: (...a: unknown[]) => unknown }, 'apply');
  try {
    await f();
    return apply.mock.calls.length;
  } finally {
    apply.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('a run opened far from step 0 starts from its stored checkpoint (issue 14, performance)', () => {
  it('resting on a step stores its result; a fresh session opened there uses it and shows the same world', async () => {
    const runId = uniqueDbName('run');
    const first = await open(runId, null);
    await first.session.goTo(350);
    await vi.waitFor(async () => expect(await storedSteps(runId)).toEqual([350]));
    first.session.close();
    first.port.close();

    let second!: Awaited<ReturnType<typeof open>>;
    const applied = await appliedDuring(async () => {
      second = await open(runId, null);
    });
    expect(applied).toBeLessThan(5); // not 350: no replay from step 0
    const shown = second.session.store.getState();
    expect(shown.step).toBe(350);
    expect(shown.world).toEqual(replayed.at(350).world);
    expect(shown.effects).toEqual(replayed.at(350).effects);
    expect(shown.storage.error).toBeNull();
    // Stepping on from there is the replayed story too.
    await second.session.goTo(352);
    expect(second.session.store.getState().world).toEqual(replayed.at(352).world);
    // Resting a few steps further writes nothing new; resting far enough writes the new step's.
    await second.session.settled();
    await new Promise((r) => setTimeout(r, 20));
    expect(await storedSteps(runId)).toEqual([350]);
    await second.session.goTo(410);
    await vi.waitFor(async () => expect(await storedSteps(runId)).toEqual([410]));
    second.session.close();
    second.port.close();

    // A page opened at 415 starts from 410 (five engine steps, not 415).
    let third!: Awaited<ReturnType<typeof open>>;
    expect(
      await appliedDuring(async () => {
        third = await open(runId, 415);
      }),
    ).toBeLessThan(12);
    expect(third.session.store.getState().world).toEqual(replayed.at(415).world);
    third.session.close();
    third.port.close();
  });

  it('another build or another story replays instead, and shows the right world', async () => {
    const runId = uniqueDbName('run');
    const first = await open(runId, 300);
    await vi.waitFor(async () => expect(await storedSteps(runId)).toEqual([300]));
    first.session.close();
    first.port.close();

    const applied = await appliedDuring(async () => {
      const other = await open(runId, 300, { build: 'build-2' });
      expect(other.session.store.getState().world).toEqual(replayed.at(300).world);
      other.session.close();
      other.port.close();
    });
    expect(applied).toBeGreaterThanOrEqual(300);

    // The same step of another story (a learner's action at step 5) has its own key.
    const inputs: LearnerInput[] = [{ kind: 'add-partitions', atStep: 5, topic: 'orders', count: 6 }];
    expect(checkpointKey(BUILD, scenario, inputs)).not.toBe(checkpointKey(BUILD, scenario, []));
    // Answers change no world: they keep the key.
    const answer: LearnerInput = { kind: 'answer', atStep: 3, questionId: 'q', answer: 'a' };
    expect(checkpointKey(BUILD, scenario, [answer])).toBe(checkpointKey(BUILD, scenario, []));
  });

  it('a damaged checkpoint is ignored: the run replays, with no error', async () => {
    const runId = uniqueDbName('run');
    const first = await open(runId, 200);
    await vi.waitFor(async () => expect(await storedSteps(runId)).toEqual([200]));
    first.session.close();
    first.port.close();
    const raw = await openRunDb(runDbName(runId), { onClosedElsewhere: () => undefined });
    const stored = (await raw.get('worlds', 200))!;
    await raw.put('worlds', { ...stored, world: { ...stored.world, step: 199 } });
    raw.close();

    const again = await open(runId, 200);
    const shown = again.session.store.getState();
    expect(shown.world).toEqual(replayed.at(200).world);
    expect(shown.storage.error).toBeNull();
    again.session.close();
    again.port.close();
  });

  it('steps below 100 and a session without a build store nothing', async () => {
    const runId = uniqueDbName('run');
    const a = await open(runId, 60);
    await a.session.goTo(80);
    await a.session.settled();
    a.session.close();
    a.port.close();
    const port = await openRunDatabase(runId);
    const b = createRunSession({ scenario, runId, port, requestedStep: 250, now: () => 1, checkpointBuild: null });
    await b.ready;
    await new Promise((r) => setTimeout(r, 20));
    expect(await storedSteps(runId)).toEqual([]);
    b.close();
    port.close();
  });
});
