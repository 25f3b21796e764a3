import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { PlayerPage } from './app';

/**
 * Seven things a learner's walkthrough stumbled on, each as the learner meets it. With UX_SHOTS=<dir>,
 * each changed screen is also photographed at 1440×900 and 800×1000 (for review; nothing is compared).
 */

const shotsDir = process.env.UX_SHOTS;
const SIZES: readonly (readonly [number, number])[] = [
  [1440, 900],
  [800, 1000],
];
async function photograph(page: Page, name: string, focus?: () => Promise<void>, sizes = SIZES) {
  if (!shotsDir) return;
  mkdirSync(shotsDir, { recursive: true });
  for (const [w, h] of sizes) {
    await page.setViewportSize({ width: w, height: h });
    await focus?.();
    await page.screenshot({ path: `${shotsDir}/${name}-${w}.png` });
  }
}

test('a question that starts waiting below the fold is brought into view, and the grey buttons say why', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const app = new PlayerPage(page);
  await app.open('#/s/partitions-keys-ordering/11');
  await app.click('Step forward');
  const question = page.getByRole('region').filter({ has: page.getByText('Question — playback waits for you') });
  await expect(question.getByRole('heading')).toBeInViewport({ ratio: 1 });
  for (const name of ['Play', 'Step forward']) {
    await expect(app.button(name)).toBeDisabled();
    await expect(app.button(name)).toHaveAccessibleDescription('Answer the question below first');
  }
  await photograph(page, 'question-waiting', undefined, [[1280, 720]]);
  // Once answered, the buttons are back to their shortcuts.
  await question.getByRole('button', { name: 'Skip' }).click();
  await expect(app.button('Step forward')).toHaveAccessibleDescription('Step forward (→)');
});

