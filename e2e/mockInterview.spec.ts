import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { INTERVIEW_START, MockInterviewPage, RIDE_SHARING_REFERENCE } from './mockInterviewPage';

const SHOTS = '/tmp/mock-interview-shots';
const CLARIFY = ['Can two drivers end up with the same ride?', 'What happens when a card is declined?'];
/** Every ride-sharing question whose answer changes the design (the point "Asked what changes the design"). */
const CLARIFY_ALL = [
  ...CLARIFY,
  'Must a rider be charged exactly once per trip, even when messages are redelivered?',
  'What do the rider and the driver see in their apps?',
  "Must one ride's events be processed in order?",
];

/** Opens the mock interview, the page's time held from here; starts the 20-minute ride-sharing interview. */
async function start(iv: MockInterviewPage, shot?: string) {
  await iv.open();
  await iv.holdAt(60_000);
  // Four prompts, each with its own reference design.
  for (const p of [/^Ride-sharing/, /^Food delivery/, /^Payments wallet/, /^Notification system/])
    await expect(iv.page.getByRole('radio', { name: p })).toBeVisible();
  if (shot) await iv.page.screenshot({ path: shot, fullPage: true });
  await iv.begin('Ride-sharing', 20);
}

test('a mock interview answered with the reference design scores full marks', async ({ page }) => {
  const iv = new MockInterviewPage(page);
  await start(iv);
  await iv.clarify(CLARIFY_ALL);
  await iv.answerStages(RIDE_SHARING_REFERENCE);
  await iv.answerWhatIfs();

  await expect(iv.scorecardHeading('Scorecard: 15 of 15 points')).toBeFocused();
  await expect(iv.rubricRow('Asked what changes the design')).toContainText(
    '✓ passYou asked all 5 questions whose answers change the design.',
  );
  for (const point of [
    'Events are past-tense facts',
    'The race is decided by an expected revision',
    'Publishing through an outbox',
    'The broker meets the requirements',
  ])
    await expect(iv.rubricRow(point)).toContainText('✓ pass');
  await expect(page.getByText('✗ fail')).toHaveCount(0);
  await expect(iv.run('Two drivers accept ride 42 at the same instant')).toContainText(
    'Driver assigned once: one RideAccepted for rideId 42.',
  );
  await expect(page.getByText('Every point passed.')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: /^Clarify the requirements: 1 min 5 s$/ })).toBeVisible();
});

