/**
 * Compare a learner's design with a reference design (the ride-sharing practice), point by point:
 * its events (names, fields, schema versions, past-tense naming), how each topic is keyed, which
 * consumer groups react to which events and how they commit, and how the race between two actors
 * issuing the same command is handled. Every point is derived from the two scenarios' data.
 */
import { endsInPastTense } from '../lint/words';
import type { ScenarioDef } from '../schema';
import { readDesign, type DesignFacts, type EventFact, type GroupFact, type KeyUse, type TopicFact } from './facts';
import { howClose, matchNames, type NameMatch } from './names';
import { list, type ComparisonPoint, type ComparisonStatus, type ComparisonTopic } from './points';
import { racePoints } from './racePoints';

export type { ComparisonPoint, ComparisonStatus, ComparisonTopic } from './points';

export const COMPARISON_TOPICS: readonly { topic: ComparisonTopic; title: string }[] = [
  { topic: 'events', title: 'Events' },
  { topic: 'keys', title: 'Keys and partitions' },
  { topic: 'consumers', title: 'Consumers' },
  { topic: 'race', title: 'The race: two drivers accept the same ride' },
];

export function compareDesign(learner: ScenarioDef, reference: ScenarioDef): ComparisonPoint[] {
  const ref = readDesign(reference);
  const mine = readDesign(learner);
  const events = matchNames([...ref.events.keys()], [...mine.events.keys()]);
  const mapEvent = (name: string) => events.get(name)?.name ?? name;
  return [
    ...[...ref.events.values()].map((e) => eventPoint(e, events.get(e.name), mine, reference)),
    namingPoint(ref, mine),
    ...ref.topics.map((t) => keyPoint(t, findTopic(t, ref, mine, mapEvent))),
    ...consumerPoints(ref, mine, mapEvent),
    ...racePoints(learner, reference, mapEvent, mine),
  ];
}

// ---------------------------------------------------------------------------------------------
// Words
// ---------------------------------------------------------------------------------------------

const HOW: Record<NameMatch, string> = { same: '', case: 'the same name in other letter case', close: 'a close name' };
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

// ---------------------------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------------------------

const describeEvent = (e: EventFact, how = '') =>
  `${e.name} (${[how, e.schemaVersion !== null ? `schema v${e.schemaVersion}` : 'no schema version declared'].filter(Boolean).join('; ')}) with ${
    e.fields.length
      ? list(
          e.fields.map((f) => f.name),
          12,
        )
      : 'no fields'
  }`;

/** Who depends on an event in the reference: services reacting to it, read models, else the groups reading its topics. */
function readersOf(s: ScenarioDef, e: EventFact): string[] {
  const t = s.topology;
  const reacting = [
    ...(t.services ?? []).filter((sv) => sv.on.some((o) => o.eventType === e.name)).map((sv) => `the ${sv.label}`),
    ...(t.projections ?? [])
      .filter((p) => p.on.some((o) => o.eventType === e.name))
      .map((p) => `the ${p.title} read model`),
  ];
  if (reacting.length) return reacting;
  const groups = t.groups.filter((g) => g.topics.some((x) => e.topics.includes(x))).map((g) => g.label ?? g.id);
  return groups.length ? [`the ${list(groups)} group${groups.length === 1 ? '' : 's'}`] : [];
}

const capital = (x: string) => `${x.charAt(0).toUpperCase()}${x.slice(1)}`;

function eventPoint(
  r: EventFact,
  m: { name: string; how: NameMatch } | undefined,
  mine: DesignFacts,
  reference: ScenarioDef,
): ComparisonPoint {
  const readers = readersOf(reference, r);
  const one = readers.length === 1 && !/groups$/.test(readers[0]!);
  const why = readers.length
    ? `${capital(list(readers))} ${one ? 'depends' : 'depend'} on this fact's name, fields and schema version.`
    : `It is part of the ${r.aggregates.length ? `${r.aggregates[0]} aggregate's history, replayed to decide its next command` : 'record of what happened'}, so its name, fields and schema version are a contract for every future reader.`;
  const base = {
    id: `event:${r.name}`,
    topic: 'events' as const,
    title: `Event ${r.name}`,
    reference: `${describeEvent(r)}.`,
    why,
  };
  const e = m && mine.events.get(m.name);
  if (!m || !e) return { ...base, status: 'missing', yours: `No event like ${r.name}.` };
  const notes: string[] = [];
  const missing = r.fields.filter((f) => !e.fields.some((x) => same(x.name, f.name))).map((f) => f.name);
  const extra = e.fields.filter((f) => !r.fields.some((x) => same(x.name, f.name))).map((f) => f.name);
  const retyped = r.fields.flatMap((f) => {
    const x = e.fields.find((y) => same(y.name, f.name));
    return x && x.type && f.type && x.type !== f.type ? [`${f.name} is a ${x.type}, not a ${f.type}`] : [];
  });
  if (missing.length) notes.push(`missing ${list(missing)}`);
  if (extra.length) notes.push(`extra ${list(extra)}`);
  notes.push(...retyped);
  if (!e.declared) notes.push('not declared in eventTypes, so it has no schema version');
  const yours = `${describeEvent(e, HOW[m.how])}${notes.length ? `: ${notes.join('; ')}` : ''}.`;
  return { ...base, status: m.how === 'same' && notes.length === 0 ? 'match' : 'partial', yours };
}

