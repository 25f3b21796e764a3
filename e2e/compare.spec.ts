import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { PlayerPage } from './app';

const COMPARE = 'Compare with the ride-sharing reference';

test('a fork of ride-sharing compared with the reference matches on every point', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new PlayerPage(page);
  await app.open('#/s/ride-sharing/0');
  // Not offered on a built-in: only a learner's own scenario is compared.
  await expect(page.getByRole('button', { name: COMPARE })).toHaveCount(0);
  const { lastStep } = await app.state();
  await page.goto(`./#/s/ride-sharing/${lastStep}`);
  await app.ready();
  await app.fork();
  await app.ready();
  await expect(page.getByRole('heading', { level: 1, name: /\(my fork\)/ })).toBeVisible();

  await page.getByRole('button', { name: COMPARE }).click();
  const panel = page.getByRole('region', { name: 'Compare your design' });
  await expect(panel.getByRole('status')).toHaveText(/^(\d+) points: \1 matches\.$/);
  for (const topic of ['Events', 'Keys and partitions', 'Consumers', 'The race: two drivers accept the same ride']) {
    await expect(panel.getByRole('heading', { level: 3, name: topic })).toBeVisible();
  }
  const points = panel.locator('.compare-point');
  expect(await points.count()).toBeGreaterThan(20);
  await expect(panel.locator('.compare-status', { hasText: /Missing|Partly|Different/ })).toHaveCount(0);
  await expect(
    panel
      .getByText('AcceptRide is decided by the Ride aggregate, which accepts it only while offered', { exact: false })
      .first(),
  ).toBeVisible();

  // An unsaved edit in the design editor is compared too: rename an event type, and that point no longer matches.
  await page.getByText('Edit this scenario', { exact: true }).click();
  await page.getByRole('heading', { name: /^Event types \(/ }).click();
  const tripRated = page.getByRole('group', { name: /^event type: TripRated/ });
  await tripRated.locator('summary').click();
  await tripRated.getByLabel('Name', { exact: true }).fill('DriverScored');
  await page
    .getByRole('group', { name: /^event type: DriverScored/ })
    .getByLabel('Schema version')
    .focus();
  await page.getByRole('button', { name: 'Rename them to “DriverScored”' }).click();
  await expect(page.getByText('Valid scenario.')).toBeVisible({ timeout: 30_000 });
  await expect(panel.getByRole('status')).toContainText('The scenario changed since: compare again.', {
    timeout: 30_000,
  });
  await panel.getByRole('button', { name: COMPARE }).click();
  await expect(panel.getByRole('status')).not.toHaveText(/^(\d+) points: \1 matches\.$/);
});

test('a learner design with gaps: statuses in words, and its text rendered as text', async ({ page }) => {
  test.setTimeout(120_000);
  const doc = JSON.parse(readFileSync('src/scenarios/content/ride-sharing.json', 'utf8'));
  const payload = '<img src=x onerror="window.__xss=1"><b>Notify</b>';
  doc.id = 'my-ride-design';
  doc.title = 'My ride design';
  delete doc.order;
  doc.topology.groups.find((g: { id: string }) => g.id === 'notifications').label = payload;
  doc.topology.aggregates[0].commands.find((c: { command: string }) => c.command === 'AcceptRide').when = [
    'offered',
    'accepted',
  ];
  const app = new PlayerPage(page);
  await app.open('#/');
  const mine = page.getByRole('region', { name: 'My scenarios' });
  await mine
    .getByLabel('Scenario file to import')
    .setInputFiles({ name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  await mine.getByRole('link', { name: 'My ride design' }).click();
  await app.ready();

  await page.getByRole('button', { name: COMPARE }).click();
  const panel = page.getByRole('region', { name: 'Compare your design' });
  await expect(panel.getByRole('status')).toContainText('1 missing');
  const race = panel.locator('.compare-point', { hasText: 'What refuses the second AcceptRide' });
  await expect(race.locator('.compare-status')).toHaveText('Missing');
  await expect(race).toContainText('still accepted after RideAccepted');
  // The learner's label shows literally: no element made of it, no script run.
  await expect(panel.getByText(payload, { exact: false }).first()).toBeVisible();
  await expect(panel.locator('img, b')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

  await panel.getByLabel('Only what differs').check();
  await expect(panel.locator('.compare-point')).toHaveCount(1);
});

test('a fork of a scenario that is not the practice offers no comparison with the ride-sharing reference', async ({
  page,
}) => {
  const app = new PlayerPage(page);
  await app.open('#/s/pubsub-basics/3');
  await app.fork();
  await expect(page).toHaveURL(/#\/s\/pubsub-basics-fork-1\/3$/);
  await app.ready();
  await expect(page.getByRole('heading', { level: 1, name: /\(my fork\)/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Compare your design' })).toHaveCount(0);
});
