import { test } from '@playwright/test';

const shots: { name: string; hash: string; width: number; height: number }[] = [
  // The start page at the bare address, as the README tells a newcomer to open it.
  { name: 'picker', hash: '', width: 1280, height: 720 },
  { name: 'embed-pubsub-step-4', hash: '#/embed/s/pubsub-basics/4', width: 960, height: 640 },
  { name: 'pubsub-step-4', hash: '#/s/pubsub-basics/4', width: 1440, height: 900 },
  { name: 'pubsub-step-5', hash: '#/s/pubsub-basics/5', width: 1440, height: 900 },
  { name: 'pubsub-step-11', hash: '#/s/pubsub-basics/11', width: 1280, height: 720 },
  { name: 'ride-sharing-step-5', hash: '#/s/ride-sharing/5', width: 1440, height: 900 },
  { name: 'cqrs-orders-step-6', hash: '#/s/cqrs-orders/6', width: 1440, height: 900 },
  { name: 'event-sourcing-step-8', hash: '#/s/event-sourcing/8', width: 1280, height: 720 },
  { name: 'log-vs-queue-step-9', hash: '#/s/log-vs-queue/9', width: 1440, height: 900 },
  { name: 'delivery-step-12', hash: '#/s/delivery-guarantees/12', width: 1440, height: 900 },
  { name: 'partitions-step-14', hash: '#/s/partitions-keys-ordering/14', width: 1440, height: 900 },
  // The replicas view at the acks=1 loss, and the aborted transaction as the two isolation levels see it.
  { name: 'durability-step-2', hash: '#/s/durability/2', width: 1440, height: 900 },
  { name: 'durability-step-12-narrow', hash: '#/s/durability/12', width: 800, height: 900 },
  { name: 'exactly-once-step-17', hash: '#/s/exactly-once/17', width: 1440, height: 900 },
  { name: 'exactly-once-step-18', hash: '#/s/exactly-once/18', width: 1280, height: 720 },
  { name: 'compare-brokers', hash: '#/compare-brokers', width: 1440, height: 900 },
  { name: 'pick-a-broker', hash: '#/pick-a-broker', width: 1280, height: 720 },
  // The learning path on the start page, wide and narrow; the saga view at a compensation and after a restart.
  { name: 'picker-wide', hash: '', width: 1440, height: 900 },
  { name: 'picker-narrow', hash: '', width: 800, height: 900 },
  { name: 'sagas-step-8', hash: '#/s/sagas/8', width: 1440, height: 900 },
  { name: 'sagas-step-18', hash: '#/s/sagas/18', width: 1280, height: 720 },
  { name: 'sagas-step-13-narrow', hash: '#/s/sagas/13', width: 800, height: 900 },
];

for (const s of shots) {
  test(`screenshot ${s.name}`, async ({ page }) => {
    await page.setViewportSize({ width: s.width, height: s.height });
    await page.goto(`./${s.hash}`);
    await page.waitForFunction(() => window.__eventLab?.ready === true);
    await page.evaluate(() => window.__eventLab!.settled());
    await page.screenshot({ path: `docs/screenshots/${s.name}.png`, fullPage: true });
  });
}

test('screenshot design-editor', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('./#/s/ride-sharing/10');
  await page.waitForFunction(() => window.__eventLab?.ready === true);
  await page.getByRole('button', { name: /^Fork up to step \d+$/ }).click();
  await page.waitForURL(/ride-sharing-fork-1/);
  await page.waitForFunction(() => window.__eventLab?.ready === true && window.__eventLab.state() !== null);
  await page.getByText('Edit this scenario', { exact: true }).click();
  await page.getByRole('heading', { name: /^Aggregates \(/ }).click();
  await page
    .getByRole('group', { name: /^aggregate: Ride / })
    .locator('summary')
    .first()
    .click();
  await page
    .getByRole('group', { name: /^command: AcceptRide/ })
    .locator('summary')
    .click();
  await page.getByRole('heading', { name: /^Event types \(/ }).click();
  await page.getByRole('button', { name: 'Add event type' }).click();
  await page
    .getByRole('group', { name: /^event type: / })
    .last()
    .getByLabel('Name', { exact: true })
    .fill('AddTip');
  await page.getByRole('button', { name: 'Compare with the ride-sharing reference' }).click();
  await page.waitForTimeout(1000);
  await page.locator('.editor').screenshot({ path: 'docs/screenshots/design-editor.png' });
  await page.locator('.design-compare').screenshot({ path: 'docs/screenshots/design-compare.png' });
});
