import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { PlayerPage } from './app';

/**
 * Progress on the learner's own scenarios (issue 17): a question missed in a saved scenario is kept like a
 * built-in's — on the cheat sheet of everything studied and back in the review queue under the scenario's
 * own title — and deleting the scenario removes its progress with it; Undo puts both back.
 */
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const ID = 'my-pubsub-1';
const TITLE = 'My pub/sub copy';

const setNow = (page: Page, t: number) =>
  page.evaluate((ms) => localStorage.setItem('event-lab-test-now', String(ms)), t);

/** Full-page screenshots at the three widths (none wider than the window). */
async function shots(page: Page, name: string) {
  for (const [w, h] of [
    [1440, 900],
    [1280, 720],
    [800, 900],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(w);
    await page.screenshot({ path: `/tmp/saved-progress-shots/${name}-${w}x${h}.png`, fullPage: true });
  }
}

async function progressSettled(page: Page) {
  await page.waitForFunction(() => typeof window.__eventLab?.progressSettled === 'function');
  await page.evaluate(() => (window.__eventLab!.progressSettled as () => Promise<void>)());
}

/** A saved scenario of the learner's own: a copy of Publish/subscribe basics under its own id and title. */
async function saveOwnScenario(page: Page) {
  const builtin = JSON.parse(readFileSync('src/scenarios/content/pubsub-basics.json', 'utf8')) as object;
  const document = { ...builtin, id: ID, title: TITLE };
  // The app creates the catalog database; opening it here first would create an empty one (and hang on its
  // missing store), so wait until the app's own open has made it.
  await expect
    .poll(
      () =>
        page.evaluate(async () =>
          (await indexedDB.databases()).some((d) => d.name === 'event-lab-catalog' && (d.version ?? 0) > 0),
        ),
      { timeout: 30_000 },
    )
    .toBe(true);
  await page.evaluate(
    ({ document, id, title, at }) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('event-lab-catalog');
        req.onupgradeneeded = () => req.transaction?.abort(); // never create or change the app's database
        req.onerror = () => reject(new Error(`open failed: ${String(req.error)}`));
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains('scenarios')) {
            db.close();
            reject(new Error('the catalog database has no scenarios store'));
            return;
          }
          const tx = db.transaction('scenarios', 'readwrite');
          tx.objectStore('scenarios').put({ scenarioId: id, title, forkedFrom: null, document, updatedAt: at });
          tx.oncomplete = () => (db.close(), resolve());
          tx.onerror = () => reject(new Error('write failed'));
        };
      }),
    { document, id: ID, title: TITLE, at: T0 },
  );
}

test('a question missed in a saved scenario is on the cheat sheet and comes back for review; deleting the scenario removes it', async ({
  page,
}) => {
  const app = new PlayerPage(page);
  await app.open('#/');
  await setNow(page, T0);
  await saveOwnScenario(page);

  await app.open(`#/s/${ID}/3`);
  const q = page.getByRole('region', { name: /Which partition will it land in/ });
  await q.getByRole('radio', { name: 'Partition 0: a new kind of event starts in another partition' }).check();
  await q.getByRole('button', { name: 'Answer', exact: true }).click();
  await app.settled();
  await progressSettled(page);

  await page.goto('./#/cheat-sheet');
  const sheet = page.getByRole('region', { name: TITLE });
  await expect(sheet).toContainText('Questions answered: 1 (0 right, 1 wrong answers).');
  await expect(sheet.locator('.sheet-missed li')).toContainText('Which partition will it land in?');
  await shots(page, 'cheat-sheet');

  await setNow(page, T0 + DAY);
  await app.open('#/');
  const review = page.getByRole('region', { name: 'Review' });
  await expect(review.getByText('1 question to review')).toBeVisible();
  await expect(review).toContainText(`${TITLE}: 1`);
  await review.getByRole('button', { name: 'Review now' }).click();
  await expect(review.getByRole('article', { name: /Which partition will it land in/ })).toBeVisible();
  await shots(page, 'review');
  await page.setViewportSize({ width: 1280, height: 720 });

  // Deleting the scenario removes its progress: after a reload nothing of it is left to review.
  await app.open('#/');
  await page.getByRole('button', { name: `Delete ${TITLE}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `Deleted “${TITLE}”.` })).toBeVisible();
  await page.reload();
  await app.ready();
  await expect(page.getByRole('heading', { level: 2, name: 'My scenarios' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Review' })).toHaveCount(0);
});

test('undoing the delete of a saved scenario puts its progress back', async ({ page }) => {
  const app = new PlayerPage(page);
  await app.open('#/');
  await setNow(page, T0);
  await saveOwnScenario(page);
  await app.open(`#/s/${ID}/3`);
  const q = page.getByRole('region', { name: /Which partition will it land in/ });
  await q.getByRole('radio', { name: 'Partition 0: a new kind of event starts in another partition' }).check();
  await q.getByRole('button', { name: 'Answer', exact: true }).click();
  await app.settled();
  await progressSettled(page);

  await setNow(page, T0 + DAY);
  await app.open('#/');
  await page.getByRole('button', { name: `Delete ${TITLE}` }).click();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('button', { name: `Delete ${TITLE}` })).toBeVisible();
  await page.reload();
  await app.ready();
  await expect(page.getByRole('region', { name: 'Review' })).toContainText(`${TITLE}: 1`);
});
