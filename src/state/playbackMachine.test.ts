import { afterEach, describe, expect, it, vi } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { playbackMachine, type PlaybackTarget } from './playbackMachine';

/** A step holds 1.4 s at 1× unless a test gives its own pace per step. */
function target(lastStep: number, start = 0, questions = new Set<number>(), msAtOne = (_step: number) => 1400) {
  let step = start;
  const answered = new Set<number>();
  const visited: number[] = [];
  const t: PlaybackTarget = {
    step: () => step,
    lastStep: () => lastStep,
    goTo: async (k) => {
      step = k;
      visited.push(k);
    },
    hasOpenQuestion: () => questions.has(step) && !answered.has(step),
    answer: async () => {
      answered.add(step);
    },
    stepMs: (speed) => Math.round(msAtOne(step) / speed),
  };
  return { t, visited, step: () => step };
}

const start = (t: PlaybackTarget, speed = 1000) =>
  createActor(playbackMachine, { input: { target: t, speed } }).start();

describe('playback machine', () => {
  it('starts idle at step 0, paused mid-way and finished at the end', () => {
    expect(start(target(3).t).getSnapshot().value).toBe('idle');
    expect(start(target(3, 1).t).getSnapshot().value).toBe('paused');
    expect(start(target(3, 3).t).getSnapshot().value).toBe('finished');
  });

  it('steps forward through stepping and back to paused', async () => {
    const tg = target(3);
    const actor = start(tg.t);
    actor.send({ type: 'STEP_FORWARD' });
    expect(actor.getSnapshot().value).toBe('stepping');
    await waitFor(actor, (s) => s.matches('paused'));
    expect(tg.step()).toBe(1);
  });

  it('refuses to step back at the start and to step forward at the end', async () => {
    const tg = target(1);
    const actor = start(tg.t);
    expect(actor.getSnapshot().can({ type: 'STEP_BACK' })).toBe(false);
    actor.send({ type: 'STEP_FORWARD' });
    await waitFor(actor, (s) => s.matches('finished'));
    expect(actor.getSnapshot().can({ type: 'STEP_FORWARD' })).toBe(false);
    expect(actor.getSnapshot().can({ type: 'STEP_BACK' })).toBe(true);
  });

  it('plays to the end, one step at a time, then finishes', async () => {
    const tg = target(4);
    const actor = start(tg.t, 1000);
    actor.send({ type: 'PLAY' });
    await waitFor(actor, (s) => s.matches('finished'), { timeout: 2000 });
    expect(tg.visited).toEqual([1, 2, 3, 4]);
  });

  it('pauses while playing and restarts to idle', async () => {
    const tg = target(10);
    const actor = start(tg.t, 0.01);
    actor.send({ type: 'PLAY' });
    await waitFor(actor, (s) => s.matches({ playing: 'waiting' }));
    actor.send({ type: 'PAUSE' });
    expect(actor.getSnapshot().value).toBe('paused');
    expect(tg.step()).toBe(1);
    actor.send({ type: 'RESTART' });
    expect(actor.getSnapshot().value).toBe('idle');
    expect(tg.step()).toBe(0);
  });

  it('seeks to a valid step only', () => {
    const tg = target(5);
    const actor = start(tg.t);
    actor.send({ type: 'SEEK', step: 9 });
    expect(tg.step()).toBe(0);
    actor.send({ type: 'SEEK', step: 5 });
    expect(actor.getSnapshot().value).toBe('finished');
    actor.send({ type: 'STEP_BACK' });
    expect(tg.step()).toBe(4);
    expect(actor.getSnapshot().value).toBe('paused');
  });

  it('a question pauses playing until answered, and blocks stepping on', async () => {
    const tg = target(5, 0, new Set([2]));
    const actor = start(tg.t, 1000);
    actor.send({ type: 'PLAY' });
    await waitFor(actor, (s) => s.matches('asking'));
    expect(tg.step()).toBe(2);
    expect(actor.getSnapshot().can({ type: 'STEP_FORWARD' })).toBe(false);
    expect(actor.getSnapshot().can({ type: 'PLAY' })).toBe(false);
    actor.send({ type: 'ANSWER', questionId: 'q', answer: 'a' });
    expect(actor.getSnapshot().value).toBe('paused');
    actor.send({ type: 'PLAY' });
    await waitFor(actor, (s) => s.matches('finished'), { timeout: 2000 });
    expect(tg.visited).toEqual([1, 2, 3, 4, 5]);
  });

  it('skipping a question resumes control without recording an answer', async () => {
    const tg = target(3, 0, new Set([1]));
    const actor = start(tg.t);
    actor.send({ type: 'STEP_FORWARD' });
    await waitFor(actor, (s) => s.matches('asking'));
    actor.send({ type: 'SKIP' });
    expect(actor.getSnapshot().value).toBe('paused');
    expect(tg.t.hasOpenQuestion()).toBe(true);
  });

  it('a question reached without playback stopping there (timeline, reload, link, step back) still accepts an answer', async () => {
    for (const reach of ['seek', 'opened', 'back'] as const) {
      const tg = target(5, reach === 'opened' ? 2 : 0, new Set([2]));
      const answered: string[] = [];
      const t = { ...tg.t, answer: async (q: string, a: string | string[]) => void answered.push(`${q}=${String(a)}`) };
      const actor = start(t);
      if (reach === 'seek') actor.send({ type: 'SEEK', step: 2 });
      if (reach === 'back') {
        actor.send({ type: 'SEEK', step: 3 });
        actor.send({ type: 'STEP_BACK' });
      }
      expect(tg.step()).toBe(2);
      expect(actor.getSnapshot().matches('asking')).toBe(false);
      expect(actor.getSnapshot().can({ type: 'ANSWER', questionId: 'q', answer: 'a' })).toBe(true);
      actor.send({ type: 'ANSWER', questionId: 'q', answer: 'a' });
      expect(answered).toEqual(['q=a']);
    }
  });
});

