import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { PlayerPage } from './app';

/**
 * Storage messages (issue 19, points 9 and 10): with IndexedDB missing or failing to open, with
 * storage full, or with a database deleted or upgraded by another tab, every message says what is
 * wrong and what still works, in the learner's words: no raw JavaScript text, no class names, no
 * doubled full stops.
 */

const myScenarios = (page: Page) => page.getByRole('region', { name: 'My scenarios' });
const RAW = /Error\b|is not a function|undefined|\[object|\.\.(?!\.)/;

const withoutIndexedDb = (page: Page) =>
  page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
  });

const withIndexedDbRefusing = (page: Page) =>
  page.addInitScript(() => {
    IDBFactory.prototype.open = function () {
      throw new DOMException('The user denied permission to access the database.', 'UnknownError');
    };
  });

for (const [name, setUp] of [
  ['missing', withoutIndexedDb],
  ['failing to open', withIndexedDbRefusing],
] as const) {
  test(`IndexedDB ${name}: the start page says so and what still works; a saved scenario's link says why it cannot open`, async ({
    page,
  }) => {
    await setUp(page);
    const app = new PlayerPage(page);
    await app.open('#/');
    const mine = myScenarios(page);
    const alert = mine.getByRole('alert');
    await expect(alert).toHaveText(
      'Your saved scenarios cannot be shown because this browser does not let Event Lab use its storage (IndexedDB). The guided scenarios above still play, in memory only: nothing is kept after you close the tab. Saving, importing, backing up and restoring need the browser’s storage.',
    );
    await expect(mine.getByText('Nothing yet.')).toHaveCount(0);
    await expect(mine.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
    await expect(mine.getByRole('button', { name: 'Restore backup' })).toBeDisabled();

    await page.goto('./#/s/my-fork-1');
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    const text = await page.locator('main').innerText();
    expect(text).toContain(
      'Opening your saved scenario “my-fork-1” failed because this browser does not let Event Lab use its storage (IndexedDB). Guided scenarios still play, in memory only: nothing is kept after you close the tab.',
    );
    expect(text).not.toMatch(RAW);

    // A guided scenario still plays, in memory.
    await app.open('#/s/pubsub-basics/2');
    await expect(page.getByTestId('storage-status')).toContainText('in memory only');
  });
}

test('storage full on import: the message says so, what to do, and that nothing was changed', async ({ page }) => {
  const app = new PlayerPage(page);
  await app.open('#/');
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'scenarios')
        throw new DOMException('Quota exceeded. t.map is not a function.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  await page.reload();
  await app.ready();
  const mine = myScenarios(page);
  await mine.getByLabel('Scenario file to import').setInputFiles({
    name: 'mine.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(importedDoc())),
  });
  const alert = mine.getByRole('alert');
  await expect(alert).toHaveText(
    'Importing “Imported design” failed because browser storage is full. Nothing was changed. Free some space (delete saved scenarios or branches you no longer need, or other sites’ data in the browser’s settings), then try again.',
  );
  await expect(mine.getByText('Nothing yet.')).toBeVisible();
});

/** Another tab (same browser profile) acting on the run database of `scenario`'s main run. */
async function otherTab(page: Page, act: 'delete' | 'upgrade', db: string) {
  const other = await page.context().newPage();
  await other.goto('./#/');
  await other.evaluate(
    ({ act: a, db: name }) =>
      new Promise<void>((resolve, reject) => {
        const req = a === 'delete' ? indexedDB.deleteDatabase(name) : indexedDB.open(name, 99);
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          if (a === 'upgrade') (req as IDBOpenDBRequest).result.close();
          resolve();
        };
      }),
    { act, db },
  );
  await other.close();
}

for (const [act, expected] of [
  [
    'delete',
    /was deleted in another tab .*so this tab stopped saving\. What you do here from now on is not kept\. Reload this tab to open what is stored now\./,
  ],
  [
    'upgrade',
    /Another tab upgraded your saved data .* to a newer version of Event Lab, so this tab stopped saving\. What you do here from now on is not kept\. Continue in the other tab, or close every Event Lab tab and open Event Lab again\./,
  ],
] as const) {
  test(`a run database ${act}d in another tab: this tab says exactly that`, async ({ page }) => {
    const app = new PlayerPage(page);
    await app.open('#/s/pubsub-basics/1');
    await otherTab(page, act, 'event-lab-run-main-pubsub-basics');
    await page.bringToFront();
    await app.click('Step forward');
    const status = page.getByTestId('storage-status');
    await expect(status.getByRole('alert')).toHaveText(expected);
    if (act === 'delete') await expect(status).not.toContainText('upgraded');
    await expect(status).not.toContainText(RAW);
  });
}

/** A valid scenario file: a built-in's document under an id and title of its own. */
function importedDoc() {
  const doc = JSON.parse(readFileSync('src/scenarios/content/pubsub-basics.json', 'utf8'));
  return { ...doc, id: 'imported-design', title: 'Imported design' };
}
