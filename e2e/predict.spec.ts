import { expect, test, type Page } from '@playwright/test';
import { PlayerPage } from './app';

/**
 * Predictions answered on the diagram, one test per kind of target: reach the question (Step forward,
 * the timeline, a link or a reload), click the target where it is drawn, and the feedback names the
 * guess and says why it was right or wrong.
 */

const targetsOnDiagram = (page: Page) => page.getByRole('group', { name: 'Your prediction: click it on the diagram' });
const questionPanel = (page: Page, prompt: RegExp) => page.getByRole('region', { name: prompt });

test('partition: where a keyed record lands, clicked on the partition', async ({ page }) => {
  const app = new PlayerPage(page);
  await app.open('#/s/ride-sharing/7');
  await app.click('Step forward');
  const targets = targetsOnDiagram(page);
  await expect(targets.getByRole('button')).toHaveCount(3);
  await expect(page.getByText('Predict on the diagram: click the partition where you think it lands')).toBeVisible();
  // The target sits over the partition's row, inside the diagram and the viewport.
  const box = await targets.getByRole('button', { name: 'rides partition 1' }).boundingBox();
  expect(box && box.width > 40 && box.y > 0).toBe(true);

  await targets.getByRole('button', { name: 'rides partition 1' }).click();
  await app.settled();
  const question = questionPanel(page, /Which partition will it land in/);
  await expect(question.getByRole('status')).toContainText(
    "Your guess: Partition 1: where ride 42's earlier events are — right.",
  );
  await expect(question.locator('li.right')).toContainText('(your choice)');
  await expect(targets).toHaveCount(0);

  // Then the step shows it: TripStarted at rides-1, behind the ride's earlier events.
  await app.click('Step forward');
  await expect(
    page.getByRole('gridcell', { name: /^offset 3, TripStarted, key 42, topic rides, partition 1/ }),
  ).toBeVisible();
});

test('partition: a wrong guess is named and explained', async ({ page }) => {
  const app = new PlayerPage(page);
  await app.open('#/s/ride-sharing/7');
  await app.click('Step forward');
  await targetsOnDiagram(page).getByRole('button', { name: 'rides partition 0' }).click();
  await app.settled();
  const question = questionPanel(page, /Which partition will it land in/);
  await expect(question.locator('li.not-right', { hasText: 'Partition 0' })).toContainText('(your choice)');
  await expect(question.locator('.verdict')).toHaveText('Not quite.');
  await expect(question.locator('.your-guess')).toContainText('Your guess: Partition 0');
  await expect(question.locator('.your-guess')).toContainText('A record with a key never goes by load');
});

test('offset: where the committed offset will be, reached by Step forward and by the timeline', async ({ page }) => {
  const app = new PlayerPage(page);
  await app.open('#/s/pubsub-basics/8');
  await app.click('Step forward');
  const targets = targetsOnDiagram(page);
  await expect(targets.getByRole('button')).toHaveCount(3);
  await expect(page.getByText('Predict on the diagram: click the offset you expect')).toBeVisible();

  // The same question reached by the timeline: its targets are there too, and they answer.
  await app.timeline().fill('2');
  await app.settled();
  await expect(targets).toHaveCount(0);
  await app.timeline().fill('9');
  await app.settled();
  await targets.getByRole('button', { name: 'Offset 3 of orders partition 1' }).click();
  await app.settled();
  const question = questionPanel(page, /Where will billing's committed offset on partition 1 be/);
  await expect(question.locator('.verdict')).toHaveText('Correct.');
  await expect(question.locator('.your-guess')).toContainText(
    'Your guess: Offset 3: the slot after OrderShipped — right.',
  );

  // The next step commits there.
  await app.click('Step forward');
  await expect(
    page
      .getByRole('table', { name: /committed offsets and lag per consumer group/ })
      .getByRole('row', { name: 'billing billing-1 orders-1 3 3 0' }),
  ).toBeVisible();
});

test('member: which member owns a partition after the rebalance, after a reload', async ({ page }) => {
  const app = new PlayerPage(page);
  await app.open('#/s/consumer-groups-rebalancing/14');
  await page.reload();
  await app.ready();
  const targets = targetsOnDiagram(page);
  await expect(targets.getByRole('button')).toHaveCount(3);
  await expect(page.getByText('Predict on the diagram: click the member you expect')).toBeVisible();
  await targets.getByRole('button', { name: 'Member ship-3 of group shipping' }).click();
  await app.settled();
  const question = questionPanel(page, /Which member will own partition 2 afterwards/);
  await expect(question.locator('.verdict')).toHaveText('Not quite.');
  await expect(question.locator('.your-guess')).toContainText('Your guess: ship-3');
  await expect(question.locator('.your-guess')).toContainText('Range ignores the previous assignment');
  // The feedback comes into view where the question is, though the click was on the diagram.
  await expect(question.locator('.your-guess')).toBeInViewport();
  await expect(question.locator('li.right')).toContainText('ship-4');
});

test('member: the right member, by keyboard', async ({ page }) => {
  const app = new PlayerPage(page);
  await app.open('#/s/consumer-groups-rebalancing/13');
  await app.click('Step forward');
  const target = targetsOnDiagram(page).getByRole('button', { name: 'Member ship-4 of group shipping' });
  await target.focus();
  await page.keyboard.press('Enter');
  await app.settled();
  const question = questionPanel(page, /Which member will own partition 2 afterwards/);
  await expect(question.locator('.your-guess')).toContainText('Your guess: ship-4: the formerly idle member — right.');
});

test('row: which read-model row the next step changes, in an event-store scenario', async ({ page }) => {
  const app = new PlayerPage(page);
  await app.open('#/s/event-sourcing/11');
  await app.click('Step forward');
  await expect(page.getByText('Predict on the diagram: pick the row you expect in the read model')).toBeVisible();
  const rowTarget = page.getByRole('button', { name: 'Row 43 of read model statements' });
  await expect(page.getByRole('button', { name: /^Row \S+ of read model statements$/ })).toHaveCount(2);
  await rowTarget.click();
  await app.settled();
  const question = questionPanel(page, /Grace withdraws 50.00 at an ATM/);
  await expect(question.locator('.verdict')).toHaveText('Correct.');
  await expect(question.locator('.your-guess')).toContainText('Your guess: Account 43');
  await expect(question.locator('.your-guess')).toBeInViewport();
  await expect(rowTarget).toHaveCount(0);

  // Then the step shows it: Grace's row, two lines more.
  await app.click('Step forward');
  await expect(page.getByRole('row', { name: /^43 .*Grace 198/ })).toBeVisible();
});

test('row: a wrong row after a link straight to the question says why', async ({ page }) => {
  const app = new PlayerPage(page);
  await app.open('#/s/cqrs-orders/9');
  await page.getByRole('button', { name: 'Row mug-blue of read model inventory' }).click();
  await app.settled();
  const question = questionPanel(page, /A second from now, which row will change/);
  await expect(question.locator('.verdict')).toHaveText('Not quite.');
  await expect(question.locator('.your-guess')).toContainText('about three seconds behind');
});
