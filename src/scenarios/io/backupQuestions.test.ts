import { describe, expect, it } from 'vitest';
import { exportBackup, parseBackup, type BackupQuestion } from './backup';

const question = (over: Partial<BackupQuestion> = {}): BackupQuestion => ({
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
const base = { exportedAt: 5, scenarios: [], progress: [] };

describe('backup format 2: answered questions', () => {
  it('round-trip with their review cards', () => {
    const r = parseBackup(
      exportBackup({
        ...base,
        questions: [question(), question({ id: 'x/q', scenarioId: 'x', questionId: 'q', card: null })],
      }),
    );
    expect(r.ok && r.backup.questions).toEqual([
      question(),
      question({ id: 'x/q', scenarioId: 'x', questionId: 'q', card: null }),
    ]);
  });

  it('a format 1 backup (no questions) still reads, with none', () => {
    const v1 = JSON.stringify({ kind: 'event-lab-backup', version: 1, exportedAt: 5, scenarios: [], progress: [] });
    const r = parseBackup(v1);
    expect(r.ok && r.backup.questions).toEqual([]);
  });

  it('refuses a damaged or duplicated question with its path', () => {
    const cases: [BackupQuestion[], string][] = [
      [[question({ id: 'ride-sharing/other' })], 'questions[0].id'],
      [[question({ wrong: -1 })], 'questions[0].wrong'],
      [[question({ card: { ...question().card!, state: 7 } })], 'questions[0].card.state'],
      [[question(), question()], 'questions[1].id'],
    ];
    for (const [questions, path] of cases) {
      const r = parseBackup(exportBackup({ ...base, questions }));
      expect(r.ok ? [] : r.issues.map((i) => i.path)).toContain(path);
    }
  });
});
