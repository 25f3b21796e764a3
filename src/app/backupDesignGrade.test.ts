/**
 * A design grade keeps the help it had and its failing checks with it (scenarios/practiceGradeNote.ts):
 * backed up and restored with the question, and a backup written before it existed (no note) still restores.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { findBuiltin } from '../scenarios/content';
import { applyPatches } from '../scenarios/interview/patches';
import { gradePracticeDesign } from '../scenarios/interview/practiceGrade';
import { POOR } from '../scenarios/interview/testing';
import { gradeNoteOf } from '../scenarios/practiceGradeNote';
import { readProgress, recordOutcome } from '../state/progressStore';
import { collectBackup } from './backupCollect';
import { restoreBackupText } from './backupRestore';
import { deleteAllDatabases } from './testing/storedData';

beforeEach(deleteAllDatabases);

const T0 = Date.UTC(2026, 0, 5);

/** A format 3 backup as this app wrote it before design grades kept a note: the question alone. */
const BEFORE_NOTES = JSON.stringify({
  kind: 'event-lab-backup',
  version: 3,
  exportedAt: T0,
  scenarios: [],
  progress: [],
  questions: [
    {
      id: 'ride-sharing/practice-design:graded',
      scenarioId: 'ride-sharing',
      questionId: 'practice-design:graded',
      step: 0,
      concepts: ['event design'],
      right: 0,
      wrong: 1,
      lastCorrect: false,
      lastAt: T0,
      card: {
        due: T0 + 600_000,
        stability: 0.2,
        difficulty: 6.4,
        scheduledDays: 0,
        learningSteps: 0,
        reps: 1,
        lapses: 0,
        state: 1,
        lastReview: T0,
      },
    },
  ],
  interviews: [],
});

describe('a design grade’s note in backups', () => {
  it('round-trips: the hints used, the reference not shown and each failing check come back with the grade', async () => {
    const r = gradePracticeDesign(applyPatches(findBuiltin('ride-sharing')!, POOR));
    if (!r.ok) throw new Error('the poor design does not validate');
    const designGrade = gradeNoteOf(r.grade, { hintsUsed: 2, hintsAvailable: 9, referenceShown: false });
    expect(designGrade.failed.map((f) => f.title)).toContain('Events are past-tense facts');
    await recordOutcome({
      scenarioId: 'ride-sharing',
      questionId: 'practice-design:graded',
      correct: false,
      at: T0,
      designGrade,
    });
    const before = (await readProgress()).questions;
    expect(before[0]!.designGrade).toEqual(designGrade);
    const b = await collectBackup(T0);
    await deleteAllDatabases();
    const restored = await restoreBackupText(b.text);
    expect(restored.ok).toBe(true);
    expect((await readProgress()).questions).toEqual(before);
  });

  it('a backup written before grades kept a note restores, the grade without one', async () => {
    const r = await restoreBackupText(BEFORE_NOTES);
    expect(r.ok && r.message).toBe('Restored 0 scenarios and progress in 0 scenarios, with 1 answered question.');
    const [q] = (await readProgress()).questions;
    expect(q).toMatchObject({ questionId: 'practice-design:graded', lastCorrect: false, wrong: 1 });
    expect(q!.designGrade).toBeUndefined();
  });

  it('a note out of its bounds refuses the whole backup, naming where', async () => {
    const bad = JSON.parse(BEFORE_NOTES);
    bad.questions[0].designGrade = { hintsUsed: -1, hintsAvailable: 9, referenceShown: false, failed: [] };
    const r = await restoreBackupText(JSON.stringify(bad));
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/questions\[0\]\.designGrade\.hintsUsed/);
    expect((await readProgress()).questions).toEqual([]);
  });
});
