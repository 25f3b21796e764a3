/** Backups carry progress per question (and its review schedule); a restore merges it by the last answer's time. */
import { beforeEach, describe, expect, it } from 'vitest';
import { exportBackup } from '../scenarios/io/backup';
import { readProgress, recordOutcome, recordStepReached } from '../state/progressStore';
import { collectBackup } from './backupCollect';
import { restoreBackupText } from './backupRestore';
import { run, seed } from './testing/backupFixtures';
import { deleteAllDatabases } from './testing/storedData';

beforeEach(deleteAllDatabases);

const T0 = Date.UTC(2026, 0, 5);
const outcome = (questionId: string, correct: boolean, at: number) =>
  recordOutcome({ scenarioId: 'ride-sharing', questionId, concepts: ['read models'], step: 5, correct, at });

describe('backing up and restoring progress per question', () => {
  it('round-trips: back up, delete everything, restore, and the review queue is the same', async () => {
    await outcome('practice:accept', false, T0);
    await outcome('two-accepts', true, T0 + 1);
    const before = (await readProgress()).questions;
    const b = await collectBackup(T0);
    expect(b.questions).toBe(2);
    await deleteAllDatabases();
    const r = await restoreBackupText(b.text);
    expect(r.ok && r.message).toBe('Restored 0 scenarios and progress in 0 scenarios, with 2 answered questions.');
    expect((await readProgress()).questions).toEqual(before);
  });

  it('keeps this device’s newer answers, takes the backup’s newer ones', async () => {
    await outcome('practice:accept', false, T0);
    const old = await collectBackup(T0);
    await outcome('practice:accept', true, T0 + 10);
    await outcome('two-accepts', false, T0 + 10);
    const newer = await collectBackup(T0 + 10);
    const r = await restoreBackupText(old.text);
    expect(r.ok && r.summary.questions).toEqual({
      added: [],
      replaced: [],
      keptNewer: ['ride-sharing/practice:accept'],
    });
    expect((await readProgress()).questions.find((q) => q.questionId === 'practice:accept')).toMatchObject({
      right: 1,
    });
    await deleteAllDatabases();
    await outcome('practice:accept', false, T0 + 1);
    const again = await restoreBackupText(newer.text);
    expect(again.ok && again.summary.questions).toEqual({
      added: ['ride-sharing/two-accepts'],
      replaced: ['ride-sharing/practice:accept'],
      keptNewer: [],
    });
  });

  it('a backup with a damaged question is refused whole and writes nothing', async () => {
    const text = exportBackup({ exportedAt: 1, scenarios: [], progress: [], questions: [] }).replace(
      '"questions": []',
      '"questions": [{"id": "a/b", "scenarioId": "a", "questionId": "b", "step": 0, "concepts": [], "right": -1, "wrong": 0, "lastCorrect": true, "lastAt": 1, "card": null}]',
    );
    const r = await restoreBackupText(text);
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/questions\[0\]\.right/);
    expect((await readProgress()).questions).toEqual([]);
  });

  it('the furthest step kept for the start page carries the run’s answers, so a backup taking it loses none', async () => {
    await seed({ runs: [run('pubsub-basics', 3, 30, { q1: 'a' })] });
    await recordStepReached('pubsub-basics', 3, 12, { q1: 'a' });
    const b = JSON.parse((await collectBackup(T0)).text);
    expect(b.progress).toEqual([
      expect.objectContaining({ scenarioId: 'pubsub-basics', furthestStep: 3, answers: { q1: 'a' } }),
    ]);
  });
});
