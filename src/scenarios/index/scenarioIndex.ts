/**
 * One reading of a scenario that every other reader shares: its parts by name (topics, groups,
 * producers, aggregates, projections, queues), its event types (declared fields, who emits, who
 * publishes, which topics carry them) and the JSON path of every reference. Built once per document
 * object and cached (documents are immutable: an edit makes a new one), and tolerant of drafts: a
 * document that does not validate yet is read as far as it goes, never with an exception.
 */
import { entries, name, names, type Obj } from './draft';
import { walkRefs, WRITES, type EventWrite, type Ref, type RefKind } from './refs';
import { sendersOf, type Sender } from './senders';

export type { EventRole, EventWrite, Ref, RefKind } from './refs';
export type { Sender } from './senders';

export interface FieldInfo {
  name: string;
  type: string;
  optional: boolean;
  description: string | null;
}

export interface DeclaredEventType {
  /** Its place in `topology.eventTypes`. */
  index: number;
  schemaVersion: number | null;
  fields: FieldInfo[];
  aggregate: string | null;
  topic: string | null;
  description: string | null;
  previousVersions: { schemaVersion: number | null; fields: FieldInfo[] }[];
}

export interface EventTypeInfo {
  name: string;
  /** Its entry in `topology.eventTypes`, when declared. */
  declared: DeclaredEventType | null;
  /** Every place that writes it, in document order (topology first, then the script). */
  writes: EventWrite[];
  /** Aggregate types whose commands emit it: decided, then stored in the event store. */
  emittedBy: string[];
  /** Emitted, published (by a producer or a service) or enqueued somewhere in the scenario. */
  written: boolean;
  /** Every reference to it, readers included. */
  refs: Ref[];
}

export interface CommandInfo {
  name: string;
  /** The aggregate type that decides it: the first aggregate whose commands name it. */
  aggregate: string | null;
  /** That aggregate's place in `topology.aggregates`. */
  aggregateIndex: number;
  /** The places in its `commands` that name this command, in order (a command may have fallbacks, tried in turn). */
  specs: number[];
  /** Event types those specs emit, in order, each once. */
  emits: string[];
}

export interface ScenarioIndex {
  topics: Map<string, { index: number; partitions: number | null; compacted: boolean; keyField: string | null }>;
  groups: Map<string, { index: number; members: string[]; topics: string[] }>;
  producers: Set<string>;
  aggregates: Map<string, { index: number; commands: string[] }>;
  /** Every command an aggregate handles, by name, in document order (the first declaration decides). */
  commands: Map<string, CommandInfo>;
  projections: Set<string>;
  queues: Map<string, string[]>;
  /** Whether `topology.eventTypes` declares any: then every event type used must be declared. */
  catalog: boolean;
  /**
   * Every event type named anywhere, in this order: declared, emitted by aggregates, written by the
   * script (publish and enqueue steps), published by services, then those only read or expected.
   */
  eventTypes: Map<string, EventTypeInfo>;
  /** The event types of the scenario: declared or written (not those only read), in the order above. */
  eventTypeNames: string[];
  /** Event types emitted by aggregates (what the store holds and the relay may publish). */
  stored: string[];
  refs: Ref[];
  writes: EventWrite[];
  /** Who publishes what to which topic: producers, the outbox relay, services (and their dead letters). */
  senders: Sender[];
  /** Event types each declared topic carries, by its senders or its declarations. */
  carried: Map<string, Set<string>>;
}

const cache = new WeakMap<object, ScenarioIndex>();

/** The index of a scenario or draft, built on first use and cached on the document object. */
export function indexScenario(doc: unknown): ScenarioIndex {
  if (typeof doc !== 'object' || doc === null) return build(doc);
  let idx = cache.get(doc);
  if (!idx) cache.set(doc, (idx = build(doc)));
  return idx;
}

/** References to one thing, by kind and name. */
export const refsTo = (idx: ScenarioIndex, kind: RefKind, n: string): Ref[] =>
  idx.refs.filter((r) => r.kind === kind && r.name === n);

const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const fieldsOf = (v: Obj): FieldInfo[] =>
  entries(v, ['fields']).flatMap(([f]) => {
    const n = name(f.name);
    return n
      ? [{ name: n, type: text(f.type) ?? 'string', optional: f.optional === true, description: text(f.description) }]
      : [];
  });
