/**
 * Who reads which field of an event type: aggregates (evolve), projections, services (guards and
 * reactions) and relay routes (keys), found through their `event.data.<field>` / `data.<field>` refs.
 */
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

/** Everything that reads events of the given type, with the fields each reads. */
export function readersOf(s: ScenarioDef, eventType: string): Reader[] {
  const t = s.topology;
  const out: Reader[] = [];
  t.aggregates?.forEach((a, i) =>
    a.evolve.forEach((e, j) => {
      if (e.eventType === eventType)
        out.push({
          name: `aggregate ${a.type}`,
          path: `topology.aggregates[${i}].evolve[${j}]`,
          fields: fieldsRead(e.set),
        });
    }),
  );
  t.projections?.forEach((p, i) =>
    p.on.forEach((h, j) => {
      if (h.eventType === eventType)
        out.push({
          name: `projection "${p.name}"`,
          path: `topology.projections[${i}].on[${j}]`,
          fields: fieldsRead(h.ops),
        });
    }),
  );
  t.services?.forEach((sv, i) => {
    const failOn = fieldsRead(sv.failOn);
    sv.on.forEach((r, j) => {
      if (r.eventType === eventType)
        out.push({
          name: `service "${sv.id}"`,
          path: `topology.services[${i}].on[${j}]`,
          fields: fieldsRead([r.when, r.do], new Set(failOn)),
        });
    });
  });
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
