/**
 * The consumer points of a design comparison: each reference consumer group (what it reads and reacts to)
 * against the learner's group playing its part, and their commit modes and idempotence.
 */
import type { DesignFacts, GroupFact } from './facts';
import { howClose, sameName as same } from './names';
import { list, type ComparisonPoint } from './points';

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

export function consumerPoints(
  ref: DesignFacts,
  mine: DesignFacts,
  mapEvent: (n: string) => string,
): ComparisonPoint[] {
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
