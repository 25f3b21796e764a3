import { expect, test } from '@playwright/test';
import { PlayerPage } from './app';

test('cheat sheets: one scenario’s takeaways, key figures and missed points, and one for everything studied', async ({
  page,
}) => {
  const app = new PlayerPage(page);
  await app.open('#/s/ride-sharing/0');
  const events = page.getByRole('region', { name: 'Which events are published?' });
  await events.getByRole('checkbox', { name: 'SendReceipt' }).check();
  await events.getByRole('button', { name: 'Compare with the reference' }).click();
  await app.settled();
  await page.waitForFunction(() => typeof window.__eventLab?.progressSettled === 'function');
  await page.evaluate(() => (window.__eventLab!.progressSettled as () => Promise<void>)());

  await page.goto('./#/cheat-sheet/ride-sharing');
  const sheet = page.getByRole('region', { name: 'Design a ride-sharing app (a practice question)' });
  await expect(sheet.getByRole('heading', { name: 'Takeaways' })).toBeVisible();
  await expect(sheet).toContainText('Model what happened as past-tense events');
  await expect(sheet.getByRole('heading', { name: 'Key figures' })).toBeVisible();
  await expect(sheet).toContainText('Topic “rides”: 3 partitions');
  await expect(sheet).toContainText('Topic “driver-locations”');
  const missed = sheet.locator('.sheet-missed li');
  await expect(missed).toHaveCount(1);
  await expect(missed).toContainText('Which events are published?');
  await expect(missed).toContainText('RideAccepted');
  await expect(sheet).toContainText('Questions answered: 1 (0 right, 1 wrong answers).');

  // Printed: the page's links and buttons are left off.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(sheet).toContainText('Model what happened as past-tense events');
  await page.emulateMedia({ media: 'screen' });

  await page.goto('./#/cheat-sheet');
  await expect(page.getByRole('heading', { level: 1, name: 'Cheat sheet: everything you studied' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Design a ride-sharing app (a practice question)' })).toBeVisible();
  const concepts = page.getByRole('region', { name: 'By concept' });
  await expect(concepts.getByRole('row', { name: /^event design 1 0 1$/ })).toBeVisible();
  // Only what was studied: a scenario never opened has no sheet here.
  await expect(page.getByRole('link', { name: 'Publish/subscribe basics' })).toHaveCount(0);
});
