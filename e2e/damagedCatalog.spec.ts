import { expect, test, type Page } from '@playwright/test';
import { PlayerPage } from './app';
import { watchForProblems } from './watch';

/**
 * Damaged catalog records (issue 19, point 8 and the damaged-record sweep): every field of every
 * catalog record type (saved scenario, branch, progress) set to a wrong type, one at a time. The
 * start page must never go blank or freeze, must list the entry as damaged with a way out, and
 * nothing else may be lost: the learner's fork still opens where it was left, with its events.
 */

type Stored = Record<string, unknown>;
type StoreName = 'scenarios' | 'runs' | 'progress';

const CATALOG = 'event-lab-catalog';

/** Writes `value` into a catalog store as it is (raw IndexedDB, as a damaged profile would hold it). */
const putRaw = (page: Page, store: StoreName, value: Stored) =>
  page.evaluate(
    ({ db: name, store: s, value: v }) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open(name);
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction(s, 'readwrite');
          tx.objectStore(s).put(v);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { db: CATALOG, store, value },
  );

const getAllRaw = (page: Page, store: StoreName) =>
  page.evaluate(
    ({ db: name, store: s }) =>
      new Promise<Stored[]>((resolve, reject) => {
        const req = indexedDB.open(name);
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const r = db.transaction(s).objectStore(s).getAll();
          r.onsuccess = () => {
            db.close();
            resolve(r.result as Stored[]);
          };
          r.onerror = () => reject(r.error);
        };
      }),
    { db: CATALOG, store },
  );

const myScenarios = (page: Page) => page.getByRole('region', { name: 'My scenarios' });

/** Wrong values for a field: another type, out of bounds, or text that is not an id. */
const wrongFor = (field: string): unknown => {
  // Key fields must stay valid IndexedDB keys, or the record could not be stored at all.
  if (field === 'scenarioId' || field === 'runId') return 42;
  if (field === 'title') return { text: 'an object, not text' };
  if (field === 'updatedAt' || field === 'furthestStep' || field === 'branchedAtStep') return 'far';
  if (field === 'document') return 'not a document';
  if (field === 'answers') return 'yes';
  if (field === 'completed') return 'maybe';
  if (field === 'parentRunId') return ['../../<b>x</b>'];
  if (field === 'forkedFrom') return { runId: '../../<b>x</b>', step: 1 };
  if (field === 'mainRunId') return '../../<b>x</b>';
  return { wrong: true };
};

test('every field of every catalog record set to a wrong type: listed as damaged, removable, nothing blank, nothing lost', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const { problems } = watchForProblems(page);
  const app = new PlayerPage(page);
  // A fork at step 3 (its run holds events and the place), then the start page.
  await app.open('#/s/pubsub-basics/3');
  await app.fork();
  await app.ready();
  const forkUrl = page.url();
  const forkState = await app.state();
  await page.goto('./#/');
  await app.ready();
  const [fork] = await getAllRaw(page, 'scenarios');
  expect(fork).toBeTruthy();

  const copy = {
    ...fork!,
    scenarioId: 'damaged-copy',
    title: 'Damaged copy',
    document: { ...(fork!.document as Stored), id: 'damaged-copy' },
    mainRunId: 'm-valid-1',
  };
  const valid: Record<StoreName, Stored> = {
    scenarios: copy,
    runs: {
      runId: 'b-damaged-1',
      scenarioId: 'pubsub-basics',
      parentRunId: 'main-pubsub-basics',
      branchedAtStep: 1,
      title: 'At step 1: a branch',
      updatedAt: 1,
    },
    progress: { scenarioId: 'pubsub-basics', furthestStep: 2, completed: false, answers: {}, updatedAt: 1 },
  };
  const mine = myScenarios(page);
  for (const store of ['scenarios', 'runs', 'progress'] as const) {
    for (const field of Object.keys(valid[store])) {
      await test.step(`${store}.${field}`, async () => {
        const damaged = { ...valid[store], [field]: wrongFor(field) };
        await putRaw(page, store, damaged);
        await page.reload();
        await app.ready();
        // Never blank: the start page and the learner's fork are there…
        await expect(page.getByRole('heading', { level: 1, name: 'Event Lab' })).toBeVisible();
        await expect(mine.getByRole('link', { name: /\(my fork\)/ })).toHaveCount(1);
        // …and the damaged entry is said plainly, with a way out.
        const entry = mine.getByRole('listitem').filter({ hasText: /^A damaged / });
        await expect(entry).toHaveCount(1);
        await expect(entry).toContainText('It cannot be used because');
        await expect(entry).not.toContainText(/is not a function|undefined|\[object Object\]|TypeError/);
        await entry.getByRole('button', { name: /^Remove the damaged entry / }).click();
        await expect(mine.getByRole('status')).toContainText('Removed the damaged entry');
        await expect(mine.getByRole('listitem').filter({ hasText: /^A damaged / })).toHaveCount(0);
        expect(problems).toEqual([]);
      });
    }
  }

  // A damaged saved scenario whose document is sound can be repaired from it.
  await putRaw(page, 'scenarios', { ...copy, title: { not: 'text' } });
  await page.reload();
  await app.ready();
  await mine.getByRole('button', { name: 'Repair the damaged entry damaged-copy' }).click();
  await expect(mine.getByRole('status')).toContainText('Repaired “damaged-copy”');
  await expect(mine.getByRole('link', { name: /\(my fork\)/ })).toHaveCount(2);

  // Nothing was lost: the fork opens where it was left, with every stored event.
  await page.goto(forkUrl.replace(/\/\d+$/, ''));
  await app.ready();
  expect(await app.state()).toMatchObject({
    step: forkState.step,
    storedCount: forkState.storedCount,
    scenarioId: forkState.scenarioId,
  });
  expect(problems).toEqual([]);
});

test('a saved scenario whose document names a built-in never opens (it would play the built-in’s run)', async ({
  page,
}) => {
  const { problems } = watchForProblems(page);
  const app = new PlayerPage(page);
  await app.open('#/s/pubsub-basics/2');
  await app.fork();
  await app.ready();
  await page.goto('./#/');
  await app.ready();
  const [fork] = await getAllRaw(page, 'scenarios');
  await putRaw(page, 'scenarios', {
    ...fork!,
    scenarioId: 'innocent-looking',
    title: 'Innocent',
    document: { ...(fork!.document as Stored), id: 'pubsub-basics' },
  });
  await page.goto('./#/s/innocent-looking');
  await expect(
    page.getByText(
      /Your saved scenario “Innocent” is damaged: its document is the scenario “pubsub-basics”, not “innocent-looking”/,
    ),
  ).toBeVisible();
  // The built-in is untouched and not read-only.
  await app.open('#/s/pubsub-basics');
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(problems).toEqual([]);
});
