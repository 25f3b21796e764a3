/**
 * What a design says, read from the scenario data: its event types (declared or only used), how
 * each topic is keyed, which consumer groups react to which events, and what decides a command.
 * Both the reference and the learner's design are read the same way.
 */
import type { ScenarioDef } from '../schema';

export interface FieldFact {
  name: string;
  /** Null when the event type is not declared (fields inferred from the data it is given). */
  type: string | null;
}

export interface EventFact {
  name: string;
  /** Declared in `topology.eventTypes` (with a schema version). */
  declared: boolean;
  schemaVersion: number | null;
  fields: FieldFact[];
  /** Declared as belonging to, or emitted by, these aggregates. */
  aggregates: string[];
  /** Emitted by the commands of these aggregates (decided, then stored). */
  emittedBy: string[];
  topics: string[];
  /** Published directly (a producer's publish step or a service's publish), not decided by an aggregate. */
  publishedDirectly: boolean;
}

/** How records reach a topic with a key. */
export type KeyUse =
  | { kind: 'field'; field: string; via: string }
  | { kind: 'none'; via: string }
  | { kind: 'constant'; value: string; via: string }
  | { kind: 'other'; via: string };

export interface TopicFact {
  name: string;
  partitions: number;
  compacted: boolean;
  keyField: string | null;
  keys: KeyUse[];
}

export interface ReactionFact {
  eventType: string;
  /** What the service does, in words ("OfferRide on Ride", "publishes RiderNotified"). */
  does: string[];
}

export interface GroupFact {
  id: string;
  label: string;
  topics: string[];
  commitMode: 'after' | 'before' | 'manual';
  idempotent: boolean;
  services: string[];
  reactions: ReactionFact[];
}

export interface DesignFacts {
  events: Map<string, EventFact>;
  topics: TopicFact[];
  groups: GroupFact[];
}

const refOf = (v: unknown): string | null =>
  v && typeof v === 'object' && !Array.isArray(v) && typeof (v as { ref?: unknown }).ref === 'string'
    ? (v as { ref: string }).ref
    : null;

/** For each aggregate-emitted event type: the data field holding the aggregate id (`{ref: command.id}`). */
export function idFieldOf(s: ScenarioDef, eventType: string): string | null {
  for (const a of s.topology.aggregates ?? []) {
    for (const c of a.commands) {
      for (const e of c.emit) {
        if (e.eventType !== eventType) continue;
        const field = Object.entries(e.data).find(([, v]) => refOf(v) === 'command.id')?.[0];
        if (field) return field;
      }
    }
  }
  return null;
}

/** A key expression as a KeyUse; `routed` are the event types it keys (to resolve `event.streamId`). */
function keyUse(s: ScenarioDef, key: unknown, via: string, routed: readonly string[]): KeyUse {
  if (key === null) return { kind: 'none', via };
  if (typeof key === 'string' || typeof key === 'number') return { kind: 'constant', value: String(key), via };
  const ref = refOf(key);
  const field = ref && /^(?:event\.data|data)\.([A-Za-z_][A-Za-z0-9_]*)$/.exec(ref)?.[1];
  if (field) return { kind: 'field', field, via };
  if (ref === 'event.streamId') {
    // The stream id is `<prefix><aggregate id>`: keyed by the aggregate id.
    const ids = new Set(routed.map((t) => idFieldOf(s, t)).filter((f): f is string => !!f));
    if (ids.size === 1) return { kind: 'field', field: [...ids][0]!, via: `${via} (the stream id)` };
  }
  return { kind: 'other', via };
}

function addEvent(events: Map<string, EventFact>, name: string): EventFact {
  let e = events.get(name);
  if (!e)
    events.set(
      name,
      (e = {
        name,
        declared: false,
        schemaVersion: null,
        fields: [],
        aggregates: [],
        emittedBy: [],
        topics: [],
        publishedDirectly: false,
      }),
    );
  return e;
}

const addFields = (e: EventFact, names: readonly string[]) => {
  if (e.declared) return;
  for (const n of names) if (!e.fields.some((f) => f.name === n)) e.fields.push({ name: n, type: null });
};
const addTo = (xs: string[], x: string) => {
  if (!xs.includes(x)) xs.push(x);
};

