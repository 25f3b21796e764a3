/**
 * The stage clock: which stage of the current step is on screen. A step the learner stepped into
 * (Step forward, or Play moving on) plays its stages in order (`stagePlan.ts`), each for its time at
 * the playback speed, or a short highlight under reduced motion; every other move (Step back, the
 * timeline, a reload, a link, a branch, restart) shows the step complete at once. A move while
 * stages play finishes them at once first.
 *
 * The clock is a Zustand vanilla store; the driver (`startStageDriver`, mounted once by the player
 * through `useStageDriver`) owns the timers. Views read `useStage()` and compare its key with the
 * step they draw: a key they do not know means "complete".
 */
import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { usePlaybackActor, useRunStore, type PlaybackActor } from './react';
import type { RunState, RunStore } from './runStore';
import { planStages, REDUCED_STAGE_MS, STAGE_MS, type Stage } from './stagePlan';

export interface StageClock {
  /** `${runId}/${step}` of the step the stages belong to. */
  key: string;
  stages: readonly Stage[];
  /** The stage now on screen; `stages.length` when the step is fully shown. */
  index: number;
  /** How long the stage on screen lasts (at the speed, or the reduced-motion highlight); 0 when fully shown. */
  ms: number;
}

export type StageClockStore = StoreApi<StageClock>;

export const createStageClock = (): StageClockStore =>
  createStore<StageClock>()(() => ({ key: '', stages: [], index: 0, ms: 0 }));

/** The player's clock (one player on a page). */
export const stageClock: StageClockStore = createStageClock();

export const stepKeyOf = (s: Pick<RunState, 'runId' | 'step'>): string => `${s.runId}/${s.step}`;

/** The stage on screen, for the step with this key: complete when the clock is on another step. */
export function stageIndexFor(clock: StageClock, key: string): { stages: readonly Stage[]; index: number } | null {
  return clock.key === key && clock.index < clock.stages.length ? { stages: clock.stages, index: clock.index } : null;
}

/** The current stage clock (key, stages, index). */
export const useStage = (): StageClock => useStore(stageClock);

export interface StageDriverDeps {
  store: RunStore;
  clock: StageClockStore;
  /** The move being shown came from Step forward or Play (not the timeline, Step back, a restart). */
  steppedForward(): boolean;
  speed(): number;
  reducedMotion(): boolean;
}

/** Starts following the run store; returns a function that stops it (and its timer). */
export function startStageDriver(deps: StageDriverDeps): () => void {
  const { store, clock } = deps;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = store.getState();
  const stop = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const msOf = (stage: Stage | undefined) =>
    stage
      ? Math.round((deps.reducedMotion() ? REDUCED_STAGE_MS : STAGE_MS[stage.kind]) / Math.max(0.1, deps.speed()))
      : 0;
  /** Holds stage `index` on screen for its time, then shows the next (or the step complete). */
  const hold = (index: number) => {
    const { stages, ms } = clock.getState();
    if (index >= stages.length) return;
    timer = setTimeout(() => {
      timer = null;
      clock.setState({ index: index + 1, ms: msOf(stages[index + 1]) });
      hold(index + 1);
    }, ms);
  };
  const show = (s: RunState, play: boolean) => {
    stop();
    const stages = planStages(s.effects);
    const index = play ? 0 : stages.length;
    clock.setState({ key: stepKeyOf(s), stages, index, ms: msOf(stages[index]) });
    hold(index);
  };
  show(last, false);
  const unsubscribe = store.subscribe((s) => {
    const prev = last;
    last = s;
    if (stepKeyOf(s) === stepKeyOf(prev) && s.effects === prev.effects) return;
    const forward = s.runId === prev.runId && s.step === prev.step + 1 && s.before !== null && deps.steppedForward();
    show(s, forward);
  });
  return () => {
    unsubscribe();
    stop();
  };
}

/**
 * Whether the playback machine is moving the run one step on: it is in `stepping` (Step forward) or
 * `playing.advancing` (Play) while the store changes (the move's store update happens while the
 * machine is in that state; a SEEK or STEP_BACK moves the store from another state).
 */
export function isSteppingForward(actor: PlaybackActor): boolean {
  const v: unknown = actor.getSnapshot().value;
  return (
    v === 'stepping' ||
    (typeof v === 'object' && v !== null && (v as Record<string, unknown>)['playing'] === 'advancing')
  );
}

/** Mounted once by the player: plays each step's stages on the shared clock. */
export function useStageDriver(reducedMotion: boolean): void {
  const store = useRunStore();
  const actor = usePlaybackActor();
  const reduced = useRef(reducedMotion);
  useEffect(() => {
    reduced.current = reducedMotion;
  }, [reducedMotion]);
  useEffect(
    () =>
      startStageDriver({
        store,
        clock: stageClock,
        steppedForward: () => isSteppingForward(actor),
        speed: () => actor.getSnapshot().context.speed,
        reducedMotion: () => reduced.current,
      }),
    [store, actor],
  );
}
