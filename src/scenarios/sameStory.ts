/**
 * Whether a step of a run played out as the same step of the story its script text was written for (the
 * original story without the learner's actions, or a design's reference design). The authored text says what
 * the step did ("order-1008 arrives at offset 2") and what the system then is ("ship-2 still owns partition 1,
 * nobody reads it"), so both must agree: the step's effects, and the facts a text cites of the world after it.
 * The narration (`branchNarration.ts`, `designNarration.ts`) and the questions (`questionInRun.ts`) decide by
 * this one comparison.
 */
import type { Effect } from '../engine/types';
import { headPosition } from '../engine/eventstore/log';
import { withoutIds } from './plainWords';
import type { World } from './world';

/** A step's outcome: what it did and the world it left. */
export interface StepOutcome {
  readonly world: World;
  readonly effects: readonly Effect[];
}

/** Fields holding a moment of the simulated clock (not a duration: those end in Ms). */
export const CLOCK = /time|Time|timestamp|At$|^deadline$|^until$|Until$|^now$/;

/**
 * An effect with event and message ids and the clock left out: after a learner's action a run's clock is a
 * step ahead and its generator has drawn other ids, neither of which changes an outcome by itself.
 */
export const fingerprint = (e: Effect): string =>
  JSON.stringify(e, (key, value: unknown) =>
    CLOCK.test(key) || (e.kind === 'time-advanced' && (key === 'from' || key === 'to'))
      ? undefined
      : typeof value === 'string'
        ? withoutIds(value)
        : value,
  );

/**
 * Whether two steps did the same: the same effects, in order, with the same words and the same fields (the
 * offset a record landed at is not always in the words), ids and the clock aside.
 */
export function sameOutcome(a: readonly Effect[], b: readonly Effect[]): boolean {
  return a.length === b.length && a.every((e, i) => e.kind === b[i]!.kind && fingerprint(e) === fingerprint(b[i]!));
}

/**
 * What an authored text may cite of a world: each partition's log start and end, each group's members with
 * their partitions and its committed offsets, the event store's head, each read model's checkpoint and rows,
 * each queue's messages. Not the clock, the ids drawn or the faults still armed; and only of the parts `other`
 * has too (a learner's design may add a topic or a queue the reference lacks, which its text does not cite).
 */
export function factsOf(world: World, other: World): string {
  const { topics, groups } = world.broker;
  const shared = <T>(mine: Readonly<Record<string, T>>, theirs: Readonly<Record<string, unknown>>) =>
    Object.entries(mine).filter(([name]) => Object.hasOwn(theirs, name));
  return JSON.stringify(
    {
      topics: shared(topics, other.broker.topics).map(([t, s]) => [
        t,
        s.partitions.map((p) => [p.logStartOffset, p.logEndOffset]),
      ]),
      groups: shared(groups, other.broker.groups).map(([, g]) => [
        g.groupId,
        Object.values(g.members).map((m) => [m.memberId, m.assignment]),
        Object.entries(g.committed).map(([tp, c]) => [tp, c.offset]),
      ]),
      store: headPosition(world.log),
      projections: shared(world.projections, other.projections),
      queues: shared(world.queues, other.queues),
    },
    (key, value: unknown) => (CLOCK.test(key) ? undefined : typeof value === 'string' ? withoutIds(value) : value),
  );
}

/** Whether a step played out as the same step of the other story: its effects and the facts after it agree. */
export function playedTheSame(here: StepOutcome, there: StepOutcome): boolean {
  return (
    sameOutcome(here.effects, there.effects) && factsOf(here.world, there.world) === factsOf(there.world, here.world)
  );
}

/**
 * The facts two worlds disagree on, as pairs of sentences (this story's, the other's): a group's members, where a
 * partition's log ends, the event store's head, a read model's checkpoint. For a step that did the same as the
 * other story's on a system an earlier step had already changed.
 */
export function factDifferences(here: World, there: World): { here: string; there: string }[] {
  const out: { here: string; there: string }[] = [];
  const add = (a: string, b: string) => a !== b && out.push({ here: a, there: b });
  const groups = Object.keys(here.broker.groups).filter((g) => Object.hasOwn(there.broker.groups, g));
  for (const g of groups) {
    const members = (w: World) => {
      const ids = Object.keys(w.broker.groups[g]?.members ?? {}).sort();
      return ids.length ? `${g} has ${ids.join(', ')}.` : `${g} has no members.`;
    };
    add(members(here), members(there));
    const owns = (w: World, m: string) => {
      const tps = w.broker.groups[g]?.members[m]?.assignment.map((tp) => `${tp.topic}-${tp.partition}`) ?? [];
      return `${m} in ${g} owns ${tps.length ? tps.join(', ') : 'no partitions'}.`;
    };
    for (const m of Object.keys(here.broker.groups[g]?.members ?? {}))
      if (there.broker.groups[g]?.members[m]) add(owns(here, m), owns(there, m));
    const committed = (w: World) => {
      const c = Object.entries(w.broker.groups[g]?.committed ?? {}).map(
        ([tp, o]) => `${tp.replace(':', '-')} at ${o.offset}`,
      );
      return `${g} has committed ${c.length ? c.sort().join(', ') : 'nothing'}.`;
    };
    add(committed(here), committed(there));
  }
  for (const [t, topic] of Object.entries(here.broker.topics))
    topic.partitions.forEach((p, i) => {
      const other = there.broker.topics[t]?.partitions[i];
      if (!other) return;
      add(`${t}-${i} ends at offset ${p.logEndOffset}.`, `${t}-${i} ends at offset ${other.logEndOffset}.`);
      add(`${t}-${i} starts at offset ${p.logStartOffset}.`, `${t}-${i} starts at offset ${other.logStartOffset}.`);
    });
  const head = (w: World) => `The event store's head is at position ${headPosition(w.log)}.`;
  add(head(here), head(there));
  for (const [name, p] of Object.entries(here.projections)) {
    const other = there.projections[name];
    if (!other) continue;
    add(`${name} has applied up to position ${p.position}.`, `${name} has applied up to position ${other.position}.`);
    const rows = (r: typeof p.rows) => withoutIds(JSON.stringify(r));
    if (rows(p.rows) !== rows(other.rows))
      add(`${name}'s rows are not the original's.`, `${name}'s rows are not this run's.`);
  }
  for (const [name, q] of Object.entries(here.queues)) {
    const other = there.queues[name];
    if (other) add(`${name} holds ${q.messages.length} messages.`, `${name} holds ${other.messages.length} messages.`);
  }
  // Anything else a text may cite (a topic only one story has): said as such.
  if (out.length === 0 && factsOf(here, there) !== factsOf(there, here))
    out.push({ here: 'The system is not the original’s.', there: 'The system is not this run’s.' });
  return out;
}
