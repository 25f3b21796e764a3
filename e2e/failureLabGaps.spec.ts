import { expect, test, type Page } from '@playwright/test';
import { PlayerPage } from './app';

// The Faults dialog says what a fault will do in the run on screen: a poison message nothing would ever fetch is not
// armed, and says why; a member's timeouts are its own (Backpressure's packers run with max.poll.interval.ms 30 s).

const faults = (page: Page) => page.getByRole('region', { name: 'Faults' });

async function openFault(page: Page, name: string) {
  await faults(page).getByRole('button', { name, exact: true }).click();
  const dialog = page.getByRole('dialog', { name });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('Ride-sharing: a poison message on a topic no group reads is refused with the reason; a read topic is offered', async ({
  page,
}) => {
  const app = new PlayerPage(page);
  await app.open('#/s/ride-sharing/6');
  const dialog = await openFault(page, 'Poison message');
  // The dialog opens on a topic a later poll reads: nothing to refuse.
  await expect(dialog.getByLabel('Topic')).toHaveValue('rides');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await dialog.getByLabel('Topic').selectOption('rider-notifications');
  await expect(dialog.getByRole('alert')).toHaveText(
    'No consumer group reads rider-notifications in this story, so a poison record there would never be fetched and fail. Choose a topic a group polls later.',
  );
  // Start branch is off, and says why (a walkthrough clicked an enabled button that did nothing).
  const start = dialog.getByRole('button', { name: 'Start branch' });
  await expect(start).toBeDisabled();
  await expect(start).toHaveAccessibleDescription(/^Start branch is off: No consumer group reads rider-notifications/);
  await dialog.getByLabel('Topic').selectOption('rides');
  await expect(start).toBeEnabled();
  await expect(page).toHaveURL(/#\/s\/ride-sharing\/6$/);
});

test('Consumer groups at step 11: a consumer fault opens on a member the story polls again; one it never polls again turns Start branch off, saying why', async ({
  page,
}) => {
  const app = new PlayerPage(page);
  await app.open('#/s/consumer-groups-rebalancing/11');
  for (const fault of ['Crash consumer', 'Duplicate delivery']) {
    const dialog = await openFault(page, fault);
    const start = dialog.getByRole('button', { name: 'Start branch' });
    await expect(dialog.getByRole('alert')).toHaveCount(0);
    await expect(start).toBeEnabled();
    await expect(dialog.getByLabel('Member')).not.toHaveValue('ship-1');
    await dialog.getByLabel('Member').selectOption('ship-1');
    await expect(dialog.getByRole('alert')).toContainText('ship-1 does not poll again in this story');
    await expect(start).toBeDisabled();
    await expect(start).toHaveAccessibleDescription(/^Start branch is off: .*ship-1 does not poll again/);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
  }
});

test('Consumer groups: a poison key that lands on a partition no later poll reads is refused; another key is armed and fails', async ({
  page,
}) => {
  const app = new PlayerPage(page);
  await app.open('#/s/consumer-groups-rebalancing/6');
  const dialog = await openFault(page, 'Poison message');
  await expect(dialog.getByLabel('Topic')).toHaveValue('orders');
  await expect(dialog.getByRole('alert')).toHaveText(
    'Sent with key poison-1, the record would land in orders-2 at offset 1, and none of the later polls in this story fetches offset 1 of orders-2, so it would never fail. Try another key (the key decides the partition) or another topic.',
  );
  await dialog.getByLabel('Key').fill('poison-3');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Start branch' }).click();
  await expect(page).toHaveURL(/#\/r\/b-[a-z0-9-]+\/\d+$/);
  await app.ready();
  // The branch's step 7 is the fault; ship-2's poll (script step 12) is step 13, where the record fails.
  await page.goto(page.url().replace(/\/\d+$/, '/13'));
  await app.ready();
  await expect(
    page.getByRole('region', { name: 'In the original: ship-2 processes, but has not committed yet', exact: true }),
  ).toContainText('ship-2 failed to process orders-1@1 (attempt 1): it is a poison record');
});

test('Backpressure: the slow-consumer hint uses the packer’s own max.poll.interval.ms (30 s), the crash hint the 45 s default', async ({
  page,
}) => {
  const app = new PlayerPage(page);
  await app.open('#/s/backpressure/9');
  const slow = await openFault(page, 'Slow consumer');
  await slow.getByLabel('Group').selectOption('packing');
  await slow.getByLabel('Member').selectOption('packer-c');
  await expect(slow.getByText(/max\.poll\.interval\.ms/)).toHaveText(
    "Longer than this member's max.poll.interval.ms (30 s): it will be removed from the group.",
  );
  await slow.getByLabel('Its next batch takes (seconds)').fill('20');
  await expect(slow.getByText(/max\.poll\.interval\.ms/)).toHaveText(
    "Within this member's max.poll.interval.ms (30 s): it stays in the group, just late.",
  );
  // packer-b is a static member: past its deadline it keeps its place until its session runs out.
  await slow.getByLabel('Member').selectOption('packer-b');
  await slow.getByLabel('Its next batch takes (seconds)').fill('60');
  await expect(slow.getByText(/max\.poll\.interval\.ms/)).toHaveText(
    "Longer than this member's max.poll.interval.ms (30 s): its commit fails, but a static member sends no LeaveGroup: it keeps its partitions, with no rebalance, as long as it polls again within session.timeout.ms (45 s by default) of that deadline.",
  );
  await slow.getByRole('button', { name: 'Cancel' }).click();

  const crash = await openFault(page, 'Crash consumer');
  await crash.getByLabel('Now, between polls').check();
  await expect(crash.getByText(/session\.timeout\.ms/)).toHaveText(
    'It stops without a word: after session.timeout.ms (45 s by default) the coordinator evicts it and the group rebalances.',
  );
});

test('Event sourcing (60 s a step): Slow projection proposes two steps of lag and says when a stored event is applied', async ({
  page,
}) => {
  const app = new PlayerPage(page);
  await app.open('#/s/event-sourcing/3');
  const dialog = await openFault(page, 'Slow projection');
  await expect(dialog.getByLabel('Behind by (seconds)')).toHaveValue('120');
  await expect(dialog).toContainText(
    'Each step here is 60 s of simulated time, so an event stored at a step is applied 2 steps later.',
  );
  await dialog.getByLabel('Behind by (seconds)').fill('10');
  await expect(dialog).toContainText('so an event stored at a step is applied at the next step.');
});
