import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { PlayerPage } from './app';

/**
 * Stream processing basics as a newcomer meets it: opened from the start page's learning path (Patterns), the
 * learner jumps to the second late request, predicts — wrongly — that a late record updates its window whenever
 * it arrives, reads why not, steps on and sees the record marked "late, dropped" on the windows' event-time axis,
 * with the counts in the figure's description. Screenshots of the windows view at 1440×900, 1280×720 and 800 px
 * go to /tmp/stream-processing-shots.
 */

const TITLE = 'Stream processing basics';
const SHOTS = '/tmp/stream-processing-shots';

test('predict the late record beyond grace, then see it dropped on the event-time axis', async ({ page }) => {
  const app = new PlayerPage(page);
  await page.goto('./');
  await app.ready();
  const patterns = page.getByRole('region', { name: /^\d+\. Patterns$/ });
  await patterns.getByRole('link', { name: TITLE, exact: true }).click();
  await app.ready();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();

  // Step 9: r-7 (10:00:58) is on the topic, not processed yet; the question asks what will happen to it.
  await app.timeline().fill('9');
  await app.settled();
  await app.expectStep(9, 23);
  const q = page.getByRole('region', { name: /what happens to r-7\?/ });
  await q.getByRole('radio', { name: /It updates \[10:00, 10:01\) whenever it arrives/ }).check();
  await q.getByRole('button', { name: 'Answer', exact: true }).click();
  const verdict = q.getByRole('status');
  await expect(verdict).toContainText('— wrong.');
  await expect(verdict).toContainText('only while stream time is within the grace period');

  // Before the step, zone-counts' figure has counted everything it saw and dropped nothing.
  const view = page.getByRole('region', { name: 'Stream processors' });
  const counts = view.getByRole('img', { name: /Requests per zone per minute/ });
  await expect(counts).toHaveAccessibleDescription(/5 counted, 0 dropped as late/);

  // Step 10: zone-counts processes r-6 and r-7; r-7 is dropped, and the axis marks it.
  await app.click('Step forward');
  await app.expectStep(10, 23);
  await expect(counts).toHaveAccessibleDescription(/7 records on the event-time axis: 6 counted, 1 dropped as late/);
  await expect(counts).toHaveAccessibleDescription(/north 10:00:00 = 3, north 10:01:00 = 2/);
  await expect(counts.getByText('late, dropped', { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Effects of step 10' })).toContainText(/late dropped/i);

  const result = await new AxeBuilder({ page }).include('.streams-view').analyze();
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
  expect(serious).toEqual([]);

  for (const [w, h] of [
    [1440, 900],
    [1280, 720],
    [800, 900],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    // The figure clipped out of the whole page: at narrow widths the sticky question panel would cover it in the viewport.
    await counts.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: `${SHOTS}/windows-${w}x${h}.png` });
    const box = await counts.locator('xpath=..').evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x + window.scrollX, y: r.y + window.scrollY, width: r.width, height: r.height };
    });
    await page.screenshot({ path: `${SHOTS}/windows-figure-${w}.png`, fullPage: true, clip: box });
  }
});

test('the join shows each offer with the driver state it was processed with, and the refused join says why', async ({
  page,
}) => {
  const app = new PlayerPage(page);
  await app.open('#/s/stream-processing/22');
  const view = page.getByRole('region', { name: 'Stream processors' });
  const joined = view.getByRole('table', { name: /Joined records: 2/ });
  await expect(joined.locator('tbody tr')).toHaveCount(2);
  await expect(joined.locator('tbody tr').first()).toContainText('status: available');
  await expect(joined.locator('tbody tr').last()).toContainText('status: on-trip');
  await expect(view.getByText(/Refused to start: ride-offers has 3 partitions and driver-ratings has 2/)).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 720 });
  await joined.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: `${SHOTS}/join-1280x720.png` });
});
