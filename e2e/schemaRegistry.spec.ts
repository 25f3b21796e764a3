import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { PlayerPage } from './app';

/**
 * The schema-registry scenario as a learner meets it: from the start page's learning path (Patterns), the rename
 * question at step 5 is answered wrong first (its explanation says why), and step 6 shows the registry refusing the
 * rename with the rule it breaks, in the registry panel and in "What happened".
 */

const TITLE = 'Schema registry and compatibility: BACKWARD, FORWARD, FULL';

test('from the learning path to a refused rename, predicting it wrong first', async ({ page }, info) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const app = new PlayerPage(page);
  await page.goto('./');
  await app.ready();
  const patterns = page.getByRole('region', { name: /^\d+\. Patterns$/ });
  await patterns.getByRole('link', { name: TITLE, exact: true }).click();
  await app.ready();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();

  await app.timeline().fill('5');
  await app.settled();
  await app.expectStep(5, 28);
  const registry = page.getByRole('region', { name: 'Schema registry' });
  const rides = registry.getByRole('region', { name: /^rides-value/ });
  await expect(rides.getByRole('table', { name: 'Versions of rides-value' }).locator('tbody tr')).toHaveCount(2);
  const q = page.getByRole('region', { name: /Someone renames fareCents to priceCents/ });
  await q.getByRole('radio', { name: /the field keeps its type, only its name changes/ }).check();
  await q.getByRole('button', { name: 'Answer', exact: true }).click();
  await expect(q.getByRole('status')).toContainText('(your choice)');
  await expect(q).toContainText('Avro matches fields by name, not by position or type');

  await app.click('Step forward');
  await app.expectStep(6, 28);
  const refusal = rides.getByRole('group', { name: 'Last refusal in rides-value' });
  await expect(refusal).toContainText('Refused (409 incompatible): BACKWARD');
  await expect(refusal).toContainText(
    'the reader\'s field "priceCents" is not in the writer\'s schema and has no default',
  );
  await expect(rides.getByRole('table', { name: 'Versions of rides-value' }).locator('tbody tr')).toHaveCount(2);
  await expect(page.getByRole('region', { name: 'Effects of step 6' })).toContainText('refused');
  const axe = await new AxeBuilder({ page }).include('.registry-view').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await registry.scrollIntoViewIfNeeded();
  await page.screenshot({ path: info.outputPath('registry-1280x720.png') });
  await registry.screenshot({ path: info.outputPath('registry-panel-1280.png') });

  // At the end, the JSON subject: the rename shipped unchecked and the tolerant reader is stuck on it.
  await app.timeline().fill('28');
  await app.settled();
  await app.expectStep(28, 28);
  const json = registry.getByRole('region', { name: /^rides-json/ });
  await expect(json).toContainText('plain JSON, checked by nobody');
  await expect(json).toContainText('billing-json has read 1, stuck: the JSON has no "fareCents"');
  await page.setViewportSize({ width: 800, height: 900 });
  await registry.scrollIntoViewIfNeeded();
  await page.screenshot({ path: info.outputPath('registry-800.png') });
});
