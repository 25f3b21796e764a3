/**
 * Two regions in a scenario (`topology.mirror`): the clusters as declared at the first step that needs them, then
 * each mirror step through `src/engine/mirror` (nothing here decides a rule). Time is the scenario's own clock.
 */
import * as mm from '../../engine/mirror';
import type { Effect } from '../../engine/types';
import type { CompiledScenario } from '../compiledScenario';
import type { ActionDef } from '../schema';
import type { World } from '../world';

export const MIRROR_ACTION_KINDS = [
  'region-produce',
  'mirror',
  'emit-checkpoints',
  'region-consume',
  'region-down',
  'region-up',
  'failover',
] as const;

type MirrorAction = Extract<ActionDef, { kind: (typeof MIRROR_ACTION_KINDS)[number] }>;

export interface Applied {
  world: World;
  effects: Effect[];
}

/** The clusters and flows as the scenario declares them, at its start time (null: no topology.mirror). */
export function initialMirror(rt: CompiledScenario): mm.MirrorState | null {
  const def = rt.scenario.topology.mirror;
  return def ? mm.createMirror(def, rt.scenario.startTime, rt.scenario.seed) : null;
}

export function mirrorStep(world: World, action: MirrorAction, rt: CompiledScenario): Applied {
  const s = world.mirror ?? initialMirror(rt);
  if (!s)
    return {
      world,
      effects: [
        {
          kind: 'request-rejected',
          request: action.kind,
          target: 'mirror',
          error: 'INVALID',
          reason: 'This scenario has no topology.mirror',
        },
      ],
    };
  const now = world.time;
  const r = run(s, action, now);
  return { world: { ...world, mirror: r.state }, effects: [...r.effects] };
}

function run(s: mm.MirrorState, a: MirrorAction, now: number): mm.MirrorStep {
  switch (a.kind) {
    case 'region-produce':
      return a.records.reduce<mm.MirrorStep>(
        (acc, r) => {
          const one = { region: a.region, topic: a.topicName, key: r.key, value: r.data, eventId: r.eventId };
          const next = mm.produceIn(acc.state, one, now);
          return { state: next.state, effects: [...acc.effects, ...next.effects] };
        },
        { state: s, effects: [] },
      );
    case 'mirror':
      return mm.mirror(
        s,
        { source: a.source, target: a.target, ...(a.max ? { max: a.max } : {}), commit: !!a.commit },
        now,
      );
    case 'emit-checkpoints':
      return mm.emitCheckpoints(s, { source: a.source, target: a.target }, now);
    case 'region-consume':
      return mm.consumeIn(
        s,
        {
          region: a.region,
          group: a.service,
          topics: a.topics,
          ...(a.max ? { max: a.max } : {}),
          idempotent: !!a.idempotent,
        },
        now,
      );
    case 'region-down':
      return mm.regionDown(s, a.region);
    case 'region-up':
      return mm.regionUp(s, a.region);
    case 'failover':
      return a.services.reduce<mm.MirrorStep>(
        (acc, g) => {
          const next = mm.failover(acc.state, { group: g, from: a.from, to: a.to }, now);
          return { state: next.state, effects: [...acc.effects, ...next.effects] };
        },
        { state: s, effects: [] },
      );
  }
}
