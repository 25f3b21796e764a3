/**
 * Commands against aggregates, run synchronously on the world: load (snapshot + later events,
 * upcast on read), decide, append with the revision decided on. A stale revision fails like a real
 * event store's WrongExpectedVersion; the command is then decided again on the fresh state.
 */
import { handleCommand, loadAggregate as loadFromLog, type LoadedAggregate } from '../../engine/cqrs';
import type { Effect, EventMetadata, NewEvent } from '../../engine/types';
import { streamOf, type ScenarioCommand } from '../behaviour/aggregates';
import { checkStateSize } from '../behaviour/budget';
import { nextEventId } from '../ids';
import type { CompiledScenario } from '../compiledScenario';
import type { CommandCallDef } from '../schema';
import type { AggregateState, World } from '../world';

export type Loaded = LoadedAggregate<AggregateState>;

type Agg = NonNullable<ReturnType<CompiledScenario['aggregates']['get']>>;

/** The aggregate's state on this world's log (engine/cqrs/aggregate.ts: snapshot + later events, upcast). */
export const loadAggregate = (
  world: World,
  rt: CompiledScenario,
  agg: Agg,
  streamId: string,
  useSnapshot = true,
): Loaded => loadFromLog(world.log, world.snapshots, agg.def, streamId, rt.upcasters, useSnapshot);

/** The state of one aggregate at this world, for views and expectations. */
export function aggregateState(
  world: World,
  rt: CompiledScenario,
  aggregate: string,
  id: string,
  useSnapshot = true,
): Loaded | null {
  const agg = rt.aggregates.get(aggregate);
  return agg ? loadAggregate(world, rt, agg, streamOf(agg.spec, id), useSnapshot) : null;
}

export interface Cause {
  correlationId: string;
  causationId: string;
  /** Who issued the command (a service, a user's app). */
  by: string;
}

interface Decided {
  call: CommandCallDef;
  agg: Agg;
  streamId: string;
  command: ScenarioCommand;
  loaded: Loaded;
}

function decideOn(
  world: World,
  rt: CompiledScenario,
  call: CommandCallDef,
  cause?: Cause,
): { world: World; decided: Decided } {
  const agg = rt.aggregates.get(call.aggregate);
  if (!agg) throw new Error(`unknown aggregate ${call.aggregate}`);
  const streamId = streamOf(agg.spec, call.id);
  const [commandId, rng] = nextEventId(world.rng);
  const command: ScenarioCommand = {
    commandId,
    commandType: call.command,
    streamId,
    aggregateId: call.id,
    data: call.data,
    metadata: { correlationId: cause?.correlationId ?? commandId, causationId: cause?.causationId ?? commandId },
  };
  return {
    world: { ...world, rng },
    decided: { call, agg, streamId, command, loaded: loadAggregate(world, rt, agg, streamId) },
  };
}

/** Appends what `decide` returned on the state loaded in `d` (engine/cqrs/command.ts); a moved stream is a conflict. */
function execute(
  world: World,
  rt: CompiledScenario,
  d: Decided,
  cause: Cause | undefined,
): { world: World; effects: Effect[]; outcome: 'accepted' | 'rejected' | 'conflict' } {
  const { command, agg, loaded } = d;
  const by = d.call.issuedBy ?? cause?.by ?? 'a client';
  let rng = world.rng;
  const r = handleCommand(world.log, world.snapshots, agg.def, command, loaded, {
    upcasters: rt.upcasters,
    by,
    aggregateId: d.call.id,
    recordedAt: world.time,
    toEvents: (drafts) =>
      drafts.map((draft): NewEvent => {
        const [eventId, next] = nextEventId(rng);
        rng = next;
        const metadata: EventMetadata = {
          correlationId: command.metadata?.correlationId ?? command.commandId,
          causationId: cause?.causationId ?? command.commandId,
          occurredAt: world.time,
          producer: by,
          commandId: command.commandId,
          commandType: command.commandType,
        };
        return {
          eventId,
          eventType: draft.eventType,
          schemaVersion: draft.schemaVersion ?? 1,
          data: draft.data,
          metadata,
        };
      }),
    checkState: (state) => checkStateSize(state, agg.spec.type, d.call.id),
  });
  if (r.outcome === 'rejected') return { world, effects: r.effects, outcome: r.outcome };
  const next: World =
    r.outcome === 'conflict' ? { ...world, rng } : { ...world, rng, log: r.log, snapshots: r.snapshots };
  return { world: next, effects: r.effects, outcome: r.outcome };
}

/** One command: decide and append; on a concurrency conflict, reload and decide once more. */
export function runCommand(
  world: World,
  rt: CompiledScenario,
  call: CommandCallDef,
  cause?: Cause,
): { world: World; effects: Effect[] } {
  const first = decideOn(world, rt, call, cause);
  const r = execute(first.world, rt, first.decided, cause);
  return { world: r.world, effects: [...first.decided.loaded.effects, ...r.effects] };
}

/**
 * Commands that arrive at the same moment: all are decided on the same loaded state, then appended
 * one after the other. The first wins; the others hit a stale revision, are retried on the new state,
 * and (usually) rejected by the aggregate's own rules.
 */
export function runRace(
  world: World,
  rt: CompiledScenario,
  calls: readonly CommandCallDef[],
): { world: World; effects: Effect[] } {
  let w = world;
  const decided: Decided[] = [];
  for (const call of calls) {
    const d = decideOn(w, rt, call);
    w = { ...w, rng: d.world.rng };
    decided.push(d.decided);
  }
  const effects: Effect[] = [];
  for (const d of decided) {
    const r = execute(w, rt, d, undefined);
    w = r.world;
    effects.push(...r.effects);
    if (r.outcome === 'conflict') {
      const retry = runCommand(w, rt, d.call);
      w = retry.world;
      effects.push(...retry.effects.map((e) => ({ ...e, reason: `retried after the conflict: ${e.reason}` })));
    }
  }
  return { world: w, effects };
}
