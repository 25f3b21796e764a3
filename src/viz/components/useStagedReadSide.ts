import { useMemo } from 'react';
import type { Effect } from '../../engine/types';
import { useRun } from '../../state/react';
import type { World } from '../../scenarios/world';
import { stageMask } from '../layout/brokerStages';
import { arrived, onScreen, useStageOnScreen } from './useStageView';

const readSideOf = (w: World) => ({ log: w.log, projections: w.projections });

/**
 * The event store and the read models as the step's stages reach them: new events appear at the
 * `store` stage, read models change at the `project` stage (until then, as before the step). The
 * effects are those whose stage has arrived; `now` says which stage kind is on screen.
 */
export function useStagedReadSide() {
  const world = useRun((s) => s.world);
  const effects = useRun((s) => s.effects);
  const stage = useStageOnScreen(readSideOf);
  return useMemo(() => {
    const mask = stageMask({ before: null, stages: stage.stages, index: stage.index });
    const shownEffects: readonly Effect[] = stage.before ? effects.filter((_, i) => mask.reached(i)) : effects;
    const before = stage.before;
    return {
      log: before && !arrived(stage, 'store') ? before.log : world.log,
      projections: before && !arrived(stage, 'project') ? before.projections : world.projections,
      effects: shownEffects,
      storing: onScreen(stage, 'store'),
      projecting: onScreen(stage, 'project'),
      kind: stage.index < stage.stages.length ? stage.stages[stage.index]!.kind : ('done' as const),
      currentEffects: stage.index < stage.stages.length ? stage.stages[stage.index]!.effects : [],
    };
  }, [world, effects, stage]);
}
