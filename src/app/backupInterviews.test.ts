/**
 * Backups carry each finished mock interview's scorecard (format 3): a round trip restores them; one
 * already here is kept; a backup with a damaged interview entry is refused whole and writes nothing.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { interviewRecordOf } from '../persistence/interviewTesting';
import { exportBackup } from '../scenarios/io/backup';
import { listInterviews, saveInterview } from '../state/interviewStore';
import { collectBackup } from './backupCollect';
import { restoreBackupText } from './backupRestore';
import { seed, saved } from './testing/backupFixtures';
import { deleteAllDatabases } from './testing/storedData';

beforeEach(deleteAllDatabases);

const first = interviewRecordOf('iv-1');
// With what rebuilds its design (its runs reopen after a restore) and a run's step to open at.
const second = interviewRecordOf('iv-2', {
  startedAt: 700_000,
  finishedAt: 900_000,
  promptTitle: 'Payments wallet',
  runs: [{ ...interviewRecordOf('x').runs[0]!, openAt: 12 }],
  design: { promptVersion: 1, whatIfIds: [], answers: { requirements: [], questions: {}, picks: {}, whatIfs: {} } },
});

describe('backing up and restoring mock interviews', () => {
  it('round-trips: back up, delete everything, restore, and the past interviews are the same', async () => {
    await saveInterview(first);
    await saveInterview(second);
    const b = await collectBackup(1_000_000);
    expect(b.interviews).toBe(2);
    expect(JSON.parse(b.text).version).toBe(3);
    await deleteAllDatabases();
    const r = await restoreBackupText(b.text);
    expect(r.ok && r.message).toBe('Restored 0 scenarios and progress in 0 scenarios, and 2 mock interviews.');
    expect(await listInterviews()).toEqual([second, first]);
    const again = await restoreBackupText(b.text);
    expect(again.ok && again.summary.interviews).toEqual({ added: [], unchanged: ['iv-1', 'iv-2'] });
  });

  it('a backup with a damaged interview is refused whole and writes nothing', async () => {
    const text = exportBackup({
      exportedAt: 1,
      scenarios: [],
      progress: [],
      interviews: [second, { ...first, length: 30 }],
    });
    const r = await restoreBackupText(text);
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/interviews\[1\]\.length/);
    expect(r.message).toMatch(/Nothing was changed/);
    expect(await listInterviews()).toEqual([]);
  });

  it('leaves a damaged stored interview out of the backup and says so', async () => {
    await seed({ scenarios: [saved('fork-a', 10)] });
    await saveInterview(first);
    const { openDB } = await import('idb');
    const raw = await openDB('event-lab-catalog');
    await raw.put('interviews', { ...first, id: 'iv-bad', runs: 'none' });
    raw.close();
    const b = await collectBackup(0);
    expect(b.interviews).toBe(1);
    expect(b.skipped).toEqual(['a damaged mock-interview scorecard “iv-bad” (its runs are unreadable)']);
  });
});
