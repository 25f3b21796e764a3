import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { PlayerPage } from './app';

/**
 * "Event notification, state transfer and event sourcing" as a learner meets it: from the start page's learning
 * path (under Patterns), the first prediction answered wrong on the diagram (the panel names the guess and says
 * why a compacted topic still appends), then the step where shipping's callback for the notification of version 2
 * is answered with version 3: the order service's read model already holds the newer address. Screenshots of that
 * step at 1280×720 and 800 px wide go to SHOTS for a person to look at.
 */

const TITLE = 'Event notification, state transfer and event sourcing';
const SHOTS = '/tmp/event-styles-shots';

test('from the learning path to the callback that returns a newer state, a prediction answered wrong first', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const app = new PlayerPage(page);
  await page.goto('./');
  await app.ready();
  const patterns = page.getByRole('region', { name: /^\d+\. Patterns$/ });
  await patterns.getByRole('link', { name: TITLE, exact: true }).click();
  await app.ready();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();

  // Step 1: order 42 placed; the question asks where the next event for key 42 lands on the compacted topic.
  await app.click('Step forward');
  await app.expectStep(1, 15);
  await page
    .getByRole('group', { name: 'Your prediction: click it on the diagram' })
    .getByRole('button', { name: 'Offset 0 of order-state partition 0' })
    .click();
  await app.settled();
  const q = page.getByRole('region', { name: /Where will it land\?/ });
  await expect(q.locator('.verdict')).toHaveText('Not quite.');
  await expect(q.locator('.your-guess')).toContainText(
    'Your guess: Offset 0: it replaces the record with the same key',
  );
  await expect(q.locator('.your-guess')).toContainText('Kafka never overwrites a record in place');

  // Step 2 shows the answer: the change appended at order-state offset 1.
  await app.click('Step forward');
  await app.expectStep(2, 15);
  await expect(
    page.getByRole('gridcell', { name: /^offset 1, OrderAddressChanged, key 42, topic order-state/ }),
  ).toBeVisible();

  // Step 7: the callback for the notification of version 2 is answered with version 3 (Mill Lane).
  await app.timeline().fill('7');
  await app.settled();
  await app.expectStep(7, 15);
  await expect(
    page.getByRole('heading', { level: 2, name: 'The callback returns a newer state than the one announced' }),
  ).toBeVisible();
  const api = page.getByRole('table', { name: /^Read model Order service API \(what GET \/orders\/42 answers\)/ });
  const row = api.getByRole('row', { name: /^42/ });
  await expect(row).toContainText('Flat 3, 9 Mill Lane');
  await expect(row).toContainText('3');
  await expect(page.getByRole('note').filter({ hasText: 'Query answered, up to date' })).toContainText('"version":3');

  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/event-styles-step7-1280x720.png` });
  await page.setViewportSize({ width: 800, height: 900 });
  await app.settled();
  await row.scrollIntoViewIfNeeded();
  await expect(row).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/event-styles-step7-800x900.png` });
});
