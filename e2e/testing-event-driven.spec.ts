import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { PlayerPage } from './app';

/**
 * "Testing event-driven systems" as a learner meets it: from the start page's learning path (Design practice), the
 * Specs panel beside the run; step 6's prediction (which spec a producer's rename fails) answered wrong first, its
 * explanation read; step 7 shows the contract failing in the panel with its reason while the producer's own spec
 * passes; the end shows the takeaways and every spec passing again. Screenshots at 1440×900, 1280×720 and 800 px go
 * to the test's output.
 */

const TITLE = 'Testing event-driven systems';
const LAST = 11;

test('from the learning path to a rename caught by the contract spec, a prediction answered wrong first', async ({
  page,
}, info) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const app = new PlayerPage(page);
  await app.openFromLearningPath('Design practice', TITLE);

  const panel = page.getByRole('region', { name: 'Specs', exact: true });
  const spec = (title: string) =>
    panel.getByRole('listitem').filter({ has: page.getByRole('heading', { name: new RegExp(`^${title}`) }) });
  await expect(panel).toContainText('Run against the deployed design.');
  await expect(panel).toContainText('6 of 6 pass.');

  // Step 6: the redelivery was skipped; the question asks which spec the proposed rename fails.
  await app.timeline().fill('6');
  await app.settled();
  await app.expectStep(6, LAST);
  await expect(spec('A redelivered OrderPaid awards points once')).toContainText(
    'This step’s check expects it to pass: it does.',
  );
  const q = page.getByRole('region', { name: /Which spec fails\?/ });
  await q.getByRole('radio', { name: /^pay-order: the decider now emits amount/ }).check();
  await q.getByRole('button', { name: 'Answer', exact: true }).click();
  await expect(q.getByRole('status')).toContainText('(your choice)');
  await expect(q).toContainText("A producer's own tests cannot know what others read.");

  // Step 7: the rename is proposed — the contract fails with its reason, the producer's own spec passes.
  await app.click('Step forward');
  await app.expectStep(7, LAST);
  await expect(panel).toContainText('Run against a proposed change: the producer renames OrderPaid.total to amount.');
  const contract = spec("Loyalty's contract for OrderPaid");
  await expect(contract.getByRole('heading')).toContainText('fails');
  await expect(contract.getByRole('heading')).toContainText('now fails');
  await expect(contract).toContainText(
    'Fails: OrderPaid has no field total (its fields: orderId, customerId, amount): loyalty reads it',
  );
  await expect(spec('Paying a placed order records OrderPaid')).toContainText(
    'OrderPaid { orderId: "o-1", customerId: "c-7", amount: 30 }',
  );
  await expect(spec('Paying a placed order records OrderPaid').getByRole('heading')).toContainText('passes');
  await expect(panel).toContainText('5 of 6 pass.');
  await contract.scrollIntoViewIfNeeded();
  await page.screenshot({ path: info.outputPath('testing-step7-1440x900.png') });
  const axe = await new AxeBuilder({ page }).include('.specs-view').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 720 });
  await app.settled();
  await contract.scrollIntoViewIfNeeded();
  await page.screenshot({ path: info.outputPath('testing-step7-1280x720.png') });

  // Step 9: the dedupe dropped — the idempotency spec fails with both outcomes.
  await app.timeline().fill('9');
  await app.settled();
  await app.expectStep(9, LAST);
  await expect(spec('A redelivered OrderPaid awards points once')).toContainText(
    'Fails: delivered 2 times it stored PointsAwarded',
  );

  // The end: the takeaways, every spec passing against the deployed design.
  await app.timeline().fill(String(LAST));
  await app.settled();
  await app.expectStep(LAST, LAST);
  await expect(page.getByRole('heading', { name: 'Takeaways' })).toBeVisible();
  await expect(page.getByText(/^A producer's own tests cannot see what consumers read/)).toBeVisible();
  await expect(panel).toContainText('6 of 6 pass.');
  await page.setViewportSize({ width: 800, height: 900 });
  await app.settled();
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: info.outputPath('testing-end-800.png') });
});
