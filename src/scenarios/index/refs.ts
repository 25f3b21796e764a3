/**
 * Every place a scenario names one of its parts: event types, topics, consumer groups, producers,
 * aggregates, projections and queues, each with its JSON path and, for event types, what the place
 * does with the type (writes it, reads it, routes it, expects it). One walk over the known shape of
 * the format (never a search for keys, so an event field that happens to be called `topic` is data,
 * not a reference); a draft's missing or odd parts are skipped.
 */
import { at, dataOf, entries, isObj, name, names, type Obj } from './draft';
import type { Path } from './jsonPath';
import { REPLICATION_KINDS } from '../format/replicationKinds';

export type RefKind = 'eventType' | 'topic' | 'group' | 'producer' | 'aggregate' | 'projection' | 'queue';

/**
 * What a place does with an event type. Writers: `emit` (an aggregate's command decides it, then it
 * is stored), `publish` (a producer's publish step), `service-publish` (a reaction publishes it),
 * `enqueue` (a message put on a queue). Readers: `evolve`, `project`, `react`, `upcast`; `route`
 * (a relay route picks it), `expect` (an expectation names it).
 */
export type EventRole =
  'emit' | 'publish' | 'service-publish' | 'enqueue' | 'evolve' | 'project' | 'react' | 'upcast' | 'route' | 'expect';

export const WRITES: ReadonlySet<EventRole> = new Set(['emit', 'publish', 'service-publish', 'enqueue']);

export interface Ref {
  kind: RefKind;
  name: string;
  /** Path of the string itself (`steps[2].action.topic`). */
  path: Path;
  role?: EventRole;
}

/** A place that writes an event: its type, data and where it goes. */
export interface EventWrite {
  eventType: string;
  role: 'emit' | 'publish' | 'service-publish' | 'enqueue';
  /** Path of the object holding `eventType` (an emit, a step's `event`, a reaction's `publish`). */
  path: Path;
  data: Obj;
  schemaVersion: number | null;
  /** The aggregate type, producer id, service id or queue name that writes it. */
  by: string;
  /** The topic it is published to (publish, service-publish). */
  topic: string | null;
  /** The record key as written: a literal for a publish step, an expression for a service. */
  key: unknown;
}

export interface Walk {
  refs: Ref[];
  writes: EventWrite[];
}

export function walkRefs(doc: unknown): Walk {
  const refs: Ref[] = [];
  const writes: EventWrite[] = [];
  const ref = (kind: RefKind, v: unknown, path: Path, role?: EventRole) => {
    const n = name(v);
    if (n) refs.push(role ? { kind, name: n, path, role } : { kind, name: n, path });
  };
  const key = (kind: RefKind, o: Obj, base: Path, k: string, role?: EventRole) => ref(kind, o[k], [...base, k], role);
  const write = (o: Obj, path: Path, role: EventWrite['role'], by: unknown, topic: unknown) => {
    key('eventType', o, path, 'eventType', role);
    const type = name(o.eventType);
    if (!type) return;
    const v = o.schemaVersion;
    writes.push({
      eventType: type,
      role,
      path,
      data: dataOf(o.data),
      schemaVersion: typeof v === 'number' ? v : null,
      by: name(by) ?? '',
      topic: name(topic),
      key: o.key,
    });
  };

  const T = ['topology'] as const;
  for (const [e, i] of entries(doc, [...T, 'eventTypes'])) {
    const p = [...T, 'eventTypes', i];
    key('topic', e, p, 'topic');
    key('aggregate', e, p, 'aggregate');
  }
  for (const [g, i] of entries(doc, [...T, 'groups']))
    for (const [t, j] of names(g.topics)) ref('topic', t, [...T, 'groups', i, 'topics', j]);
  for (const [a, i] of entries(doc, [...T, 'aggregates'])) {
    const p = [...T, 'aggregates', i];
    for (const [c, j] of entries(a, ['commands']))
      for (const [e, k] of entries(c, ['emit'])) write(e, [...p, 'commands', j, 'emit', k], 'emit', a.type, null);
    for (const [e, j] of entries(a, ['evolve'])) key('eventType', e, [...p, 'evolve', j], 'eventType', 'evolve');
  }
  for (const [pr, i] of entries(doc, [...T, 'projections']))
    for (const [h, j] of entries(pr, ['on']))
      key('eventType', h, [...T, 'projections', i, 'on', j], 'eventType', 'project');
  for (const [u, i] of entries(doc, [...T, 'upcasters']))
    key('eventType', u, [...T, 'upcasters', i], 'eventType', 'upcast');
  for (const [r, i] of entries(doc, [...T, 'relay', 'routes'])) {
    const p = [...T, 'relay', 'routes', i];
    key('topic', r, p, 'topic');
    for (const [e, j] of names(r.eventTypes)) ref('eventType', e, [...p, 'eventTypes', j], 'route');
  }
  for (const [sv, i] of entries(doc, [...T, 'services'])) {
    const p = [...T, 'services', i];
    key('group', sv, p, 'group');
    key('topic', sv, p, 'deadLetterTopic');
    for (const [r, j] of entries(sv, ['on'])) {
      key('eventType', r, [...p, 'on', j], 'eventType', 'react');
      for (const [d, k] of entries(r, ['do'])) {
        const q = [...p, 'on', j, 'do', k];
        if (isObj(d.publish)) {
          key('topic', d.publish, [...q, 'publish'], 'topic');
          write(d.publish, [...q, 'publish'], 'service-publish', sv.id, d.publish.topic);
        } else key('aggregate', d, q, 'aggregate');
      }
    }
  }
  for (const [step, i] of entries(doc, ['steps'])) stepRefs(step, ['steps', i], key, write);
  return { refs, writes };
}

type KeyFn = (kind: RefKind, o: Obj, base: Path, k: string, role?: EventRole) => void;
type WriteFn = (o: Obj, path: Path, role: EventWrite['role'], by: unknown, topic: unknown) => void;

/** Names a step uses: its action's, its question's targets' and its expectations'. */
function stepRefs(step: Obj, base: Path, key: KeyFn, write: WriteFn) {
  const a = at(step, ['action']);
  // Replicated topics and their clients are checked apart (replicationReferences.ts): they are not these topics.
  if (isObj(a) && !REPLICATION_KINDS.has(String(a.kind))) {
    const p = [...base, 'action'];
    for (const k of ['producer', 'topic', 'group', 'projection', 'queue', 'aggregate'] as const) key(k, a, p, k);
    for (const [c, j] of entries(a, ['commands'])) key('aggregate', c, [...p, 'commands', j], 'aggregate');
    if (isObj(a.event) && a.kind === 'publish') write(a.event, [...p, 'event'], 'publish', a.producer, a.topic);
    if (isObj(a.event) && a.kind === 'enqueue') write(a.event, [...p, 'event'], 'enqueue', a.queue, null);
  }
  for (const [c, j] of entries(step, ['question', 'choices'])) {
    const t = c.target;
    if (!isObj(t)) continue;
    const p = [...base, 'question', 'choices', j, 'target'];
    key('topic', t, p, 'topic');
    key('group', t, p, 'group');
    key('projection', t, p, 'readModel');
  }
  for (const [e, j] of entries(step, ['expect'])) {
    if (REPLICATION_KINDS.has(String(e.kind))) continue;
    const p = [...base, 'expect', j];
    for (const k of ['topic', 'group', 'projection', 'aggregate', 'queue'] as const) key(k, e, p, k);
    key('eventType', e, p, 'eventType', 'expect');
  }
}
