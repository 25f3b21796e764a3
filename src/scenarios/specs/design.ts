/**
 * A design with proposed changes applied (the `change-design` step): a new scenario document, so every spec
 * and the AsyncAPI export read the changed design the same way. Only the producer's side of a rename changes
 * (its schema, what its aggregate writes and reads, its own decider specs): a consumer's code and specs are
 * another team's, and a producer's pull request does not touch them — which is what a contract test is for.
 */
import type { DesignChangeDef, ScenarioDef, SpecDef } from '../schema';

type Rename = Extract<DesignChangeDef, { change: 'rename-field' }>;

const renameKey = <T>(data: Readonly<Record<string, T>>, from: string, to: string): Record<string, T> =>
  Object.fromEntries(Object.entries(data).map(([k, v]) => [k === from ? to : k, v]));

/** Every `{ ref: "event.data.<from>" }` in an expression, read as `event.data.<to>`. */
function renameRefs<T>(expr: T, from: string, to: string): T {
  if (Array.isArray(expr)) return expr.map((e: unknown) => renameRefs(e, from, to)) as T;
  if (expr === null || typeof expr !== 'object') return expr;
  const o = expr as Record<string, unknown>;
  if (typeof o.ref === 'string' && (o.ref === `event.data.${from}` || o.ref.startsWith(`event.data.${from}.`)))
    return { ...o, ref: `event.data.${to}${o.ref.slice(`event.data.${from}`.length)}` } as T;
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, renameRefs(v, from, to)])) as T;
}

function renameInSpec(spec: SpecDef, c: Rename, producers: ReadonlySet<string>): SpecDef {
  if (spec.kind !== 'decider' || !producers.has(spec.aggregate)) return spec;
  const ev = <E extends { eventType: string; data: Record<string, unknown> }>(e: E): E =>
    e.eventType === c.eventType ? { ...e, data: renameKey(e.data, c.from, c.to) } : e;
  return {
    ...spec,
    given: spec.given.map(ev),
    then: 'events' in spec.then ? { events: spec.then.events.map(ev) } : spec.then,
  };
}

function rename(s: ScenarioDef, c: Rename): ScenarioDef {
  const t = s.topology;
  const aggregates = (t.aggregates ?? []).map((a) => ({
    ...a,
    commands: a.commands.map((cmd) => ({
      ...cmd,
      emit: cmd.emit.map((e) => (e.eventType === c.eventType ? { ...e, data: renameKey(e.data, c.from, c.to) } : e)),
    })),
    evolve: a.evolve.map((r) => (r.eventType === c.eventType ? renameRefs(r, c.from, c.to) : r)),
  }));
  const producers = new Set(
    aggregates
      .filter((a) => a.commands.some((x) => x.emit.some((e) => e.eventType === c.eventType)))
      .map((a) => a.type),
  );
  return {
    ...s,
    topology: {
      ...t,
      ...(t.eventTypes && {
        eventTypes: t.eventTypes.map((e) =>
          e.name === c.eventType
            ? { ...e, fields: e.fields.map((f) => (f.name === c.from ? { ...f, name: c.to } : f)) }
            : e,
        ),
      }),
      ...(t.aggregates && { aggregates }),
    },
    ...(s.specs && { specs: s.specs.map((x) => renameInSpec(x, c, producers)) }),
  };
}

/** The scenario as its changes (oldest first) leave it; `withdraw` returns to the deployed design. */
export function designWith(s: ScenarioDef, changes: readonly DesignChangeDef[]): ScenarioDef {
  const from = changes.map((c) => c.change).lastIndexOf('withdraw') + 1;
  let d = s;
  for (const c of changes.slice(from)) {
    if (c.change === 'rename-field') d = rename(d, c);
    else if (c.change === 'drop-dedup')
      d = {
        ...d,
        topology: {
          ...d.topology,
          groups: d.topology.groups.map((g) => (g.id === c.group ? { ...g, idempotent: false } : g)),
        },
      };
  }
  return d;
}

/** The changes still proposed (those after the last `withdraw`), for views and narration. */
export const pendingChanges = (changes: readonly DesignChangeDef[]): DesignChangeDef[] =>
  changes.slice(changes.map((c) => c.change).lastIndexOf('withdraw') + 1);