describe('playback pace', () => {
  afterEach(() => void vi.useRealTimers());

  /** Step k's text takes k seconds to read at 1× (its readable duration, as the target computes it). */
  const paced = (lastStep: number, questions = new Set<number>()) => target(lastStep, 0, questions, (k) => k * 1000);

  it('at 1× holds each step for its own readable duration', async () => {
    vi.useFakeTimers();
    const tg = paced(4);
    const actor = start(tg.t, 1);
    actor.send({ type: 'PLAY' });
    await vi.advanceTimersByTimeAsync(0);
    expect(tg.step()).toBe(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(tg.step()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(tg.step()).toBe(2);
    // Step 2 reads longer: still on it after step 1's time, moved on after its own.
    await vi.advanceTimersByTimeAsync(1000);
    expect(tg.step()).toBe(2);
    await vi.advanceTimersByTimeAsync(1000);
    expect(tg.step()).toBe(3);
    actor.stop();
  });

  it('at 2× holds each step half as long', async () => {
    vi.useFakeTimers();
    const tg = paced(4);
    const actor = start(tg.t, 2);
    actor.send({ type: 'PLAY' });
    await vi.advanceTimersByTimeAsync(0);
    expect(tg.step()).toBe(1);
    await vi.advanceTimersByTimeAsync(499);
    expect(tg.step()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(tg.step()).toBe(2);
    await vi.advanceTimersByTimeAsync(1000);
    expect(tg.step()).toBe(3);
    actor.stop();
  });

  it('a speed chosen while playing paces the next step', async () => {
    vi.useFakeTimers();
    const tg = paced(4);
    const actor = start(tg.t, 1);
    actor.send({ type: 'PLAY' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(tg.step()).toBe(2);
    actor.send({ type: 'SET_SPEED', speed: 4 });
    // Step 2's wait had begun at 1×; step 3 is held for 3 s / 4.
    await vi.advanceTimersByTimeAsync(2000);
    expect(tg.step()).toBe(3);
    await vi.advanceTimersByTimeAsync(749);
    expect(tg.step()).toBe(3);
    await vi.advanceTimersByTimeAsync(1);
    expect(tg.step()).toBe(4);
    actor.stop();
  });

  it('pause after each step: Play shows one step and holds until the learner continues', async () => {
    vi.useFakeTimers();
    const tg = paced(3);
    const actor = createActor(playbackMachine, { input: { target: tg.t, speed: 1, pauseAfterStep: true } }).start();
    actor.send({ type: 'PLAY' });
    await vi.advanceTimersByTimeAsync(0);
    expect(tg.step()).toBe(1);
    expect(actor.getSnapshot().value).toBe('held');
    // However long the learner takes, nothing moves on by itself.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(tg.step()).toBe(1);
    expect(actor.getSnapshot().can({ type: 'PLAY' })).toBe(true);
    actor.send({ type: 'PLAY' });
    await vi.advanceTimersByTimeAsync(0);
    expect(tg.step()).toBe(2);
    expect(actor.getSnapshot().value).toBe('held');
    // Turned off while held: Play goes back to moving on once each step is read.
    actor.send({ type: 'SET_PAUSE_AFTER_STEP', on: false });
    actor.send({ type: 'PLAY' });
    await vi.advanceTimersByTimeAsync(0);
    expect(tg.step()).toBe(3);
    expect(actor.getSnapshot().value).toBe('finished');
    expect(tg.visited).toEqual([1, 2, 3]);
  });

  it('held: the learner may still step, go back or restart', async () => {
    vi.useFakeTimers();
    const tg = paced(5);
    const actor = createActor(playbackMachine, { input: { target: tg.t, pauseAfterStep: true } }).start();
    actor.send({ type: 'PLAY' });
    await vi.advanceTimersByTimeAsync(0);
    actor.send({ type: 'STEP_FORWARD' });
    await vi.advanceTimersByTimeAsync(0);
    expect(tg.step()).toBe(2);
    expect(actor.getSnapshot().value).toBe('paused');
    actor.send({ type: 'PLAY' });
    await vi.advanceTimersByTimeAsync(0);
    expect(actor.getSnapshot().value).toBe('held');
    actor.send({ type: 'STEP_BACK' });
    expect(tg.step()).toBe(2);
    expect(actor.getSnapshot().value).toBe('paused');
  });

  it('a question still stops Play, in either pace', async () => {
    for (const pauseAfterStep of [false, true]) {
      vi.useFakeTimers();
      const tg = paced(5, new Set([2]));
      const actor = createActor(playbackMachine, { input: { target: tg.t, speed: 1, pauseAfterStep } }).start();
      actor.send({ type: 'PLAY' });
      await vi.advanceTimersByTimeAsync(0);
      if (pauseAfterStep) actor.send({ type: 'PLAY' });
      await vi.advanceTimersByTimeAsync(1000);
      expect(tg.step()).toBe(2);
      expect(actor.getSnapshot().value).toBe('asking');
      await vi.advanceTimersByTimeAsync(60_000);
      expect(tg.step()).toBe(2);
      actor.stop();
      vi.useRealTimers();
    }
  });
});
