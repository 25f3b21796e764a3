/**
 * Who sends which event types to which topic: producers (publish steps), the outbox relay (its
 * routes, picking stored event types) and services (their publishes, and the dead-letter topic that
 * receives the events they fail on). Read by the AsyncAPI export, the linter and the index's topics.
 */
import { entries, name, names } from './draft';
import type { EventWrite } from './refs';

export interface Sender {
  /** A producer id, a service id, or "outbox-relay". */
  id: string;
  kind: 'producer' | 'relay' | 'service';
  topic: string;
  eventTypes: Set<string>;
}

export function sendersOf(doc: unknown, writes: readonly EventWrite[], stored: readonly string[]): Sender[] {
  const out = new Map<string, Sender>();
  const add = (id: string, kind: Sender['kind'], topic: string | null, eventType: string) => {
    if (!topic) return;
    const k = `${kind}\u0000${id}\u0000${topic}`;
    const sender = out.get(k) ?? { id, kind, topic, eventTypes: new Set<string>() };
    sender.eventTypes.add(eventType);
    out.set(k, sender);
  };
  for (const w of writes) if (w.role === 'publish') add(w.by, 'producer', w.topic, w.eventType);
  for (const [r] of entries(doc, ['topology', 'relay', 'routes'])) {
    const listed = Array.isArray(r.eventTypes) ? names(r.eventTypes).map(([e]) => e) : stored;
    for (const e of listed) add('outbox-relay', 'relay', name(r.topic), e);
  }
  for (const [sv] of entries(doc, ['topology', 'services'])) {
    const id = name(sv.id) ?? '';
    for (const w of writes) if (w.role === 'service-publish' && w.by === id) add(id, 'service', w.topic, w.eventType);
    const dlt = name(sv.deadLetterTopic);
    for (const [r] of entries(sv, ['on'])) {
      const e = name(r.eventType);
      if (e) add(id, 'service', dlt, e);
    }
  }
  return [...out.values()];
}