export function readDesign(s: ScenarioDef): DesignFacts {
  const t = s.topology;
  const events = new Map<string, EventFact>();
  for (const d of t.eventTypes ?? []) {
    const e = addEvent(events, d.name);
    Object.assign(e, {
      declared: true,
      schemaVersion: d.schemaVersion,
      fields: d.fields.map((f) => ({ name: f.name, type: f.type })),
    });
    if (d.topic) addTo(e.topics, d.topic);
    if (d.aggregate) addTo(e.aggregates, d.aggregate);
  }
  for (const a of t.aggregates ?? [])
    for (const c of a.commands)
      for (const em of c.emit) {
        const e = addEvent(events, em.eventType);
        addFields(e, Object.keys(em.data));
        addTo(e.aggregates, a.type);
        addTo(e.emittedBy, a.type);
      }
  const aggregateEvents = [...events.values()].filter((e) => e.emittedBy.length > 0).map((e) => e.name);
  for (const r of t.relay?.routes ?? [])
    for (const name of r.eventTypes ?? aggregateEvents) addTo(addEvent(events, name).topics, r.topic);
  for (const sv of t.services ?? [])
    for (const on of sv.on)
      for (const d of on.do)
        if ('publish' in d) {
          const e = addEvent(events, d.publish.eventType);
          addFields(e, Object.keys(d.publish.data));
          addTo(e.topics, d.publish.topic);
          e.publishedDirectly = true;
        }
  for (const step of s.steps) {
    const a = step.action;
    if (a.kind !== 'publish') continue;
    const e = addEvent(events, a.event.eventType);
    addFields(e, Object.keys(a.event.data));
    addTo(e.topics, a.topic);
    e.publishedDirectly = true;
  }

  const topics: TopicFact[] = t.topics.map((topic) => {
    const keys: KeyUse[] = [];
    t.relay?.routes.forEach((r, i) => {
      if (r.topic === topic.name) keys.push(keyUse(s, r.key, `relay route ${i + 1}`, r.eventTypes ?? aggregateEvents));
    });
    for (const sv of t.services ?? [])
      for (const on of sv.on)
        for (const d of on.do)
          if ('publish' in d && d.publish.topic === topic.name) keys.push(keyUse(s, d.publish.key, sv.label, []));
    s.steps.forEach((step, i) => {
      const a = step.action;
      if (a.kind !== 'publish' || a.topic !== topic.name || a.tombstone || a.retry) return;
      const via = `step ${i + 1}`;
      if (a.event.key === null) return keys.push({ kind: 'none', via });
      const field = Object.entries(a.event.data).find(
        ([, v]) => (typeof v === 'string' || typeof v === 'number') && String(v) === a.event.key,
      )?.[0];
      keys.push(
        field
          ? { kind: 'field', field, via }
          : a.event.key === a.event.streamId
            ? { kind: 'other', via }
            : { kind: 'constant', value: a.event.key, via },
      );
    });
    return {
      name: topic.name,
      partitions: topic.partitions,
      compacted: topic.cleanupPolicy === 'compact',
      keyField: topic.keyField ?? null,
      keys,
    };
  });

  const groups: GroupFact[] = t.groups.map((g) => {
    const services = (t.services ?? []).filter((sv) => sv.group === g.id);
    const reactions = new Map<string, ReactionFact>();
    for (const sv of services)
      for (const on of sv.on) {
        const r = reactions.get(on.eventType) ?? { eventType: on.eventType, does: [] };
        for (const d of on.do)
          r.does.push('publish' in d ? `publishes ${d.publish.eventType}` : `${d.command} on ${d.aggregate}`);
        reactions.set(on.eventType, r);
      }
    return {
      id: g.id,
      label: g.label ?? g.id,
      topics: [...g.topics],
      commitMode: g.commitMode ?? 'after',
      idempotent: g.idempotent === true,
      services: services.map((sv) => sv.label),
      reactions: [...reactions.values()],
    };
  });

  return { events, topics, groups };
}
