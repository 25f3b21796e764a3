/**
 * The review queue's schedule: FSRS (ts-fsrs), a well-kept spaced-repetition scheduler. A missed
 * question enters the queue (due the next day); each later answer is a review: right pushes it
 * further out, wrong brings it back soon. Questions answered right the first time never enter it.
 * Deterministic (no fuzz) and in whole days (no same-day learning steps): the same answers at the
 * same times give the same schedule.
 */
import { createEmptyCard, fsrs, Rating, type Card } from 'ts-fsrs';
import type { ReviewCard } from '../persistence/progressRecords';

const scheduler = fsrs({ enable_fuzz: false, enable_short_term: false });

const toCard = (c: ReviewCard): Card => ({
  due: new Date(c.due),
  stability: c.stability,
  difficulty: c.difficulty,
  elapsed_days: 0,
  scheduled_days: c.scheduledDays,
  learning_steps: c.learningSteps,
  reps: c.reps,
  lapses: c.lapses,
  state: c.state,
  last_review: c.lastReview === null ? undefined : new Date(c.lastReview),
});

const fromCard = (c: Card): ReviewCard => ({
  due: c.due.getTime(),
  stability: c.stability,
  difficulty: c.difficulty,
  scheduledDays: c.scheduled_days,
  learningSteps: c.learning_steps,
  reps: c.reps,
  lapses: c.lapses,
  state: c.state,
  lastReview: c.last_review ? c.last_review.getTime() : null,
});

/** The card after an answer at `at`; null while the question has never been missed. */
export function scheduleAfter(card: ReviewCard | null, correct: boolean, at: number): ReviewCard | null {
  if (card === null && correct) return null;
  const from = card === null ? createEmptyCard(new Date(at)) : toCard(card);
  return fromCard(scheduler.next(from, new Date(at), correct ? Rating.Good : Rating.Again).card);
}

/** Due now: in the queue and its time has come. */
export const isDue = (card: ReviewCard | null, now: number): card is ReviewCard => card !== null && card.due <= now;
