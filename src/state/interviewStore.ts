/**
 * Finished mock interviews, stored in the catalog database (persistence/interviewRecords.ts): the one
 * place that reads and writes them. Each call opens the catalog for its work and closes it.
 *
 *   interviewRecordOf(finished, card)  a scorecard as the record stored (pure)
 *   saveInterview(record)              written once the scorecard is shown (the same id again replaces it)
 *   listInterviews()                   every valid one, most recently finished first
 *   saveInterviewSaying / readInterviews  the same, a failure worded for the learner (the page still works)
 *
 * Kept apart from the review queue on purpose: the queue asks again only a scenario's step and practice
 * questions, and a rubric point is not one.
 */
import { openCatalog } from '../persistence';
import { describeFailure } from '../persistence/errors';
import type { InterviewRecord, InterviewStageTimes } from '../persistence/interviewRecords';
import type { Scorecard } from '../scenarios/interview/scorecard';
import type { RunResult, StudyLink } from '../scenarios/interview/types';

export { scoreOf, type InterviewRecord } from '../persistence/interviewRecords';

/** What the page knows of a finished interview besides its scorecard. */
export interface FinishedInterview {
  id: string;
  promptId: string;
  promptTitle: string;
  length: 20 | 45;
  startedAt: number;
  finishedAt: number;
  times: Partial<InterviewStageTimes>;
}

/** A fresh record id for an interview started at `at` (ms), in the id alphabet. */
export const newInterviewId = (at: number): string =>
  `iv-${Math.max(0, Math.floor(at)).toString(36)}-${Math.random().toString(36).slice(2, 8) || '0'}`;

const study = (s: StudyLink) => ({
  scenarioId: s.scenarioId,
  step: s.step,
  title: s.title,
  ...(s.page && { page: s.page }),
});
const run = (r: RunResult) => ({
  id: r.id,
  title: r.title,
  pass: r.pass,
  feedback: r.feedback,
  openAt: r.openAt,
  study: study(r.study),
});
/** A what-if's run as stored: its verdict, the step it opens at and its study link (no id: the what-if names it). */
const whatIfRun = (r: RunResult) => {
  const { id: _id, ...rest } = run(r);
  return rest;
};
const ms = (v: number | undefined) => Math.max(0, Math.round(v ?? 0));

export function interviewRecordOf(f: FinishedInterview, card: Scorecard): InterviewRecord {
  return {
    id: f.id,
    promptId: f.promptId,
    promptTitle: f.promptTitle,
    length: f.length,
    startedAt: f.startedAt,
    finishedAt: Math.max(f.startedAt, f.finishedAt),
    rubric: card.grade.rubric.map((p) => ({
      id: p.id,
      title: p.title,
      pass: p.pass,
      feedback: p.feedback,
      study: study(p.study),
    })),
    runs: card.grade.runs.map(run),
    whatIfs: card.whatIfs.map((w) => ({
      prompt: w.whatIf.prompt,
      choice: w.choice ? { text: w.choice.text, correct: w.choice.correct, why: w.choice.why } : null,
      run: w.run ? whatIfRun(w.run) : null,
      notRun: w.notRun,
    })),
    stageTimes: {
      clarify: ms(f.times.clarify),
      events: ms(f.times.events),
      topics: ms(f.times.topics),
      consumers: ms(f.times.consumers),
      'what-ifs': ms(f.times['what-ifs']),
    },
    study: card.study.map(study),
    design: card.rebuild,
  };
}

async function withCatalog<T>(f: (c: Awaited<ReturnType<typeof openCatalog>>) => Promise<T>): Promise<T> {
  const catalog = await openCatalog();
  try {
    return await f(catalog);
  } finally {
    catalog.close();
  }
}

export const saveInterview = (record: InterviewRecord): Promise<void> => withCatalog((c) => c.putInterview(record));

export const listInterviews = (): Promise<InterviewRecord[]> => withCatalog((c) => c.listInterviews());

export const SAVED_ON_DEVICE = 'Saved on this device.';

/** Saves the record; resolves to what the scorecard says about it ("Saved on this device." or why not). */
export const saveInterviewSaying = (record: InterviewRecord): Promise<string> =>
  saveInterview(record).then(
    () => SAVED_ON_DEVICE,
    (err: unknown) =>
      describeFailure('Saving this scorecard on this device', err, 'It is shown here until you leave the page'),
  );

/** The saved interviews and how many are damaged (listed apart, see catalog.listDamaged), or why they cannot be read (a new interview still works). */
export const readInterviews = (): Promise<{ records: InterviewRecord[]; damaged: number } | string> =>
  withCatalog(async (c) => ({
    records: await c.listInterviews(),
    damaged: (await c.listDamaged()).filter((d) => d.store === 'interviews').length,
  })).catch((err: unknown) => describeFailure('Reading your past interviews', err, 'A new interview still works'));
