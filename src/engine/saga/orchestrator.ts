/**
 * The orchestrator (process manager) of one saga definition: the instances it holds in memory and the
 * streams it has stored. Every operation is `(definition, state, request, now) → { state, commands,
 * effects }`. A crash loses the memory and keeps the streams; a restart rebuilds every instance from its
 * stream, sends again the commands of each unfinished one's state (it cannot know whether they left before
 * the crash: participants deduplicate by the saga's id), then fires the timeouts that came due while it was down.
 */
import type { SagaEffect } from './effects';
import type { SagaCommand, SagaDefinition } from './definition';
import {
  advanceTo as advanceInstance,
  foldSaga,
  handleReply,
  startSaga,
  type SagaInstance,
  type SagaStep,
  type SagaStoredEvent,
} from './instance';

export interface Orchestrator {
  readonly up: boolean;
  /** In memory: lost when the orchestrator crashes. */
  readonly instances: Readonly<Record<string, SagaInstance>>;
  /** Durable: each instance's stored events, by instance id. */
  readonly streams: Readonly<Record<string, readonly SagaStoredEvent[]>>;
}

export interface SentCommand extends SagaCommand {
  readonly instance: string;
}

export interface OrchestratorStep {
  readonly state: Orchestrator;
  readonly commands: readonly SentCommand[];
  readonly effects: readonly SagaEffect[];
}

export const createOrchestrator = (): Orchestrator => ({ up: true, instances: {}, streams: {} });

const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);
const sorted = <T>(r: Readonly<Record<string, T>>) =>
  Object.keys(r)
    .sort()
    .map((k) => [k, r[k]!] as const);

/** Applies an instance's step: its new state in memory, its events appended to its stream. */
function applied(o: Orchestrator, r: SagaStep): Orchestrator {
  const id = r.instance.instance;
  return {
    ...o,
    instances: { ...o.instances, [id]: r.instance },
    streams: r.stored.length ? { ...o.streams, [id]: [...(o.streams[id] ?? []), ...r.stored] } : o.streams,
  };
}
const sent = (id: string, commands: readonly SagaCommand[]): SentCommand[] =>
  commands.map((c) => ({ ...c, instance: id }));

function refused(
  def: SagaDefinition,
  o: Orchestrator,
  instance: string,
  eventType: string,
  why: string,
): OrchestratorStep {
  const state = has(o.instances, instance) ? o.instances[instance]!.state : null;
  return {
    state: o,
    commands: [],
    effects: [{ kind: 'saga-event-ignored', saga: def.id, instance, eventType, state, reason: why }],
  };
}

const DOWN =
  'the orchestrator is down: nothing reads it now (in a real system the message waits in its topic or queue until a restarted orchestrator reads it)';

export function start(def: SagaDefinition, o: Orchestrator, instance: string, now: number): OrchestratorStep {
  if (!o.up) return refused(def, o, instance, 'StartSaga', `saga ${instance} is not started: ${DOWN}`);
  if (has(o.streams, instance))
    return refused(def, o, instance, 'StartSaga', `saga ${instance} already exists: one saga per ride, started once`);
  const r = startSaga(def, instance, now);
  return { state: applied(o, r), commands: sent(instance, r.commands), effects: r.effects };
}

export function deliver(
  def: SagaDefinition,
  o: Orchestrator,
  instance: string,
  eventType: string,
  now: number,
): OrchestratorStep {
  if (!o.up) return refused(def, o, instance, eventType, `${eventType} for saga ${instance} is not handled: ${DOWN}`);
  if (!has(o.instances, instance))
    return refused(def, o, instance, eventType, `there is no saga ${instance}: ${eventType} is ignored`);
  const r = handleReply(def, o.instances[instance]!, eventType, now);
  return { state: applied(o, r), commands: sent(instance, r.commands), effects: r.effects };
}

/** The orchestrator's clock reaches `now` (only while it runs: a stopped process has no timers). */
export function advanceTo(def: SagaDefinition, o: Orchestrator, now: number): OrchestratorStep {
  if (!o.up) return { state: o, commands: [], effects: [] };
  let state = o;
  const commands: SentCommand[] = [];
  const effects: SagaEffect[] = [];
  for (const [id, inst] of sorted(o.instances)) {
    const r = advanceInstance(def, inst, now);
    if (r.stored.length === 0) continue;
    state = applied(state, r);
    commands.push(...sent(id, r.commands));
    effects.push(...r.effects);
  }
  return { state, commands, effects };
}

export function crash(def: SagaDefinition, o: Orchestrator): OrchestratorStep {
  const running = Object.values(o.instances).filter((i) => !i.outcome).length;
  return {
    state: { ...o, up: false, instances: {} },
    commands: [],
    effects: [
      {
        kind: 'saga-crashed',
        saga: def.id,
        running,
        reason: `the ${def.id} orchestrator crashes: it loses what it held in memory (${running} unfinished saga${running === 1 ? '' : 's'}); every saga's stored events are kept`,
      },
    ],
  };
}

export function restart(def: SagaDefinition, o: Orchestrator, now: number): OrchestratorStep {
  if (o.up) return { state: o, commands: [], effects: [] };
  const instances: Record<string, SagaInstance> = {};
  const commands: SentCommand[] = [];
  const effects: SagaEffect[] = [];
  for (const [id, events] of sorted(o.streams)) {
    const inst = foldSaga(def, id, events);
    if (!inst) continue;
    instances[id] = inst;
    const again = inst.outcome ? [] : [...(events[events.length - 1]?.commands ?? [])];
    effects.push({
      kind: 'saga-resumed',
      saga: def.id,
      instance: id,
      state: inst.state,
      eventsRead: events.length,
      reason: `the restarted orchestrator folds saga ${id}'s ${events.length} stored event${events.length === 1 ? '' : 's'}: it is in "${inst.state}"${inst.outcome ? ` (ended ${inst.outcome})` : ''}`,
    });
    for (const c of again)
      effects.push({
        kind: 'saga-command-sent',
        saga: def.id,
        instance: id,
        ...c,
        reason: `the orchestrator sends ${c.command} to ${c.to} again: it cannot know whether it left before the crash, so ${c.to} must deduplicate by the saga's id`,
      });
    commands.push(...sent(id, again));
  }
  const back = advanceTo(def, { ...o, up: true, instances }, now);
  return {
    state: back.state,
    commands: [...commands, ...back.commands],
    effects: [...effects, ...back.effects],
  };
}
