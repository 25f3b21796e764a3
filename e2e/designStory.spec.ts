/**
 * A learner's mock-interview design opened in the player tells what THAT design did (issue 17 §3): a step
 * that played out otherwise than in the reference design is told from its effects with a note saying why,
 * the reference's text kept apart and labelled; the takeaways are labelled as the reference's. A step that
 * played out exactly as in the reference keeps the authored text.
 */
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { MockInterviewPage } from './mockInterviewPage';

const SHOTS = '/tmp/design-story-shots';
const DESIGN_NOTE = 'Your design differs from the reference here, so this step is told from what your design did.';

const narration = (page: Page) =>
  page.getByRole('region', { name: /./ }).filter({ has: page.locator('#narration-title') });
const stepHeading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 2, name });

test('a poor design’s failing run: the refused StartTrip is told as it happened, and the takeaways are the reference’s', async ({
  page,
}) => {
  mkdirSync(SHOTS, { recursive: true });
  const iv = new MockInterviewPage(page);
  await iv.open();
  await iv.holdAt(60_000);
  await iv.begin('Ride-sharing', 20);
  await iv.clarify(['Can two drivers end up with the same ride?']);
  // Present-tense events, no key, a dual write, both accepts taken, a charge for every delivery.
  await iv.answerStages({
    events: ['AcceptRide', 'PaymentCaptured', 'PaymentFails'],
    topics: [
      'By ride id',
      /^No key$/,
      /^The payments service stores the charge and also publishes/,
      'Amazon SNS + SQS (standard)',
    ],
    consumers: [/^Accept both/, /^Charges it: every delivery is a new charge/, /^Log the decline/],
    readModels: [/^Trip status \(rider app\)/],
  });
  await iv.answerWhatIfs();
  await expect(iv.scorecardHeading('Scorecard: 0 of 15 points')).toBeFocused();

  // The duplicate-delivery run never charges: it went otherwise at the race (step 4). Opened there, a branch.
  const title = 'Payments receives the retried charge twice (duplicate delivery)';
  await iv
    .run(title)
    .getByRole('button', { name: /^Open this run at step 4/ })
    .click();
  await expect(page).toHaveURL(/#\/r\/b-[^/]+\/4$/);
  await page.waitForFunction(() => window.__eventLab?.ready === true);
  await expect(page.getByRole('heading', { level: 1, name: /^My mock-interview design/ })).toBeVisible();

  // The race: both accepts stored, told from the design's run; the reference's sentence only as the reference's.
  const card = narration(page);
  await expect(stepHeading(page, 'Two drivers accept at the same instant')).toBeVisible();
  await expect(card).toContainText('AcceptRide stored as revision 2 of "ride-42"');
  await expect(card).toContainText('AcceptRide stored as revision 3 of "ride-42"');
  await expect(card.getByText(DESIGN_NOTE)).toBeVisible();
  await expect(card.getByText(/the second is decided again/)).toBeHidden();
  const reference = card.locator('summary', { hasText: /^In the reference design/ });
  await expect(reference).toBeVisible();
  await reference.click();
  await expect(card.getByText(/the second is decided again on the new state/)).toBeVisible();
  await expect(card.getByText('Your design:').first()).toBeVisible();

  // Step 6: the trip does not start in this design, and the text says so.
  await page.getByRole('button', { name: 'Step forward', exact: true }).click();
  await page.getByRole('button', { name: 'Step forward', exact: true }).click();
  await expect(stepHeading(page, 'The trip starts')).toBeVisible();
  // The step's text is what happened; the script's sentence stays only inside the reference's disclosure.
  const text = card.locator('h2 + p');
  // Led by the difference: the refusal here, and the StartTrip the reference accepted that did not happen.
  await expect(text).toHaveText(
    'Here, unlike in the reference design: StartTrip is refused: only the assigned driver can start the trip. Unlike in the reference design, this did not happen here: Ride 42 accepted StartTrip from driver-7\'s app (it was "accepted").',
  );
  await expect(card.getByText(DESIGN_NOTE)).toBeVisible();
  await expect(
    card.locator('details', { has: page.locator('summary', { hasText: /^In the reference design/ }) }),
  ).toContainText('driver-7 starts the trip.');
  await iv.shotsAtSizes((w, h) => `${SHOTS}/refused-start-${w}x${h}.png`, false);
  await page.setViewportSize({ width: 1440, height: 900 });

  // Step 3 played out as in the reference (its topic keyed by ride id): the authored text, no note.
  await page.getByRole('slider', { name: 'Timeline' }).fill('3');
  await expect(stepHeading(page, 'Matching offers the ride')).toBeVisible();
  await expect(text).toHaveText(
    'Matching reads RideRequested and sends OfferRide: the ride is offered to drivers within 3 km.',
  );
  await expect(card.getByText(DESIGN_NOTE)).toHaveCount(0);

  // Step 5 (notifications' first poll) repeats sentences: one per kind with a count, every one behind a disclosure.
  await page.getByRole('slider', { name: 'Timeline' }).fill('5');
  await expect(stepHeading(page, 'Notifications tells Maya who is coming')).toBeVisible();
  await expect(card.getByText(DESIGN_NOTE)).toBeVisible();
  await expect(text).toContainText('notifications has no committed offset on rides-0');
  await expect(text).toContainText('And 2 more like it.');
  await expect(text).not.toContainText('rides-2: auto.offset.reset');
  const every = card.locator('summary', { hasText: /^Every effect of this step \(\d+\)$/ });
  await every.click();
  await expect(card.getByRole('listitem').filter({ hasText: 'has no committed offset on rides-2' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/every-effect-1440x900.png` });

  // The last step: the reference's takeaways, labelled, never claimed of this design.
  const last = await page.getByRole('slider', { name: 'Timeline' }).getAttribute('max');
  await page.getByRole('slider', { name: 'Timeline' }).fill(last!);
  await expect(card.getByRole('heading', { level: 3, name: 'Takeaways of the reference design' })).toBeVisible();
  await expect(card.getByText(/these say what the reference does, not what yours does/)).toBeVisible();
  await expect(
    card.getByRole('listitem').filter({ hasText: /^In the reference design: Consumers with side effects deduplicate/ }),
  ).toBeVisible();
  await expect(card.getByRole('heading', { level: 3, name: 'Takeaways', exact: true })).toHaveCount(0);
  await iv.shotsAtSizes((w, h) => `${SHOTS}/takeaways-${w}x${h}.png`, false);
});

test('a design whose steps play out as in the reference keeps their authored text', async ({ page }) => {
  const iv = new MockInterviewPage(page);
  await iv.open();
  // This start time's seed draws the reprocess what-if, answered wrong: notifications no longer deduplicates.
  await iv.reprocessWithoutDeduplication(['Can two drivers end up with the same ride?']);
  await expect(iv.scorecardHeading()).toBeFocused();
  await iv
    .run('notifications is reset to this morning and reads the day again; trip-status is rebuilt')
    .getByRole('button', { name: /^Open this run at step 14/ })
    .click();
  await expect(page).toHaveURL(/#\/r\/b-[^/]+\/14$/);
  await page.waitForFunction(() => window.__eventLab?.ready === true);

  // Before the reset, no delivery is repeated: notifications' step plays out as in the reference.
  await page.getByRole('slider', { name: 'Timeline' }).fill('5');
  const card = narration(page);
  await expect(stepHeading(page, 'Notifications tells Maya who is coming')).toBeVisible();
  await expect(card).toContainText('The notifications service reads the acceptance and pushes a message to Maya');
  await expect(card.getByText(DESIGN_NOTE)).toHaveCount(0);
  await expect(card.locator('summary')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/authored-step-5-1440x900.png` });
});
