import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { PlayerPage } from './app';

/**
 * The issue-18 scenarios as a learner meets them: opened from the start page, a prediction answered
 * before the step that shows it (wrong first: the panel names the guess and says why it is wrong),
 * the answer shown on screen by the next step, then stepped to the end. Screenshots of a key step at
 * three sizes go to SHOTS for a person to look at.
 */

const SHOTS = '/tmp/breadth-shots';
const SIZES = [
  [1440, 900],
  [1280, 720],
  [800, 900],
] as const;

async function openFromStart(page: Page, title: string) {
  const app = new PlayerPage(page);
  await app.open('#/');
  await page.getByRole('link', { name: title, exact: true }).click();
  await app.ready();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  return app;
}

async function goTo(app: PlayerPage, step: number, last: number) {
  await app.timeline().fill(String(step));
  await app.settled();
  await app.expectStep(step, last);
}

async function answerWrong(page: Page, prompt: RegExp, wrong: RegExp, why: string) {
  const q = page.getByRole('region', { name: prompt });
  await q.getByRole('radio', { name: wrong }).check();
  await q.getByRole('button', { name: 'Answer', exact: true }).click();
  await expect(q.locator('.verdict')).toHaveText('Not quite.');
  await expect(q.locator('.your-guess')).toContainText(why);
}

async function stepToTheEnd(app: PlayerPage, from: number, last: number) {
  for (let k = from; k < last; k++) {
    // A question waiting for an answer holds playback: skip it (the predictions were answered above).
    const skip = app.page.getByRole('button', { name: 'Skip', exact: true });
    if (await skip.isVisible()) await skip.click();
    await app.click('Step forward');
  }
  await app.expectStep(last, last);
}

async function shoot(page: Page, name: string, scrollTo?: RegExp) {
  mkdirSync(SHOTS, { recursive: true });
  for (const [w, h] of SIZES) {
    await page.setViewportSize({ width: w, height: h });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SHOTS}/${name}-${w}x${h}.png` });
    if (scrollTo) {
      await page.getByRole('heading', { level: 2, name: scrollTo }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/${name}-${w}x${h}-table.png` });
    }
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

test('Hot partitions: lag builds only where the hot key lands, and a fifth consumer stays idle', async ({ page }) => {
  const app = await openFromStart(page, 'Hot partitions and key skew');
  await goTo(app, 6, 22);
  await answerWrong(
    page,
    /Where will requests still be waiting/,
    /Kafka spreads the extra load/,
    'Nothing in Kafka moves records by load',
  );
  // The answer, three steps and four polls later: partition 0 took 6 of 9, and only it is behind.
  await goTo(app, 13, 22);
  await expect(page.getByText('hot: P0, 67% of 9 writes in 1 min')).toBeVisible();
  await expect(page.getByText('6/min')).toBeVisible();
  const groups = page.getByRole('table', { name: /committed offsets and lag per consumer group/ });
  await expect(groups.getByRole('row', { name: 'pricing pricing-1 ride-requests-0 2 2 4' })).toBeVisible();
  await expect(groups.getByRole('row', { name: 'pricing pricing-2 ride-requests-1 1 1 0' })).toBeVisible();
  await shoot(page, 'hot-partitions-step13');
  await app.click('Step forward');
  await expect(groups.getByRole('row', { name: 'pricing pricing-5 none (idle) — — —' })).toBeVisible();
  await stepToTheEnd(app, 14, 22);
  await expect(groups.getByRole('row', { name: 'pricing pricing-1 ride-requests-0 6 6 1' })).toBeVisible();
});

test('Out-of-order events: the same v1, v3, v2 end in four different rows', async ({ page }) => {
  const app = await openFromStart(page, 'Out-of-order events');
  await goTo(app, 3, 12);
  await answerWrong(
    page,
    /After it reads v1, v3, v2, what will its row/,
    /Kafka delivers an entity's events in order/,
    'the offsets are v1, v3, v2',
  );
  const rows = page.getByRole('table', { name: /version-checking group’s row per entity/ });
  await app.click('Step forward');
  await expect(rows.getByRole('row', { name: /^Naive .* order-7 v2 / })).toContainText('status: paid');
  await goTo(app, 6, 12);
  await expect(rows.getByRole('row', { name: /^Buffer .* order-7 v1 / })).toContainText('v3');
  await shoot(page, 'out-of-order-step6', /Entity rows/);
  await stepToTheEnd(app, 6, 12);
  await expect(rows.getByRole('row', { name: /^Last writer wins .* order-7 v3 / })).toContainText('status: shipped');
  await expect(rows.getByRole('row', { name: /^Buffer .* order-7 v3 / })).toContainText('paidAt');
  await expect(rows.getByRole('row', { name: /^Park .* order-7 v3 / })).toContainText('paidAt');
});

test('Inbox and outbox: a poller by last id loses a late row; log tailing sends in commit order', async ({ page }) => {
  const app = await openFromStart(page, 'Inbox and outbox');
  await goTo(app, 5, 18);
  await answerWrong(
    page,
    /committed rows with an id above 2\. What does it send/,
    /^Row 1, late$/,
    "That is what a poller selecting rows by a 'not yet published' flag would do",
  );
  await app.click('Step forward');
  const orders = page.getByRole('table', { name: /Rows of the outbox table orders-db/ });
  await expect(orders.getByRole('row', { name: '1 tx-a OrderPlaced order-41 committed, not sent' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Effects of step 6' })).toContainText('lost');
  await shoot(page, 'inbox-outbox-step6', /Outbox table orders-db/);
  await stepToTheEnd(app, 6, 18);
  await expect(page.getByRole('region', { name: 'Outbox table shipments-db' })).toContainText(
    'commit order: rows 2, 1',
  );
  await expect(
    page.getByRole('gridcell', { name: /^offset 0, ShipmentBooked, key order-42, topic shipments, partition 0/ }),
  ).toBeVisible();
});
