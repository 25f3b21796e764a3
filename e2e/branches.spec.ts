import { expect, test } from '@playwright/test';
import { PlayerPage } from './app';

test('a learner action starts a branch and leaves the original run untouched', async ({ page }) => {
  const app = new PlayerPage(page);
  await app.open('#/s/pubsub-basics/4');
  const originalRows = await app.eventRows().allInnerTexts();

  await page.getByText('Change the story').click();
  await page.getByLabel('Key', { exact: true }).fill('mine');
  await page.getByRole('button', { name: 'Produce', exact: true }).click();

  await expect(page).toHaveURL(/#\/r\/b-[a-z0-9-]+\/5$/);
  await app.ready();
  await expect(page.getByRole('heading', { name: 'You produced a record with key "mine"' })).toBeVisible();
  await expect(
    page.getByText('You changed the story, so this is told from what the system did in your run.'),
  ).toBeVisible();
  await expect(app.eventRows()).toHaveCount(5);
  await expect(app.eventRows().nth(4)).toContainText('LearnerRecordProduced');
  const branchUrl = page.url();
  await expect(page.getByRole('navigation', { name: 'Branches' })).toContainText(
    'At step 4: produce key "mine" to orders',
  );

  // The script goes on after the action, one step later than in the original — told from this run,
  // with the original story's text kept apart and the differences named.
  await app.click('Step forward');
  await expect(page.getByRole('heading', { name: 'billing-1 reads its partitions' })).toBeVisible();
  const narration = page.getByRole('region', { name: 'billing-1 reads its partitions' });
  await expect(
    narration.getByText('You changed the story, so this is told from what the system did in your run.'),
  ).toBeVisible();
  await narration.getByText(/^In the original story/).click();
  await expect(narration.locator('.original-text')).toContainText('billing-1 polls');

  // The original run is as it was.
  await page.getByRole('link', { name: 'step 4 of the original run' }).click();
  await app.ready();
  await app.expectStep(4, 12);
  expect(await app.eventRows().allInnerTexts()).toEqual(originalRows);
  await app.click('Step forward');
  await expect(page.getByRole('heading', { name: 'billing-1 reads its partitions' })).toBeVisible();
  await expect(app.eventRows()).toHaveCount(4);

  // The branch survives a reload.
  await page.goto(branchUrl);
  await app.ready();
  await expect(page.getByRole('heading', { name: 'You produced a record with key "mine"' })).toBeVisible();
  await expect(app.eventRows()).toHaveCount(5);
});

test('a key with a lone surrogate is refused with a clear message', async ({ page }) => {
  const app = new PlayerPage(page);
  await app.open('#/s/pubsub-basics/1');
  await page.getByText('Change the story').click();
  await page.getByLabel('Key', { exact: true }).evaluate((el: HTMLInputElement) => {
    // Typing cannot produce a lone surrogate; set it the way a paste of broken text would.
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    setter.call(el, 'bad\ud800key');
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await expect(page.getByRole('alert')).toContainText('lone surrogate');
  await expect(page.getByRole('button', { name: 'Produce', exact: true })).toBeDisabled();
});