test('a poor design (present-tense events, no keys, a payments consumer that charges every delivery) fails exactly those points, with its failing runs openable', async ({
  page,
}) => {
  const iv = new MockInterviewPage(page);
  await start(iv);
  await iv.clarify(CLARIFY);
  await iv.answerStages(
    {
      events: ['PaymentSucceeds', 'PaymentFailed'],
      topics: [/^No key: spread them/, 'By driver id', /^The Payment aggregate stores it/, 'Amazon EventBridge'],
      consumers: [
        /^The Ride aggregate: both are decided on the same revision/,
        /^Charges it: every delivery is a new charge/,
        /^Record PaymentFailed, show it to the rider/,
      ],
      readModels: RIDE_SHARING_REFERENCE.readModels,
    },
    async () => {
      const accepted = iv.group('Name the event recorded when a driver takes the ride.');
      await accepted.getByRole('radio', { name: 'My own name:' }).check();
      await accepted.getByRole('textbox').fill('driver accepts');
      await expect(accepted.getByText('Use one word in PascalCase')).toBeVisible();
      await expect(page.getByRole('button', { name: 'Next stage' })).toBeDisabled();
      await accepted.getByRole('textbox').fill('DriverAcceptsRide');
    },
  );
  await iv.answerWhatIfs();

  await expect(iv.scorecardHeading('Scorecard: 7 of 15 points')).toBeFocused();
  // Two of the five questions that change the design were asked: the three others are named, and scored.
  const clarify = iv.rubricRow('Asked what changes the design');
  await expect(clarify).toContainText(
    "✗ failNot asked, though each answer changes the design: “Must a rider be charged exactly once per trip, even when messages are redelivered?”, “What do the rider and the driver see in their apps?”, “Must one ride's events be processed in order?”.",
  );
  await expect(page.getByText('You asked 2 of 5 questions that matter.')).toBeVisible();
  mkdirSync(SHOTS, { recursive: true });
  for (const [w, h] of [
    [1440, 900],
    [800, 1000],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page
      .getByRole('table')
      .first()
      .screenshot({ path: `${SHOTS}/scorecard-rubric-${w}x${h}.png` });
  }
  await expect(iv.rubricRow('Events are past-tense facts')).toContainText(
    '✗ failDriverAcceptsRide and PaymentSucceeds are not in the past tense',
  );
  await expect(iv.rubricRow("Each entity's events keyed by its id")).toContainText(
    '✗ failThe relay publishes RideRequested, RideOffered, DriverAcceptsRide and 7 more to rides without the rideId as key',
  );
  await expect(iv.rubricRow('Consumers with side effects are idempotent')).toContainText(
    '✗ failGroup payments does not deduplicate by event id',
  );
  // The broker pick, graded by the verdict table of Pick the broker: the requirement it fails and why.
  const broker = iv.rubricRow('The broker meets the requirements');
  await expect(broker).toContainText('✗ failAmazon EventBridge does not meet “Order per key, keys in parallel”.');
  await expect(broker.getByRole('link', { name: /^Pick the broker/ })).toHaveAttribute('href', '#/pick-a-broker');
  for (const point of [
    'The race is decided by an expected revision',
    'Payment failure is handled',
    "A read model for each app's screens",
    'Publishing through an outbox',
  ])
    await expect(iv.rubricRow(point)).toContainText('✓ pass');

  const duplicateTitle = 'Payments receives the retried charge twice (duplicate delivery)';
  const duplicate = iv.run(duplicateTitle);
  await expect(duplicate).toContainText('✗ fail');
  await expect(duplicate).toContainText('Charged twice: 2 PaymentSucceeds for rideId 42 by the end of the run.');
  await expect(iv.run('Payments crashes after charging, before committing its offsets')).toContainText('Charged twice');
  await expect(iv.run('Two drivers accept ride 42 at the same instant')).toContainText('✓ pass');
  await expect(iv.run("Maya's card is declined")).toContainText('✓ pass');
  await expect(
    page.getByRole('link', { name: /^Delivery guarantees: an idempotent consumer skips the redelivery$/ }).first(),
  ).toBeVisible();

  // The failing run opens in the player as a branch of the design, saved under My scenarios.
  await iv.openRun(duplicateTitle, 12);
});

test('the phone-offline and reprocess what-ifs are checked by running them: a replay without deduplication fails and opens as a branch', async ({
  page,
}) => {
  mkdirSync(SHOTS, { recursive: true });
  const iv = new MockInterviewPage(page);
  await iv.open();
  // This start time's seed draws these two what-ifs for the 20-minute ride-sharing interview.
  await iv.reprocessWithoutDeduplication(CLARIFY);

  await expect(iv.scorecardHeading()).toBeFocused();
  const late = iv.run("driver-3's app sends its accept again after reconnecting");
  await expect(late).toContainText('✓ pass');
  await expect(late).toContainText(
    'Driver assigned once: one RideAccepted for rideId 42. Maya\'s trip-status row shows driverId "driver-7", the one assigned.',
  );
  const replayTitle = 'notifications is reset to this morning and reads the day again; trip-status is rebuilt';
  const replay = iv.run(replayTitle);
  await expect(replay).toContainText('✗ fail');
  await expect(replay).toContainText('Maya told who is coming twice: 2 RiderNotified for rideId 42');
  await expect(replay).toContainText('Rebuilt from the store, the trip-status row ends the same');
  await page.setViewportSize({ width: 1280, height: 720 });
  await late.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/what-ifs-run-1280x720.png` });

  // The failing run opens in the player: the design it played (the rebuild added at the end), the stop,
  // reset and restart of the group as a branch, at the step the group is stopped.
  await iv.openRun(replayTitle, 14);
});

test('the mock interview reads at 1440×900, 1280×720 and 800 px, with no serious accessibility violation', async ({
  page,
}) => {
  mkdirSync(SHOTS, { recursive: true });
  const iv = new MockInterviewPage(page);
  await start(iv, `${SHOTS}/setup-1440x900.png`);
  await iv.clarify(CLARIFY);
  await iv.expectStage(2);
  await iv.shotsAtSizes((w, h) => `${SHOTS}/stage-${w}x${h}.png`, false);
  // axe waits on timers: let the page's time run for the check, and hold it again after.
  await page.clock.resume();
  const stageAxe = await new AxeBuilder({ page }).analyze();
  expect(stageAxe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual(
    [],
  );
  await page.clock.pauseAt(INTERVIEW_START.getTime() + 8 * 60_000);
  await iv.choose(['AcceptRide', 'PaymentCaptured', 'PaymentFails']);
  await iv.next();
  await page.getByRole('radio', { name: 'By ride id' }).check();
  await page.getByRole('radio', { name: 'No key', exact: true }).check();
  await iv.choose([/^The payments service stores the charge and also publishes/, 'Amazon SNS + SQS (standard)']);
  await iv.shotsAtSizes((w, h) => `${SHOTS}/topics-${w}x${h}.png`);
  await iv.next();
  await iv.choose([/^Accept both/, /^Skips it/, /^Log the decline/]);
  await iv.tick([/^Trip status \(rider app\)/]);
  await iv.next();
  await iv.answerWhatIfs();
  await expect(iv.scorecardHeading(/^Scorecard/)).toBeFocused();
  await iv.shotsAtSizes((w, h) => `${SHOTS}/scorecard-${w}x${h}.png`);
  await page.clock.resume();
  const cardAxe = await new AxeBuilder({ page }).analyze();
  expect(cardAxe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual(
    [],
  );
});
