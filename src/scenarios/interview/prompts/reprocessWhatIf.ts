/**
 * The interviewer's "a consumer deploy had a bug and must reprocess a day" what-if, the same in every
 * prompt but for the names, checked by running it: the group is stopped, its offsets reset to the day's
 * first time (the failure lab's reset-group input, `engine/broker/admin.ts` resetGroupOffsets: only while
 * the group has no members) and started again, so its next poll reads the day again; then a read model is
 * rebuilt from the store. A deduplicating consumer does nothing twice, and the rebuilt row ends the same.
 */
import type { WhatIf } from '../prompt';
import { RUN_STUDY } from '../study';
import type { Outcome } from '../types';

export interface Reprocess {
  /** The service whose deploy had the bug, in words ("notifications"). */
  service: string;
  group: string;
  member: string;
  topic: string;
  /** The step after which the group is stopped, reset and started (its script polls again after it). */
  atStep: number;
  /** The morning: the design's start time (ms), the first record at or after it is where the group starts again. */
  morning: number;
  /** What must still have happened once after the replay. */
  once: Outcome;
  /** The read model rebuilt from the store at the end, after the design's last script step. */
  rebuilt: { projection: string; row: string; lastScriptStep: number };
  /** The wrong answer's word for what happens twice ("receipt", "credit"). */
  twice: string;
}

export function reprocessWhatIf(r: Reprocess): WhatIf {
  return {
    id: 'reprocess',
    prompt: `A deploy of ${r.service} had a bug all day: it skipped some of its work. With the fix deployed, how do you reprocess the day without doing twice what already went right?`,
    choices: [
      {
        id: 'reset-offsets',
        text: "Stop the group, reset its offsets to this morning's time and start the fixed version: it reads the day again and skips by event id what it already handled; read models are rebuilt from the store",
        correct: true,
        why: 'The log keeps the day and a stopped group can be moved back to a time (kafka-consumer-groups --reset-offsets --to-datetime); a replay is a redelivery, which a deduplicating consumer is built for.',
      },
      {
        id: 'no-dedup',
        text: "Reset the offsets and switch the consumer's deduplication off for the replay, so every event is handled again",
        correct: false,
        why: `What went right the first time happens again: a second ${r.twice}.`,
        patches: [{ op: 'not-idempotent', group: r.group }],
      },
      {
        id: 'republish',
        text: "Ask every service to publish the day's events again",
        correct: false,
        why: 'New copies with new ids: every consumer, not only the broken one, handles them a second time.',
      },
    ],
    check: {
      run: {
        id: 'reprocess-day',
        title: `${r.group} is reset to this morning and reads the day again; ${r.rebuilt.projection} is rebuilt`,
        faults: [
          { kind: 'remove-consumer', atStep: r.atStep, groupId: r.group, memberId: r.member },
          { kind: 'reset-group', atStep: r.atStep, groupId: r.group, topic: r.topic, to: { timestamp: r.morning } },
          { kind: 'add-consumer', atStep: r.atStep, groupId: r.group, memberId: r.member },
        ],
        insert: {
          after: r.rebuilt.lastScriptStep,
          steps: [
            {
              title: `${r.rebuilt.projection} is rebuilt from the store`,
              narration: `The ${r.rebuilt.projection} read model is dropped and rebuilt by applying every stored event again.`,
              action: { kind: 'rebuild', projection: r.rebuilt.projection },
            },
          ],
        },
        outcome: r.once,
        also: [{ kind: 'rebuilt-same', projection: r.rebuilt.projection, row: r.rebuilt.row }],
        study: RUN_STUDY.replay,
      },
    },
  };
}
