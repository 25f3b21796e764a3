/**
 * A scenario compiled once for the stepper: aggregates, projections and upcasters turned into the
 * engine's CQRS shapes, services and groups indexed by id. Pure data in, pure functions out.
 */
import { createUpcasterChain, type AggregateDefinition, type Projection, type UpcasterChain } from '../engine/cqrs';
import { compileAggregate, type ScenarioCommand } from './behaviour/aggregates';
import { compileProjection, type Rows } from './behaviour/projections';
import { compileUpcaster } from './behaviour/upcasters';
import type { AggregateDef, ProjectionDef, ScenarioDef, ServiceDef } from './schema';
import type { AggregateState } from './world';

type GroupDef = ScenarioDef['topology']['groups'][number];

export interface CompiledScenario {
  scenario: ScenarioDef;
  aggregates: Map<string, { spec: AggregateDef; def: AggregateDefinition<AggregateState, ScenarioCommand> }>;
  projections: Map<string, { spec: ProjectionDef; projection: Projection<Rows> }>;
  upcasters: UpcasterChain;
  groups: Map<string, GroupDef>;
  serviceByGroup: Map<string, ServiceDef>;
  /** Aggregate owning a stream, found by its prefix. */
  aggregateOfStream(
    streamId: string,
  ): { spec: AggregateDef; def: AggregateDefinition<AggregateState, ScenarioCommand> } | undefined;
}

const cache = new WeakMap<ScenarioDef, CompiledScenario>();

export function compileScenario(scenario: ScenarioDef): CompiledScenario {
  const hit = cache.get(scenario);
  if (hit) return hit;
  const t = scenario.topology;
  const aggregates = new Map((t.aggregates ?? []).map((spec) => [spec.type, { spec, def: compileAggregate(spec) }]));
  const rt: CompiledScenario = {
    scenario,
    aggregates,
    projections: new Map(
      (t.projections ?? []).map((spec) => [spec.name, { spec, projection: compileProjection(spec) }]),
    ),
    upcasters: createUpcasterChain((t.upcasters ?? []).map(compileUpcaster)),
    groups: new Map(t.groups.map((g) => [g.id, g])),
    serviceByGroup: new Map((t.services ?? []).map((s) => [s.group, s])),
    aggregateOfStream: (streamId) => [...aggregates.values()].find((a) => streamId.startsWith(a.spec.streamPrefix)),
  };
  cache.set(scenario, rt);
  return rt;
}
