import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { PlayerPage } from './app';
import { watchForProblems } from './watch';

/**
 * Restores (issue 19, points 4–6): a backup can never write into a built-in's storage, a restored
 * scenario's run is switched in whole (never read-only afterwards), and the app's own backup always
 * restores, with bounded numbers.
 */

const myScenarios = (page: Page) => page.getByRole('region', { name: 'My scenarios' });
const restore = (page: Page, name: string, text: string) =>
  myScenarios(page)
    .getByLabel('Backup file to restore')
    .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

async function backUp(page: Page): Promise<string> {
  const download = page.waitForEvent('download');
  await myScenarios(page).getByRole('button', { name: 'Back up everything' }).click();
  return readFileSync(await (await download).path(), 'utf8');
}

const builtinDoc = () => JSON.parse(readFileSync('src/scenarios/content/pubsub-basics.json', 'utf8'));
const backupOf = (scenarios: unknown[], progress: unknown[]) =>
  JSON.stringify({ kind: 'event-lab-backup', version: 1, exportedAt: 1_800_000_000_000, scenarios, progress });

test('a backup entry whose id differs from its document’s is refused; the built-in keeps its own run', async ({
  page,
}) => {
  const { problems } = watchForProblems(page);
  const app = new PlayerPage(page);
  await app.open('#/s/pubsub-basics/4');
  await page.goto('./#/');
  await app.ready();
  const text = backupOf(
    [
      {
        scenarioId: 'innocent-looking',
        title: 'Innocent',
        forkedFrom: null,
        document: { ...builtinDoc(), title: 'Innocent' },
        updatedAt: 1,
      },
    ],
    [{ scenarioId: 'innocent-looking', furthestStep: 1, completed: false, answers: {}, updatedAt: 2 }],
  );
  await restore(page, 'hand-made.json', text);
  const alert = myScenarios(page).getByRole('alert');
  await expect(alert).toContainText(
    'Not restored — scenarios[0].scenarioId: “innocent-looking” differs from its document’s id “pubsub-basics”',
  );
  await expect(alert).toContainText(/Nothing was changed\.$/);
  await expect(myScenarios(page).getByText('Nothing yet.')).toBeVisible();
  // The built-in opens where it was left, writable.
  await app.open('#/s/pubsub-basics');
  expect((await app.state()).step).toBe(4);
  await expect(page.getByTestId('storage-status').getByRole('alert')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('progress for an id outside the id alphabet is refused and names no database', async ({ page }) => {
  const app = new PlayerPage(page);
  await app.open('#/');
  await restore(
    page,
    'hostile.json',
    backupOf([], [{ scenarioId: '../../<b>x</b>', furthestStep: 1, completed: false, answers: {}, updatedAt: 2 }]),
  );
  await expect(myScenarios(page).getByRole('alert')).toContainText('progress[0].scenarioId: is not an id');
  const names = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
  expect(names.filter((n) => n?.includes('<b>'))).toEqual([]);
});

test('a restored step is bounded by the scenario (no “Restored step 9007199254740991”)', async ({ page }) => {
  const app = new PlayerPage(page);
  await app.open('#/');
  await restore(
    page,
    'big.json',
    backupOf(
      [],
      [
        {
          scenarioId: 'pubsub-basics',
          furthestStep: Number.MAX_SAFE_INTEGER,
          completed: false,
          answers: {},
          updatedAt: 2,
        },
      ],
    ),
  );
  await expect(myScenarios(page).getByRole('status')).toHaveText('Restored 0 scenarios and progress in 1 scenario.');
  await app.open('#/s/pubsub-basics');
  const { step, lastStep } = await app.state();
  expect(step).toBe(lastStep);
  await expect(page.getByText(`Restored step ${lastStep} from your last visit.`)).toBeVisible();
  await expect(page.getByText('9007199254740991')).toHaveCount(0);
});

test('the app’s own backup restores even with a damaged progress record, and says what it left out', async ({
  page,
  browser,
}) => {
  const app = new PlayerPage(page);
  await app.open('#/s/pubsub-basics/3');
  await page.goto('./#/');
  await app.ready();
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('event-lab-catalog');
        req.onsuccess = () => {
          const tx = req.result.transaction('progress', 'readwrite');
          tx.objectStore('progress').put({
            scenarioId: 'cqrs-orders',
            furthestStep: 'far',
            completed: false,
            answers: {},
            updatedAt: 5,
          });
          tx.oncomplete = () => {
            req.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  const text = await backUp(page);
  await expect(myScenarios(page).getByRole('status')).toContainText(
    'Left out: a damaged progress record “cqrs-orders” (how far you got is not a step number).',
  );
  const fresh = await browser.newContext({ reducedMotion: 'reduce', baseURL: new URL('./', page.url()).href });
  const other = new PlayerPage(await fresh.newPage());
  await other.open('#/');
  await restore(other.page, 'own.json', text);
  await expect(myScenarios(other.page).getByRole('status')).toHaveText(
    'Restored 0 scenarios and progress in 1 scenario.',
  );
  await fresh.close();
});

test('restoring a newer copy of a fork switches its run whole: it opens at the restored step, writable', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const { problems } = watchForProblems(page);
  const app = new PlayerPage(page);
  await app.open('#/s/pubsub-basics/3');
  await app.fork();
  await app.ready();
  await app.click('Step back');
  const forkId = (await app.state()).scenarioId;
  await page.goto('./#/');
  await app.ready();
  const backup = JSON.parse(await backUp(page));
  // The backup's copy is newer and different (as if edited in another browser), with progress at step 1.
  backup.scenarios[0].title = backup.scenarios[0].document.title = 'Edited elsewhere';
  backup.scenarios[0].updatedAt = Date.now() + 60_000;
  backup.progress = backup.progress.filter((p: { scenarioId: string }) => p.scenarioId !== forkId);
  backup.progress.push({
    scenarioId: forkId,
    furthestStep: 1,
    completed: false,
    answers: {},
    updatedAt: Date.now() + 60_000,
  });
  await restore(page, 'newer.json', JSON.stringify(backup));
  await expect(myScenarios(page).getByRole('status')).toContainText('1 replaced by the backup’s newer copy');
  await myScenarios(page).getByRole('link', { name: 'Edited elsewhere' }).click();
  await app.ready();
  expect((await app.state()).step).toBe(1);
  await expect(page.getByTestId('storage-status').getByRole('alert')).toHaveCount(0);
  await app.click('Step forward');
  await expect(page.getByTestId('storage-status').getByRole('alert')).toHaveCount(0);
  expect(problems).toEqual([]);
});
