import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { PlayerPage } from './app';

/**
 * "Backpressure" as a learner meets it: from the start page's learning path (Operations), step 11's prediction
 * (what happens to the next owner of orders-2) answered wrong first, its explanation read; step 12 shows the
 * storm in the poll loop panel (packer-d's batch past its deadline, its commit failed); step 20 shows orders-0
 * paused; the end shows the takeaways. Screenshots at 1440×900, 1280×720 and 800 px go to the test's output.
 */

const TITLE = 'Backpressure: a consumer that cannot keep up';
const LAST = 25;

test('from the learning path through the rebalance storm and a paused partition, a prediction answered wrong first', async ({
  page,
}, info) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const app = new PlayerPage(page);
  await app.openFromLearningPath('Operations', TITLE);

  // Step 11: packer-c missed its poll deadline; the question asks what packer-d's first poll will do.
  await app.timeline().fill('11');
  await app.settled();
  await app.expectStep(11, LAST);
  const loop = page.getByRole('region', { name: 'Poll loop' });
  const packerC = loop.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^packer-c/ }) });
  await expect(packerC).toContainText('missed its poll deadline and left the group');
  await expect(packerC.getByRole('img', { name: /packer-c's last batch/ })).toHaveAccessibleName(
    "packer-c's last batch: 10 records × 4 s = 40 s: missed the 30 s poll deadline by 10 s; commit failed",
  );
  await page.screenshot({ path: info.outputPath('backpressure-step11-1440x900.png') });
  const q = page.getByRole('region', { name: /What happens on its first poll\?/ });
  await q.getByRole('radio', { name: /It packs them: a fresh member has a fresh 30 s/ }).check();
  await q.getByRole('button', { name: 'Answer', exact: true }).click();
  await expect(q.getByRole('status')).toContainText('(your choice)');
  await expect(q).toContainText("packer-c's commit failed, so packer-d starts where the group's commit is");

  // Step 12: the storm — packer-d gets the same batch, misses its deadline too, and orders-2 is still at 0.
  await app.click('Step forward');
  await app.expectStep(12, LAST);
  const packerD = loop.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^packer-d/ }) });
  await expect(packerD).toContainText('missed the 30 s poll deadline by 10 s; commit failed');
  await expect(page.getByRole('region', { name: 'Effects of step 12' })).toContainText('poll timeout');
  await page.setViewportSize({ width: 1280, height: 720 });
  await app.settled();
  await loop.scrollIntoViewIfNeeded();
  await page.screenshot({ path: info.outputPath('backpressure-step12-1280x720.png') });

  // Step 20: packer-a pauses orders-0 — it keeps the partition, and the panel says it is paused.
  await app.timeline().fill('20');
  await app.settled();
  await app.expectStep(20, LAST);
  const packerA = loop.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^packer-a/ }) });
  await expect(packerA).toContainText('orders-0 lag 10 paused');
  const axe = await new AxeBuilder({ page }).include('.poll-loop').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  // The end: the takeaways, and packer-a back in business on orders-0.
  await app.timeline().fill(String(LAST));
  await app.settled();
  await app.expectStep(LAST, LAST);
  await expect(page.getByRole('heading', { name: 'Takeaways' })).toBeVisible();
  await expect(
    page.getByText(/^A consumer group scales out only up to its partition count: an extra member sits idle/),
  ).toBeVisible();
  await expect(packerA).toContainText('orders-0 lag 10');
  await expect(packerA).not.toContainText('paused');
  await page.setViewportSize({ width: 800, height: 900 });
  await app.settled();
  await loop.scrollIntoViewIfNeeded();
  await page.screenshot({ path: info.outputPath('backpressure-end-800.png') });
});
