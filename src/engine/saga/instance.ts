/**
 * One saga instance, as pure functions: start it, hand it a participant's reply, let time pass
 * (`advanceTo(now)` fires a timeout whose deadline has come), and rebuild it from its stored events. Each
 * returns the next instance, the commands to send, the events to store and the effects with their reasons.
 * The state is persisted as events (`SagaStarted`, `SagaTransitioned`), and a timeout's deadline is derived
 * from when the state was entered — so a rebuilt instance has the same deadline as the one that crashed.
 */
import type { SagaEffect } from './effects';
import { isFinal, stateOf, type SagaCommand, type SagaDefinition, type SagaOutcome } from './definition';

export interface SagaInstance {
  readonly saga: string;
  readonly instance: string;
  readonly state: string;
  /** When it entered `state` (simulated ms): the timeout's clock starts there. */
  readonly enteredAt: number;
  readonly outcome: SagaOutcome | null;
  /** Events in its stream so far. */
  readonly version: number;
}

/** The orchestrator's record of one instance: what a restart reads. Commands are kept with the move that sent them. */
export type SagaStoredEvent = {
  readonly version: number;
  readonly at: number;
  readonly to: string;
  readonly commands: readonly SagaCommand[];
} & (
  | { readonly type: 'SagaStarted' }
  | { readonly type: 'SagaTransitioned'; readonly from: string; readonly cause: string }
);

export interface SagaStep {
  readonly instance: SagaInstance;
  readonly commands: readonly SagaCommand[];
  readonly stored: readonly SagaStoredEvent[];
  readonly effects: readonly SagaEffect[];
}

const entryOf = (def: SagaDefinition, state: string) => stateOf(def, state)?.entry ?? [];
const about = (def: SagaDefinition, state: string) => {
  const d = stateOf(def, state)?.description;
  return d ? ` (${d})` : '';
};

/** When the current state times out, or null (a final state, or one without a timeout). */
export function deadlineOf(def: SagaDefinition, inst: SagaInstance): number | null {
  const s = stateOf(def, inst.state);
  return !isFinal(s) && s?.after ? inst.enteredAt + s.after.ms : null;
}

/** What entering `to` does: the event stored first, then the state's commands sent, then the end if it is final. */
function enter(def: SagaDefinition, base: SagaInstance, stored: SagaStoredEvent, lead: SagaEffect[]): SagaStep {
  const to = stateOf(def, stored.to);
  const outcome = isFinal(to) ? (to?.outcome ?? null) : null;
  const instance: SagaInstance = {
    ...base,
    state: stored.to,
    enteredAt: stored.at,
    outcome,
    version: stored.version,
  };
  const ids = { saga: def.id, instance: base.instance };
  const effects: SagaEffect[] = [
    ...lead,
    {
      kind: 'saga-event-stored',
      ...ids,
      eventType: stored.type,
      version: stored.version,
      reason: `the orchestrator stores ${stored.type} (now "${stored.to}") as event ${stored.version} of saga ${base.instance}, before it sends anything: a restart reads its state from these events`,
    },
    ...stored.commands.map((c): SagaEffect => ({
      kind: 'saga-command-sent',
      ...ids,
      ...c,
      reason: `the orchestrator sends ${c.command} to ${c.to}, on entering "${stored.to}"${about(def, stored.to)}`,
    })),
  ];
  if (outcome)
    effects.push({
      kind: 'saga-ended',
      ...ids,
      outcome,
      reason:
        outcome === 'completed'
          ? `saga ${base.instance} completed: every step succeeded`
          : `saga ${base.instance} ended compensated: the steps that had succeeded were undone by new, visible actions`,
    });
  return { instance, commands: stored.commands, stored: [stored], effects };
}

