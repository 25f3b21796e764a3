import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { PlayerPage } from './app';

const serious = (violations: { impact?: string | null; id: string; nodes: { target: unknown }[] }[]) =>
  violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);

test('the start page has no serious or critical accessibility violation', async ({ page }) => {
  const app = new PlayerPage(page);
  await app.open('#/');
  const result = await new AxeBuilder({ page }).analyze();
  expect(serious(result.violations)).toEqual([]);
});

for (const hash of ['#/s/pubsub-basics/5', '#/s/ride-sharing/5', '#/s/log-vs-queue/9']) {
  test(`a running scenario (${hash}) has no serious or critical accessibility violation`, async ({ page }) => {
    const app = new PlayerPage(page);
    await app.open(hash);
    await page.getByText('Change the story').click();
    const result = await new AxeBuilder({ page }).analyze();
    expect(serious(result.violations)).toEqual([]);
    // Moderate, yet how a screen reader finds its way: the player is the page's main landmark, nothing outside one.
    const landmarks = result.violations.filter((v) => v.id === 'landmark-one-main' || v.id === 'region');
    expect(landmarks.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`)).toEqual([]);
  });
}

test('the design editor, with forms open, has no serious or critical accessibility violation', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new PlayerPage(page);
  await app.open('#/s/ride-sharing/4');
  await app.fork();
  await app.ready();
  await page.getByText('Edit this scenario', { exact: true }).click();
  for (const section of ['Event types', 'Aggregates', 'Services', 'Script'])
    await page.getByRole('heading', { name: new RegExp(`^${section} \\(`) }).click();
  for (const item of [/^event type: RideRequested/, /^aggregate: Ride /, /^service: /, /^step: 3\./])
    await page.getByRole('group', { name: item }).first().locator('summary').first().click();
  await page
    .getByRole('group', { name: /^command: AcceptRide/ })
    .locator('summary')
    .click();
  await expect(page.getByRole('group', { name: 'Guard' })).toBeVisible();
  const result = await new AxeBuilder({ page }).include('.editor').analyze();
  expect(serious(result.violations)).toEqual([]);
});
