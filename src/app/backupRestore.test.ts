import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openRunDatabase } from '../persistence';
import { findBuiltin } from '../scenarios/content';
import { collectBackup } from './backupCollect';
import { restoreBackupText } from './backupRestore';
import { currentMainRunId } from './openRun';
import { mainRunId } from './runIds';
import { deleteAllDatabases, dumpAllDatabases } from './testing/storedData';
import {
  backupOf,
  catalogState,
  dbNames,
  doc,
  mainRun,
  mainRunEvents,
  progress,
  run,
  saved,
  seed,
} from './testing/backupFixtures';

beforeEach(deleteAllDatabases);
afterEach(() => vi.restoreAllMocks());

/** An event stored in the scenario's main run, so a test can see whether that run was replaced. */
async function storeAnEvent(scenarioId: string): Promise<void> {
  const db = await openRunDatabase(mainRunId(scenarioId));
  await db.store.appendToStream('s-1', [
    {
      eventId: 'e-1',
      eventType: 'OrderPlaced',
      data: {},
      metadata: { correlationId: 'e-1', occurredAt: 0, producer: 'test' },
    },
  ]);
  db.close();
}

/** Storage full (QuotaExceededError with the browser's `text`) on the puts `when` picks: the store and the put's number, from 1. */
function failPuts(when: (store: string, n: number) => boolean, text: string): void {
  const put = IDBObjectStore.prototype.put;
  let n = 0;
  vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
    this: IDBObjectStore,
    ...args: Parameters<IDBObjectStore['put']>
  ) {
    if (when(this.name, ++n)) throw new DOMException(text, 'QuotaExceededError');
    return put.apply(this, args);
  });
}