const byName = <T>(list: [Obj, number][], key: string, value: (o: Obj, i: number) => T): Map<string, T> => {
  const out = new Map<string, T>();
  for (const [o, i] of list) {
    const n = name(o[key]);
    if (n && !out.has(n)) out.set(n, value(o, i));
  }
  return out;
};

function commandsOf(doc: unknown): Map<string, CommandInfo> {
  const out = new Map<string, CommandInfo>();
  for (const [a, aggregateIndex] of entries(doc, ['topology', 'aggregates']))
    for (const [c, j] of entries(a, ['commands'])) {
      const n = name(c.command);
      if (!n) continue;
      let info = out.get(n);
      if (!info) out.set(n, (info = { name: n, aggregate: name(a.type), aggregateIndex, specs: [], emits: [] }));
      if (info.aggregateIndex !== aggregateIndex) continue;
      info.specs.push(j);
      for (const [e] of entries(c, ['emit'])) {
        const t = name(e.eventType);
        if (t && !info.emits.includes(t)) info.emits.push(t);
      }
    }
  return out;
}

function build(doc: unknown): ScenarioIndex {
  const T = (k: string) => entries(doc, ['topology', k]);
  const { refs, writes } = walkRefs(doc);
  const topics = byName(T('topics'), 'name', (t, index) => ({
    index,
    partitions: num(t.partitions),
    compacted: t.cleanupPolicy === 'compact',
    keyField: name(t.keyField),
  }));
  const groups = byName(T('groups'), 'id', (g, index) => ({
    index,
    members: names(g.members).map(([m]) => m),
    topics: names(g.topics).map(([t]) => t),
  }));
  const aggregates = byName(T('aggregates'), 'type', (a, index) => ({
    index,
    commands: entries(a, ['commands']).flatMap(([c]) => name(c.command) ?? []),
  }));
  const declared = byName(T('eventTypes'), 'name', (e, index): DeclaredEventType => ({
    index,
    schemaVersion: num(e.schemaVersion),
    fields: fieldsOf(e),
    aggregate: name(e.aggregate),
    topic: name(e.topic),
    description: text(e.description),
    previousVersions: entries(e, ['previousVersions']).map(([p]) => ({
      schemaVersion: num(p.schemaVersion),
      fields: fieldsOf(p),
    })),
  }));

  const eventTypes = new Map<string, EventTypeInfo>();
  const entry = (n: string): EventTypeInfo => {
    let e = eventTypes.get(n);
    if (!e)
      eventTypes.set(
        n,
        (e = { name: n, declared: declared.get(n) ?? null, writes: [], emittedBy: [], written: false, refs: [] }),
      );
    return e;
  };
  for (const n of declared.keys()) entry(n);
  const order: EventWrite['role'][][] = [['emit'], ['publish', 'enqueue'], ['service-publish']];
  for (const roles of order) for (const w of writes) if (roles.includes(w.role)) entry(w.eventType);
  for (const r of refs) if (r.kind === 'eventType') entry(r.name).refs.push(r);
  for (const w of writes) {
    const e = entry(w.eventType);
    e.writes.push(w);
    e.written = true;
    if (w.role === 'emit' && w.by && !e.emittedBy.includes(w.by)) e.emittedBy.push(w.by);
  }
  const eventTypeNames = [...eventTypes.values()].filter((e) => e.declared || e.written).map((e) => e.name);
  const stored = [...eventTypes.values()].filter((e) => e.emittedBy.length > 0).map((e) => e.name);

  const senders = sendersOf(doc, writes, stored);
  const carried = new Map([...topics.keys()].map((t) => [t, new Set<string>()]));
  for (const s of senders) s.eventTypes.forEach((e) => carried.get(s.topic)?.add(e));
  for (const [n, d] of declared) if (d.topic) carried.get(d.topic)?.add(n);

  return {
    topics,
    groups,
    producers: new Set(byName(T('producers'), 'id', () => true).keys()),
    aggregates,
    commands: commandsOf(doc),
    projections: new Set(byName(T('projections'), 'name', () => true).keys()),
    queues: byName(T('queues'), 'name', (q) => names(q.consumers).map(([c]) => c)),
    catalog: declared.size > 0,
    eventTypes,
    eventTypeNames,
    stored,
    refs,
    writes,
    senders,
    carried,
  };
}

/** Whether a reference plays a writing role (emit, publish, service publish, enqueue). */
export const isWrite = (r: Ref): boolean => r.role !== undefined && WRITES.has(r.role);
