import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { PlayerPage } from './app';

/**
 * "Two regions" as a learner meets it: from the start page's learning path (Operations), step 4's prediction (which
 * offset the checkpoint task writes for billing) answered wrong first, its explanation read; step 5 shows both
 * regions side by side, the checkpoint at 1 in us.rides and the true position at 3; step 9 shows billing charging
 * rc-2 and rc-3 a second time in eu; the end shows the takeaways. Screenshots at 1440×900, 1280×720 and 800 px go to
 * the test's output.
 */

const TITLE = 'Two regions: mirroring, failover and active-active';
const LAST = 22;

test('from the learning path to a failover that re-reads, a prediction answered wrong first', async ({
  page,
}, info) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const app = new PlayerPage(page);
  await app.openFromLearningPath('Operations', TITLE);

  // Step 4: billing and ledger committed 6 in us; which offset will the checkpoint say in eu?
  await app.timeline().fill('4');
  await app.settled();
  await app.expectStep(4, LAST);
  const view = page.getByRole('region', { name: 'Two regions', exact: true });
  const eu = view.getByRole('region', { name: 'Region eu' });
  const copy = eu.getByRole('list', { name: 'us.rides in eu' });
  await expect(copy.getByRole('listitem', { name: /^offset 0: rc-1, copied from us offset 3$/ })).toBeVisible();
  const q = page.getByRole('region', { name: /checkpoint task translates each group/ });
  await q.getByRole('radio', { name: /offsets differ by 3, so 6 − 3/ }).check();
  await q.getByRole('button', { name: 'Answer', exact: true }).click();
  await expect(q.getByRole('status')).toContainText('(your choice)');
  await expect(q).toContainText('MM2 never assumes a constant shift');

  // Step 5: the checkpoint (1) and, known to the run, the true position (3) on us.rides in eu.
  await app.click('Step forward');
  await app.expectStep(5, LAST);
  await expect(copy.getByRole('listitem', { name: /^offset 1: rc-2, .*billing checkpoint/ })).toBeVisible();
  await expect(copy.getByRole('listitem', { name: /^offset 3: rc-4, .*billing true position/ })).toBeVisible();
  await expect(view.getByRole('table', { name: /Checkpoints in us\.checkpoints\.internal/ })).toContainText('billing');
  await expect(page.getByRole('region', { name: 'Effects of step 5' })).toContainText('checkpoint');
  const axe = await new AxeBuilder({ page }).include('.mirror-view').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await view.scrollIntoViewIfNeeded();
  await page.screenshot({ path: info.outputPath('two-regions-step5-1440x900.png') });

  // Step 9: us is down; billing failed over at 1 and charges rc-2 and rc-3 again.
  await app.timeline().fill('9');
  await app.settled();
  await app.expectStep(9, LAST);
  await expect(view.getByRole('region', { name: 'Region us down' })).toBeVisible();
  const services = view.getByRole('table', { name: /Services/ });
  await expect(services.getByRole('row', { name: /^billing/ })).toContainText(
    'in us: rc-1, rc-2, rc-3; in eu: rc-2 (again), rc-3 (again), rc-4, rc-5',
  );
  await page.setViewportSize({ width: 1280, height: 720 });
  await app.settled();
  await view.scrollIntoViewIfNeeded();
  await page.screenshot({ path: info.outputPath('two-regions-step9-1280x720.png') });

  // The end: the takeaways, and ride-10 completed in both regions.
  await app.timeline().fill(String(LAST));
  await app.settled();
  await app.expectStep(LAST, LAST);
  await expect(page.getByRole('heading', { name: 'Takeaways' })).toBeVisible();
  await expect(
    page.getByText(/^So consumers must be idempotent, deduplicating by an id carried in the record/),
  ).toBeVisible();
  await expect(services.getByRole('row', { name: /^trips-eu/ })).toContainText('ride-10: completed');
  await page.setViewportSize({ width: 800, height: 900 });
  await app.settled();
  await view.scrollIntoViewIfNeeded();
  await page.screenshot({ path: info.outputPath('two-regions-end-800.png') });
});