describe('restoreBackupText', () => {
  it('round-trips: back up, delete everything, restore, and find the same scenarios and progress', async () => {
    await seed({ scenarios: [saved('fork-a', 10), saved('fork-b', 20)], runs: [run('fork-a', 3, 30, { q1: 'a' })] });
    const before = await catalogState();
    const { text } = await collectBackup(0);
    await deleteAllDatabases();
    const r = await restoreBackupText(text);
    expect(r.ok && r.message).toBe('Restored 2 scenarios and progress in 1 scenario.');
    expect((await catalogState()).scenarios.map(({ mainRunId: _, ...rest }) => rest)).toEqual(before.scenarios);
    // The player resumes the main run where the learner was, answers included.
    expect(await mainRun('fork-a')).toMatchObject({
      cursor: 3,
      furthestStep: 3,
      inputs: [{ kind: 'answer', questionId: 'q1', answer: 'a' }],
      updatedAt: 30,
    });
  });

  it('merges by updatedAt: the backup replaces only older copies, keeps newer ones and skips identical ones', async () => {
    await seed({ scenarios: [saved('older-here', 10), saved('newer-here', 50), saved('same', 5)] });
    const text = backupOf([
      saved('older-here', 20, 'From the backup'),
      saved('newer-here', 40, 'Stale'),
      saved('same', 5),
      saved('new-one', 1),
    ]);
    const r = await restoreBackupText(text);
    expect(r.ok && r.summary.scenarios).toEqual({
      added: ['new-one'],
      replaced: ['older-here'],
      keptNewer: ['newer-here'],
      unchanged: ['same'],
      copied: [],
    });
    expect(r.ok && r.message).toBe(
      'Restored 2 scenarios (1 replaced by the backup’s newer copy; 1 kept as they are, yours being newer; 1 already here) and progress in 0 scenarios.',
    );
    const titles = Object.fromEntries((await catalogState()).scenarios.map((s) => [s.scenarioId, s.title]));
    expect(titles).toEqual({
      'older-here': 'From the backup',
      'newer-here': 'Fork newer-here',
      same: 'Fork same',
      'new-one': 'Fork new-one',
    });
  });

  it('merges progress the same way, against the catalog and the main runs', async () => {
    await seed({
      progress: [progress('log-vs-queue', 2, 100)],
      runs: [run('pubsub-basics', 6, 100), run('cqrs-orders', 1, 10)],
    });
    const text = backupOf(
      [],
      [
        progress('pubsub-basics', 2, 50),
        progress('cqrs-orders', 7, 60, { q: ['x', 'y'] }),
        progress('log-vs-queue', 9, 200),
        progress('ride-sharing', 4, 5),
      ],
    );
    const r = await restoreBackupText(text);
    expect(r.ok && r.summary.progress).toEqual({
      added: ['ride-sharing'],
      replaced: ['cqrs-orders', 'log-vs-queue'],
      keptNewer: ['pubsub-basics'],
    });
    expect(await mainRun('pubsub-basics')).toMatchObject({ furthestStep: 6, updatedAt: 100 });
    expect(await mainRun('cqrs-orders')).toMatchObject({
      furthestStep: 7,
      cursor: 7,
      inputs: [{ kind: 'answer', questionId: 'q', answer: ['x', 'y'] }],
    });
    expect(await mainRun('ride-sharing')).toMatchObject({ furthestStep: 4 });
  });

  it('restarts the main run of a replaced scenario (its stored events belong to the old version) and keeps the place', async () => {
    await seed({ scenarios: [saved('fork-a', 10)], runs: [run('fork-a', 3, 12, { q1: 'c' })] });
    await storeAnEvent('fork-a');
    const r = await restoreBackupText(backupOf([saved('fork-a', 20, 'Edited elsewhere')]));
    expect(r.ok && r.summary.scenarios.replaced).toEqual(['fork-a']);
    expect(await mainRunEvents('fork-a')).toEqual([]);
    expect(await mainRun('fork-a')).toMatchObject({ furthestStep: 3, inputs: [{ questionId: 'q1', answer: 'c' }] });
    // The old run (under the old id) is gone: nothing points at it any more.
    expect(await dbNames()).not.toContain(`event-lab-run-${mainRunId('fork-a')}`);
  });

  // Issue 19, point 4: a backup entry must never reach a built-in's storage or name a database with unchecked text.
  it('refuses a saved scenario whose id differs from its document’s id, and leaves the built-in’s run alone', async () => {
    await seed({ runs: [run('pubsub-basics', 4, 10, { q1: 'b' })] });
    const before = await dumpAllDatabases();
    const r = await restoreBackupText(
      backupOf(
        [{ ...saved('innocent-looking', 50), document: doc('pubsub-basics', 'Innocent') }],
        [progress('innocent-looking', 2, 60)],
      ),
    );
    expect(r.ok).toBe(false);
    expect(r.message).toContain(
      'scenarios[0].scenarioId: “innocent-looking” differs from its document’s id “pubsub-basics”',
    );
    expect(r.message).toMatch(/Nothing was changed\.$/);
    expect(await dumpAllDatabases()).toEqual(before);
  });

  it('refuses a saved scenario with a built-in’s id (its run would be the built-in’s)', async () => {
    const before = await dumpAllDatabases();
    const r = await restoreBackupText(backupOf([saved('pubsub-basics', 1, 'Mine')]));
    expect(r.ok).toBe(false);
    expect(r.message).toContain('scenarios[0].scenarioId: “pubsub-basics” is a built-in scenario’s id');
    expect(await dumpAllDatabases()).toEqual(before);
  });

  it.each([['../../<b>x</b>'], ['a b'], ['-leading-dash'], ['x'.repeat(129)]])(
    'refuses progress for the id %j and creates no database from it',
    async (id) => {
      const before = await dumpAllDatabases();
      const r = await restoreBackupText(backupOf([], [progress(id, 2, 60)]));
      expect(r.ok).toBe(false);
      expect(r.message).toContain('progress[0].scenarioId: is not an id');
      expect(await dumpAllDatabases()).toEqual(before);
    },
  );

  it('leaves out progress for a well-formed id that is neither built in nor saved, and says so (no database for it)', async () => {
    const r = await restoreBackupText(backupOf([], [progress('nowhere-1', 2, 60), progress('pubsub-basics', 2, 60)]));
    expect(r.ok && r.summary.progress.added).toEqual(['pubsub-basics']);
    expect(r.message).toBe(
      'Restored 0 scenarios and progress in 1 scenario. Left out: progress in 1 scenario that is neither built in nor saved here (nowhere-1).',
    );
    expect(await dbNames()).not.toContain('event-lab-run-main-nowhere-1');
  });

  // Issue 19, point 5: the restore and the reset of the restored scenario's run are one unit.
  it('a restored run is written under a new run id and the scenario switches to it last: a failure in between changes nothing', async () => {
    await seed({ scenarios: [saved('fork-a', 10)], runs: [run('fork-a', 3, 12, { q1: 'c' })] });
    await storeAnEvent('fork-a');
    const before = await dumpAllDatabases();
    // The catalog transaction fails after the new run was written (as a reload or a full disk would cut it).
    failPuts((store) => store === 'scenarios', 'The disk is full');
    const r = await restoreBackupText(backupOf([saved('fork-a', 20, 'Edited elsewhere')], [progress('fork-a', 5, 30)]));
    vi.restoreAllMocks();
    expect(r.ok).toBe(false);
    expect(r.message).toBe(
      'Restoring the backup failed because browser storage is full. Nothing was changed. Free some space (delete saved scenarios or branches you no longer need, or other sites’ data in the browser’s settings), then try again.',
    );
    // Everything as it was (the new run written first is cleaned up): the old document still plays its old run.
    expect(await dumpAllDatabases()).toEqual(before);
  });

  it('a replaced scenario never opens its old run: the new run is in place before the switch, the old one is deleted after', async () => {
    await seed({ scenarios: [saved('fork-a', 10)], runs: [run('fork-a', 3, 12, { q1: 'c' })] });
    await storeAnEvent('fork-a');
    // The old run's database cannot be deleted (another tab holds it, or the tab is closed right after the switch).
    vi.spyOn(indexedDB, 'deleteDatabase').mockImplementation(() => {
      throw new DOMException('blocked', 'UnknownError');
    });
    const r = await restoreBackupText(
      backupOf([saved('fork-a', 20, 'Edited elsewhere')], [progress('fork-a', 5, 30, { q1: 'a' })]),
    );
    vi.restoreAllMocks();
    expect(r.ok && r.message).toBe(
      'Restored 1 scenario (1 replaced by the backup’s newer copy) and progress in 1 scenario (1 replaced by newer progress).',
    );
    // The scenario's run is the restored one, with no events of the old version: it is not read-only.
    expect(await mainRunEvents('fork-a')).toEqual([]);
    expect(await mainRun('fork-a')).toMatchObject({
      furthestStep: 5,
      cursor: 5,
      inputs: [{ questionId: 'q1', answer: 'a' }],
    });
    expect(await currentMainRunId('fork-a')).not.toBe(mainRunId('fork-a'));
  });

  it('when the restored run cannot be written, the scenario is restored and says it starts from the beginning (no raw error text)', async () => {
    await seed({ scenarios: [saved('fork-a', 10)], runs: [run('fork-a', 3, 12)] });
    failPuts((store) => store === 'run', 't.map is not a function');
    const r = await restoreBackupText(backupOf([saved('fork-a', 20, 'Edited elsewhere')], [progress('fork-a', 5, 30)]));
    vi.restoreAllMocks();
    expect(r.ok && r.summary.scenarios.replaced).toEqual(['fork-a']);
    expect(r.message).toContain(
      'Restoring your place in “Edited elsewhere” failed because browser storage is full. It starts from the beginning.',
    );
    expect(r.message).not.toContain('t.map');
    expect(r.message).not.toMatch(/\.\./);
    expect(await mainRunEvents('fork-a')).toEqual([]);
  });

  it('restored progress of a built-in replaces its run in one transaction (record and events together)', async () => {
    await seed({ runs: [run('pubsub-basics', 6, 10, { q1: 'b' })] });
    await storeAnEvent('pubsub-basics');
    const r = await restoreBackupText(backupOf([], [progress('pubsub-basics', 2, 50, { q1: 'a' })]));
    expect(r.ok && r.summary.progress.replaced).toEqual(['pubsub-basics']);
    expect(await mainRunEvents('pubsub-basics')).toEqual([]);
    expect(await mainRun('pubsub-basics')).toMatchObject({
      runId: 'main-pubsub-basics',
      furthestStep: 2,
      cursor: 2,
      inputs: [{ questionId: 'q1', answer: 'a' }],
    });
  });

  // Issue 19, point 6: numbers are bounded.
  it('bounds a restored step by the scenario’s steps (no “Restored step 9007199254740991”)', async () => {
    const r = await restoreBackupText(backupOf([], [progress('pubsub-basics', Number.MAX_SAFE_INTEGER, 50)]));
    expect(r.ok).toBe(true);
    const steps = findBuiltin('pubsub-basics')!.steps.length;
    expect(await mainRun('pubsub-basics')).toMatchObject({ furthestStep: steps, cursor: steps });
  });

  describe('a refused backup changes nothing stored', () => {
    const good = () => backupOf([saved('fork-z', 99)], [progress('fork-z', 3, 99)]);
    const cases: [string, () => string, string][] = [
      ['not JSON', () => 'not a backup', '(root)'],
      ['truncated', () => good().slice(0, 300), '(root)'],
      ['a scenario file, not a backup', () => JSON.stringify(doc('x')), 'kind'],
      ['newer format', () => good().replace('"version": 3', '"version": 7'), 'version'],
      ['unknown key', () => good().replace('"exportedAt"', '"extra": true, "exportedAt"'), '(root)'],
      [
        'prototype key',
        () => good().replace('"answers": {}', '"answers": {"__proto__": {"x": 1}}'),
        'progress[0].answers.__proto__',
      ],
      [
        'bad document inside',
        () => good().replace('"topic": "orders"', '"topic": "nowhere"'),
        'scenarios[0].document.steps',
      ],
      ['duplicate scenario', () => backupOf([saved('fork-z', 1), saved('fork-z', 2)]), 'scenarios[1].scenarioId'],
      ['negative step', () => good().replace('"furthestStep": 3', '"furthestStep": -3'), 'progress[0].furthestStep'],
      [
        'script in a title',
        () => good().replace('"title": "Fork fork-z"', `"title": "${'<script>alert(1)</script>'.repeat(20)}"`),
        'scenarios[0].title',
      ],
    ];
    it.each(cases)('%s', async (_name, text, path) => {
      await seed({
        scenarios: [saved('fork-a', 10), saved('fork-b', 20)],
        progress: [progress('fork-a', 1, 11)],
        runs: [run('fork-a', 2, 12, { q: 'a' })],
      });
      const before = await dumpAllDatabases();
      const r = await restoreBackupText(text());
      expect(r.ok).toBe(false);
      expect(r.message).toMatch(/^Not restored — /);
      expect(r.message).toContain(path);
      expect(r.message).toMatch(/Nothing was changed\.$/);
      expect(await dumpAllDatabases()).toEqual(before);
    });
  });

  it('a write failing half-way through leaves the catalog as it was (one transaction)', async () => {
    await seed({ scenarios: [saved('fork-a', 10)], progress: [progress('fork-a', 1, 11)] });
    const before = await dumpAllDatabases();
    failPuts((_, n) => n === 3, 'The disk is full');
    const r = await restoreBackupText(
      backupOf([saved('new-1', 1), saved('new-2', 2), saved('new-3', 3)], [progress('fork-a', 5, 50)]),
    );
    vi.restoreAllMocks();
    expect(r).toEqual({
      ok: false,
      message: expect.stringMatching(
        /^Restoring the backup failed because browser storage is full\. Nothing was changed\. Free some space/,
      ),
    });
    expect(await dumpAllDatabases()).toEqual(before);
  });
});
