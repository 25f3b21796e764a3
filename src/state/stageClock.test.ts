import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor } from 'xstate';
import { findBuiltin } from '../scenarios/content';
import { playbackMachine } from './playbackMachine';
import { createRunSession } from './runSession';
import { createRunStore, type RunStore } from './runStore';
import {
  createStageClock,
  isSteppingForward,
  stageIndexFor,
  startStageDriver,
  type StageDriverDeps,
} from './stageClock';
import { REDUCED_STAGE_MS, STAGE_MS } from './stagePlan';

const scenario = findBuiltin('pubsub-basics')!;

/** Moves a bare run store to a step the way the session does (with the world before, for +1). */
function moveTo(store: RunStore, step: number) {
  const s = store.getState();
  const r = s.stepper.at(step);
  store.setState({
    step,
    world: r.world,
    before: step === s.step + 1 ? s.world : null,
    effects: r.effects,
    narration: r.narration,
  });
}

/** The first step of the scenario with both a fetch and a commit (a poll). */
function pollStep(store: RunStore): number {
  const { stepper } = store.getState();
  for (let k = 1; k <= stepper.lastStep; k++) {
    const kinds = stepper.at(k).effects.map((e) => e.kind);
    if (kinds.includes('records-fetched') && kinds.includes('offset-committed')) return k;
  }
  throw new Error('no poll step');
}

describe('stage clock', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const setup = (over: Partial<StageDriverDeps> = {}) => {
    const store = createRunStore(scenario, 'run-1', []);
    const clock = createStageClock();
    let forward = true;
    const stop = startStageDriver({
      store,
      clock,
      steppedForward: () => forward,
      speed: () => 1,
      reducedMotion: () => false,
      ...over,
    });
    return { store, clock, stop, setForward: (f: boolean) => (forward = f) };
  };

  it('plays a step stepped into, stage by stage, each for its time at the speed', () => {
    const { store, clock } = setup();
    const k = pollStep(store);
    moveTo(store, k - 1);
    moveTo(store, k);
    const { stages } = clock.getState();
    const kinds = stages.map((s) => s.kind);
    expect(kinds).toEqual(expect.arrayContaining(['fetch', 'process', 'commit', 'lag']));
    expect(clock.getState()).toMatchObject({ key: `run-1/${k}`, index: 0 });
    for (let i = 0; i < stages.length; i++) {
      expect(clock.getState().index).toBe(i);
      vi.advanceTimersByTime(STAGE_MS[stages[i]!.kind] - 1);
      expect(clock.getState().index).toBe(i);
      vi.advanceTimersByTime(1);
    }
    expect(clock.getState().index).toBe(stages.length);
    expect(stageIndexFor(clock.getState(), `run-1/${k}`)).toBeNull();
  });

  it('divides the times by the speed, and uses the short highlight under reduced motion', () => {
    const fast = setup({ speed: () => 2 });
    const k = pollStep(fast.store);
    moveTo(fast.store, k - 1);
    moveTo(fast.store, k);
    const first = fast.clock.getState().stages[0]!;
    vi.advanceTimersByTime(STAGE_MS[first.kind] / 2);
    expect(fast.clock.getState().index).toBe(1);
    fast.stop();

    const reduced = setup({ reducedMotion: () => true });
    moveTo(reduced.store, k - 1);
    moveTo(reduced.store, k);
    vi.advanceTimersByTime(REDUCED_STAGE_MS);
    expect(reduced.clock.getState().index).toBe(1);
  });

  it('shows the step complete at once after any other move: back, a jump, a forward move not from playback', () => {
    const { store, clock, setForward } = setup();
    const k = pollStep(store);
    moveTo(store, k);
    expect(clock.getState().index).toBe(clock.getState().stages.length);
    moveTo(store, k - 1);
    expect(clock.getState()).toMatchObject({ key: `run-1/${k - 1}` });
    expect(clock.getState().index).toBe(clock.getState().stages.length);
    setForward(false);
    moveTo(store, k);
    expect(clock.getState().index).toBe(clock.getState().stages.length);
  });

  it('finishes the stages at once when a new move comes while they play', () => {
    const { store, clock } = setup();
    const k = pollStep(store);
    moveTo(store, k - 1);
    moveTo(store, k);
    expect(clock.getState().index).toBe(0);
    moveTo(store, k - 1);
    expect(clock.getState().index).toBe(clock.getState().stages.length);
    // The old step's timer is gone: nothing moves later.
    const before = clock.getState();
    vi.advanceTimersByTime(10_000);
    expect(clock.getState()).toBe(before);
  });

  it('stops its timer when stopped', () => {
    const { store, clock, stop } = setup();
    const k = pollStep(store);
    moveTo(store, k - 1);
    moveTo(store, k);
    stop();
    vi.advanceTimersByTime(10_000);
    expect(clock.getState().index).toBe(0);
  });
});

describe('stage clock with the playback machine', () => {
  it('plays on Step forward, not on a timeline jump of one step or on Step back', async () => {
    const session = createRunSession({ scenario, runId: 'r', port: null, requestedStep: null, now: () => 1 });
    await session.ready;
    const actor = createActor(playbackMachine, {
      input: {
        target: {
          step: () => session.store.getState().step,
          lastStep: () => session.store.getState().lastStep,
          goTo: (k) => session.goTo(k),
          hasOpenQuestion: () => false,
          answer: () => Promise.resolve(),
          stepMs: () => 1000,
        },
      },
    }).start();
    const clock = createStageClock();
    const played: boolean[] = [];
    startStageDriver({
      store: session.store,
      clock,
      steppedForward: () => isSteppingForward(actor),
      speed: () => 1,
      reducedMotion: () => false,
    });
    clock.subscribe((c, prev) => {
      if (c.key !== prev.key) played.push(c.index < c.stages.length);
    });
    const settle = () => new Promise((r) => setTimeout(r, 0));
    actor.send({ type: 'STEP_FORWARD' });
    await settle();
    actor.send({ type: 'SEEK', step: 2 });
    await settle();
    actor.send({ type: 'STEP_BACK' });
    await settle();
    expect(session.store.getState().step).toBe(1);
    expect(played).toEqual([true, false, false]);
  });
});
