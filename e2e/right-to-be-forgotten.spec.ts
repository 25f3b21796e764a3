import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { PlayerPage } from './app';

/**
 * "The right to be forgotten" as a learner meets it: from the start page's learning path (Patterns), step 2's
 * question (why a key per rider) answered wrong first, its explanation read; step 13 shows crypto-shredding in the
 * personal-data panel (Maya's key deleted, her copies 🔒 shredded, the fare still readable, Bo's name still
 * decrypted); the end shows the takeaways and the backup's plaintext profile that nothing reached. Screenshots at
 * 1440×900, 1280×720 and 800 px go to the test's output.
 */

const TITLE = 'The right to be forgotten';
const LAST = 18;

test('from the learning path to the shredded key and the backup nothing reached, a question answered wrong first', async ({
  page,
}, info) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const app = new PlayerPage(page);
  await app.openFromLearningPath('Patterns', TITLE);

  // Step 2: Bo gets a key of his own; the question asks why not one key for everyone.
  await app.timeline().fill('2');
  await app.settled();
  await app.expectStep(2, LAST);
  const panel = page.getByRole('region', { name: 'Personal data and the key store' });
  const keys = panel.getByRole('table', { name: /^Key store/ });
  await expect(keys.getByRole('row', { name: /rider-7\/k1 rider-7 active/ })).toBeVisible();
  const q = page.getByRole('region', { name: /Why does the key store give every rider a key of their own/ });
  await q.getByRole('radio', { name: /One key would do: delete it when a rider asks to be erased/ }).check();
  await q.getByRole('button', { name: 'Answer', exact: true }).click();
  await expect(q.getByRole('status')).toContainText('(your choice)');
  await expect(q).toContainText("Deleting a shared key makes every rider's fields unreadable, Bo's too");

  // Step 13: Maya's key is deleted — every sealed copy of her fields reads as shredded, the fare does not.
  await app.timeline().fill('13');
  await app.settled();
  await app.expectStep(13, LAST);
  await expect(keys.getByRole('row', { name: /rider-42\/k1 rider-42 🔒 deleted/ })).toBeVisible();
  const maya = panel.getByRole('table', { name: /^Copies of rider-42’s personal fields/ });
  const receipt = maya.getByRole('row', { name: /^ride-receipts row ride-7002/ });
  await expect(receipt.getByLabel('name: shredded')).toBeVisible();
  await expect(receipt).toContainText('fare: 18.5');
  const bo = panel.getByRole('table', { name: /^Copies of rider-7’s personal fields/ });
  await expect(
    bo.getByRole('row', { name: /^stream ride-7001 @0/ }).getByLabel('name: Bo Chen, decrypted'),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: 'Effects of step 13' })).toContainText('key deleted');
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: info.outputPath('rtbf-step13-1440x900.png'), fullPage: false });
  // The inspector shows Maya's stored RiderRegistered as written (ciphertext) and as read through the key store now.
  const inspect = page.getByRole('button', { name: /^Inspect event 1,/ });
  await inspect.scrollIntoViewIfNeeded();
  await inspect.click();
  const drawer = page.getByRole('dialog', { name: 'Inspector' });
  await expect(drawer.getByLabel('Event data, JSON')).toContainText('enc:rider-42/k1:');
  await expect(drawer.getByLabel('Encrypted fields, read through the key store')).toHaveText(
    'Read through the key store: name: 🔒 shredded · phone: 🔒 shredded',
  );
  await drawer.getByRole('button', { name: 'Close the inspector' }).click();
  const axe = await new AxeBuilder({ page }).include('.privacy-view').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  // The end: the takeaways, and the backup's copy of the plaintext profile, still readable.
  await app.timeline().fill(String(LAST));
  await app.settled();
  await app.expectStep(LAST, LAST);
  await expect(page.getByRole('heading', { name: 'Takeaways' })).toBeVisible();
  await expect(page.getByText(/^Crypto-shredding: encrypt each person's personal fields/)).toBeVisible();
  const plain = maya.getByRole('row', { name: /^backup nightly-1 · rider-profiles-0 @0/ });
  await expect(plain.getByLabel('name: Maya Patel, plaintext')).toBeVisible();
  await expect(maya.getByRole('row', { name: /^rider-profiles-0 @0/ })).toHaveCount(0);
  await page.setViewportSize({ width: 1280, height: 720 });
  await app.settled();
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: info.outputPath('rtbf-end-1280x720.png') });
  await page.setViewportSize({ width: 800, height: 900 });
  await app.settled();
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: info.outputPath('rtbf-end-800.png') });
});
