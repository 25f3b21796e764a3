import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const SHOTS = '/tmp/pick-a-broker-shots';

async function openFromStart(page: Page) {
  await page.goto('./#/');
  await page.waitForFunction(() => window.__eventLab?.ready === true);
  await page.getByRole('link', { name: 'Pick the broker' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pick the broker' })).toBeVisible();
}

const choices = (page: Page) => page.getByRole('group', { name: 'Which broker would you pick for this system?' });
/** One requirement shown under "What goes wrong": its heading, the two runs side by side. */
const shown = (page: Page, requirement: string) =>
  page
    .locator('.pick-wrong')
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 4, name: requirement }) });

test('Pick the broker: a poor pick is graded poor with its reason and its run shows the failure; a best pick is graded best', async ({
  page,
}) => {
  await openFromStart(page);
  await expect(page).toHaveURL(/#\/pick-a-broker$/);
  await expect(page.getByText('System 1 of 8')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'A marketplace’s order history' })).toBeVisible();

  // Seven options, none chosen, nothing graded yet, and the best fit is not the first option.
  const radios = choices(page).getByRole('radio');
  await expect(radios).toHaveCount(7);
  for (const r of await radios.all()) await expect(r).not.toBeChecked();
  await expect(radios.first()).not.toHaveAccessibleName('Apache Kafka');
  await expect(page.getByRole('button', { name: 'Check my pick' })).toBeDisabled();
  await expect(page.getByText(/Best fit|Poor fit|Workable/)).toHaveCount(0);

  // A poor pick: SNS + SQS standard keeps no history and no order.
  await choices(page).getByRole('radio', { name: 'Amazon SNS + SQS (standard)' }).check();
  await page.getByRole('button', { name: 'Check my pick' }).click();
  const grade = page.getByRole('heading', { level: 3, name: 'Your pick, Amazon SNS + SQS (standard): Poor fit' });
  await expect(grade).toBeFocused();
  const graded = page.getByRole('region', { name: 'Your pick, Amazon SNS + SQS (standard): Poor fit' });
  await expect(
    graded.getByText(/does not meet “Replay months of history”, “Order per key, keys in parallel”/),
  ).toBeVisible();
  await expect(graded.getByText('Best fit: Apache Kafka.')).toBeVisible();
  const reasons = page.getByRole('list', { name: 'Why, requirement by requirement, for Amazon SNS + SQS (standard)' });
  await expect(
    reasons.getByRole('listitem').filter({ hasText: 'Replay months of history: Does not meet it.' }),
  ).toContainText('A message is deleted once its consumer has processed it');
  await expect(reasons.getByRole('link', { name: /fifo-message-archiving-replay\.html$/ })).toBeVisible();
  // The pick is kept: it counts in the score.
  await expect(choices(page).getByRole('radio', { name: 'Apache Kafka' })).toBeDisabled();

  // What goes wrong, from the runs: the new service got nothing on SNS + SQS, all 14 on Kafka.
  await expect(page.getByRole('heading', { level: 3, name: 'What goes wrong' })).toBeVisible();
  const replay = shown(page, 'Replay months of history');
  await expect(replay.getByText('Step “A new service wants last week’s events”')).toBeVisible();
  const sqsRun = replay.getByRole('region', { name: 'Your pick: Amazon SNS + SQS (standard)' });
  const kafkaRun = replay.getByRole('region', { name: 'Best fit: Apache Kafka' });
  await expect(sqsRun).toContainText('No: audit got 0 of the 14 earlier events');
  await expect(sqsRun.getByText('No service handled a message in this step.')).toBeVisible();
  await expect(kafkaRun).toContainText('Yes: audit got 14 of the 14 earlier events');
  await expect(
    kafkaRun.getByRole('group', { name: 'What audit handled in this step on Apache Kafka' }).getByRole('listitem'),
  ).toHaveCount(14);
  // Per-key order: the step where SQS broke it, from the run.
  const order = shown(page, 'Order per key, keys in parallel');
  await expect(order.getByRole('region', { name: 'Your pick: Amazon SNS + SQS (standard)' })).toContainText(
    'Not kept: shipping got OrderPlaced o-7 after OrderPaid o-7',
  );
  await expect(order.getByRole('region', { name: 'Best fit: Apache Kafka' })).toContainText('Kept');
  // What the story cannot show is said, not implied.
  await expect(page.getByText(/every service runs one consumer/)).toBeVisible();

  // To the comparison page and back: the answer is still there.
  await page.getByRole('link', { name: 'Step through the whole story on the comparison page' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Choosing a broker' })).toBeVisible();
  await page.goBack();
  await expect(
    page.getByRole('heading', { level: 3, name: 'Your pick, Amazon SNS + SQS (standard): Poor fit' }),
  ).toBeVisible();

  // A best pick: RabbitMQ for the job queue.
  await page.getByRole('button', { name: 'Next system' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'An image-processing job queue' })).toBeFocused();
  await expect(page.getByText('System 2 of 8')).toBeVisible();
  await choices(page).getByRole('radio', { name: 'RabbitMQ' }).check();
  await page.getByRole('button', { name: 'Check my pick' }).press('Enter');
  await expect(page.getByRole('heading', { level: 3, name: 'Your pick, RabbitMQ: Best fit' })).toBeFocused();
  await expect(
    page.getByRole('list', { name: 'Why, requirement by requirement, for RabbitMQ' }).getByRole('listitem'),
  ).toHaveCount(4);
  await expect(page.getByText('Priorities: Meets it.')).toBeVisible();
  // Its one cost, the dead-letter queue with priorities in 3.10, shown on its run of the poison step.
  const dead = shown(page, 'Set aside a job that keeps failing');
  await expect(dead.getByRole('region', { name: 'Your pick: RabbitMQ' })).toContainText(
    'Billing got it 3 times, then it went to orders.dlx → billing.dead-letters',
  );

  // The score at the end: unanswered systems keep their best fit hidden.
  for (let i = 3; i <= 8; i++) await page.getByRole('button', { name: 'Next system' }).click();
  await page.getByRole('button', { name: 'See your score' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Your score' })).toBeFocused();
  await expect(page.getByText('1 best fit, 0 workable, 1 poor, 6 not answered — out of 8 systems.')).toBeVisible();
  const table = page.getByRole('table', { name: 'Your picks' });
  await expect(table.getByRole('row', { name: /A marketplace’s order history/ })).toContainText('Poor fit');
  await expect(table.getByRole('row', { name: /Serverless sign-up on AWS/ })).toContainText('Shown once you answer');
  await table.getByRole('button', { name: 'Serverless sign-up on AWS' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Serverless sign-up on AWS' })).toBeFocused();
});

test('Pick the broker reads at 1440×900, 1280×720 and 800 px, with no serious accessibility violation', async ({
  page,
}) => {
  mkdirSync(SHOTS, { recursive: true });
  await page.goto('./#/pick-a-broker');
  await page.waitForFunction(() => window.__eventLab?.ready === true);
  await expect(page.getByRole('heading', { level: 1, name: 'Pick the broker' })).toBeVisible();
  await choices(page).getByRole('radio', { name: 'Amazon SNS + SQS (FIFO)' }).check();
  await page.screenshot({ path: `${SHOTS}/before-1280x720.png`, fullPage: false });
  await page.getByRole('button', { name: 'Check my pick' }).click();
  for (const [w, h] of [
    [1440, 900],
    [1280, 720],
    [800, 900],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(w);
    await page.screenshot({ path: `${SHOTS}/graded-${w}x${h}.png`, fullPage: true });
  }
  // A poison message on SQS FIFO: the message behind it in its group went to the dead-letter queue too.
  for (let i = 2; i <= 7; i++) await page.getByRole('button', { name: 'Next system' }).click();
  await expect(
    page.getByRole('heading', { level: 2, name: 'Customer notifications that must not get stuck' }),
  ).toBeVisible();
  await choices(page).getByRole('radio', { name: 'Amazon SNS + SQS (FIFO)' }).check();
  await page.getByRole('button', { name: 'Check my pick' }).click();
  const poison = shown(page, 'Set aside a message that keeps failing');
  await expect(poison.getByRole('region', { name: 'Your pick: Amazon SNS + SQS (FIFO)' })).toContainText(
    'OrderShipped o-4 waited behind it and went to billing-dlq.fifo too, never handled by billing',
  );
  await expect(poison.getByRole('region', { name: 'Best fit: Amazon SNS + SQS (standard)' })).toContainText(
    'nothing else waited for it',
  );
  await page.screenshot({ path: `${SHOTS}/poison-800x900.png`, fullPage: true });
  // Last, the read models: EventBridge's replay came out of order, Pub/Sub's in order.
  await page.getByRole('button', { name: 'Next system' }).click();
  await choices(page).getByRole('radio', { name: 'Amazon EventBridge' }).check();
  await page.getByRole('button', { name: 'Check my pick' }).click();
  const replay = shown(page, 'Replay last week');
  await expect(replay.getByRole('region', { name: 'Your pick: Amazon EventBridge' })).toContainText(
    'In the replay, audit got OrderPlaced o-4 after OrderPaid o-4',
  );
  await expect(replay.getByRole('region', { name: 'Best fit: Google Cloud Pub/Sub' })).toContainText(
    'In the replay, each order’s events came in the order they were published.',
  );
  await page.screenshot({ path: `${SHOTS}/replay-1280x720.png`, fullPage: true });
  await page.getByRole('button', { name: 'See your score' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Your score' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/score-800x900.png`, fullPage: true });
  const result = await new AxeBuilder({ page }).analyze();
  expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual(
    [],
  );
});
