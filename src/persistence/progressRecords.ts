/**
 * The catalog's `questions` store (version 2): one record per question a learner has answered, the
 * unit of progress and of the review queue. Checked on every read like every catalog record. The
 * review card is the spaced-repetition scheduler's state (FSRS, see state/review.ts) as plain
 * numbers, so nothing here depends on the scheduler library.
 */
import { isId } from '../scenarios/idAlphabet';
import { GradeNoteSchema } from '../scenarios/practiceGradeNote';
import { z } from '../scenarios/zod';
import { MAX_STEP, MAX_TIME, RecordId } from './catalogRecords';

/** The record's key: the scenario's id and the question's id, joined by "/" (never in a scenario id). */
export const questionKey = (scenarioId: string, questionId: string) => `${scenarioId}/${questionId}`;

const Time = z.number().int().min(0).max(MAX_TIME);
const Count = z.number().int().min(0).max(1_000_000);
const Real = z.number().finite().min(0).max(1e9);

/** FSRS's card (ts-fsrs `Card`), times in ms. */
export const ReviewCardSchema = z.object({
  due: Time,
  stability: Real,
  difficulty: Real,
  scheduledDays: Count,
  learningSteps: Count,
  reps: Count,
  lapses: Count,
  /** FSRS state: 0 new, 1 learning, 2 review, 3 relearning. */
  state: z.number().int().min(0).max(3),
  lastReview: Time.nullable(),
});
export type ReviewCard = z.infer<typeof ReviewCardSchema>;

export const QuestionProgressSchema = z
  .object({
    id: z.string().max(500),
    scenarioId: RecordId,
    /** A step question's id, `practice:<id>` for a practice question, or another caller's (an interview's). */
    questionId: z.string().min(1).max(200),
    /** The step the question belongs to (the player opens there to replay it). */
    step: z.number().int().min(0).max(MAX_STEP),
    /** The concepts it practises (the scenario's concept tags). */
    concepts: z.array(z.string().min(1).max(200)).max(20),
    right: Count,
    wrong: Count,
    lastCorrect: z.boolean(),
    lastAt: Time,
    /** In the review queue once missed: when it is due, and the scheduler's state. Null: never missed. */
    card: ReviewCardSchema.nullable(),
    /** A design grade's latest: the help it had and what failed (absent on every other question, and on older records). */
    designGrade: GradeNoteSchema.optional(),
  })
  .refine((r) => isId(r.scenarioId) && r.id === questionKey(r.scenarioId, r.questionId), {
    message: 'its key does not name its scenario and question',
    path: ['id'],
  });
export type QuestionProgress = z.infer<typeof QuestionProgressSchema>;
