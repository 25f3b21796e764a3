/**
 * A slowed projection: for a while it applies only events older than the fault's lag (the kernel's
 * catch-up with a lag, `catchUpProjections`), so it falls behind the event store and a query answered
 * from it can be stale (`query` says so). When the fault ends, the next catch-up applies the rest.
 */
import { headPosition } from '../../engine/eventstore/log';
import type { Effect } from '../../engine/types';
import type { CompiledScenario } from '../compiledScenario';
import { catchUpProjections } from '../steps/readSide';
import type { World } from '../world';
import { without } from './faultState';
import { faultsOf, withFaults } from './faultWorld';
import { formatDuration } from './words';

export function catchUpWithFaults(world: World, rt: CompiledScenario): { world: World; effects: Effect[] } {
  const slow = faultsOf(world).slowProjections;
  if (Object.keys(slow).length === 0) return catchUpProjections(world, rt);
  let w = world;
  const effects: Effect[] = [];
  for (const [name, s] of Object.entries(slow)) {
    if (world.step <= s.untilStep) continue;
    w = withFaults(w, (f) => ({ slowProjections: without(f.slowProjections, name) }));
    effects.push({
      kind: 'fault-injected',
      fault: 'slow-projection',
      target: name,
      reason: `${titleOf(rt, name)} is back to speed: it catches up with everything it missed`,
    });
  }
  const active = faultsOf(w).slowProjections;
  const r = catchUpProjections(w, rt, (name) => {
    const own = rt.projections.get(name)?.spec.lagMs ?? 0;
    return active[name] ? Math.max(own, active[name].lagMs) : undefined;
  });
  effects.push(...r.effects);
  const head = headPosition(r.world.log);
  for (const [name, s] of Object.entries(active)) {
    const at = r.world.projections[name]?.position ?? 0;
    if (at < head)
      effects.push({
        kind: 'fault-injected',
        fault: 'slow-projection',
        target: name,
        reason: `${titleOf(rt, name)} is slowed: it applies only events stored more than ${formatDuration(s.lagMs)} ago, so it is ${head - at} event(s) behind the store (checkpoint ${at}, store head ${head})`,
      });
  }
  return { world: r.world, effects };
}

const titleOf = (rt: CompiledScenario, name: string) => rt.projections.get(name)?.spec.title ?? name;
