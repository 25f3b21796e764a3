import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { PlayerPage } from './app';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);

/** The progress clock of the e2e build (state/progressClock.ts): the time the review queue sees. */
const setNow = (page: Page, t: number) =>
  page.evaluate((ms) => localStorage.setItem('event-lab-test-now', String(ms)), t);

/** Every progress write started so far has landed. */
async function progressSettled(page: Page) {
  await page.waitForFunction(() => typeof window.__eventLab?.progressSettled === 'function');
  await page.evaluate(() => (window.__eventLab!.progressSettled as () => Promise<void>)());
}

test('a missed question comes back for review after its scheduled time, not before, and is answered there', async ({
  page,
}) => {
  const app = new PlayerPage(page);
  await app.open('#/');
  await setNow(page, T0);
  await expect(page.getByRole('region', { name: 'Review' })).toHaveCount(0);

  await app.open('#/s/ride-sharing/0');
  const accept = page.getByRole('region', { name: 'How would you handle a driver accepting a ride?' });
  await accept.getByRole('checkbox', { name: 'Take a distributed lock across all drivers' }).check();
  await accept.getByRole('button', { name: 'Compare with the reference' }).click();
  await app.settled();
  await progressSettled(page);

  // Before its time: nothing due, and when it comes back.
  await app.open('#/');
  const review = page.getByRole('region', { name: 'Review' });
  await expect(review).toContainText('Nothing to review now. The next question you missed comes back on');
  await expect(review.getByRole('button', { name: 'Review now' })).toHaveCount(0);

  // A day later (the clock injected), after a reload: the progress was kept and the question is due.
  await setNow(page, T0 + DAY + 3_600_000);
  await page.reload();
  await app.ready();
  await expect(review.getByText('1 question to review')).toBeVisible();
  await expect(review).toContainText('Design a ride-sharing app (a practice question): 1');
  await review.getByRole('button', { name: 'Review now' }).click();
  const card = review.getByRole('article', { name: 'How would you handle a driver accepting a ride?' });
  for (const name of [
    'The driver app sends an AcceptRide command',
    'appends RideAccepted with the expected revision',
    'If two drivers accept at once, one append wins',
    'published by an outbox relay',
    'It is published keyed by ride id',
  ])
    await card.getByRole('checkbox', { name }).check();
  await card.getByRole('button', { name: 'Answer' }).click();
  await expect(card.getByRole('status')).toContainText('Correct — it comes back later than before.');
  await progressSettled(page);
  // Answering opens the step it belongs to: the practice, in the player.
  await card.getByRole('link', { name: 'Open the practice in the player' }).click();
  await app.ready();
  await expect(page).toHaveURL(/#\/s\/ride-sharing\/0$/);

  // Answered right, it is scheduled further out: not due now.
  await app.open('#/');
  await expect(page.getByRole('region', { name: 'Review' })).toContainText('Nothing to review now.');
});

test('progress per question survives a backup and a restore in another browser', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const app = new PlayerPage(page);
  await app.open('#/');
  await setNow(page, T0);
  await app.open('#/s/ride-sharing/0');
  const events = page.getByRole('region', { name: 'Which events are published?' });
  await events.getByRole('checkbox', { name: 'SendReceipt' }).check();
  await events.getByRole('button', { name: 'Compare with the reference' }).click();
  await app.settled();
  await progressSettled(page);

  await app.open('#/');
  const mine = page.getByRole('region', { name: 'My scenarios' });
  const download = page.waitForEvent('download');
  await mine.getByRole('button', { name: 'Back up everything' }).click();
  const file = await download;
  const text = readFileSync(await file.path(), 'utf8');
  const json = JSON.parse(text);
  expect(json.version).toBe(3);
  expect(json.questions).toEqual([
    expect.objectContaining({ id: 'ride-sharing/practice:events', wrong: 1, lastCorrect: false }),
  ]);
  await expect(mine.getByRole('status')).toContainText('(1 answered question)');

  // Another browser, nothing stored: after the restore, the missed question is in its review queue.
  const fresh = await browser.newContext({ reducedMotion: 'reduce', baseURL: new URL('./', page.url()).href });
  const other = new PlayerPage(await fresh.newPage());
  await other.open('#/');
  await setNow(other.page, T0 + 2 * DAY);
  await other.page
    .getByRole('region', { name: 'My scenarios' })
    .getByLabel('Backup file to restore')
    .setInputFiles({ name: file.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(other.page.getByRole('region', { name: 'My scenarios' }).getByRole('status')).toContainText(
    'with 1 answered question',
  );
  await other.page.reload();
  await other.ready();
  await expect(other.page.getByRole('region', { name: 'Review' }).getByText('1 question to review')).toBeVisible();
  await fresh.close();
});

test('a step question missed in the player is reviewed later; reopening the run does not count it again', async ({
  page,
}) => {
  const app = new PlayerPage(page);
  await app.open('#/');
  await setNow(page, T0);
  await app.open('#/s/pubsub-basics/3');
  const q = page.getByRole('region', { name: /Which partition will it land in/ });
  await q.getByRole('radio', { name: 'Partition 0: a new kind of event starts in another partition' }).check();
  await q.getByRole('button', { name: 'Answer', exact: true }).click();
  await app.settled();
  await progressSettled(page);
  // The run keeps the answer; reading it back is not a new answer.
  await page.reload();
  await app.ready();
  await expect(q.getByRole('status')).toContainText('(your choice)');
  await progressSettled(page);

  await page.goto('./#/cheat-sheet/pubsub-basics');
  const sheet = page.getByRole('region', { name: 'Publish/subscribe basics' });
  await expect(sheet).toContainText('Questions answered: 1 (0 right, 1 wrong answers).');
  await expect(sheet.locator('.sheet-missed li')).toContainText('Which partition will it land in?');

  await setNow(page, T0 + DAY);
  await app.open('#/');
  const review = page.getByRole('region', { name: 'Review' });
  await expect(review).toContainText('Publish/subscribe basics: 1');
  await review.getByRole('button', { name: 'Review now' }).click();
  const card = review.getByRole('article', { name: /Which partition will it land in/ });
  // Its step is one click away before answering too: the question speaks of what that step shows.
  await expect(card.getByRole('link', { name: 'Open step 3 of Publish/subscribe basics' })).toHaveAttribute(
    'href',
    '#/s/pubsub-basics/3',
  );
  await card.getByRole('radio', { name: "Partition 1: where order-1's OrderPlaced is" }).check();
  await card.getByRole('button', { name: 'Answer' }).click();
  await expect(card.getByRole('status')).toContainText('Correct');
  await card.getByRole('link', { name: 'Replay step 3 in the player' }).click();
  await app.ready();
  await expect(page).toHaveURL(/#\/s\/pubsub-basics\/3$/);
});
