/**
 * The key points of a design comparison: how each reference topic is keyed (a field, no key, a constant,
 * something computed) against the learner's topic playing its part.
 */
import type { DesignFacts, KeyUse, TopicFact } from './facts';
import { howClose, sameName as same } from './names';
import { list, type ComparisonPoint, type ComparisonStatus } from './points';

const eventsOn = (d: DesignFacts, topic: string) =>
  [...d.events.values()].filter((e) => e.topics.includes(topic)).map((e) => e.name);

/** The learner's topic playing the reference topic's part: same name, else the one carrying most of its events, else a close name. */
export function findTopic(
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

export function keyPoint(t: TopicFact, found: { topic: TopicFact; how: string } | null): ComparisonPoint {
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
