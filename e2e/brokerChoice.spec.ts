import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const SHOTS = '/tmp/brokerchoice-shots';

async function openFromStart(page: Page) {
  await page.goto('./#/');
  await page.waitForFunction(() => window.__eventLab?.ready === true);
  await page.getByRole('link', { name: 'Choosing a broker' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Choosing a broker' })).toBeVisible();
}

const column = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

test('Choosing a broker: Kafka, RabbitMQ and SQS step through one story together, and the table shows what the runs did', async ({
  page,
}) => {
  await openFromStart(page);
  await expect(page).toHaveURL(/#\/compare-brokers$/);
  const picker = page.getByRole('group', { name: 'Brokers to compare' });
  await expect(picker.getByRole('checkbox', { name: 'Apache Kafka' })).toBeChecked();
  await expect(picker.getByRole('checkbox', { name: 'RabbitMQ' })).toBeChecked();
  await picker.getByRole('checkbox', { name: 'Amazon SNS + SQS (standard)' }).check();
  const kafka = column(page, 'Apache Kafka');
  const rabbit = column(page, 'RabbitMQ');
  const sqs = column(page, 'Amazon SNS + SQS (standard)');
  for (const c of [kafka, rabbit, sqs]) await expect(c).toBeVisible();

  // Step 0 → 4 with Next step: every column follows.
  const slider = page.getByRole('slider', { name: 'Step' });
  await expect(page.getByRole('button', { name: 'Previous step' })).toBeDisabled();
  for (let k = 1; k <= 4; k++) await page.getByRole('button', { name: 'Next step' }).click();
  await expect(page.getByText('Step 4 / 7', { exact: true })).toBeVisible();
  await expect(slider).toHaveAttribute('aria-valuetext', 'Step 4 of 7: A poison message');
  await expect(page.getByRole('heading', { level: 2, name: 'A poison message' })).toBeVisible();

  // Kafka: retried in place (its partition waits), then published to the dead-letter topic.
  const kafkaBilling = kafka.getByRole('group', { name: 'What each service handled on Apache Kafka' });
  await expect(
    kafkaBilling.getByText('OrderPaid o-4 (unreadable payload) — failed (orders-1@4, attempt 3)'),
  ).toBeVisible();
  await expect(
    kafka.getByText(/billing-1 gave up on orders-1@4 after 3 attempts and published it to orders\.DLT-1@0/).first(),
  ).toBeVisible();
  await expect(kafka.getByRole('region', { name: 'What happened on Apache Kafka' })).toContainText(
    'records after it wait (ordering within the partition is kept)',
  );
  // RabbitMQ: nack → requeued until x-delivery-limit, then through the dead-letter exchange.
  await expect(
    rabbit
      .getByText(
        /returned more than x-delivery-limit 2 times; dead-lettered through 'orders\.dlx'.*billing\.dead-letters/,
      )
      .first(),
  ).toBeVisible();
  await expect(rabbit.getByText(/OrderShipped o-4 — handled \(billing, delivery tag \d+\)/)).toBeVisible();
  // SQS: received 3 times, then redriven to the DLQ.
  await expect(sqs.getByText(/moved to billing-dlq: received 3 times \(maxReceiveCount 3\)/).first()).toBeVisible();

  // Step 5 with the slider: the new service replays on Kafka, gets nothing on SQS.
  await slider.fill('5');
  await expect(page.getByRole('heading', { level: 2, name: 'A new service wants last week’s events' })).toBeVisible();
  const kafkaAudit = kafka.getByRole('group', { name: 'What each service handled on Apache Kafka' });
  await expect(kafkaAudit.getByRole('heading', { name: 'audit' })).toBeVisible();
  await expect(kafkaAudit.getByRole('listitem')).toHaveCount(14);
  await expect(rabbit.getByText(/OrderPlaced o-1 — handled \(orders-log, stream offset 0\)/)).toBeVisible();
  await expect(sqs.getByText('No service handled a message in this step.')).toBeVisible();
  await expect(sqs.getByRole('region', { name: /What happened on Amazon/ })).toContainText(
    'audit subscribed to orders',
  );

  // The table, computed from the runs.
  const table = page.getByRole('table', { name: 'How each broker handled the story' });
  const row = (name: string) => table.getByRole('row', { name: new RegExp(`^${name}`) });
  await expect(table.getByRole('columnheader')).toHaveText([
    'Question',
    'Apache Kafka',
    'RabbitMQ',
    'Amazon SNS + SQS (standard)',
  ]);
  const replay = row('The new service replays last week').getByRole('cell');
  await expect(replay.nth(0)).toHaveText(/^Yes: audit got 14 of the 14 earlier events/);
  await expect(replay.nth(1)).toHaveText(/^Yes: audit got 14 of the 14 earlier events, through a stream consumer/);
  await expect(replay.nth(2)).toHaveText(/^No: audit got 0 of the 14 earlier events/);
  const poison = row('The poison message').getByRole('cell');
  await expect(poison.nth(0)).toHaveText(
    'Billing got it 3 times, then it went to orders.DLT; OrderShipped o-4 waited behind it until then.',
  );
  await expect(poison.nth(1)).toHaveText(
    'Billing got it 3 times, then it went to orders.dlx → billing.dead-letters; nothing else waited for it.',
  );
  const order = row('Order per key').getByRole('cell');
  await expect(order.nth(0)).toHaveText(/^Kept/);
  await expect(order.nth(2)).toHaveText(/^Not kept: /);
  await expect(row('Operations and lock-in \\(hand-written, cited\\)').getByRole('cell').nth(0)).toContainText(
    'Source:',
  );

  // Two brokers again, then all seven profiles in a grid.
  await picker.getByRole('checkbox', { name: 'Amazon SNS + SQS (standard)' }).uncheck();
  await expect(sqs).toHaveCount(0);
  await expect(table.getByRole('columnheader')).toHaveCount(3);
  await picker.getByRole('button', { name: 'Show all brokers' }).click();
  await expect(table.getByRole('columnheader')).toHaveCount(8);
  await expect(column(page, 'Amazon SNS + SQS (FIFO)')).toBeVisible();
  await expect(column(page, 'Amazon EventBridge')).toBeVisible();
  await expect(column(page, 'NATS JetStream')).toBeVisible();
  await expect(column(page, 'Google Cloud Pub/Sub')).toBeVisible();
});

test('Choosing a broker reads at 1440×900, 1280×720 and 800 px; columns stack when narrow', async ({ page }) => {
  mkdirSync(SHOTS, { recursive: true });
  await page.goto('./#/compare-brokers');
  await expect(page.getByRole('heading', { level: 1, name: 'Choosing a broker' })).toBeVisible();
  await page.getByRole('slider', { name: 'Step' }).fill('4');
  for (const [w, h] of [
    [1440, 900],
    [1280, 720],
    [800, 900],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    const a = await column(page, 'Apache Kafka').boundingBox();
    const b = await column(page, 'RabbitMQ').boundingBox();
    if (w >= 1280) expect(b!.x).toBeGreaterThan(a!.x + a!.width - 1);
    else expect(b!.y).toBeGreaterThanOrEqual(a!.y + a!.height);
    // Nothing wider than the window: the page never scrolls sideways (the table scrolls inside its own region).
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(w);
    await page.screenshot({ path: `${SHOTS}/broker-choice-${w}x${h}.png`, fullPage: false });
    await page.getByRole('table', { name: 'How each broker handled the story' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/broker-choice-${w}x${h}-table.png`, fullPage: false });
    await page.evaluate(() => window.scrollTo(0, 0));
  }
  // All seven profiles in a grid, and no serious or critical accessibility violation on the page.
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByRole('button', { name: 'Show all brokers' }).click();
  await expect(column(page, 'Amazon EventBridge')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/broker-choice-1440x900-all.png`, fullPage: false });
  const result = await new AxeBuilder({ page }).analyze();
  expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual(
    [],
  );
});
