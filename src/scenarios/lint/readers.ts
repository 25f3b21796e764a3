/**
 * Who reads which field of an event type: aggregates (evolve), projections, services (guards and
 * reactions) and relay routes (keys), found through their `event.data.<field>` / `data.<field>` refs.
 */
import { indexScenario, type EventRole } from '../index/scenarioIndex';
import type { ScenarioDef } from '../schema';

/** Field names read through refs anywhere inside a value, guard or list of them. */
export function fieldsRead(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => fieldsRead(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'ref' && typeof v === 'string') {
        const m = /^(?:event\.data|data)\.([A-Za-z_][A-Za-z0-9_]*)/.exec(v);
        if (m) out.add(m[1]!);
      } else fieldsRead(v, out);
    }
  }
  return out;
}

export interface Reader {
  /** e.g. `projection "trip-status"`. */
  name: string;
  path: string;
  fields: Set<string>;
}

/** Everything that reads events of the given type, with the fields each reads (found through the scenario index). */
export function readersOf(s: ScenarioDef, eventType: string): Reader[] {
  const t = s.topology;
  const refs = indexScenario(s).eventTypes.get(eventType)?.refs ?? [];
  const at = (role: EventRole) => refs.filter((r) => r.role === role).map((r) => r.path);
  const out: Reader[] = [];
  // Paths are `topology.<part>[i].<list>[j].eventType`: i and j find the reader.
  const ij = (p: readonly (string | number)[]) => [p[2] as number, p[4] as number] as const;
  for (const p of at('evolve')) {
    const [i, j] = ij(p);
    const a = t.aggregates![i]!;
    out.push({
      name: `aggregate ${a.type}`,
      path: `topology.aggregates[${i}].evolve[${j}]`,
      fields: fieldsRead(a.evolve[j]!.set),
    });
  }
  for (const p of at('project')) {
    const [i, j] = ij(p);
    const pr = t.projections![i]!;
    out.push({
      name: `projection "${pr.name}"`,
      path: `topology.projections[${i}].on[${j}]`,
      fields: fieldsRead(pr.on[j]!.ops),
    });
  }
  for (const p of at('react')) {
    const [i, j] = ij(p);
    const sv = t.services![i]!;
    const r = sv.on[j]!;
    out.push({
      name: `service "${sv.id}"`,
      path: `topology.services[${i}].on[${j}]`,
      fields: fieldsRead([r.when, r.do], fieldsRead(sv.failOn)),
    });
  }
  // A route that lists no event types relays every one, so it reads this type without naming it.
  t.relay?.routes.forEach((r, i) => {
    if (!r.eventTypes || r.eventTypes.includes(eventType))
      out.push({
        name: `the relay route to "${r.topic}"`,
        path: `topology.relay.routes[${i}].key`,
        fields: fieldsRead(r.key),
      });
  });
  return out;
}
