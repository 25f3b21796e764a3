import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { PlayerPage } from './app';

/** Photographs the page at the two widths the walkthrough uses, into /tmp/switch-shots. */
async function shoot(page: Page, name: string) {
  for (const [w, h] of [
    [1440, 900],
    [800, 1000],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `/tmp/switch-shots/${name}-${w}.png`, fullPage: false });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('A built-in runs on RabbitMQ from the player: the diagram describes each step, the notes say what RabbitMQ lacks', async ({
  page,
}) => {
  const player = new PlayerPage(page);
  await player.open('#/s/pubsub-basics/4');
  await page.getByRole('link', { name: 'Run on another broker' }).click();
  await expect(page).toHaveURL(/#\/s\/pubsub-basics\/on\/rabbitmq\/4$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Publish/subscribe basics on RabbitMQ' })).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Run it on' }).getByRole('link', { name: 'RabbitMQ' }),
  ).toHaveAttribute('aria-current', 'page');

  // Step 4: the heading is what RabbitMQ did; Kafka's title, about partitions, is an aside that does not count.
  await expect(page.getByRole('heading', { level: 2, name: 'PaymentReceived order-1 is published' })).toBeVisible();
  await expect(page.getByText('On Kafka: Same key, same partition')).toBeVisible();
  await expect(page.getByRole('list').filter({ hasText: 'there are no partitions here' })).toBeVisible();
  await expect(
    page.getByText(/^6 of its 12 steps carry over to RabbitMQ with the same outcome; 6 steps run/),
  ).toBeVisible();
  await shoot(page, 'pubsub-basics-rabbitmq-s4');
  // The record is published: the fanout exchange copies it to both groups' queues.
  const diagram = page.getByRole('img', { name: 'RabbitMQ 3.10.8: diagram' });
  await expect(diagram).toHaveAccessibleDescription(/In this step: orders: 1 routed; billing: 1 in · 1 delivered;/);
  await expect(
    page.getByText('basic.publish "PaymentReceived order-1" to exchange orders with routing key order-1.'),
  ).toBeVisible();

  // Step 5: billing-1 handles what RabbitMQ pushed to it, and acknowledges it.
  await page.getByRole('button', { name: 'Next step' }).click();
  await expect(page).toHaveURL(/#\/s\/pubsub-basics\/on\/rabbitmq\/5$/);
  await expect(page.getByRole('slider', { name: 'Step' })).toHaveAttribute(
    'aria-valuetext',
    'Step 5 of 12: billing-1 handles OrderPlaced order-1, OrderPlaced order-4',
  );
  await expect(diagram).toHaveAccessibleDescription(
    /billing-1: unacked 0, prefetch 10\..*In this step: billing: 2 acked; billing-1: 2 acked\./,
  );
  await expect(page.getByText('billing-1 (billing): OrderPlaced order-1 — processed')).toBeVisible();

  // The notes panel is always there: what does not exist on RabbitMQ.
  const notes = page.getByRole('complementary', { name: 'What does not exist on RabbitMQ' });
  await expect(notes).toContainText('RabbitMQ has no consumer groups: each group becomes its own queue');
  await expect(notes).toContainText('A RabbitMQ queue has no partitions');

  // No serious accessibility problem on the page (diagram, step bar, notes).
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  // Another broker at the same step, then back to the Kafka original there.
  await page.getByRole('link', { name: 'Amazon SNS + SQS' }).click();
  await expect(page).toHaveURL(/#\/s\/pubsub-basics\/on\/sqs\/5$/);
  await expect(page.getByRole('complementary', { name: 'What does not exist on Amazon SNS + SQS' })).toContainText(
    'SQS has no consumer groups: each group becomes its own SQS queue subscribed to the SNS topic',
  );
  await page.getByRole('link', { name: 'Back to the Kafka original at step 5' }).click();
  await expect(page).toHaveURL(/#\/s\/pubsub-basics\/5$/);
  await player.ready();
  expect((await player.state()).step).toBe(5);
});

test('A scenario whose point is the event store says why switching its broker is not meaningful', async ({ page }) => {
  await page.goto('./#/s/event-sourcing/on/nats');
  await page.waitForFunction(() => window.__eventLab?.ready === true);
  await expect(page.getByText(/^Not meaningful: this scenario has no topics or queues/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next step' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Back to the Kafka original at step 0' })).toBeVisible();
});

test('NATS, delivery guarantees: ack wait passes where Kafka’s session timeout does, so step 7 gets the redelivery', async ({
  page,
}) => {
  await page.goto('./#/s/delivery-guarantees/on/nats/7');
  await page.waitForFunction(() => window.__eventLab?.ready === true);
  await expect(
    page.getByRole('heading', { level: 2, name: 'billing-1 gets OrderPlaced order-1004 again (redelivered)' }),
  ).toBeVisible();
  await expect(page.getByText('On Kafka: The redelivery charges Linus twice')).toBeVisible();
  await expect(
    page.getByText('billing-1 (billing): OrderPlaced order-1004 — processed (ORDERS seq 3, delivery 2, redelivered)'),
  ).toBeVisible();
  await shoot(page, 'delivery-guarantees-nats-s7');
  // Step 13: the poison message is the scenario's service, not NATS: the heading says what NATS did.
  await page.goto('./#/s/delivery-guarantees/on/nats/13');
  await expect(
    page.getByRole('heading', { level: 2, name: /^fulfilment-1 handles OrderPlaced order-1001/ }),
  ).toBeVisible();
  await expect(page.getByText('On Kafka: Fulfilment fails on the poison message')).toBeVisible();
  await expect(page.getByText(/^On Kafka the consumer’s processing fails/)).toBeVisible();
});
