/**
 * How a design handles two actors issuing the same command at once (two drivers accepting one
 * ride). The engine decides both on the same revision and appends with an expected revision, so the
 * loser is re-decided on the new state: it is refused only if the aggregate no longer accepts the
 * command there — because of its lifecycle (the command is accepted in states its own event leaves),
 * or a guard on what that event set. Otherwise both land.
 */
import type { Guard, ValueExpr } from '../behaviour/expr';
import { indexScenario } from '../index/scenarioIndex';
import type { AggregateDef, ScenarioDef } from '../schema';

type CommandSpec = AggregateDef['commands'][number];

export type Protection =
  | { kind: 'lifecycle'; aggregate: string; command: string; acceptedIn: string[]; movesTo: string[]; events: string[] }
  | { kind: 'guard'; aggregate: string; command: string; fields: string[]; events: string[] }
  | { kind: 'none'; aggregate: string; command: string; acceptedIn: string[]; events: string[] };

/** The aggregate that decides `command`, with every spec of it (a command may have fallbacks). */
export function deciderOf(s: ScenarioDef, command: string): { aggregate: AggregateDef; specs: CommandSpec[] } | null {
  const c = indexScenario(s).commands.get(command);
  const aggregate = c && s.topology.aggregates?.[c.aggregateIndex];
  return aggregate ? { aggregate, specs: c.specs.map((j) => aggregate.commands[j]!) } : null;
}

const refsOfValue = (v: ValueExpr): string[] => {
  if (v === null || typeof v !== 'object') return [];
  if ('ref' in v) return [v.ref];
  if ('concat' in v) return v.concat.flatMap(refsOfValue);
  return Object.values(v).flatMap((pair) => (pair as ValueExpr[]).flatMap(refsOfValue));
};

export function refsOfGuard(g: Guard | undefined): string[] {
  if (g === undefined || typeof g === 'boolean') return [];
  if ('and' in g) return g.and.flatMap(refsOfGuard);
  if ('or' in g) return g.or.flatMap(refsOfGuard);
  if ('not' in g) return refsOfGuard(g.not);
  if ('exists' in g) return refsOfValue(g.exists);
  if ('in' in g) return [...refsOfValue(g.in[0]), ...g.in[1].flatMap(refsOfValue)];
  return Object.values(g).flatMap((pair) => (pair as ValueExpr[]).flatMap(refsOfValue));
}

/** The lifecycle state after applying these events' evolve rules from `from`. */
const after = (a: AggregateDef, from: string, events: readonly string[]) =>
  events.reduce((st, e) => a.evolve.find((x) => x.eventType === e)?.to ?? st, from);

export function protectionOf(aggregate: AggregateDef, specs: readonly CommandSpec[]): Protection {
  const command = specs[0]!.command;
  const acceptedIn = [...new Set(specs.flatMap((c) => c.when))];
  const events = [...new Set(specs.flatMap((c) => c.emit.map((e) => e.eventType)))];
  const base = { aggregate: aggregate.type, command, events };
  // Lifecycle: whichever spec wins, the state its events lead to accepts the command no more.
  const movesTo = specs.flatMap((c) =>
    c.when.map((st) =>
      after(
        aggregate,
        st,
        c.emit.map((e) => e.eventType),
      ),
    ),
  );
  if (movesTo.every((st) => !acceptedIn.includes(st)))
    return { kind: 'lifecycle', ...base, acceptedIn, movesTo: [...new Set(movesTo)] };
  // A guard protects when every spec checks something the command's own events change.
  const changed = new Set([
    'status',
    ...specs.flatMap((c) =>
      c.emit.flatMap((e) => Object.keys(aggregate.evolve.find((x) => x.eventType === e.eventType)?.set ?? {})),
    ),
  ]);
  const checked = specs.map((c) =>
    refsOfGuard(c.guard).flatMap((r) =>
      r.startsWith('state.') && changed.has(r.slice(6).split('.')[0]!) ? [r.slice(6)] : [],
    ),
  );
  if (checked.every((fields) => fields.length > 0))
    return { kind: 'guard', ...base, fields: [...new Set(checked.flat())] };
  return { kind: 'none', ...base, acceptedIn };
}

/** Race steps of the script: the commands raced, and whether they race one aggregate. */
export function racesIn(s: ScenarioDef): { step: number; commands: string[]; sameTarget: boolean }[] {
  return s.steps.flatMap((step, i) =>
    step.action.kind === 'race'
      ? [
          {
            step: i,
            commands: [...new Set(step.action.commands.map((c) => c.command))],
            sameTarget: new Set(step.action.commands.map((c) => `${c.aggregate}\u0000${c.id}`)).size === 1,
          },
        ]
      : [],
  );
}
