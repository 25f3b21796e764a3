/**
 * What a design says, read from the scenario data: its event types (declared or only used), how
 * each topic is keyed, which consumer groups react to which events, and what decides a command.
 * Both the reference and the learner's design are read the same way.
 */
import { indexScenario } from '../index/scenarioIndex';
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

/** For an aggregate-emitted event type: the data field holding the aggregate id (`{ref: command.id}`). */
export function idFieldOf(s: ScenarioDef, eventType: string): string | null {
  for (const w of indexScenario(s).eventTypes.get(eventType)?.writes ?? []) {
    if (w.role !== 'emit') continue;
    const field = Object.entries(w.data).find(([, v]) => refOf(v) === 'command.id')?.[0];
    if (field) return field;
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

/**
 * The design's event types are the scenario index's: declared or written (emitted, published by a
 * producer or a service, enqueued), each on the topics that carry it.
 */
function eventFacts(s: ScenarioDef): Map<string, EventFact> {
  const idx = indexScenario(s);
  const events = new Map<string, EventFact>();
  for (const name of idx.eventTypeNames) {
    const info = idx.eventTypes.get(name)!;
    const d = info.declared;
    const fields: FieldFact[] = d ? d.fields.map((f) => ({ name: f.name, type: f.type })) : [];
    if (!d)
      for (const w of info.writes)
        for (const n of Object.keys(w.data))
          if (!fields.some((f) => f.name === n)) fields.push({ name: n, type: null });
    const aggregates = [...(d?.aggregate ? [d.aggregate] : [])];
    for (const a of info.emittedBy) if (!aggregates.includes(a)) aggregates.push(a);
    events.set(name, {
      name,
      declared: d !== null,
      schemaVersion: d?.schemaVersion ?? null,
      fields,
      aggregates,
      emittedBy: [...info.emittedBy],
      topics: [...idx.carried].filter(([, types]) => types.has(name)).map(([t]) => t),
      publishedDirectly: info.writes.some((w) => w.role === 'publish' || w.role === 'service-publish'),
    });
  }
  return events;
}

export function readDesign(s: ScenarioDef): DesignFacts {
  const t = s.topology;
  const events = eventFacts(s);
  const aggregateEvents = indexScenario(s).stored;
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
