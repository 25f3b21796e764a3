import { expect, test } from '@playwright/test';
import { PlayerPage } from './app';

test('ride-sharing practice: answer first, then compare with the reference point by point', async ({ page }) => {
  const app = new PlayerPage(page);
  await app.open('#/s/ride-sharing/0');
  const practice = page
    .getByRole('group')
    .filter({ hasText: 'Practice: design it yourself first' })
    .or(page.locator('details.practice'));
  await expect(page.getByRole('heading', { name: 'Practice: design it yourself first' })).toBeVisible();
  const first = page.getByRole('region', { name: 'Which events are published?' });
  await first.getByRole('checkbox', { name: 'RideRequested' }).check();
  await first.getByRole('checkbox', { name: 'AcceptRide' }).check();
  await first.getByLabel('In your own words').fill('Facts in the past tense, keyed by ride id.');
  await first.getByRole('button', { name: 'Compare with the reference' }).click();
  await app.settled();
  await expect(first.getByText('✓ in both')).toBeVisible();
  await expect(first.getByText('✗ not in the reference')).toBeVisible();
  await expect(first.getByRole('heading', { name: 'Reference answer' })).toBeVisible();
  await expect(practice.first()).toContainText('1 of 3 answered');

  // The answer is part of the run: it survives a reload.
  await page.reload();
  await app.ready();
  await expect(page.getByRole('region', { name: 'Which events are published?' }).getByText('✓ in both')).toBeVisible();
});
