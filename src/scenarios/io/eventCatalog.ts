/**
 * Where each event type of a scenario travels: the topics it is published to (explicit publish
 * steps, the outbox relay's routes, service reactions, the declared catalog) and who sends it.
 * Shared by the AsyncAPI export and the linter.
 */
import type { ScenarioDef } from '../schema';

export interface Sender {
  /** A producer id, a service id, or "outbox-relay". */
  id: string;
  kind: 'producer' | 'relay' | 'service';
  topic: string;
  eventTypes: Set<string>;
}

/** Event types emitted by each aggregate's commands. */
export function aggregateEventTypes(s: ScenarioDef): Map<string, Set<string>> {
  return new Map(
    (s.topology.aggregates ?? []).map((a) => [
      a.type,
      new Set(a.commands.flatMap((c) => c.emit.map((e) => e.eventType))),
    ]),
  );
}

/** Every event type the scenario stores (aggregate emits) or publishes, in first-seen order. */
export function allEventTypes(s: ScenarioDef): string[] {
  const out = new Set<string>((s.topology.eventTypes ?? []).map((e) => e.name));
  for (const set of aggregateEventTypes(s).values()) set.forEach((e) => out.add(e));
  for (const step of s.steps) {
    if (step.action.kind === 'publish' || step.action.kind === 'enqueue') out.add(step.action.event.eventType);
  }
  for (const sv of s.topology.services ?? [])
    for (const r of sv.on) for (const d of r.do) if ('publish' in d) out.add(d.publish.eventType);
  return [...out];
}

export function senders(s: ScenarioDef): Sender[] {
  const t = s.topology;
  const out = new Map<string, Sender>();
  const add = (id: string, kind: Sender['kind'], topic: string, eventType: string) => {
    const k = `${kind}\u0000${id}\u0000${topic}`;
    const sender = out.get(k) ?? { id, kind, topic, eventTypes: new Set<string>() };
    sender.eventTypes.add(eventType);
    out.set(k, sender);
  };
  for (const step of s.steps) {
    if (step.action.kind === 'publish')
      add(step.action.producer, 'producer', step.action.topic, step.action.event.eventType);
  }
  const stored = new Set([...aggregateEventTypes(s).values()].flatMap((x) => [...x]));
  for (const route of t.relay?.routes ?? [])
    for (const e of route.eventTypes ?? [...stored]) add('outbox-relay', 'relay', route.topic, e);
  for (const sv of t.services ?? []) {
    for (const r of sv.on)
      for (const d of r.do) if ('publish' in d) add(sv.id, 'service', d.publish.topic, d.publish.eventType);
    if (sv.deadLetterTopic) for (const r of sv.on) add(sv.id, 'service', sv.deadLetterTopic, r.eventType);
  }
  return [...out.values()];
}

/** Event types carried by each topic. */
export function topicEventTypes(s: ScenarioDef): Map<string, Set<string>> {
  const out = new Map(s.topology.topics.map((t) => [t.name, new Set<string>()]));
  for (const sender of senders(s)) sender.eventTypes.forEach((e) => out.get(sender.topic)?.add(e));
  for (const e of s.topology.eventTypes ?? []) if (e.topic) out.get(e.topic)?.add(e.name);
  return out;
}
