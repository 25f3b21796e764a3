/** Test helpers only: one answered question with its review card (a backup's entry, and the catalog's record). */
import type { BackupQuestion } from './backup';

/** Ride-sharing's practice question answered wrong once, due again a day later; `over` sets any field. */
export const answeredQuestion = (over: Partial<BackupQuestion> = {}): BackupQuestion => ({
  id: 'ride-sharing/practice:accept',
  scenarioId: 'ride-sharing',
  questionId: 'practice:accept',
  step: 0,
  concepts: ['optimistic concurrency'],
  right: 0,
  wrong: 1,
  lastCorrect: false,
  lastAt: 1_000,
  card: {
    due: 86_401_000,
    stability: 0.2,
    difficulty: 6.4,
    scheduledDays: 1,
    learningSteps: 0,
    reps: 1,
    lapses: 0,
    state: 2,
    lastReview: 1_000,
  },
  ...over,
});
