import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { PlayerPage } from './app';
import { poorDesign } from './practiceDesign';

const SHOTS = '/tmp/practice-grade-shots';
const GRADE = 'Grade my design';
const SIZES = [
  [1440, 900],
  [1280, 720],
  [800, 900],
] as const;

const panelOf = (page: Page) => page.getByRole('region', { name: GRADE });
const point = (page: Page, title: string) => panelOf(page).getByRole('listitem', { name: `Point: ${title}` });
const run = (page: Page, title: RegExp) => panelOf(page).getByRole('listitem', { name: title });

async function shots(page: Page, name: string) {
  for (const [w, h] of SIZES) {
    await page.setViewportSize({ width: w, height: h });
    await panelOf(page).getByRole('heading', { level: 3 }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/${name}-${w}x${h}.png` });
    await panelOf(page).screenshot({ path: `${SHOTS}/${name}-${w}x${h}-panel.png` });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

test('a poor design built in the editor: the failing points and runs, a failing run opened and stepped through', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const app = new PlayerPage(page);
  await app.open('#/s/ride-sharing/0');
  await page.getByRole('button', { name: 'Design your own answer' }).click();
  await expect(page).toHaveURL(/#\/s\/ride-sharing-design-1\/0$/);
  await app.ready();

  // The blank design, graded as it is: every point and run says what is missing, nothing passes.
  await page.getByRole('button', { name: GRADE, exact: true }).click();
  await expect(panelOf(page).getByRole('heading', { level: 3 })).toHaveText('Your design: 0 of 11 checks passed');
  await expect(point(page, 'The race is decided by an expected revision')).toContainText(
    '✗ missing The race is decided by an expected revisionNot found in your design: the command two drivers send at once (AcceptRide in the reference).',
  );
  await expect(run(page, /^Run: A payment declined/)).toContainText(
    'Not run: your design records no failed charge, so there is nothing to tell the rider.',
  );
  await shots(page, 'blank');

  // The learner writes their design in the JSON tab, then renames the capture to the present tense in the forms.
  await page.getByText('Edit this scenario', { exact: true }).click();
  await page.getByRole('tab', { name: 'JSON' }).click();
  const editor = page.getByLabel('Scenario JSON');
  const blank = JSON.parse(await editor.inputValue());
  await editor.fill(poorDesign(blank.id, blank.title, blank.intro));
  await page.getByRole('tab', { name: 'Design' }).click();
  await page.getByRole('heading', { name: /^Event types \(/ }).click();
  const captured = page.getByRole('group', { name: /^event type: PaymentCaptured/ });
  await captured.locator('summary').click();
  await captured.getByLabel('Name', { exact: true }).fill('PaymentSucceeds');
  await page
    .getByRole('group', { name: /^event type: PaymentSucceeds/ })
    .getByLabel('Schema version')
    .focus();
  await page.getByRole('button', { name: 'Rename them to “PaymentSucceeds”' }).click();
  await expect(page.getByText('Valid scenario.')).toBeVisible({ timeout: 30_000 });
  const reloaded = page.waitForEvent('load');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await reloaded;
  await app.ready();

  await page.getByRole('button', { name: GRADE, exact: true }).click();
  await expect(panelOf(page).getByRole('heading', { level: 3 })).toHaveText('Your design: 6 of 11 checks passed', {
    timeout: 30_000,
  });
  await expect(point(page, 'Events are past-tense facts')).toContainText('✗ fail');
  await expect(point(page, 'Events are past-tense facts')).toContainText('PaymentSucceeds is not in the past tense');
  await expect(point(page, "Each entity's events keyed by its id")).toContainText('without the rideId as key');
  await expect(point(page, 'Consumers with side effects are idempotent')).toContainText(
    'Group payments does not deduplicate by event id',
  );
  await expect(point(page, 'The race is decided by an expected revision')).toContainText('✓ pass');
  await expect(
    point(page, 'Consumers with side effects are idempotent').getByRole('link', {
      name: /^Study: Delivery guarantees/,
    }),
  ).toHaveAttribute('href', '#/s/delivery-guarantees/9');
  const duplicate = run(page, /^Run: Duplicate delivery of the charge/);
  await expect(duplicate).toContainText('✗ fail');
  await expect(duplicate).toContainText('Charged twice: 2 PaymentSucceeds for rideId 42 by the end of the run.');
  await expect(run(page, /^Run: A crash after charging/)).toContainText('✗ fail');
  await expect(run(page, /^Run: Two drivers accept/)).toContainText('✓ pass');
  await expect(run(page, /^Run: A payment declined/)).toContainText('Maya was told');
  await shots(page, 'poor');
  // The scorecard itself: no serious accessibility violation.
  const axe = await new AxeBuilder({ page }).include('.practice-grade').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  // The failing run opens as a branch of a saved copy of the design, at the faulted step; step through to the second charge.
  await duplicate
    .getByRole('button', { name: /^Open this run at step \d+ — Duplicate delivery of the charge$/ })
    .click();
  await expect(page).toHaveURL(/#\/r\/[^/]+\/17$/);
  await app.ready();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Graded run: Duplicate delivery of the charge');
  const charges = app.eventRows().filter({ hasText: 'PaymentSucceeds' });
  const before = await charges.count();
  const { lastStep } = await app.state();
  for (let step = 17; step < lastStep; step++) {
    // The built-in's own step questions wait for an answer; skipping one moves on.
    const skip = app.button('Skip');
    if (await skip.isVisible()) await app.click('Skip');
    await app.click('Step forward');
  }
  await expect(page.getByText(`Step ${lastStep} / ${lastStep}`, { exact: true })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`#/r/[^/]+/${lastStep}$`));
  expect(await charges.count()).toBeGreaterThan(before);
  await expect(page.getByText(/payments-1 polls again/).first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/opened-run-1280x720.png` });
});

test('the practice’s reference, forked as the learner’s own design, earns full marks', async ({ page }) => {
  test.setTimeout(180_000);
  const app = new PlayerPage(page);
  await app.open('#/s/ride-sharing/0');
  const { lastStep } = await app.state();
  await page.goto(`./#/s/ride-sharing/${lastStep}`);
  await app.ready();
  await app.fork();
  await app.ready();
  await page.getByRole('button', { name: GRADE, exact: true }).click();
  await expect(panelOf(page).getByRole('heading', { level: 3 })).toHaveText('Your design: 11 of 11 checks passed', {
    timeout: 30_000,
  });
  await expect(panelOf(page).getByText('✗')).toHaveCount(0);
  await expect(panelOf(page).getByRole('button', { name: /^Open this run/ })).toHaveCount(0);
  await expect(panelOf(page).getByRole('status')).toHaveText(/Recorded in your progress/);
  await shots(page, 'reference');
});
