/**
 * Whether a fault armed for a member's polls can ever strike in this story. Crash before commit, slow consumer,
 * duplicate delivery and pause act at the member's polls (`poll.ts`, every kind in `POLL_KINDS`); a member the script
 * never polls for again would carry the fault to the end of the story without it happening. The panel says so before
 * the learner arms one, and does not arm it.
 */
import type { LearnerInput } from '../../engine/types';
import type { ScenarioDef } from '../schema';
import { buildTimeline } from '../timeline';
import { isPollLike } from './pollKinds';

/** The consumer faults that act at the member's polls (the panel's names). */
export type PollFaultName = 'Crash consumer' | 'Pause consumer' | 'Slow consumer' | 'Duplicate delivery';

/** How many of the script's steps a run has played by `step` (its learner inputs are steps too: `../timeline.ts`). */
export const scriptStepsBy = (scenario: ScenarioDef, inputs: readonly LearnerInput[], step: number): number =>
  buildTimeline(scenario, inputs)
    .slice(0, step)
    .filter((e) => e.kind === 'script').length;

/** The script's steps (1-based) after the first `done` at which the member polls, any kind that fetches records. */
export function laterPolls(scenario: ScenarioDef, done: number, groupId: string, memberId: string): number[] {
  return scenario.steps.flatMap((s, i) =>
    i >= done && isPollLike(s.action) && s.action.group === groupId && s.action.member === memberId ? [i + 1] : [],
  );
}

const WHAT: Record<PollFaultName, string> = {
  'Crash consumer': 'a crash set for its next poll',
  'Pause consumer': 'a pause',
  'Slow consumer': 'a slow batch set for its next poll',
  'Duplicate delivery': 'a lost commit set for its next poll',
};

/**
 * Why arming `fault` for this member now would never show (it does not poll again in the story), or null when a
 * later step polls for it. A crash "now, between polls" acts at once, so the panel asks this only for the next poll.
 */
export function noLaterPoll(
  fault: PollFaultName,
  scenario: ScenarioDef,
  done: number,
  groupId: string,
  memberId: string,
): string | null {
  if (laterPolls(scenario, done, groupId, memberId).length > 0) return null;
  return `${memberId} does not poll again in this story (no later step of ${groupId} polls for it), so ${WHAT[fault]} would never happen. Choose a member that polls later${fault === 'Crash consumer' ? ', or crash it now' : ''}.`;
}

/**
 * The script's steps (1-based) after the first `done` that poll a group reading `topic` with a script `poll`: the
 * only poll with the retry path a poison record fails in (`poll.ts`; the engine's poll loop models slow records, not
 * failing ones). A poison record on a topic no later `poll` reads is never fetched, so it never fails.
 */
export function laterPoisonPolls(scenario: ScenarioDef, done: number, topic: string): number[] {
  const readers = new Set(scenario.topology.groups.filter((g) => g.topics.includes(topic)).map((g) => g.id));
  return scriptPollsOf(scenario, done, readers);
}

/** The script's steps (1-based) after the first `done` where one of `groups` polls with a script `poll`. */
const scriptPollsOf = (scenario: ScenarioDef, done: number, groups: ReadonlySet<string>): number[] =>
  scenario.steps.flatMap((s, i) =>
    i >= done && s.action.kind === 'poll' && groups.has(s.action.group) ? [i + 1] : [],
  );

/**
 * What becomes of a poison record for one group that reads its topic, from the story's steps after the first `done`
 * (the fault's own step says it, `inject.ts`): how many later script `poll` steps of the group could fail on it, one
 * attempt each, and whether its only later polls are the poll loop's (`poll-batch`), which has no retry path.
 */
export function poisonPollsOf(
  scenario: ScenarioDef,
  done: number,
  groupId: string,
): { polls: number; onlyPollLoop: boolean } {
  const polls = scriptPollsOf(scenario, done, new Set([groupId])).length;
  const loop = scenario.steps.some((s, i) => i >= done && s.action.kind === 'poll-batch' && s.action.group === groupId);
  return { polls, onlyPollLoop: polls === 0 && loop };
}

/**
 * Why a poison record on `topic` now would never fail anywhere (no later `poll` of a group that reads it), or null when
 * one lies ahead. The poison form shows it beside the topic and does not arm the fault.
 */
export function noPoisonPoll(scenario: ScenarioDef, done: number, topic: string): string | null {
  if (laterPoisonPolls(scenario, done, topic).length > 0) return null;
  const readers = scenario.topology.groups.filter((g) => g.topics.includes(topic)).map((g) => g.id);
  const never = `so a poison record there would never be fetched and fail. Choose a topic a group polls later.`;
  if (readers.length === 0) return `No consumer group reads ${topic} in this story, ${never}`;
  const loops = [
    ...new Set(
      scenario.steps.flatMap((s, i) =>
        i >= done && s.action.kind === 'poll-batch' && readers.includes(s.action.group) ? [s.action.group] : [],
      ),
    ),
  ];
  if (loops.length > 0)
    return `${topic} is polled later only by the poll loop (poll-batch) of ${loops.join(' and ')}, which models records that are slow to process, not records that fail, so no consumer would fail on a poison record there. Choose a topic a group polls later.`;
  const who =
    readers.length === 1 ? `${readers[0]}, the group that reads` : `${readers.join(' or ')}, the groups that read`;
  return `No later step of this story polls ${who} ${topic}, ${never}`;
}
