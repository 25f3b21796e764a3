/** The score at the end: per set, the learner's pick, its grade and the best fits; and the counts. */
import type { ProfileId } from '../types';
import { bestFits, gradeOf, type Grade } from './grade';
import type { RequirementSet } from './types';

export interface ScoreLine {
  readonly set: RequirementSet;
  readonly pick: ProfileId | null;
  readonly grade: Grade | null;
  readonly best: readonly ProfileId[];
}

export interface Score {
  readonly lines: readonly ScoreLine[];
  readonly counts: Readonly<Record<Grade | 'unanswered', number>>;
}

export function score(sets: readonly RequirementSet[], picks: Readonly<Record<string, ProfileId>>): Score {
  const counts = { best: 0, workable: 0, poor: 0, unanswered: 0 };
  const lines = sets.map((set) => {
    const pick = picks[set.id] ?? null;
    const grade = pick ? gradeOf(set, pick).grade : null;
    counts[grade ?? 'unanswered'] += 1;
    return { set, pick, grade, best: bestFits(set) };
  });
  return { lines, counts };
}
