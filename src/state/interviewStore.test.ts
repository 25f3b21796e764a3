/**
 * A finished interview's scorecard stored and read back: the reference answers' scorecard (every
 * point passing) and a wrong answer's (a failing point with its sentence and study link) both make
 * valid records, saved and listed newest first.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { deleteAllDatabases } from '../persistence/catalogTesting';
import { InterviewRecordSchema, scoreOf } from '../persistence/interviewRecords';
import { interviewRecordOf as recordFixture } from '../persistence/interviewTesting';
import { referenceAnswers } from '../scenarios/interview/answers';
import { drawWhatIfs } from '../scenarios/interview/prompt';
import { rideSharing as prompt } from '../scenarios/interview/prompts/rideSharing';
import { scorecardOf, type Scorecard } from '../scenarios/interview/scorecard';
import {
  interviewRecordOf,
  listInterviews,
  newInterviewId,
  readInterviews,
  SAVED_ON_DEVICE,
  saveInterview,
  saveInterviewSaying,
} from './interviewStore';

beforeEach(deleteAllDatabases);

const whatIfs = drawWhatIfs(prompt, 1, 2);
const finished = (id: string, startedAt: number) => ({
  id,
  promptId: prompt.id,
  promptTitle: prompt.title,
  length: 20 as const,
  startedAt,
  finishedAt: startedAt + 600_000,
  times: { clarify: 61_000, events: 100_000.4 },
});

describe('interview records', () => {
  it('stores a scorecard with every point, run, what-if and stage time, and lists the newest first', async () => {
    const a = referenceAnswers(prompt);
    a.questions['payments-consumer'] = { choice: 'charge' };
    const card = scorecardOf(prompt, a, whatIfs) as Scorecard;
    expect(typeof card).toBe('object');
    const first = interviewRecordOf(finished(newInterviewId(1_000), 1_000), card);
    expect(InterviewRecordSchema.safeParse(first).success).toBe(true);
    expect(scoreOf(first)).toEqual(card.score);
    expect(first.rubric.map((p) => p.id)).toEqual(card.grade.rubric.map((p) => p.id));
    expect(first.whatIfs).toHaveLength(2);
    // A what-if's run keeps its study link and step, as the scorecard's runs do (the saved one shows them too).
    for (const [i, w] of first.whatIfs.entries()) {
      const live = card.whatIfs[i]!.run;
      if (live)
        expect(w.run).toEqual({
          title: live.title,
          pass: live.pass,
          feedback: live.feedback,
          openAt: live.openAt,
          study: live.study,
        });
    }
    expect(first.study).toEqual(card.study);
    const failed = first.runs.filter((r) => !r.pass);
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0]!.feedback).toBe(card.grade.runs.find((r) => r.id === failed[0]!.id)!.feedback);
    expect(first.stageTimes).toEqual({ clarify: 61_000, events: 100_000, topics: 0, consumers: 0, 'what-ifs': 0 });
    const second = interviewRecordOf(finished(newInterviewId(5_000_000), 5_000_000), card);
    await saveInterview(first);
    await saveInterview(second);
    await saveInterview(first);
    expect(await listInterviews()).toEqual([second, first]);
  });
});

describe('without storage', () => {
  it('saving says why not in the learner’s words, and reading says a new interview still works', async () => {
    const open = vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    try {
      const said = await saveInterviewSaying(recordFixture('iv-1'));
      expect(said).not.toBe(SAVED_ON_DEVICE);
      expect(said).toMatch(
        /^Saving this scorecard on this device failed because .*It is shown here until you leave the page\./,
      );
      expect(await readInterviews()).toMatch(
        /^Reading your past interviews failed because .*A new interview still works\./,
      );
    } finally {
      open.mockRestore();
    }
  });
});
