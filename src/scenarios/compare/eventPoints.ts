/**
 * The event points of a design comparison: each reference event (its name, fields and schema version,
 * and who depends on it) against the learner's event playing its part, and past-tense naming.
 */
import { indexScenario } from '../index/scenarioIndex';
import { endsInPastTense } from '../lint/words';
import type { ScenarioDef } from '../schema';
import type { DesignFacts, EventFact } from './facts';
import { sameName as same, type NameMatch } from './names';
import { list, type ComparisonPoint } from './points';

const HOW: Record<NameMatch, string> = { same: '', case: 'the same name in other letter case', close: 'a close name' };

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
  // The index's readers of the event type, each service and projection once, services first.
  const at = (role: 'react' | 'project') => [
    ...new Set(
      (indexScenario(s).eventTypes.get(e.name)?.refs ?? []).flatMap((r) =>
        r.role === role ? [r.path[2] as number] : [],
      ),
    ),
  ];
  const reacting = [
    ...at('react').map((i) => `the ${t.services![i]!.label}`),
    ...at('project').map((i) => `the ${t.projections![i]!.title} read model`),
  ];
  if (reacting.length) return reacting;
  const groups = t.groups.filter((g) => g.topics.some((x) => e.topics.includes(x))).map((g) => g.label ?? g.id);
  return groups.length ? [`the ${list(groups)} group${groups.length === 1 ? '' : 's'}`] : [];
}

const capital = (x: string) => `${x.charAt(0).toUpperCase()}${x.slice(1)}`;

export function eventPoint(
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

export function namingPoint(ref: DesignFacts, mine: DesignFacts): ComparisonPoint {
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
