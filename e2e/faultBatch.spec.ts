import { expect, test, type Page } from '@playwright/test';
import { PlayerPage } from './app';

// The failure lab's consumer faults strike a poll-batch (the engine's poll loop) as they strike a poll. A learner's
// walkthrough of Backpressure: at step 2 they set packer-a to crash in its next poll, after processing, before
// committing; its poll-batch (script step 3, the branch's step 4) used to commit as if nothing was armed.

const faults = (page: Page) => page.getByRole('region', { name: 'Faults' });
/** The narration of the step on screen, found by its title (the region is named by its heading). */
const narration = (page: Page, title: string) => page.getByRole('region', { name: title, exact: true });

test('Backpressure: a crash armed for packer-a strikes its next poll-batch; its commit is lost and the orders are processed again', async ({
  page,
}) => {
  const app = new PlayerPage(page);
  await app.open('#/s/backpressure/2');
  await faults(page).getByRole('button', { name: 'Crash consumer', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Crash consumer' });
  await dialog.getByLabel('Group').selectOption('packing');
  await dialog.getByLabel('Member').selectOption('packer-a');
  await dialog.getByLabel('In its next poll: after processing, before committing').check();
  await dialog.getByRole('button', { name: 'Start branch' }).click();
  await expect(page).toHaveURL(/#\/r\/b-[a-z0-9-]+\/\d+$/);
  await app.ready();
  const branch = page.url().replace(/\/\d+$/, '');
  await expect(page.getByRole('heading', { name: 'You set packer-a to crash before its next commit' })).toBeVisible();

  await page.goto(`${branch}/4`);
  await app.ready();
  // The step played out differently from the original, so its heading says whose title it is (sameStory.ts).
  const batch = narration(page, 'In the original: One batch: 10 orders, 20 seconds');
  await expect(batch).toContainText('crashed before committing');
  // The narration names what the original story did that this run did not: the commit after the batch.
  await expect(batch).toContainText(
    'Unlike in the original, this did not happen here: packer-a commits its positions on every assigned partition: packing committed orders-0 at 10, the next offset to consume (offsets up to 9 are done).',
  );

  // Its next poll-batch (a restarted packer-a) starts again from the last commit: the same ten orders.
  await page.goto(`${branch}/6`);
  await app.ready();
  const again = narration(page, 'In the original: The backlog keeps growing');
  await expect(again).toContainText('rejoins');
  await expect(again).toContainText('AGAIN');
});

test('Backpressure: a member the story never polls for again cannot be given a fault for its next poll, and the panel says why', async ({
  page,
}) => {
  const app = new PlayerPage(page);
  // packer-c's last poll-batch is step 14; at step 16 it is still in the group.
  await app.open('#/s/backpressure/16');
  await faults(page).getByRole('button', { name: 'Slow consumer', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Slow consumer' });
  await dialog.getByLabel('Group').selectOption('packing');
  await dialog.getByLabel('Member').selectOption('packer-c');
  await expect(dialog.getByRole('alert')).toHaveText(
    'packer-c does not poll again in this story (no later step of packing polls for it), so a slow batch set for its next poll would never happen. Choose a member that polls later.',
  );
  const start = dialog.getByRole('button', { name: 'Start branch' });
  await expect(start).toBeDisabled();
  await expect(start).toHaveAccessibleDescription(/^Start branch is off: packer-c does not poll again/);
  await expect(page).toHaveURL(/#\/s\/backpressure\/16$/);
  // packer-a polls again at step 22: the note goes away.
  await dialog.getByLabel('Member').selectOption('packer-a');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await expect(start).toBeEnabled();
});
