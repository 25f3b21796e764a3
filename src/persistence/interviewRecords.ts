/**
 * The catalog's `interviews` store (version 3): one record per finished mock interview, its scorecard
 * as plain data (each rubric point and run with its verdict, sentence and study link; the what-ifs;
 * the time per stage; what to study next). Checked on every read like every catalog record, and on a
 * restore: a backup carrying one that fails this shape is refused whole.
 *
 * `design` is what rebuilds the design the scorecard graded (the prompt's version and the learner's
 * answers: the design is the prompt's reference with the answers' changes, built the same way each
 * time), so a saved scorecard's failing runs can be opened again. It is only bounded here and checked
 * when it is used (`scenarios/interview/reopen.ts`): a record saved before it was kept, or whose answers
 * are damaged, still lists and says why its runs cannot be opened. Each run keeps the step it opens at.
 */
import { z } from '../scenarios/zod';
import { MAX_STEP, MAX_TIME, RecordId } from './catalogRecords';

const Time = z.number().int().min(0).max(MAX_TIME);
/** Time spent in a stage, at most a day. */
const Duration = z.number().int().min(0).max(86_400_000);
const Text = z.string().max(2000);
const Title = z.string().min(1).max(200);

const Step = z.number().int().min(0).max(MAX_STEP);

export const InterviewStudySchema = z.object({
  scenarioId: RecordId,
  step: Step,
  title: Title,
  /** A page of the app that teaches it instead of a scenario's step. */
  page: z.enum(['compare-brokers', 'pick-a-broker']).optional(),
});

const Verdict = z.object({ title: Title, pass: z.boolean(), feedback: Text });
/** A run's verdict and the step its run opens at (missing in records saved before runs could be reopened). */
const RunVerdict = Verdict.extend({ openAt: Step.optional() });

/** At most this many characters of JSON rebuild a scorecard's design (its answers are a few hundred). */
export const MAX_DESIGN_CHARS = 20_000;
const jsonSize = (v: unknown): number => {
  try {
    return JSON.stringify(v)?.length ?? 0;
  } catch {
    return Infinity; // a cycle or a value JSON cannot write
  }
};

export const InterviewRecordSchema = z
  .object({
    /** `iv-<startedAt>-<random>`: in the id alphabet. */
    id: RecordId,
    promptId: RecordId,
    promptTitle: Title,
    length: z.union([z.literal(20), z.literal(45)]),
    startedAt: Time,
    finishedAt: Time,
    rubric: z.array(Verdict.extend({ id: z.string().min(1).max(40), study: InterviewStudySchema })).max(20),
    runs: z.array(RunVerdict.extend({ id: z.string().min(1).max(80), study: InterviewStudySchema })).max(20),
    whatIfs: z
      .array(
        z.object({
          prompt: Text,
          /** The learner's choice (null: not answered). */
          choice: z.object({ text: Text, correct: z.boolean(), why: Text }).nullable(),
          /** The run that checks it on the learner's design, or why none can (`notRun`). */
          run: RunVerdict.extend({ study: InterviewStudySchema.optional() }).nullable(),
          notRun: Text.nullable(),
        }),
      )
      .max(10),
    stageTimes: z.object({
      clarify: Duration,
      events: Duration,
      topics: Duration,
      consumers: Duration,
      'what-ifs': Duration,
    }),
    study: z.array(InterviewStudySchema).max(40),
    /** What rebuilds the graded design (checked where it is used); absent in records saved before it was kept. */
    design: z
      .unknown()
      .optional()
      .refine((v) => v === undefined || jsonSize(v) <= MAX_DESIGN_CHARS, { message: 'too large' }),
  })
  .refine((r) => r.finishedAt >= r.startedAt, { message: 'it finishes before it starts', path: ['finishedAt'] });
export type InterviewRecord = z.infer<typeof InterviewRecordSchema>;
export type InterviewStageTimes = InterviewRecord['stageTimes'];

/** Points passed of all (rubric points, runs and what-ifs): the scorecard's own count. */
export { scoreOf } from '../scenarios/interview/score';

/** At most this many interviews in a backup. */
export const MAX_BACKUP_INTERVIEWS = 1000;

/**
 * A backup's interview entries checked with the stored shape (the backup parser may not import this
 * layer): each problem with its JSON path, and duplicates; any problem refuses the whole file.
 */
export function interviewIssues(entries: readonly unknown[]): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  entries.forEach((e, i) => {
    const r = InterviewRecordSchema.safeParse(e);
    if (!r.success) {
      const first = r.error.issues[0]!;
      const where = first.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
      issues.push({ path: `interviews[${i}]${where}`, message: `a mock-interview scorecard: ${first.message}` });
      return;
    }
    if (seen.has(r.data.id))
      issues.push({ path: `interviews[${i}].id`, message: `duplicate mock interview "${r.data.id}"` });
    seen.add(r.data.id);
  });
  return issues;
}
