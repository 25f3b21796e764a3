import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const SHOTS = '/tmp/mock-interview-shots';
/** A fixed start for the page's clock: the timer and the what-ifs' seed follow it, nothing waits for real time. */
const START = new Date('2026-12-05T09:00:00Z');

/** The right answer of each what-if the interviewer may draw (two are drawn for 20 minutes). */
const RIGHT_WHAT_IFS = [
  /^The Ride aggregate decides the late accept/,
  /^The retry carries the ride id as the idempotency key/,
  /^Add members to each consumer group/,
  /^Stop the group, reset its offsets/,
];

async function start(page: Page, shot?: string) {
  await page.clock.install({ time: START });
  await page.goto('./#/');
  await page.waitForFunction(() => window.__eventLab?.ready === true);
  await page.getByRole('link', { name: 'Mock interview' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mock interview' })).toBeVisible();
  // From here the page's time moves only when the test says so (after the lazy page has loaded: React's
  // Suspense waits on a timer).
  await page.clock.pauseAt(START.getTime() + 60_000);
  // Four prompts, each with its own reference design.
  for (const p of [/^Ride-sharing/, /^Food delivery/, /^Payments wallet/, /^Notification system/])
    await expect(page.getByRole('radio', { name: p })).toBeVisible();
  if (shot) await page.screenshot({ path: shot, fullPage: true });
  await page.getByRole('radio', { name: /^Ride-sharing/ }).check();
  await page.getByRole('radio', { name: /^20 minutes/ }).check();
  await page.getByRole('button', { name: 'Start the interview' }).click();
}

const stage = (page: Page, n: number, title: string) =>
  expect(page.getByRole('heading', { level: 2, name: `Stage ${n} of 5: ${title}` })).toBeFocused();
const next = (page: Page) => page.getByRole('button', { name: /^(Next stage|Finish and see the scorecard)$/ }).click();
const group = (page: Page, name: string | RegExp) => page.getByRole('group', { name });

async function clarify(page: Page) {
  await stage(page, 1, 'Clarify the requirements');
  const timer = page.getByRole('timer', { name: 'Time' });
  await expect(timer).toContainText('This stage: 0:00 of 2:00');
  await page.clock.runFor(65_000);
  await expect(timer).toContainText('This stage: 1:05 of 2:00');
  await expect(page.getByRole('button', { name: 'Next stage' })).toBeDisabled();
  for (const q of ['Can two drivers end up with the same ride?', 'What happens when a card is declined?'])
    await page.getByRole('checkbox', { name: q }).check();
  await next(page);
}

async function whatIfs(page: Page) {
  await stage(page, 5, 'What if…');
  const groups = page.locator('fieldset.interview-question');
  await expect(groups).toHaveCount(2);
  for (const g of await groups.all())
    for (const right of RIGHT_WHAT_IFS) {
      const radio = g.getByRole('radio', { name: right });
      if ((await radio.count()) > 0) await radio.check();
    }
  await page.clock.runFor(30_000);
  await next(page);
}

const rubricRow = (page: Page, point: string) =>
  page.getByRole('table').getByRole('row', { name: new RegExp(`^${point}`) });
const run = (page: Page, title: string) => page.getByRole('listitem', { name: `Run: ${title}` }).first();

test('a mock interview answered with the reference design scores full marks', async ({ page }) => {
  await start(page);
  await clarify(page);
  await stage(page, 2, 'Name the events');
  await page.getByRole('radio', { name: 'RideAccepted' }).check();
  await page.getByRole('radio', { name: 'PaymentCaptured' }).check();
  await page.getByRole('radio', { name: 'PaymentFailed' }).check();
  await next(page);
  await stage(page, 3, 'Topics, keys and publishing');
  await page.getByRole('radio', { name: 'By ride id' }).check();
  await page.getByRole('radio', { name: 'By driver id' }).check();
  await page.getByRole('radio', { name: /^The Payment aggregate stores it/ }).check();
  await group(page, /^Which broker carries these events\?/)
    .getByRole('radio', { name: 'Apache Kafka' })
    .check();
  await next(page);
  await stage(page, 4, 'Consumers and read models');
  await page.getByRole('radio', { name: /^The Ride aggregate: both are decided on the same revision/ }).check();
  await page.getByRole('radio', { name: /^Skips it: the group deduplicates/ }).check();
  await page.getByRole('radio', { name: /^Record PaymentFailed, show it to the rider/ }).check();
  await page.getByRole('checkbox', { name: /^Trip status \(rider app\)/ }).check();
  await page.getByRole('checkbox', { name: /^Driver earnings \(driver app\)/ }).check();
  await next(page);
  await whatIfs(page);

  await expect(page.getByRole('heading', { level: 2, name: 'Scorecard: 12 of 12 points' })).toBeFocused();
  for (const point of [
    'Events are past-tense facts',
    'The race is decided by an expected revision',
    'Publishing through an outbox',
    'The broker meets the requirements',
  ])
    await expect(rubricRow(page, point)).toContainText('✓ pass');
  await expect(page.getByText('✗ fail')).toHaveCount(0);
  await expect(run(page, 'Two drivers accept ride 42 at the same instant')).toContainText(
    'Driver assigned once: one RideAccepted for rideId 42.',
  );
  await expect(page.getByText('Every point passed.')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: /^Clarify the requirements: 1 min 5 s$/ })).toBeVisible();
});

