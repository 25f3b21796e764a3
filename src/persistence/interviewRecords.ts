/**
 * The catalog's `interviews` store (version 3): one record per finished mock interview, its scorecard
 * as plain data (each rubric point and run with its verdict, sentence and study link; the what-ifs;
 * the time per stage; what to study next). Checked on every read like every catalog record, and on a
 * restore: a backup carrying one that fails this shape is refused whole.
 *
 * A failing run keeps its name and outcome sentence only: reopening it needs the whole design the
 * answers built, which is not stored (the scorecard on screen can open it; a saved one cannot).
 */
import { z } from '../scenarios/zod';
import { MAX_STEP, MAX_TIME, RecordId } from './catalogRecords';

const Time = z.number().int().min(0).max(MAX_TIME);
/** Time spent in a stage, at most a day. */
const Duration = z.number().int().min(0).max(86_400_000);
const Text = z.string().max(2000);
const Title = z.string().min(1).max(200);

export const InterviewStudySchema = z.object({
  scenarioId: RecordId,
  step: z.number().int().min(0).max(MAX_STEP),
  title: Title,
});

const Verdict = z.object({ title: Title, pass: z.boolean(), feedback: Text });

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
    runs: z.array(Verdict.extend({ id: z.string().min(1).max(80), study: InterviewStudySchema })).max(20),
    whatIfs: z
      .array(
        z.object({
          prompt: Text,
          /** The learner's choice (null: not answered). */
          choice: z.object({ text: Text, correct: z.boolean(), why: Text }).nullable(),
          /** The run that checks it on the learner's design, or why none can (`notRun`). */
          run: Verdict.nullable(),
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
  })
  .refine((r) => r.finishedAt >= r.startedAt, { message: 'it finishes before it starts', path: ['finishedAt'] });
export type InterviewRecord = z.infer<typeof InterviewRecordSchema>;
export type InterviewStageTimes = InterviewRecord['stageTimes'];

/** Points passed of all (rubric points and runs), as the scorecard counts them. */
export function scoreOf(r: Pick<InterviewRecord, 'rubric' | 'runs'>): { passed: number; total: number } {
  const all = [...r.rubric, ...r.runs];
  return { passed: all.filter((p) => p.pass).length, total: all.length };
}

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
