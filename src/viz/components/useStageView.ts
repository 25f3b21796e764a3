import { useMemo } from 'react';
import { useRun } from '../../state/react';
import { stepKeyOf, useStage } from '../../state/stageClock';
import { planStages, type Stage } from '../../state/stagePlan';
import type { World } from '../../scenarios/world';

export interface StageOnScreen<T> {
  /** The part of the world before the step, when the run stepped into it (else null: nothing to compare with). */
  before: T | null;
  stages: readonly Stage[];
  /** The stage on screen; `stages.length` once the step is fully shown. */
  index: number;
  /** How long the stage on screen lasts (0 once the step is fully shown). */
  ms: number;
}

/**
 * The current step's stage on screen, for a view: its stages, which one is showing, and the part
 * of the world before the step it draws from (`pick`, a stable function). A step the clock is not on
 * (or a view rendered without the player's stage clock) is fully shown.
 */
export function useStageOnScreen<T>(pick: (w: World) => T): StageOnScreen<T> {
  const key = useRun(stepKeyOf);
  const effects = useRun((s) => s.effects);
  const before = useRun((s) => s.before);
  const clock = useStage();
  const planned = useMemo(() => planStages(effects), [effects]);
  const picked = useMemo(() => (before ? pick(before) : null), [before, pick]);
  // The clock is on this step (playing it, or done with it): the world before it stays known, so what
  // changed can still be marked once the step is fully shown.
  const mine = clock.key === key && picked !== null;
  return useMemo(
    () =>
      mine
        ? { before: picked, stages: clock.stages, index: clock.index, ms: clock.ms }
        : { before: null, stages: planned, index: planned.length, ms: 0 },
    [mine, picked, clock, planned],
  );
}

/** Whether a stage of one of `kinds` is still to come after the one on screen. */
export const stillToCome = (s: StageOnScreen<unknown>, ...kinds: Stage['kind'][]): boolean =>
  s.stages.slice(s.index + 1).some((x) => kinds.includes(x.kind));

/** Whether the stage on screen is of one of `kinds`. */
export const onScreen = (s: StageOnScreen<unknown>, ...kinds: Stage['kind'][]): boolean =>
  s.index < s.stages.length && kinds.includes(s.stages[s.index]!.kind);

/** Whether a stage of `kind` has arrived: it is on screen or past (or the step has none). */
export const arrived = (s: StageOnScreen<unknown>, kind: Stage['kind']): boolean =>
  !s.stages.some((x) => x.kind === kind) || s.stages.slice(0, s.index + 1).some((x) => x.kind === kind);