function namingPoint(ref: DesignFacts, mine: DesignFacts): ComparisonPoint {
  const refNames = [...ref.events.keys()];
  const names = [...mine.events.keys()];
  const notPast = names.filter((n) => !endsInPastTense(n));
  const base = {
    id: 'naming:past-tense',
    topic: 'events' as const,
    title: 'Event names in the past tense',
    reference: `${refNames.filter(endsInPastTense).length} of ${refNames.length} event types end in a past-tense verb (${list(refNames, 4)}).`,
    why: 'A past-tense name says the fact has already happened and cannot be refused, unlike a command, which asks for something.',
  };
  if (names.length === 0) return { ...base, status: 'missing', yours: 'Your design has no events yet.' };
  if (notPast.length === 0)
    return { ...base, status: 'match', yours: `All ${names.length} of your event types end in a past-tense verb.` };
  return { ...base, status: 'different', yours: `Not in the past tense: ${list(notPast)}.` };
}

// ---------------------------------------------------------------------------------------------
// Keys
// ---------------------------------------------------------------------------------------------

const eventsOn = (d: DesignFacts, topic: string) =>
  [...d.events.values()].filter((e) => e.topics.includes(topic)).map((e) => e.name);

/** The learner's topic playing the reference topic's part: same name, else the one carrying most of its events, else a close name. */
function findTopic(
  t: TopicFact,
  ref: DesignFacts,
  mine: DesignFacts,
  mapEvent: (n: string) => string,
): { topic: TopicFact; how: string } | null {
  const byName = mine.topics.find((x) => same(x.name, t.name));
  if (byName) return { topic: byName, how: '' };
  const wanted = eventsOn(ref, t.name).map(mapEvent);
  const scored = mine.topics
    .map((x) => ({ x, n: eventsOn(mine, x.name).filter((e) => wanted.includes(e)).length }))
    .filter((s) => s.n > 0);
  scored.sort((a, b) => b.n - a.n);
  if (scored[0]) return { topic: scored[0].x, how: ` (carries ${scored[0].n} of the same events)` };
  const close = mine.topics.find((x) => howClose(t.name, x.name));
  return close ? { topic: close, how: ' (a close name)' } : null;
}

function keyFields(t: TopicFact): { fields: string[]; none: KeyUse[]; constant: KeyUse[]; other: KeyUse[] } {
  const uses =
    t.keyField && t.keys.length === 0 ? [{ kind: 'field', field: t.keyField, via: 'its key field' } as KeyUse] : t.keys;
  return {
    fields: [...new Set(uses.flatMap((k) => (k.kind === 'field' ? [k.field] : [])))],
    none: uses.filter((k) => k.kind === 'none'),
    constant: uses.filter((k) => k.kind === 'constant'),
    other: uses.filter((k) => k.kind === 'other'),
  };
}

function describeKeys(t: TopicFact): string {
  const k = keyFields(t);
  const parts = [
    k.fields.length && `keyed by ${list(k.fields)}`,
    k.none.length && `no key in ${list(k.none.map((x) => x.via))}`,
    k.constant.length && `the same key for every record in ${list(k.constant.map((x) => x.via))}`,
    k.other.length && `a computed key in ${list(k.other.map((x) => x.via))}`,
  ].filter((x): x is string => !!x);
  return `${t.name} (${t.partitions} partition${t.partitions === 1 ? '' : 's'}${t.compacted ? ', compacted' : ''}): ${parts.length ? parts.join('; ') : 'no records published yet, no key field'}`;
}

function keyPoint(t: TopicFact, found: { topic: TopicFact; how: string } | null): ComparisonPoint {
  const ref = keyFields(t);
  const field = list(ref.fields) || 'its key';
  const base = {
    id: `key:${t.name}`,
    topic: 'keys' as const,
    title: `Key of topic ${t.name}`,
    reference: `${describeKeys(t)}.`,
    why: `Kafka keeps order only within a partition, and records with the same key always go to the same one, so keying by ${field} keeps everything about one ${field.replace(/Id$/, '')} in order${t.compacted ? ', and compaction keeps the latest record per key' : ''}.`,
  };
  if (!found) return { ...base, status: 'missing', yours: `No topic like ${t.name}.` };
  const mine = keyFields(found.topic);
  const yours = `${describeKeys(found.topic)}${found.how}.`;
  const matches = mine.fields.filter((f) => ref.fields.some((r) => same(r, f)));
  let status: ComparisonStatus;
  if (mine.fields.length === 0 && mine.constant.length === 0 && mine.other.length === 0) status = 'missing';
  else if (matches.length === 0) status = mine.fields.length ? 'different' : 'partial';
  else if (
    mine.fields.length === matches.length &&
    !mine.none.length &&
    !mine.constant.length &&
    !mine.other.length &&
    t.compacted === found.topic.compacted
  )
    status = 'match';
  else status = 'partial';
  const extra =
    t.compacted !== found.topic.compacted
      ? ` ${t.compacted ? 'Not compacted' : 'Compacted'}, unlike the reference.`
      : '';
  return { ...base, status, yours: `${yours}${extra}` };
}

