/**
 * Orchestrated sagas in a scenario (`topology.sagas`): one orchestrator per saga definition, created when
 * first used; each saga step goes through `src/engine/saga` (nothing here decides a rule), and time passing
 * is the orchestrators' `advanceTo(now)`, run after every step, which fires the timeouts that came due.
 * The commands an orchestrator sends are its effects (participants' replies are the script's saga-reply steps).
 */
import * as saga from '../../engine/saga';
import type { Effect } from '../../engine/types';
import type { CompiledScenario } from '../compiledScenario';
import type { ActionDef } from '../schema';
import type { World } from '../world';

type SagaAction = Extract<
  ActionDef,
  { kind: 'start-saga' | 'saga-reply' | 'crash-orchestrator' | 'restart-orchestrator' }
>;

export interface Applied {
  world: World;
  effects: Effect[];
}

/** The definition of a saga named in the scenario, in the engine's shape (the format's is the same data). */
export function sagaDefinition(rt: CompiledScenario, id: string): saga.SagaDefinition | undefined {
  return rt.scenario.topology.sagas?.find((s) => s.id === id);
}

export function sagaStep(world: World, action: SagaAction, rt: CompiledScenario): Applied {
  const def = sagaDefinition(rt, action.saga);
  if (!def)
    return {
      world,
      effects: [
        {
          kind: 'request-rejected',
          request: action.kind,
          target: action.saga,
          error: 'UNKNOWN',
          reason: `Nothing happens: this scenario has no saga "${action.saga}" (topology.sagas)`,
        },
      ],
    };
  const o = world.sagas?.[def.id] ?? saga.createOrchestrator();
  const r = run(def, o, action, world.time);
  return { world: { ...world, sagas: { ...world.sagas, [def.id]: r.state } }, effects: [...r.effects] };
}

function run(def: saga.SagaDefinition, o: saga.Orchestrator, a: SagaAction, now: number): saga.OrchestratorStep {
  switch (a.kind) {
    case 'start-saga':
      return saga.start(def, o, a.instance, now);
    case 'saga-reply':
      return saga.deliver(def, o, a.instance, a.eventType, now);
    case 'crash-orchestrator':
      return saga.crash(def, o);
    case 'restart-orchestrator':
      return saga.restart(def, o, now);
  }
}

/** Time has passed (every step takes stepMs, advance-time more): each orchestrator fires the timeouts now due. */
export function tickSagas(world: World, rt: CompiledScenario): Applied {
  if (!world.sagas) return { world, effects: [] };
  let sagas = world.sagas;
  const effects: Effect[] = [];
  for (const id of Object.keys(world.sagas).sort()) {
    const def = sagaDefinition(rt, id);
    if (!def) continue;
    const r = saga.advanceTo(def, sagas[id]!, world.time);
    if (r.state === sagas[id]) continue;
    sagas = { ...sagas, [id]: r.state };
    effects.push(...r.effects);
  }
  return sagas === world.sagas ? { world, effects } : { world: { ...world, sagas }, effects };
}
