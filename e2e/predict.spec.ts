import { expect, test } from '@playwright/test';
import { PlayerPage } from './app';

/** A prediction answered on the diagram: click the partition, then the step shows where it landed. */

test('predicting where a keyed record lands, by clicking the partition on the diagram', async ({ page }) => {
  const app = new PlayerPage(page);
  await app.open('#/s/ride-sharing/7');
  await app.click('Step forward');
  const targets = page.getByRole('group', { name: 'Your prediction: click it on the diagram' });
  await expect(targets.getByRole('button')).toHaveCount(3);
  await expect(page.getByText('Predict on the diagram: click the partition where you think it lands')).toBeVisible();
  // The target sits over the partition's row, inside the diagram and the viewport.
  const box = await targets.getByRole('button', { name: /rides partition 1/ }).boundingBox();
  expect(box && box.width > 40 && box.y > 0).toBe(true);

  await targets.getByRole('button', { name: /rides partition 1/ }).click();
  await app.settled();
  const question = page.getByRole('region', { name: /Which partition will it land in/ });
  await expect(question.getByRole('status')).toContainText('Partition 1: where ride 42');
  await expect(question.locator('li.right')).toContainText('(your choice)');
  await expect(targets).toHaveCount(0);

  // Then the step shows it: TripStarted at rides-1, behind the ride's earlier events.
  await app.click('Step forward');
  await expect(
    page.getByRole('gridcell', { name: /^offset 3, TripStarted, key 42, topic rides, partition 1/ }),
  ).toBeVisible();
});

test('a wrong guess on the diagram is named and explained', async ({ page }) => {
  const app = new PlayerPage(page);
  await app.open('#/s/ride-sharing/7');
  await app.click('Step forward');
  await page
    .getByRole('group', { name: 'Your prediction: click it on the diagram' })
    .getByRole('button', { name: /rides partition 0/ })
    .click();
  await app.settled();
  const question = page.getByRole('region', { name: /Which partition will it land in/ });
  await expect(question.locator('li.not-right', { hasText: 'Partition 0' })).toContainText('(your choice)');
  await expect(question.locator('.verdict')).toHaveText('Not quite.');
  await expect(question.getByRole('status')).toContainText('never balances keyed records by load');
});
