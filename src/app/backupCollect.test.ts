import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openCatalog, type SavedScenario } from '../persistence';
import { parseBackup } from '../scenarios/io/backup';
import { collectBackup } from './backupCollect';
import { restoreBackupText } from './backupRestore';
import { mainRunId } from './runIds';
import { deleteAllDatabases } from './testing/storedData';
import { progress, run, saved, seed } from './testing/backupFixtures';

beforeEach(deleteAllDatabases);
afterEach(() => vi.restoreAllMocks());

describe('collectBackup', () => {
  it('holds every saved scenario, the catalog progress and the progress of main runs, in a dated file', async () => {
    await seed({
      scenarios: [saved('fork-a', 10), saved('fork-b', 20)],
      progress: [progress('fork-a', 2, 11)],
      runs: [run('pubsub-basics', 5, 30, { q1: 'b' }), run('fork-a', 4, 40)],
    });
    const b = await collectBackup(new Date(2027, 2, 4, 12).getTime());
    expect(b.fileName).toBe('event-lab-backup-2027-03-04.json');
    const json = JSON.parse(b.text);
    expect(json.kind).toBe('event-lab-backup');
    expect(json.scenarios.map((s: SavedScenario) => s.scenarioId).sort()).toEqual(['fork-a', 'fork-b']);
    expect(json.progress).toEqual(
      expect.arrayContaining([
        { scenarioId: 'pubsub-basics', furthestStep: 5, completed: false, answers: { q1: 'b' }, updatedAt: 30 },
        // The main run (updated at 40) is newer than the catalog's record (11).
        { scenarioId: 'fork-a', furthestStep: 4, completed: false, answers: {}, updatedAt: 40 },
      ]),
    );
    expect(json.progress).toHaveLength(2);
  });

  // Issue 19, point 6: the app's own backup always restores.
  it('leaves out damaged progress records (and says so), so the backup restores', async () => {
    await seed({ scenarios: [saved('fork-a', 10)] });
    const c = await openCatalog();
    // Written behind the catalog's back, as a damaged profile or another version would.
    const { openDB } = await import('idb');
    c.close();
    const raw = await openDB('event-lab-catalog');
    await raw.put('progress', {
      scenarioId: 'fork-a',
      furthestStep: 'far',
      completed: false,
      answers: {},
      updatedAt: 5,
    });
    await raw.put('progress', {
      scenarioId: 'pubsub-basics',
      furthestStep: Number.MAX_SAFE_INTEGER,
      completed: false,
      answers: {},
      updatedAt: 5,
    });
    // An answered question is named as what it is, never as a saved scenario.
    await raw.put('questions', { id: 'pubsub-basics/q1', scenarioId: 'pubsub-basics', questionId: 'q1', step: 'one' });
    raw.close();
    const b = await collectBackup(0);
    expect(b.skipped).toEqual([
      'a damaged progress record “fork-a” (how far you got is not a step number)',
      'a damaged progress record “pubsub-basics” (how far you got is not a step number)',
      'a damaged answered-question record “pubsub-basics/q1” (its step is not a step number)',
    ]);
    expect(parseBackup(b.text).ok).toBe(true);
    await deleteAllDatabases();
    const r = await restoreBackupText(b.text);
    expect(r.ok && r.message).toBe('Restored 1 scenario and progress in 0 scenarios.');
  });

  it('bounds the progress it takes from a main run by the scenario’s steps', async () => {
    await seed({ runs: [run('pubsub-basics', 5, 30)] });
    const { openDB } = await import('idb');
    const raw = await openDB(`event-lab-run-${mainRunId('pubsub-basics')}`);
    await raw.put('run', { ...run('pubsub-basics', 5, 30), furthestStep: Number.MAX_SAFE_INTEGER });
    raw.close();
    const b = await collectBackup(0);
    expect(JSON.parse(b.text).progress).toEqual([]);
    expect(parseBackup(b.text).ok).toBe(true);
  });

  it('leaves out a saved scenario that no longer validates, and says so', async () => {
    await seed({ scenarios: [saved('fork-a', 10), { ...saved('broken', 5), document: { schemaVersion: 99 } }] });
    const b = await collectBackup(0);
    expect(b.skipped).toEqual(['“Fork broken” (no longer valid)']);
    expect(JSON.parse(b.text).scenarios).toHaveLength(1);
  });
});
