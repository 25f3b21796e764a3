/**
 * A saga's definition: a process manager's state chart as plain data, in the shape of an XState machine
 * config (`initial`, `states`, `on: { Event: target }`, `after`, `type: 'final'`), so the same object can be
 * handed to XState's `createMachine` — `xstate.test.ts` checks that XState's pure `transition()` agrees with
 * this runtime. The engine does not import XState itself: it stays free of state libraries (ESLint), and a
 * saga needs only this small subset (no guards, no context, one timeout per state).
 */

/** A command the orchestrator sends when it enters a state (an XState entry action, named). */
export interface SagaCommand {
  readonly command: string;
  /** The participant (service) that receives it. */
  readonly to: string;
}

export interface SagaStateDef {
  /** A final state ends the saga; `outcome` says how. */
  readonly type?: 'final';
  readonly outcome?: 'completed' | 'compensated';
  /** Why the saga is in this state, in plain words: used in the effects' reasons. */
  readonly description?: string;
  readonly entry?: readonly SagaCommand[];
  /** A participant's reply (event type) → the next state. */
  readonly on?: Readonly<Record<string, string>>;
  /** A timeout: still in this state `ms` after entering it → `target` (XState's `after: { ms: target }`). */
  readonly after?: { readonly ms: number; readonly target: string };
}

export interface SagaDefinition {
  readonly id: string;
  readonly initial: string;
  readonly states: Readonly<Record<string, SagaStateDef>>;
}

export type SagaOutcome = 'completed' | 'compensated';

/** Own-property lookup: a state named "constructor" or "toString" must not be found on the prototype. */
export const stateOf = (def: SagaDefinition, name: string): SagaStateDef | undefined =>
  Object.prototype.hasOwnProperty.call(def.states, name) ? def.states[name] : undefined;

export const isFinal = (s: SagaStateDef | undefined) => s?.type === 'final';

/**
 * What is wrong with a definition, as sentences (empty: none). Every target must exist; a final state has an
 * outcome and no exits; a state that is not final has a way out (a reply or a timeout), else a saga could
 * wait there forever; at least one final state of each kind is not required (a saga may never compensate).
 */
export function definitionProblems(def: SagaDefinition): string[] {
  const problems: string[] = [];
  if (!stateOf(def, def.initial)) problems.push(`the initial state "${def.initial}" is not one of its states`);
  for (const [name, s] of Object.entries(def.states)) {
    const targets = [...Object.values(s.on ?? {}), ...(s.after ? [s.after.target] : [])];
    for (const t of targets)
      if (!stateOf(def, t)) problems.push(`state "${name}" goes to "${t}", which is not one of its states`);
    if (isFinal(s)) {
      if (!s.outcome) problems.push(`final state "${name}" needs an outcome (completed or compensated)`);
      if (targets.length > 0) problems.push(`final state "${name}" cannot go on to another state`);
    } else {
      if (s.outcome) problems.push(`state "${name}" has an outcome but is not final`);
      if (targets.length === 0) problems.push(`state "${name}" is not final and has no reply or timeout to leave it`);
    }
  }
  // Timeouts alone must not loop (a → b → a by `after`): catching up a long pause would never end.
  for (const name of Object.keys(def.states)) {
    const seen = new Set<string>([name]);
    for (let at = stateOf(def, name)?.after?.target; at !== undefined; at = stateOf(def, at)?.after?.target) {
      if (seen.has(at)) {
        problems.push(`timeouts alone go round in a loop from state "${name}"`);
        break;
      }
      seen.add(at);
    }
  }
  return problems;
}
