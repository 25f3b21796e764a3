/**
 * Commands against aggregates, run synchronously on the world: load (snapshot + later events,
 * upcast on read), decide, append with the revision decided on. A stale revision fails like a real
 * event store's WrongExpectedVersion; the command is then decided again on the fresh state.
 */
import { isRejection } from '../../engine/cqrs';
import { appendToLog, eventsOfStream, streamRevision } from '../../engine/eventstore/log';
import type { Effect, EventMetadata, NewEvent, StoreEffect } from '../../engine/types';
import { streamOf, type ScenarioCommand } from '../behaviour/aggregates';
import { checkStateSize } from '../behaviour/budget';
import { nextEventId } from '../ids';
import type { Runtime } from '../runtime';
import type { CommandCallDef } from '../schema';
import type { AggregateState, World } from '../world';

export interface Loaded {
  state: AggregateState;
  revision: number;
  fromSnapshot: number | null;
  eventsRead: number;
  effects: StoreEffect[];
}

type Agg = NonNullable<ReturnType<Runtime['aggregates']['get']>>;

export function loadAggregate(world: World, rt: Runtime, agg: Agg, streamId: string, useSnapshot = true): Loaded {
  const snap = useSnapshot ? world.snapshots[streamId] : undefined;
  const last = streamRevision(world.log, streamId) ?? -1;
  const usable = snap && snap.version === agg.spec.version && snap.revision <= last ? snap : undefined;
  let state = usable ? usable.state : agg.def.initialState;
  const effects: StoreEffect[] = [];
  const events = eventsOfStream(world.log, streamId, usable ? usable.revision + 1 : 0);
  for (const stored of events) {
    const up = rt.upcasters.upcastWithEffects(stored);
    effects.push(...up.effects);
    state = agg.def.evolve(state, up.event);
  }
  return { state, revision: last, fromSnapshot: usable ? usable.revision : null, eventsRead: events.length, effects };
}

/** The state of one aggregate at this world, for views and expectations. */
export function aggregateState(
  world: World,
  rt: Runtime,
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

function decideOn(world: World, rt: Runtime, call: CommandCallDef, cause?: Cause): { world: World; decided: Decided } {
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

/** Appends what `decide` returned on the state loaded in `d`; reports a conflict if the stream moved. */
function execute(
  world: World,
  rt: Runtime,
  d: Decided,
  cause: Cause | undefined,
): { world: World; effects: Effect[]; outcome: 'accepted' | 'rejected' | 'conflict' } {
  const { command, agg, streamId, loaded } = d;
  const by = d.call.issuedBy ?? cause?.by ?? 'a client';
  const base = { commandId: command.commandId, commandType: command.commandType, streamId };
  const decision = agg.def.decide(command, loaded.state);
  if (isRejection(decision)) {
    return { world, effects: [{ kind: 'command-rejected', ...base, reason: decision.reason }], outcome: 'rejected' };
  }
  let rng = world.rng;
  const events: NewEvent[] = decision.map((draft) => {
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
    return { eventId, eventType: draft.eventType, schemaVersion: draft.schemaVersion ?? 1, data: draft.data, metadata };
  });
  const expected = loaded.revision < 0 ? ('no_stream' as const) : loaded.revision;
  const appended = appendToLog(world.log, streamId, events, expected, world.time);
  if (!appended.ok) {
    const actual = appended.error.actual;
    return {
      world: { ...world, rng },
      effects: [
        {
          kind: 'append-conflict',
          streamId,
          expected,
          actual,
          reason: `${by}'s ${command.commandType} was decided on revision ${loaded.revision} of "${streamId}", but the stream is now at revision ${actual}: the append is refused and nothing is written (optimistic concurrency)`,
        },
      ],
      outcome: 'conflict',
    };
  }
  // The state the new events lead to must stay within the limit (a later load would have to build it).
  let after = loaded.state;
  for (const e of appended.recorded) after = agg.def.evolve(after, rt.upcasters.upcast(e));
  checkStateSize(after, agg.spec.type, d.call.id);
  const effects: Effect[] = [
    {
      kind: 'command-accepted',
      ...base,
      eventIds: appended.recorded.map((e) => e.eventId),
      reason: `${agg.spec.type} ${d.call.id} accepted ${command.commandType} from ${by} (it was "${loaded.state.status}")`,
    },
    ...appended.recorded.map((e): Effect => ({
      kind: 'event-stored',
      streamId,
      revision: e.revision,
      position: e.position,
      eventId: e.eventId,
      eventType: e.eventType,
      reason: `${e.eventType} stored as revision ${e.revision} of "${streamId}" (global position ${e.position}), appended with expected revision ${typeof expected === 'number' ? expected : 'no stream'}`,
    })),
  ];
  let next: World = { ...world, rng, log: appended.log };
  const every = agg.spec.snapshotEvery ?? 0;
  const last = appended.recorded.at(-1);
  if (every > 0 && last && appended.recorded.some((e) => (e.revision + 1) % every === 0)) {
    const state = loadAggregate(next, rt, agg, streamId, false).state;
    next = {
      ...next,
      snapshots: { ...next.snapshots, [streamId]: { revision: last.revision, version: agg.spec.version, state } },
    };
    effects.push({
      kind: 'snapshot-taken',
      streamId,
      revision: last.revision,
      reason: `snapshot of "${streamId}" at revision ${last.revision} (every ${every} events): loading can start here instead of replaying from revision 0`,
    });
  }
  return { world: next, effects, outcome: 'accepted' };
}

/** One command: decide and append; on a concurrency conflict, reload and decide once more. */
export function runCommand(
  world: World,
  rt: Runtime,
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
  rt: Runtime,
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
