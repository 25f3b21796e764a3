/**
 * Progress on the learner's own scenarios: recorded like a built-in's (keyed by the saved scenario's id,
 * never a built-in's), read back with its title, backed up and restored, and REMOVED with the scenario when
 * it is deleted (in the same transaction), so nothing of it is left for the review queue and an id used
 * again starts clean; undoing the delete puts the progress back.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { openCatalog } from '../persistence';
import { questionKey } from '../persistence/progressRecords';
import { readProgress, recordOutcome, recordStepReached, savedScenarioFor } from '../state/progressStore';
import { collectBackup } from './backupCollect';
import { restoreBackupText } from './backupRestore';
import { freshScenarioId } from './library';
import { removeSavedScenario, restoreSavedScenario } from './savedList';
import { progress, saved, seed } from './testing/backupFixtures';
import { deleteAllDatabases } from './testing/storedData';

beforeEach(deleteAllDatabases);

const miss = (scenarioId: string, questionId: string) =>
  recordOutcome({ scenarioId, questionId, step: 3, concepts: ['partitions'], correct: false, at: 1_000 });

describe('progress on a saved scenario', () => {
  it('is recorded and read back with the saved scenario’s title, next to a built-in’s', async () => {
    await seed({ scenarios: [saved('fork-a', 10, 'My pub/sub copy')] });
    await miss('fork-a', 'predict-payment-partition');
    await miss('pubsub-basics', 'predict-payment-partition');
    await recordStepReached('fork-a', 3, 12);
    const p = await readProgress();
    expect(p.questions.map((q) => q.id).sort()).toEqual([
      questionKey('fork-a', 'predict-payment-partition'),
      questionKey('pubsub-basics', 'predict-payment-partition'),
    ]);
    expect(p.scenarios.map((s) => s.scenarioId)).toEqual(['fork-a']);
    expect(p.saved).toEqual([{ scenarioId: 'fork-a', title: 'My pub/sub copy' }]);
    expect((await savedScenarioFor('fork-a'))?.title).toBe('My pub/sub copy');
    expect(await savedScenarioFor('pubsub-basics')).toBeNull();
  });

  it('never collides with a built-in: a new saved scenario’s id is never a built-in’s', async () => {
    expect(await freshScenarioId('pubsub-basics')).not.toBe('pubsub-basics');
    expect(await freshScenarioId('pubsub-basics')).toMatch(/^pubsub-basics-\d+$/);
  });

  it('is removed with the scenario (nothing else is touched), and put back by undo', async () => {
    await seed({
      scenarios: [saved('fork-a', 10), saved('fork-b', 11)],
      progress: [progress('fork-a', 3, 12), progress('fork-b', 2, 13)],
    });
    await miss('fork-a', 'predict-payment-partition');
    await miss('fork-a', 'event-command-query');
    await miss('fork-b', 'predict-payment-partition');
    await miss('pubsub-basics', 'predict-payment-partition');

    const deleted = await removeSavedScenario('fork-a');
    expect(deleted?.scenarioId).toBe('fork-a');
    expect(deleted?.removedProgress?.questions).toHaveLength(2);
    let p = await readProgress();
    expect(p.questions.map((q) => q.scenarioId).sort()).toEqual(['fork-b', 'pubsub-basics']);
    expect(p.scenarios.map((s) => s.scenarioId)).toEqual(['fork-b']);
    const c = await openCatalog();
    expect(await c.getScenario('fork-a')).toBeUndefined();
    c.close();

    await restoreSavedScenario(deleted!);
    p = await readProgress();
    expect(p.questions.filter((q) => q.scenarioId === 'fork-a')).toEqual(deleted!.removedProgress!.questions);
    expect(p.scenarios.map((s) => s.scenarioId).sort()).toEqual(['fork-a', 'fork-b']);
    expect(p.saved.map((s) => s.scenarioId).sort()).toEqual(['fork-a', 'fork-b']);
  });

  it('is in backups and restored with its scenario', async () => {
    await seed({ scenarios: [saved('fork-a', 10)] });
    await miss('fork-a', 'predict-payment-partition');
    const b = await collectBackup(5_000);
    expect(b.questions).toBe(1);
    await deleteAllDatabases();
    const r = await restoreBackupText(b.text);
    expect(r.ok).toBe(true);
    const p = await readProgress();
    expect(p.questions.map((q) => q.id)).toEqual([questionKey('fork-a', 'predict-payment-partition')]);
    expect(p.saved.map((s) => s.scenarioId)).toEqual(['fork-a']);
  });
});