export function startSaga(def: SagaDefinition, instance: string, now: number): SagaStep {
  const base: SagaInstance = { saga: def.id, instance, state: def.initial, enteredAt: now, outcome: null, version: 0 };
  const stored: SagaStoredEvent = {
    type: 'SagaStarted',
    version: 1,
    at: now,
    to: def.initial,
    commands: entryOf(def, def.initial),
  };
  return enter(def, base, stored, [
    {
      kind: 'saga-started',
      saga: def.id,
      instance,
      state: def.initial,
      reason: `the orchestrator starts saga ${instance} in "${def.initial}"${about(def, def.initial)}`,
    },
  ]);
}

function move(def: SagaDefinition, inst: SagaInstance, to: string, cause: string, at: number, lead: SagaEffect[]) {
  const stored: SagaStoredEvent = {
    type: 'SagaTransitioned',
    version: inst.version + 1,
    at,
    from: inst.state,
    to,
    cause,
    commands: entryOf(def, to),
  };
  return enter(def, inst, stored, [
    ...lead,
    {
      kind: 'saga-transitioned',
      saga: def.id,
      instance: inst.instance,
      from: inst.state,
      to,
      cause,
      reason: `saga ${inst.instance} goes from "${inst.state}" to "${to}" on ${cause}`,
    },
  ]);
}

const unchanged = (inst: SagaInstance, effects: SagaEffect[] = []): SagaStep => ({
  instance: inst,
  commands: [],
  stored: [],
  effects,
});

/** A participant's reply reaches the orchestrator. One the current state does not wait for changes nothing. */
export function handleReply(def: SagaDefinition, inst: SagaInstance, eventType: string, now: number): SagaStep {
  const s = stateOf(def, inst.state);
  const target = s?.on && Object.prototype.hasOwnProperty.call(s.on, eventType) ? s.on[eventType] : undefined;
  if (inst.outcome || target === undefined) {
    const waits = Object.keys(s?.on ?? {});
    const why = inst.outcome
      ? `saga ${inst.instance} has already ended (${inst.outcome}): a late ${eventType} changes nothing`
      : `saga ${inst.instance} is in "${inst.state}", which waits for ${waits.length ? waits.join(' or ') : 'no reply'}: ${eventType} is ignored`;
    return unchanged(inst, [
      { kind: 'saga-event-ignored', saga: def.id, instance: inst.instance, eventType, state: inst.state, reason: why },
    ]);
  }
  return move(def, inst, target, eventType, now, []);
}

/** Time has reached `now`: every timeout whose deadline has come fires, at its deadline, in order. */
export function advanceTo(def: SagaDefinition, inst: SagaInstance, now: number): SagaStep {
  let current = inst;
  const commands: SagaCommand[] = [];
  const stored: SagaStoredEvent[] = [];
  const effects: SagaEffect[] = [];
  // Timeouts alone never loop (definitionProblems), so this ends within the number of states.
  for (let deadline = deadlineOf(def, current); deadline !== null && deadline <= now;) {
    const after = stateOf(def, current.state)!.after!;
    const timedOut: SagaEffect = {
      kind: 'saga-timed-out',
      saga: def.id,
      instance: current.instance,
      state: current.state,
      afterMs: after.ms,
      reason: `no reply reached saga ${current.instance} within ${after.ms / 1000} s of entering "${current.state}": its timeout fires`,
    };
    const r = move(def, current, after.target, `a timeout after ${after.ms / 1000} s`, deadline, [timedOut]);
    current = r.instance;
    commands.push(...r.commands);
    stored.push(...r.stored);
    effects.push(...r.effects);
    deadline = deadlineOf(def, current);
  }
  return { instance: current, commands, stored, effects };
}

/** An instance rebuilt by folding its stored events (null: none stored). Nothing is sent or stored by folding. */
export function foldSaga(
  def: SagaDefinition,
  instance: string,
  events: readonly SagaStoredEvent[],
): SagaInstance | null {
  let inst: SagaInstance | null = null;
  for (const e of events) {
    const s = stateOf(def, e.to);
    inst = {
      saga: def.id,
      instance,
      state: e.to,
      enteredAt: e.at,
      outcome: isFinal(s) ? (s?.outcome ?? null) : null,
      version: e.version,
    };
  }
  return inst;
}