test('unsaved edits survive a reload (offered back), a changed step flags its old text, the fork card is true', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const app = new PlayerPage(page);
  await app.open('#/s/pubsub-basics/1');
  await app.button('Fork the whole scenario').click();
  await expect(page).toHaveURL(/#\/s\/pubsub-basics-fork-1\/1$/);
  await app.ready();

  const openScript = async () => {
    await page.getByText('Edit this scenario', { exact: true }).click();
    await page.getByRole('heading', { name: /^Script \(/ }).click();
    const step = page.getByRole('group', { name: /^step: 1\. / });
    await step.getByText('1. An event is published', { exact: true }).click();
    return step;
  };
  let step1 = await openScript();
  await step1.getByLabel('Record key').fill('order-9');
  await expect(page.getByText('Unsaved changes', { exact: true })).toBeVisible();
  // The editor flags the text written for the old action.
  const flags = page.getByRole('list', { name: 'Step text to check' });
  await expect(flags).toContainText(
    'Step 1 “An event is published”: This text was written for the step before your change: check it.',
  );

  // Reload: the browser asks first, and the change is offered back.
  const asked: string[] = [];
  page.on('dialog', (d) => {
    asked.push(d.type());
    void d.accept();
  });
  await page.reload();
  await app.ready();
  expect(asked).toEqual(['beforeunload']);
  const offer = page.getByRole('group', { name: 'Unsaved changes' });
  await expect(offer).toContainText('You have unsaved changes to this scenario from');
  await photograph(page, 'editor-draft-offer', () => offer.scrollIntoViewIfNeeded());
  await offer.getByRole('button', { name: 'Resume editing' }).click();
  await page.getByRole('heading', { name: /^Script \(/ }).click();
  step1 = page.getByRole('group', { name: /^step: 1\. / });
  await step1.getByText('1. An event is published', { exact: true }).click();
  await expect(step1.getByLabel('Record key')).toHaveValue(/order-9/);
  await expect(flags).toBeVisible();
  await photograph(page, 'editor-stale-flag', () => flags.scrollIntoViewIfNeeded());

  // Saved: no prompt, no draft offered after the reload, and the player says the text may be old.
  await expect(app.button('Save')).toBeEnabled({ timeout: 30_000 });
  const reloaded = page.waitForEvent('load');
  await app.button('Save').click();
  await reloaded;
  await app.ready();
  expect(asked).toEqual(['beforeunload']);
  await expect(page.getByRole('group', { name: 'Unsaved changes' })).toHaveCount(0);
  const notice = page.getByText('This text may describe the step before your edit of its action.');
  await expect(notice).toBeVisible();
  await photograph(page, 'player-stale-notice');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByRole('button', { name: 'The text is still right' }).click();
  await expect(notice).toHaveCount(0);
  await page.reload();
  await app.ready();
  await expect(notice).toHaveCount(0);

  // The start page's card says what the whole-scenario fork holds, not "Forked at step 1".
  await page.goto('./#/');
  await app.ready();
  const mine = page.getByRole('region', { name: 'My scenarios' });
  await expect(mine.getByText(/^Forked from a run · 12 steps ·/)).toBeVisible();
  await photograph(page, 'home-fork-card', () => mine.scrollIntoViewIfNeeded());
});

test('a backup picked under Import says which button reads it', async ({ page }) => {
  const app = new PlayerPage(page);
  await app.open('');
  const backup = JSON.stringify({ kind: 'event-lab-backup', version: 3, exportedAt: 1, scenarios: [], progress: [] });
  await page
    .getByLabel('Scenario file to import')
    .setInputFiles({ name: 'event-lab-backup.json', mimeType: 'application/json', buffer: Buffer.from(backup) });
  const mine = page.getByRole('region', { name: 'My scenarios' });
  await expect(mine).toContainText(
    'This is a backup of your work, not a scenario: use Restore backup to read it back. Nothing was changed.',
  );
  await expect(mine).not.toContainText('schemaVersion');
  await photograph(page, 'import-backup', () => mine.scrollIntoViewIfNeeded());
  // A backup larger than a scenario may be (2 MB) is named for what it is too, not by its size.
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.reload(); // no message left from the first file
  await app.ready();
  const big = JSON.stringify({
    kind: 'event-lab-backup',
    version: 3,
    exportedAt: 1,
    scenarios: [],
    progress: [],
    pad: 'x'.repeat(2_100_000),
  });
  await page
    .getByLabel('Scenario file to import')
    .setInputFiles({ name: 'big-backup.json', mimeType: 'application/json', buffer: Buffer.from(big) });
  await expect(mine).toContainText('This is a backup of your work, not a scenario: use Restore backup');
  await expect(mine).not.toContainText('scenario files may be at most 2 MB');
});

test('the event log fits its box at 1440, its scroll box is reachable by keyboard, its note said once', async ({
  page,
}) => {
  const app = new PlayerPage(page);
  await app.open('#/s/pubsub-basics/5');
  const box = page.getByRole('region', { name: 'Event log table' });
  await box.scrollIntoViewIfNeeded();
  await box.focus();
  await expect(box).toBeFocused();
  const fits = await box.evaluate((el) => el.scrollWidth <= el.clientWidth);
  expect(fits).toBe(true);
  await expect(app.eventRows()).toHaveCount(4);
  await expect(page.getByText(/a direct producer wrote the record to the topic/)).toHaveCount(1);
  await expect(app.eventRows().first()).toContainText('not stored (topic only)');
  await photograph(page, 'event-log', () => box.scrollIntoViewIfNeeded());
});

test('a damaged share link says so in its title, without a "(link):" path', async ({ page }) => {
  await page.goto('./#/share/garbage');
  await expect(page.getByRole('heading', { level: 1, name: 'This share link cannot be opened' })).toBeVisible();
  await expect(page).toHaveTitle('This share link cannot be opened · Event Lab');
  await expect(page.getByText('The share link is damaged: its data cannot be decompressed')).toBeVisible();
  await expect(page.getByRole('main')).not.toContainText('(link)');
  await photograph(page, 'share-damaged');
});
