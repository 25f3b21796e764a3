import { describe, expect, it } from 'vitest';
import { exportBackup, parseBackup, type BackupQuestion } from './backup';
import { answeredQuestion } from './questionTesting';

const base = { exportedAt: 5, scenarios: [], progress: [] };

describe('backup format 2: answered questions', () => {
  it('round-trip with their review cards', () => {
    const r = parseBackup(
      exportBackup({
        ...base,
        questions: [answeredQuestion(), answeredQuestion({ id: 'x/q', scenarioId: 'x', questionId: 'q', card: null })],
      }),
    );
    expect(r.ok && r.backup.questions).toEqual([
      answeredQuestion(),
      answeredQuestion({ id: 'x/q', scenarioId: 'x', questionId: 'q', card: null }),
    ]);
  });

  it('a format 1 backup (no questions) still reads, with none', () => {
    const v1 = JSON.stringify({ kind: 'event-lab-backup', version: 1, exportedAt: 5, scenarios: [], progress: [] });
    const r = parseBackup(v1);
    expect(r.ok && r.backup.questions).toEqual([]);
  });

  it('refuses a damaged or duplicated question with its path', () => {
    const cases: [BackupQuestion[], string][] = [
      [[answeredQuestion({ id: 'ride-sharing/other' })], 'questions[0].id'],
      [[answeredQuestion({ wrong: -1 })], 'questions[0].wrong'],
      [[answeredQuestion({ card: { ...answeredQuestion().card!, state: 7 } })], 'questions[0].card.state'],
      [[answeredQuestion(), answeredQuestion()], 'questions[1].id'],
    ];
    for (const [questions, path] of cases) {
      const r = parseBackup(exportBackup({ ...base, questions }));
      expect(r.ok ? [] : r.issues.map((i) => i.path)).toContain(path);
    }
  });
});