test('a poor design (present-tense events, no keys, a payments consumer that charges every delivery) fails exactly those points, with its failing runs openable', async ({
  page,
}) => {
  await start(page);
  await clarify(page);
  await stage(page, 2, 'Name the events');
  const accepted = group(page, 'Name the event recorded when a driver takes the ride.');
  await accepted.getByRole('radio', { name: 'My own name:' }).check();
  await accepted.getByRole('textbox').fill('driver accepts');
  await expect(accepted.getByText('Use one word in PascalCase')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next stage' })).toBeDisabled();
  await accepted.getByRole('textbox').fill('DriverAcceptsRide');
  await page.getByRole('radio', { name: 'PaymentSucceeds' }).check();
  await page.getByRole('radio', { name: 'PaymentFailed' }).check();
  await next(page);
  await stage(page, 3, 'Topics, keys and publishing');
  await page.getByRole('radio', { name: /^No key: spread them/ }).check();
  await page.getByRole('radio', { name: 'By driver id' }).check();
  await page.getByRole('radio', { name: /^The Payment aggregate stores it/ }).check();
  await page.getByRole('radio', { name: 'Amazon EventBridge' }).check();
  await next(page);
  await stage(page, 4, 'Consumers and read models');
  await page.getByRole('radio', { name: /^The Ride aggregate: both are decided on the same revision/ }).check();
  await page.getByRole('radio', { name: /^Charges it: every delivery is a new charge/ }).check();
  await page.getByRole('radio', { name: /^Record PaymentFailed, show it to the rider/ }).check();
  await page.getByRole('checkbox', { name: /^Trip status \(rider app\)/ }).check();
  await page.getByRole('checkbox', { name: /^Driver earnings \(driver app\)/ }).check();
  await next(page);
  await whatIfs(page);

  await expect(page.getByRole('heading', { level: 2, name: 'Scorecard: 6 of 12 points' })).toBeFocused();
  await expect(rubricRow(page, 'Events are past-tense facts')).toContainText(
    '✗ failDriverAcceptsRide and PaymentSucceeds are not in the past tense',
  );
  await expect(rubricRow(page, "Each entity's events keyed by its id")).toContainText(
    '✗ failThe relay publishes RideRequested, RideOffered, DriverAcceptsRide and 7 more to rides without the rideId as key',
  );
  await expect(rubricRow(page, 'Consumers with side effects are idempotent')).toContainText(
    '✗ failGroup payments does not deduplicate by event id',
  );
  // The broker pick, graded by the verdict table of Pick the broker: the requirement it fails and why.
  const broker = rubricRow(page, 'The broker meets the requirements');
  await expect(broker).toContainText('✗ failAmazon EventBridge does not meet “Order per key, keys in parallel”.');
  await expect(broker.getByRole('link', { name: /^Pick the broker/ })).toHaveAttribute('href', '#/pick-a-broker');
  for (const point of [
    'The race is decided by an expected revision',
    'Payment failure is handled',
    "A read model for each app's screens",
    'Publishing through an outbox',
  ])
    await expect(rubricRow(page, point)).toContainText('✓ pass');

  const duplicate = run(page, 'Payments receives the retried charge twice (duplicate delivery)');
  await expect(duplicate).toContainText('✗ fail');
  await expect(duplicate).toContainText('Charged twice: 2 PaymentSucceeds for rideId 42 by the end of the run.');
  await expect(run(page, 'Payments crashes after charging, before committing its offsets')).toContainText(
    'Charged twice',
  );
  await expect(run(page, 'Two drivers accept ride 42 at the same instant')).toContainText('✓ pass');
  await expect(run(page, "Maya's card is declined")).toContainText('✓ pass');
  await expect(
    page.getByRole('link', { name: /^Delivery guarantees: an idempotent consumer skips the redelivery$/ }).first(),
  ).toBeVisible();

  // The failing run opens in the player as a branch of the design, saved under My scenarios.
  await duplicate.getByRole('button', { name: 'Open this run at step 12' }).click();
  await expect(page).toHaveURL(/#\/r\/b-[^/]+\/12$/);
  await page.waitForFunction(() => window.__eventLab?.ready === true);
  await expect(page.getByRole('heading', { level: 1, name: 'My mock-interview design' })).toBeVisible();
});

test('the phone-offline and reprocess what-ifs are checked by running them: a replay without deduplication fails and opens as a branch', async ({
  page,
}) => {
  mkdirSync(SHOTS, { recursive: true });
  await page.clock.install({ time: START });
  await page.goto('./#/');
  await page.waitForFunction(() => window.__eventLab?.ready === true);
  await page.getByRole('link', { name: 'Mock interview' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mock interview' })).toBeVisible();
  // This start time's seed draws these two what-ifs for the 20-minute ride-sharing interview.
  await page.clock.pauseAt(START.getTime() + 75_000);
  await page.getByRole('radio', { name: /^Ride-sharing/ }).check();
  await page.getByRole('radio', { name: /^20 minutes/ }).check();
  await page.getByRole('button', { name: 'Start the interview' }).click();
  await clarify(page);
  await stage(page, 2, 'Name the events');
  for (const name of ['RideAccepted', 'PaymentCaptured', 'PaymentFailed'])
    await page.getByRole('radio', { name }).check();
  await next(page);
  await stage(page, 3, 'Topics, keys and publishing');
  await page.getByRole('radio', { name: 'By ride id' }).check();
  await page.getByRole('radio', { name: 'By driver id' }).check();
  await page.getByRole('radio', { name: /^The Payment aggregate stores it/ }).check();
  await page.getByRole('radio', { name: 'Apache Kafka' }).check();
  await next(page);
  await stage(page, 4, 'Consumers and read models');
  await page.getByRole('radio', { name: /^The Ride aggregate: both are decided on the same revision/ }).check();
  await page.getByRole('radio', { name: /^Skips it: the group deduplicates/ }).check();
  await page.getByRole('radio', { name: /^Record PaymentFailed, show it to the rider/ }).check();
  await page.getByRole('checkbox', { name: /^Trip status \(rider app\)/ }).check();
  await page.getByRole('checkbox', { name: /^Driver earnings \(driver app\)/ }).check();
  await next(page);
  await stage(page, 5, 'What if…');
  await group(page, /^driver-3's phone goes offline/)
    .getByRole('radio', { name: /^The Ride aggregate decides the late accept like any other/ })
    .check();
  await group(page, /^A deploy of notifications had a bug all day/)
    .getByRole('radio', { name: /^Reset the offsets and switch the consumer's deduplication off/ })
    .check();
  await next(page);

  await expect(page.getByRole('heading', { level: 2, name: /^Scorecard: / })).toBeFocused();
  const late = run(page, "driver-3's app sends its accept again after reconnecting");
  await expect(late).toContainText('✓ pass');
  await expect(late).toContainText(
    'Driver assigned once: one RideAccepted for rideId 42. Maya\'s trip-status row shows driverId "driver-7", the one assigned.',
  );
  const replay = run(page, 'notifications is reset to this morning and reads the day again; trip-status is rebuilt');
  await expect(replay).toContainText('✗ fail');
  await expect(replay).toContainText('Maya told who is coming twice: 2 RiderNotified for rideId 42');
  await expect(replay).toContainText('Rebuilt from the store, the trip-status row ends the same');
  await page.setViewportSize({ width: 1280, height: 720 });
  await late.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/what-ifs-run-1280x720.png` });

  // The failing run opens in the player: the design it played (the rebuild added at the end), the stop,
  // reset and restart of the group as a branch, at the step the group is stopped.
  await replay.getByRole('button', { name: 'Open this run at step 14' }).click();
  await expect(page).toHaveURL(/#\/r\/b-[^/]+\/14$/);
  await page.waitForFunction(() => window.__eventLab?.ready === true);
  await expect(page.getByRole('heading', { level: 1, name: 'My mock-interview design' })).toBeVisible();
});

test('the mock interview reads at 1440×900, 1280×720 and 800 px, with no serious accessibility violation', async ({
  page,
}) => {
  mkdirSync(SHOTS, { recursive: true });
  await start(page, `${SHOTS}/setup-1440x900.png`);
  await clarify(page);
  await stage(page, 2, 'Name the events');
  for (const [w, h] of [
    [1440, 900],
    [1280, 720],
    [800, 900],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(w);
    await page.screenshot({ path: `${SHOTS}/stage-${w}x${h}.png`, fullPage: false });
  }
  // axe waits on timers: let the page's time run for the check, and hold it again after.
  await page.clock.resume();
  const stageAxe = await new AxeBuilder({ page }).analyze();
  expect(stageAxe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual(
    [],
  );
  await page.clock.pauseAt(START.getTime() + 8 * 60_000);
  await page.getByRole('radio', { name: 'AcceptRide' }).check();
  await page.getByRole('radio', { name: 'PaymentCaptured' }).check();
  await page.getByRole('radio', { name: 'PaymentFails' }).check();
  await next(page);
  await page.getByRole('radio', { name: 'By ride id' }).check();
  await page.getByRole('radio', { name: 'No key', exact: true }).check();
  await page.getByRole('radio', { name: /^The payments service stores the charge and also publishes/ }).check();
  await page.getByRole('radio', { name: 'Amazon SNS + SQS (standard)' }).check();
  for (const [w, h] of [
    [1440, 900],
    [1280, 720],
    [800, 900],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(w);
    await page.screenshot({ path: `${SHOTS}/topics-${w}x${h}.png`, fullPage: true });
  }
  await next(page);
  await page.getByRole('radio', { name: /^Accept both/ }).check();
  await page.getByRole('radio', { name: /^Skips it/ }).check();
  await page.getByRole('radio', { name: /^Log the decline/ }).check();
  await page.getByRole('checkbox', { name: /^Trip status \(rider app\)/ }).check();
  await next(page);
  await whatIfs(page);
  await expect(page.getByRole('heading', { level: 2, name: /^Scorecard/ })).toBeFocused();
  for (const [w, h] of [
    [1440, 900],
    [1280, 720],
    [800, 900],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(w);
    await page.screenshot({ path: `${SHOTS}/scorecard-${w}x${h}.png`, fullPage: true });
  }
  await page.clock.resume();
  const cardAxe = await new AxeBuilder({ page }).analyze();
  expect(cardAxe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual(
    [],
  );
});
