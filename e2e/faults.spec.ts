import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { PlayerPage } from './app';

// The fault palette (issue 16). Each enabled fault is pressed in Publish/subscribe basics (or, for the read
// model, the ride-sharing scenario); the consequence is read from the narration (the step's effects and
// their reasons) and the tables. A fault at step j is step j+1 of its branch; the script follows.

const faults = (page: Page) => page.getByRole('region', { name: 'Faults' });

/** Presses a fault, fills its dialog with `fill`, starts the branch, and returns the branch's address without its step. */
async function inject(app: PlayerPage, name: string, fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void>) {
  const { page } = app;
  await faults(page).getByRole('button', { name, exact: true }).click();
  const dialog = page.getByRole('dialog', { name });
  await expect(dialog).toBeVisible();
  await fill(dialog);
  await dialog.getByRole('button', { name: 'Start branch' }).click();
  await expect(page).toHaveURL(/#\/r\/b-[a-z0-9-]+\/\d+$/);
  await app.ready();
  return page.url().replace(/\/\d+$/, '');
}

/** Opens the branch at a step (a fresh load: the world is recomputed from the stored inputs). */
async function openAt(app: PlayerPage, branch: string, step: number) {
  await app.page.goto(`${branch}/${step}`);
  await app.ready();
}

/**
 * The narration of the step on screen, found by its title (the region is named by its heading); a step that
 * played out otherwise than in the original is headed "In the original: <title>".
 */
const narration = (page: Page, title: string) =>
  page.getByRole('region', {
    name: new RegExp(`^(In the original: )?${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
  });

// Step titles of Publish/subscribe basics after a fault at step 4 or 5 (the script goes on one step later).
const BILLING_1_READS = 'billing-1 reads its partitions';
const BILLING_2_READS = 'billing-2 reads the rest';
const BILLING_CATCHES_UP = 'billing catches up';

const groupRow = (page: Page, member: string, partition: string) =>
  page
    .getByRole('table', { name: /consumer group/ })
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: member, exact: true }) })
    .filter({ has: page.getByRole('cell', { name: partition, exact: true }) });

const pickMember = async (dialog: ReturnType<Page['getByRole']>, group: string, member: string) => {
  await dialog.getByLabel('Group').selectOption(group);
  await dialog.getByLabel('Member').selectOption(member);
};

test.describe('Faults in Publish/subscribe basics', () => {
  test('Crash consumer before a commit: another member processes the same offsets again; a reload shows the same', async ({
    page,
  }) => {
    const app = new PlayerPage(page);
    await app.open('#/s/pubsub-basics/4');
    const branch = await inject(app, 'Crash consumer', async (d) => {
      await pickMember(d, 'billing', 'billing-1');
      await expect(d.getByLabel('In its next poll: after processing, before committing')).toBeChecked();
    });
    await expect(
      page.getByRole('heading', { name: 'You set billing-1 to crash before its next commit' }),
    ).toBeVisible();

    await openAt(app, branch, 6);
    await expect(narration(page, BILLING_1_READS)).toContainText(
      'billing-1 processed 3 records (orders-0@0, orders-1@0, orders-1@1)',
    );
    await expect(narration(page, BILLING_1_READS)).toContainText('crashed before committing');
    await expect(groupRow(page, 'billing-2', 'orders-1')).toBeVisible();

    await openAt(app, branch, 7);
    await expect(narration(page, BILLING_2_READS)).toContainText(
      'billing-2 processed 3 records AGAIN (orders-0@0, orders-1@0, orders-1@1)',
    );
    await expect(groupRow(page, 'billing-2', 'orders-1').getByRole('cell').nth(4)).toHaveText('2');

    // The original run is as it was: billing-1 reads its partitions and commits.
    await app.open('#/s/pubsub-basics/5');
    await expect(narration(page, 'billing-1 reads its partitions')).not.toContainText('crashed');
  });

  test('Pause consumer: it keeps its partitions, fetches nothing, and the lag grows', async ({ page }) => {
    const app = new PlayerPage(page);
    await app.open('#/s/pubsub-basics/5');
    const branch = await inject(app, 'Pause consumer', async (d) => {
      await pickMember(d, 'billing', 'billing-1');
      await d.getByLabel('Paused for (steps)').fill('5');
    });
    await expect(narration(page, 'You paused billing-1 for 5 steps')).toContainText('KafkaConsumer.pause');
    await expect(groupRow(page, 'billing-1', 'orders-1').getByRole('cell').last()).toHaveText('0');

    await openAt(app, branch, 11);
    await expect(narration(page, BILLING_CATCHES_UP)).toContainText(/billing-1 is paused/i);
    await expect(groupRow(page, 'billing-1', 'orders-1').getByRole('cell').last()).toHaveText('1');
    await expect(groupRow(page, 'billing-1', 'orders-0').getByRole('cell').last()).toHaveText('1');
  });

  test('Slow consumer: past max.poll.interval.ms it is removed, the group rebalances, its commit fails', async ({
    page,
  }) => {
    const app = new PlayerPage(page);
    await app.open('#/s/pubsub-basics/4');
    const branch = await inject(app, 'Slow consumer', async (d) => {
      await pickMember(d, 'billing', 'billing-1');
      await d.getByLabel('Its next batch takes (seconds)').fill('600');
      await expect(d.getByText(/Longer than max\.poll\.interval\.ms/)).toBeVisible();
    });
    await openAt(app, branch, 6);
    await expect(narration(page, BILLING_1_READS)).toContainText('longer than max.poll.interval.ms (300000 ms');
    await expect(narration(page, BILLING_1_READS)).toContainText('CommitFailedException');
    await expect(groupRow(page, 'billing-2', 'orders-0')).toBeVisible();
    await expect(page.getByRole('table', { name: /consumer group/ })).not.toContainText('billing-1');

    await openAt(app, branch, 7);
    await expect(narration(page, BILLING_2_READS)).toContainText(
      'billing-2 processed 3 records AGAIN (orders-0@0, orders-1@0, orders-1@1)',
    );
  });

  test('Poison message: every attempt fails and, without a dead-letter route, its partition is blocked for good', async ({
    page,
  }) => {
    const app = new PlayerPage(page);
    await app.open('#/s/pubsub-basics/4');
    const branch = await inject(app, 'Poison message', async (d) => {
      await d.getByLabel('Topic').selectOption('orders');
      await d.getByLabel('Key').fill('order-1');
    });
    await expect(app.eventRows()).toHaveCount(5);
    await expect(app.eventRows().nth(4)).toContainText('PoisonMessage');
    await expect(narration(page, 'You produced a poison message to orders')).toContainText(
      'billing has no dead-letter route',
    );

    await openAt(app, branch, 6);
    await expect(narration(page, BILLING_1_READS)).toContainText('failed to process orders-1@2 (attempt 1)');
    await expect(narration(page, BILLING_1_READS)).toContainText('blocked for good');
    await openAt(app, branch, 11);
    await expect(narration(page, BILLING_CATCHES_UP)).toContainText('(attempt 2)');
    await expect(groupRow(page, 'billing-1', 'orders-1').getByRole('cell').nth(4)).toHaveText('2');
  });

  test('Duplicate delivery: the commit is lost and a consumer that is not idempotent processes the batch twice', async ({
    page,
  }) => {
    const app = new PlayerPage(page);
    await app.open('#/s/pubsub-basics/4');
    const branch = await inject(app, 'Duplicate delivery', async (d) => {
      await pickMember(d, 'billing', 'billing-1');
      await expect(d.getByText('This group is not an idempotent consumer.', { exact: false })).toBeVisible();
    });
    await openAt(app, branch, 6);
    await expect(narration(page, BILLING_1_READS)).toContainText('offset commit for that batch is lost');
    await expect(narration(page, BILLING_1_READS)).toContainText('seeks orders-1 to offset 0');
    await expect(narration(page, BILLING_1_READS)).toContainText(
      'billing-1 processed 3 records AGAIN (orders-0@0, orders-1@0, orders-1@1)',
    );
  });

  test('Drop producer connection: the idempotent producer’s retry is deduplicated', async ({ page }) => {
    const app = new PlayerPage(page);
    await app.open('#/s/pubsub-basics/4');
    await inject(app, 'Drop producer connection', async (d) => {
      await d.getByLabel('Producer').selectOption('checkout');
      await expect(d.getByText('Idempotence is on for checkout.')).toBeVisible();
    });
    await expect(narration(page, "You dropped checkout's connection")).toContainText(
      /the connection between checkout and the broker drops/i,
    );
    await expect(narration(page, "You dropped checkout's connection")).toContainText(
      'so it acknowledges without appending',
    );
    await expect(app.eventRows()).toHaveCount(4);
  });

  test('faults that cannot apply stay visible, disabled, and say why', async ({ page }) => {
    const app = new PlayerPage(page);
    await app.open('#/s/pubsub-basics/0');
    const panel = faults(page);
    for (const [name, why] of [
      ['Kill broker', /^This scenario models one broker without replicas;/],
      ['Restart broker', /^This scenario models one broker without replicas;/],
      ['Slow projection', /no read model/],
      ['Drop producer connection', /No producer has sent a record yet at step 0/],
    ] as const) {
      const button = panel.getByRole('button', { name, exact: true });
      await expect(button).toBeVisible();
      await expect(button).toBeDisabled();
      await expect(button).toHaveAccessibleDescription(why);
    }
    await expect(panel.getByRole('button', { name: 'Crash consumer', exact: true })).toBeEnabled();
  });

  test('the panel and an open dialog have no serious or critical accessibility violation', async ({ page }) => {
    const app = new PlayerPage(page);
    await app.open('#/s/pubsub-basics/4');
    await faults(page).getByRole('button', { name: 'Crash consumer', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Crash consumer' });
    await expect(dialog.getByRole('group', { name: 'When it crashes' })).toBeVisible();
    const result = await new AxeBuilder({ page }).analyze();
    const serious = result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
    expect(serious).toEqual([]);
  });

  test('Cancel closes the dialog and starts nothing', async ({ page }) => {
    const app = new PlayerPage(page);
    await app.open('#/s/pubsub-basics/4');
    await faults(page).getByRole('button', { name: 'Pause consumer', exact: true }).click();
    await page.getByRole('dialog', { name: 'Pause consumer' }).getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page).toHaveURL(/#\/s\/pubsub-basics\/4$/);
  });
});

test.describe('Faults in the ride-sharing scenario', () => {
  test('Slow projection: the read model falls behind and a query answers stale', async ({ page }) => {
    const app = new PlayerPage(page);
    await app.open('#/s/ride-sharing/18');
    const branch = await inject(app, 'Slow projection', async (d) => {
      await d.getByLabel('Projection').selectOption('driver-earnings');
      await d.getByLabel('Behind by (seconds)').fill('10');
      await d.getByLabel('For (steps)').fill('5');
    });
    await expect(narration(page, 'You slowed the projection driver-earnings')).toContainText(
      'falls behind the event store',
    );
    await openAt(app, branch, 21);
    await expect(narration(page, 'driver-7 checks their earnings')).toContainText('but that is stale');
    await expect(narration(page, 'driver-7 checks their earnings')).toContainText('is slowed');
  });

  test('in a scenario with a read model, Slow projection is enabled and Kill broker still says why', async ({
    page,
  }) => {
    const app = new PlayerPage(page);
    await app.open('#/s/ride-sharing/3');
    await expect(faults(page).getByRole('button', { name: 'Kill broker' })).toHaveAccessibleDescription(
      /one broker without replicas/,
    );
    await expect(faults(page).getByRole('button', { name: 'Slow projection' })).toBeEnabled();
  });
});

test.describe('Faults in a scenario with replicated topics', () => {
  test('Kill broker: the leader crashes, a new leader is elected from the ISR, and Restart broker brings it back', async ({
    page,
  }) => {
    const app = new PlayerPage(page);
    const replicas = page.getByRole('region', { name: 'Replicas', exact: true });
    await app.open('#/s/durability/8');
    await expect(faults(page).getByRole('button', { name: 'Kill broker' })).toBeEnabled();
    await expect(faults(page).getByRole('button', { name: 'Crash consumer' })).toHaveAccessibleDescription(
      /no consumer group: its consumers fetch the replicated partitions directly/,
    );
    const branch = await inject(app, 'Kill broker', async (d) => {
      await d.getByLabel('Broker').selectOption('2');
      await expect(d.getByText('Broker 2 leads a partition', { exact: false })).toBeVisible();
    });
    await expect(page.getByRole('heading', { name: 'You killed broker 2' })).toBeVisible();
    await expect(replicas.getByRole('listitem', { name: /^broker 2 · follower · down/ })).toBeVisible();
    await expect(replicas.getByRole('listitem', { name: /^broker 3 · leader · in ISR/ })).toBeVisible();

    await openAt(app, branch, 9);
    await inject(app, 'Restart broker', async (d) => {
      await expect(d.getByLabel('Broker')).toHaveValue('1');
      await d.getByLabel('Broker').selectOption('2');
    });
    await expect(page.getByRole('heading', { name: 'You restarted broker 2' })).toBeVisible();
    await expect(replicas.getByRole('listitem', { name: /^broker 2 · follower · (in ISR|out of ISR)/ })).toBeVisible();
  });
});
