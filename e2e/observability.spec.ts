import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { PlayerPage } from './app';

/**
 * "Observability: traces and alerts" as a learner meets it: from the start page's learning path (under
 * Operations), the first prediction answered wrong ("the broker adds trace context"), explained; the trace of
 * order-1 growing to three spans; order-2's waterfall after its dead letter (the send, payments' branch, three
 * failed attempts, the dead-letter send) with the dead-letter and error-rate alerts firing; and at the end the
 * takeaways and payments' lag trend firing while its lag threshold does not. Screenshots at 1440×900, 1280×720
 * and 800 px go to the test's output.
 */

const TITLE = 'Observability: traces and alerts';
const LAST = 21;

test('from the learning path to the waterfall and the alert that fires, a prediction answered wrong first', async ({
  page,
}, info) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const app = new PlayerPage(page);
  await app.openFromLearningPath('Operations', TITLE);

  // Step 1: the question asks what PaymentCaptured's traceparent will hold; the broker answer is wrong.
  await app.click('Step forward');
  await app.expectStep(1, LAST);
  const q = page.getByRole('region', { name: /What will PaymentCaptured's traceparent hold\?/ });
  await q.getByRole('radio', { name: /the broker adds trace context when it appends the record/ }).check();
  await q.getByRole('button', { name: 'Answer', exact: true }).click();
  await expect(q.getByRole('status')).toContainText('(your choice)');
  await expect(q).toContainText("Kafka's broker creates no spans and writes no headers");
  const view = page.getByRole('region', { name: 'Traces and alerts' });
  await expect(view.getByRole('table', { name: /^Trace [0-9a-f]{32}: 1 span over 1 s\.$/ })).toBeVisible();
  await expect(view).toContainText(/traceparent 00-[0-9a-f]{32}-[0-9a-f]{16}-01/);

  // Step 2: payments continues the trace: its process span and the send it makes in turn.
  await app.click('Step forward');
  await app.expectStep(2, LAST);
  const order1 = view.getByRole('table', { name: /^Trace [0-9a-f]{32}: 3 spans/ });
  await expect(order1.getByRole('row', { name: /payments-svc · send payments/ })).toBeVisible();
  await expect(order1.getByRole('row', { name: /payments-svc · process orders/ })).toContainText(
    'waited 1 s in orders-0 before processing',
  );
  await view.screenshot({ path: info.outputPath('observability-step2-view-1280.png') });

  // Step 10: order-2's waterfall after the dead letter, and the alerts that fire for emails.
  await app.timeline().fill('10');
  await app.settled();
  await app.expectStep(10, LAST);
  const order2 = view.getByRole('table', { name: /^Trace [0-9a-f]{32}: 7 spans over 4 s, 3 with status ERROR\.$/ });
  await expect(order2.getByRole('row', { name: /emails-svc · process orders/ })).toHaveCount(3);
  await expect(order2.getByRole('row', { name: /emails-svc · send orders\.DLT/ })).toContainText(
    'dead-lettered to orders.DLT',
  );
  const alerts = view.getByRole('table', { name: /^Alerts computed from this run/ });
  await expect(alerts.getByRole('row', { name: /^emails Dead letters/ })).toContainText('FIRING');
  await expect(alerts.getByRole('row', { name: /^emails Lag above threshold/ })).toContainText('OK');
  const axe = await new AxeBuilder({ page }).include('.tracing-view').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await order2.scrollIntoViewIfNeeded();
  await page.screenshot({ path: info.outputPath('observability-step10-1280x720.png') });
  await order2.screenshot({ path: info.outputPath('observability-waterfall-1280.png') });
  await page.setViewportSize({ width: 1440, height: 900 });
  await app.settled();
  await view.scrollIntoViewIfNeeded();
  await page.screenshot({ path: info.outputPath('observability-step10-1440x900.png') });

  // The end: the takeaways; payments' lag trend fires while its lag threshold does not.
  await app.timeline().fill(String(LAST));
  await app.settled();
  await app.expectStep(LAST, LAST);
  await expect(page.getByRole('heading', { name: 'Takeaways' })).toBeVisible();
  await expect(page.getByText(/^Alert on lag's direction, not its size alone/)).toBeVisible();
  await expect(alerts.getByRole('row', { name: /^payments Lag trend \(Burrow\)/ })).toContainText('FIRING');
  await expect(alerts.getByRole('row', { name: /^payments Lag above threshold/ })).toContainText('OK');
  await page.setViewportSize({ width: 800, height: 900 });
  await app.settled();
  await alerts.scrollIntoViewIfNeeded();
  await page.screenshot({ path: info.outputPath('observability-end-800.png') });
});
