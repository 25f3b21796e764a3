/**
 * The app's real import flow against a catalog holding saved scenarios, progress and runs: a
 * rejected import names the JSON path and leaves every IndexedDB store exactly as it was.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { openCatalog, openRunDatabase } from '../persistence';
import { importFile } from './importFlow';
import { mainRunId } from './runIds';
import { deleteAllDatabases, dumpAllDatabases } from './testing/storedData';
import { baseDoc, mutatedText } from '../scenarios/io/testDocs';

const base = baseDoc;
const text = mutatedText;
const good = JSON.stringify(base());
const payload = '<img src=x onerror=alert(1)><script>alert(1)</script>';

/** [name, input text, expected path in the message] — a sample of src/scenarios/io/malformed.test.ts's kinds. */
const cases: [string, string, string][] = [
  ['empty file', '', '(root)'],
  ['not JSON', 'hello', '(root)'],
  ['truncated', good.slice(0, 200), '(root)'],
  ['wrong schemaVersion', text((s) => (s.schemaVersion = 2)), 'schemaVersion'],
  ['unknown key in an action', text((s) => (s.steps[2].action.script = 'alert(1)')), 'steps[2].action'],
  ['__proto__ key', good.replace('{', '{"__proto__": {"polluted": true},'), '__proto__'],
  [
    'constructor key',
    text((s) => (s.topology.topics[0].constructor = { prototype: {} })),
    'topology.topics[0].constructor',
  ],
  ['duplicate topic', text((s) => s.topology.topics.push({ ...s.topology.topics[0] })), 'topology.topics[1]'],
  ['dangling topic reference', text((s) => (s.steps[1].action.topic = 'nope')), 'steps[1].action.topic'],
  ['huge narration', text((s) => (s.steps[0].narration = 'x'.repeat(4001))), 'steps[0].narration'],
  ['deep nesting', `${'['.repeat(10_000)}${']'.repeat(10_000)}`, '(root)'],
  [
    'script payload in an event type',
    text((s) => (s.steps[0].action.event.eventType = payload)),
    'steps[0].action.event.eventType',
  ],
  [
    'undeclared event type (ride-sharing)',
    text((s) => (s.topology.aggregates[0].commands[0].emit[0].eventType = 'RideWished'), 'ride-sharing'),
    'topology.aggregates[0].commands[0].emit[0].eventType',
  ],
  ['too large', `{"title": "${'x'.repeat(2_000_001)}"}`, '(root)'],
];

async function seedStore() {
  const c = await openCatalog();
  try {
    await c.putScenario({
      scenarioId: 'my-fork-1',
      title: 'My fork',
      forkedFrom: { runId: 'main-pubsub-basics', step: 2 },
      document: { ...base(), id: 'my-fork-1', title: 'My fork' },
      updatedAt: 10,
    });
    await c.putScenario({
      scenarioId: 'imported-1',
      title: 'Imported',
      forkedFrom: null,
      document: { ...base('log-vs-queue'), id: 'imported-1', title: 'Imported' },
      updatedAt: 20,
    });
    await c.putProgress({
      scenarioId: 'pubsub-basics',
      furthestStep: 4,
      completed: false,
      answers: { q1: 'a' },
      updatedAt: 30,
    });
    await c.putRun({
      runId: 'b-1',
      scenarioId: 'pubsub-basics',
      parentRunId: 'main-pubsub-basics',
      branchedAtStep: 2,
      title: 'At step 2: a branch',
      updatedAt: 40,
    });
  } finally {
    c.close();
  }
  const db = await openRunDatabase(mainRunId('my-fork-1'));
  await db.saveRun({
    runId: mainRunId('my-fork-1'),
    scenarioId: 'my-fork-1',
    parentRunId: null,
    branchedAtStep: null,
    inputs: [],
    cursor: 3,
    furthestStep: 3,
    createdAt: 1,
    updatedAt: 2,
  });
  db.close();
}

beforeEach(async () => {
  await deleteAllDatabases();
  await seedStore();
});

describe('a rejected import changes nothing stored', () => {
  it.each(cases)('%s', async (_name, input, path) => {
    const before = await dumpAllDatabases();
    expect(Object.keys(before)).toEqual(['event-lab-catalog', 'event-lab-run-main-my-fork-1']);
    const r = await importFile(input);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/^Not imported — /);
    expect(!r.ok && r.message).toContain(path);
    expect(await dumpAllDatabases()).toEqual(before);
  });

  it('while a valid import adds exactly one saved scenario (the control)', async () => {
    const before = await dumpAllDatabases();
    const r = await importFile(JSON.stringify({ ...base(), id: 'my-fork-1' }));
    expect(r).toMatchObject({ ok: true, id: 'my-fork-1-1', renamedFrom: 'my-fork-1' });
    const after = await dumpAllDatabases();
    expect(after['event-lab-catalog']!.scenarios!.keys).toEqual(['imported-1', 'my-fork-1', 'my-fork-1-1']);
    expect({ ...after['event-lab-catalog'], scenarios: null }).toEqual({
      ...before['event-lab-catalog'],
      scenarios: null,
    });
  });
});

describe('a backup picked under Import', () => {
  it('is named for what it is, with the button that reads it, and changes nothing', async () => {
    const { collectBackup } = await import('./backupCollect');
    const backup = await collectBackup(50);
    const before = await dumpAllDatabases();
    const r = await importFile(backup.text);
    expect(r).toEqual({
      ok: false,
      message:
        'This is a backup of your work, not a scenario: use Restore backup to read it back. Nothing was changed.',
    });
    expect(await dumpAllDatabases()).toEqual(before);
  });

  it('a scenario file that merely mentions the marker elsewhere is still judged as a scenario', async () => {
    const r = await importFile(text((s) => ((s.schemaVersion = 2), (s.title = 'event-lab-backup'))));
    expect(!r.ok && r.message).toMatch(/^Not imported — schemaVersion/);
  });
});

describe('storage failures on import say what happened (issue 19, point 10)', () => {
  it('storage full: the learner’s words, what to do, nothing changed, no raw browser text', async () => {
    const before = await dumpAllDatabases();
    const { vi } = await import('vitest');
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('QuotaExceededError: t.map is not a function', 'QuotaExceededError');
    });
    try {
      const r = await importFile(JSON.stringify({ ...base(), id: 'new-one', title: 'New one' }));
      expect(r).toEqual({
        ok: false,
        message:
          'Importing “New one” failed because browser storage is full. Nothing was changed. Free some space (delete saved scenarios or branches you no longer need, or other sites’ data in the browser’s settings), then try again.',
      });
    } finally {
      vi.restoreAllMocks();
    }
    expect(await dumpAllDatabases()).toEqual(before);
  });
});
