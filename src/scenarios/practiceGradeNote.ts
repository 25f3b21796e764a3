/**
 * What the learner's progress keeps of their latest "Grade my design" (the practice's design graded by
 * the simulator) beside right/wrong: the help they had (hints opened, whether they had compared with the
 * reference design), never a penalty, and each check that failed with its sentence and where it is taught,
 * for the cheat sheet. Plain bounded data, checked on every read (the catalog) and in backups; a record
 * written before it existed simply has none.
 */
import type { PracticeGrade } from './interview/practiceGrade';
import { decodeHintsUsed, hintsUsedId } from './practice';
import type { ScenarioDef } from './schema';
import { z } from './zod';

const Text = z.string().min(1).max(1000);
const Count = z.number().int().min(0).max(100);

export const GradeNoteSchema = z.strictObject({
  /** Hints opened of the practice's hint ladders, of how many there are. */
  hintsUsed: Count,
  hintsAvailable: Count,
  /** The learner had compared this design with the reference design before grading it. */
  referenceShown: z.boolean(),
  /** Each failing check (a rubric point or a run under faults), in the scorecard's order. */
  failed: z
    .array(
      z.strictObject({
        title: Text,
        /** One sentence naming what in the design caused it. */
        feedback: z.string().min(1).max(2000),
        /** The built-in step that teaches it, or a page of the app (`#/<page>`). */
        study: z.strictObject({
          scenarioId: z.string().min(1).max(200),
          step: z.number().int().min(0).max(1_000_000),
          title: Text,
          page: z.enum(['compare-brokers', 'pick-a-broker']).optional(),
        }),
      }),
    )
    .max(40),
});
export type GradeNote = z.infer<typeof GradeNoteSchema>;
/** The help a grade had. */
type Help = Pick<GradeNote, 'hintsUsed' | 'hintsAvailable' | 'referenceShown'>;

/** Kept in the design's own run when the learner compares it with the reference design. */
export const REFERENCE_SHOWN_ID = 'practice-design:reference-shown';

/** The help a design had, read from its run's answers: the practice's hints opened there, and the comparison. */
export function helpOf(reference: ScenarioDef, answers: Readonly<Record<string, string | string[]>>): Help {
  const questions = reference.practice?.questions ?? [];
  let hintsUsed = 0;
  let hintsAvailable = 0;
  for (const q of questions) {
    const available = q.hints?.length ?? 0;
    hintsAvailable += available;
    hintsUsed += decodeHintsUsed(answers[hintsUsedId(q.id)], available);
  }
  return { hintsUsed, hintsAvailable, referenceShown: Object.hasOwn(answers, REFERENCE_SHOWN_ID) };
}

/**
 * The help in words, as a fact and never a penalty: "Since this design was last saved: 2 of the practice’s 9 hints
 * used, not compared with the reference design." Saving a design starts its run again, and the hints opened and the
 * comparison are kept in that run, so the count is since the last save (the ladders beside the grade start closed
 * again then, too).
 */
export function helpInWords(n: Help): string {
  const reference = n.referenceShown
    ? 'compared with the reference design before grading'
    : 'not compared with the reference design';
  if (n.hintsAvailable === 0) return `Since this design was last saved: ${reference}.`;
  const hints =
    n.hintsUsed === 0
      ? `no hints used (the practice has ${n.hintsAvailable})`
      : `${n.hintsUsed} of the practice’s ${n.hintsAvailable} hints used`;
  return `Since this design was last saved: ${hints}, ${reference}.`;
}

/** The note kept with a grade: the help it had, and every failing point and run (each cut to the note's bounds). */
export function gradeNoteOf(grade: PracticeGrade, help: Help): GradeNote {
  const failed = [...grade.rubric, ...grade.runs]
    .filter((c) => !c.pass)
    .slice(0, 40)
    .map(({ title, feedback, study }) => ({
      title: title.slice(0, 1000),
      feedback: feedback.slice(0, 2000),
      study: {
        scenarioId: study.scenarioId,
        step: study.step,
        title: study.title.slice(0, 1000),
        ...(study.page ? { page: study.page } : {}),
      },
    }));
  return { ...help, failed };
}
