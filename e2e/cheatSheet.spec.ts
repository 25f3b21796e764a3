import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { PlayerPage } from './app';
import { startPoorDesign } from './practiceDesign';

const SHOTS = '/tmp/cheat-sheet-shots';
const SIZES = [
  [1440, 900],
  [1280, 720],
  [800, 900],
] as const;

test('cheat sheets: one scenario’s takeaways, key figures and missed points, and one for everything studied', async ({
  page,
}) => {
  const app = new PlayerPage(page);
  await app.open('#/s/ride-sharing/0');
  const events = page.getByRole('region', { name: 'Which events are published?' });
  await events.getByRole('checkbox', { name: 'SendReceipt' }).check();
  await events.getByRole('button', { name: 'Compare with the reference' }).click();
  // Two questions are still open: the sheet shows the reference's takeaways once the learner steps into its run.
  await page.getByRole('button', { name: 'Skip the practice and watch the reference run' }).click();
  await page.locator('body').press('ArrowRight');
  await app.settled();
  await page.waitForFunction(() => typeof window.__eventLab?.progressSettled === 'function');
  await page.evaluate(() => (window.__eventLab!.progressSettled as () => Promise<void>)());

  await page.goto('./#/cheat-sheet/ride-sharing');
  const sheet = page.getByRole('region', { name: 'Design a ride-sharing app (a practice question)' });
  await expect(sheet.getByRole('heading', { name: 'Takeaways' })).toBeVisible();
  await expect(sheet).toContainText('Model what happened as past-tense events');
  await expect(sheet.getByRole('heading', { name: 'Key figures' })).toBeVisible();
  await expect(sheet).toContainText('Topic “rides”: 3 partitions');
  await expect(sheet).toContainText('Topic “driver-locations”');
  const missed = sheet.locator('.sheet-missed li');
  await expect(missed).toHaveCount(1);
  await expect(missed).toContainText('Which events are published?');
  await expect(missed).toContainText('RideAccepted');
  await expect(sheet).toContainText('Questions answered: 1 (0 right, 1 wrong answers).');

  // Printed: the page's links and buttons are left off.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(sheet).toContainText('Model what happened as past-tense events');
  await page.emulateMedia({ media: 'screen' });

  await page.goto('./#/cheat-sheet');
  await expect(page.getByRole('heading', { level: 1, name: 'Cheat sheet: everything you studied' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Design a ride-sharing app (a practice question)' })).toBeVisible();
  const concepts = page.getByRole('region', { name: 'By concept' });
  // The question counts toward the concepts its reference answer names, not every tag of its scenario.
  await expect(concepts.getByRole('row', { name: /^compacted topic 1 0 1$/ })).toBeVisible();
  await expect(concepts.getByRole('row', { name: /^correlation and causation ids 1 0 1$/ })).toBeVisible();
  await expect(concepts.getByRole('row', { name: /^optimistic concurrency / })).toHaveCount(0);
  // Only what was studied: a scenario never opened has no sheet here.
  await expect(page.getByRole('link', { name: 'Publish/subscribe basics' })).toHaveCount(0);
});

test('a design graded with missed checks is on the cheat sheet: each failing check, its sentence and where it is taught; the hints used are recorded, not taken off', async ({
  page,
}) => {
  test.setTimeout(180_000);
  mkdirSync(SHOTS, { recursive: true });
  const app = new PlayerPage(page);
  await startPoorDesign(page, app);

  // Two hints of the first question, opened beside "Grade my design" (kept in the design's run).
  const grade = page.getByRole('region', { name: 'Grade my design' });
  await grade.getByText('Stuck? The practice’s hints, each more specific than the last').click();
  const events = grade.getByRole('region', { name: 'Which events are published?' });
  await events.getByRole('button', { name: 'Need a hint? Show hint 1 of 3' }).click();
  await events.getByRole('button', { name: 'Show hint 2 of 3 (more specific)' }).click();
  await expect(events.getByRole('list', { name: 'Hints' }).getByRole('listitem')).toHaveCount(2);
  await app.settled();

  await grade.getByRole('button', { name: 'Grade my design', exact: true }).click();
  await expect(grade.getByRole('heading', { level: 3, name: /^Your design: \d+ of \d+ checks passed$/ })).toBeVisible({
    timeout: 30_000,
  });
  await expect(grade.getByRole('status')).toHaveText(/Recorded in your progress/);
  await expect(
    grade.getByText(
      'Since this design was last saved: 2 of the practice’s 9 hints used, not compared with the reference design.',
    ),
  ).toBeVisible();
  for (const [w, h] of SIZES) {
    await page.setViewportSize({ width: w, height: h });
    await grade.getByText(/^Since this design was last saved/).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/grade-with-hints-${w}x${h}.png` });
  }
  await page.setViewportSize({ width: 1440, height: 900 });

  await page.goto('./#/cheat-sheet/ride-sharing');
  const sheet = page.getByRole('region', { name: 'Design a ride-sharing app (a practice question)' });
  const design = sheet.getByRole('region', { name: 'Your design, graded by the simulator' });
  await expect(design).toContainText('Your latest “Grade my design” failed these checks:');
  const idempotent = design.getByRole('listitem').filter({ hasText: 'Consumers with side effects are idempotent.' });
  await expect(idempotent).toContainText('Group payments does not deduplicate by event id');
  await expect(
    idempotent.getByRole('link', { name: 'Study: Delivery guarantees: an idempotent consumer skips the redelivery' }),
  ).toHaveAttribute('href', '#/s/delivery-guarantees/9');
  await expect(design.getByRole('listitem').filter({ hasText: /^Each entity's events keyed by its id\./ })).toHaveCount(
    1,
  );
  await expect(design).toContainText('2 of the practice’s 9 hints used');
  await expect(sheet.getByText('Nothing missed')).toHaveCount(0);
  for (const [w, h] of SIZES) {
    await page.setViewportSize({ width: w, height: h });
    await design.scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(w);
    await page.screenshot({ path: `${SHOTS}/cheat-sheet-design-${w}x${h}.png` });
  }
  // Everything studied: the practice is listed, with its design grade on its sheet.
  await page.goto('./#/cheat-sheet');
  await expect(page.getByRole('region', { name: 'Your design, graded by the simulator' })).toBeVisible();
});