// ---------------------------------------------------------------------------------------------
// Consumers
// ---------------------------------------------------------------------------------------------

const describeGroup = (g: GroupFact) =>
  `${g.label} (group ${g.id}) reads ${list(g.topics)}; ${g.reactions.length ? `reacts to ${list(g.reactions.map((r) => `${r.eventType} (${r.does.join(', ') || 'nothing'})`))}` : 'only reads, no reactions'}`;

function findGroup(g: GroupFact, mine: DesignFacts, mapEvent: (n: string) => string): GroupFact | null {
  const byName = mine.groups.find(
    (x) => same(x.id, g.id) || same(x.label, g.label) || x.services.some((s) => same(s, g.services[0] ?? '\u0000')),
  );
  if (byName) return byName;
  const wanted = g.reactions.map((r) => mapEvent(r.eventType));
  if (wanted.length) {
    const scored = mine.groups
      .map((x) => ({ x, n: x.reactions.filter((r) => wanted.includes(r.eventType)).length }))
      .filter((s) => s.n > 0);
    scored.sort((a, b) => b.n - a.n);
    if (scored[0]) return scored[0].x;
  }
  return mine.groups.find((x) => howClose(g.id, x.id) || howClose(g.label, x.label)) ?? null;
}

function consumerPoints(ref: DesignFacts, mine: DesignFacts, mapEvent: (n: string) => string): ComparisonPoint[] {
  const pairs = ref.groups.map((g) => ({ g, m: findGroup(g, mine, mapEvent) }));
  const points = pairs.map(({ g, m }): ComparisonPoint => {
    const reacts = g.reactions.map((r) => r.eventType);
    const base = {
      id: `consumer:${g.id}`,
      topic: 'consumers' as const,
      title: `Consumer group ${g.label}`,
      reference: `${describeGroup(g)}.`,
      why: reacts.length
        ? `Each consumer group reads every event independently, so ${g.label} can react to ${list(reacts)} without the publisher knowing it exists.`
        : `A group that only reads still gets every event at its own pace, without slowing the groups that react.`,
    };
    if (!m) return { ...base, status: 'missing', yours: `No consumer group like ${g.label}.` };
    const wanted = reacts.map(mapEvent);
    const got = m.reactions.map((r) => r.eventType);
    const missing = wanted.filter((e) => !got.includes(e));
    const extra = got.filter((e) => !wanted.includes(e));
    const notes = [
      missing.length && `does not react to ${list(missing)}`,
      extra.length && `also reacts to ${list(extra)}`,
    ].filter(Boolean);
    return {
      ...base,
      status: notes.length ? 'partial' : 'match',
      yours: `${describeGroup(m)}${notes.length ? `: ${notes.join('; ')}` : ''}.`,
    };
  });
  const matched = pairs.filter((p): p is { g: GroupFact; m: GroupFact } => p.m !== null);
  const commit = (g: GroupFact) =>
    g.commitMode === 'after'
      ? 'commits after processing (at-least-once)'
      : g.commitMode === 'before'
        ? 'commits before processing (at-most-once)'
        : 'commits manually';
  const refModes = [...new Set(ref.groups.map(commit))];
  const refIdempotent = ref.groups.filter((g) => g.idempotent).map((g) => g.label);
  const diffs = matched.flatMap(({ g, m }) => [
    ...(g.commitMode !== m.commitMode ? [{ kind: 'commit' as const, text: `${m.label} ${commit(m)}` }] : []),
    ...(g.idempotent && !m.idempotent ? [{ kind: 'idempotent' as const, text: `${m.label} is not idempotent` }] : []),
  ]);
  points.push({
    id: 'consumers:delivery',
    topic: 'consumers',
    title: 'Commit mode and idempotent consumers',
    status:
      matched.length === 0
        ? 'missing'
        : diffs.some((d) => d.kind === 'commit')
          ? 'different'
          : diffs.length
            ? 'partial'
            : 'match',
    reference: `${ref.groups.length > 1 && refModes.length === 1 ? `Every group ${refModes[0]}` : list(ref.groups.map((g) => `${g.label} ${commit(g)}`))}; ${refIdempotent.length ? `${list(refIdempotent)} ${refIdempotent.length === 1 ? 'is' : 'are'} idempotent (dedupe by event id)` : 'no group dedupes'}.`,
    yours:
      matched.length === 0
        ? 'No consumer groups like the reference’s.'
        : diffs.length
          ? `${list(
              diffs.map((d) => d.text),
              8,
            )}.`
          : 'The same commit modes, and the same groups are idempotent.',
    why: 'Delivery is at-least-once, so a redelivered event must be recognised by its event id instead of charging or notifying twice; committing before processing loses events instead.',
  });
  return points;
}

// ---------------------------------------------------------------------------------------------
// The race
// ---------------------------------------------------------------------------------------------
