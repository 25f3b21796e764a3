import { expect, test } from '@playwright/test';
import { PlayerPage } from './app';

/**
 * Issue 12, "watch it happen, in order": Play paces by content (or stops after each step when the
 * learner asks it to), beginner scenarios start calm, "What happened in this step" reads one line
 * per stage, and the step's text stays in view while stepping.
 */

const stepCount = (app: PlayerPage) => app.page.getByRole('group', { name: 'Playback' }).locator('output');

test('"Pause after each step": Play shows one step, then offers to continue; the choice survives a reload', async ({
  page,
}) => {
  const app = new PlayerPage(page);
  await app.open('#/s/pubsub-basics/0');
  const toggle = page.getByRole('checkbox', { name: 'Pause after each step' });
  await expect(toggle).not.toBeChecked();
  await toggle.check();

  await app.button('Play').click();
  await expect(app.button('Continue')).toBeVisible();
  await app.settled();
  await expect(stepCount(app)).toHaveText(/^Step 1 \//);
  expect(await app.state()).toMatchObject({ step: 1, mode: 'held' });
  await expect(app.button('Play')).toHaveCount(0);

  // Continue shows the next step, then waits again.
  await app.button('Continue').click();
  await expect(stepCount(app)).toHaveText(/^Step 2 \//);
  await app.settled();
  await expect(app.button('Continue')).toBeVisible();
  expect(await app.state()).toMatchObject({ step: 2, mode: 'held' });

  // The keyboard plays too (Space, with the focus outside a control), and holds after one step.
  await app.click('Restart');
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('Space');
  await expect(stepCount(app)).toHaveText(/^Step 1 \//);
  await app.settled();
  await expect(app.button('Continue')).toBeVisible();
  expect(await app.state()).toMatchObject({ step: 1, mode: 'held' });

  // Remembered for the next visit, with the speed.
  await page.getByLabel('Speed').selectOption('2');
  await page.reload();
  await app.ready();
  await expect(page.getByRole('checkbox', { name: 'Pause after each step' })).toBeChecked();
  await expect(page.getByLabel('Speed')).toHaveValue('2');

  // Turned off, Play moves on by itself again: it is playing, not held, after the first step.
  await page.getByRole('checkbox', { name: 'Pause after each step' }).uncheck();
  await app.button('Play').click();
  await expect(app.button('Pause')).toBeVisible();
  await page.reload();
  await app.ready();
  await expect(page.getByRole('checkbox', { name: 'Pause after each step' })).not.toBeChecked();
});

test('"What happened in this step": one line per stage, each opening onto its effects and their reasons', async ({
  page,
}) => {
  const app = new PlayerPage(page);
  await app.open('#/s/pubsub-basics/5');
  const list = page.getByRole('region', { name: 'Effects of step 5' });
  const lines = list.locator(':scope > ol > li');
  // billing-1's poll: where it starts, the fetch, the processing, the commits, the lag.
  await expect(lines).toHaveText([
    /billing: where fetching starts on 2 partitions/,
    /billing-1 fetches 3 records/,
    /Processed 3 records/,
    /billing commits on 2 partitions/,
    /Lag changes on 2 partitions/,
  ]);
  const fetch = list.getByRole('button', { name: /billing-1 fetches 3 records/ });
  await expect(fetch).toHaveAttribute('aria-expanded', 'false');
  // The reasons are there on demand, not before.
  await expect(
    list.getByText('billing-1 fetched 2 records (offsets 0–1) from orders-1', { exact: false }),
  ).toBeHidden();
  await fetch.click();
  await expect(fetch).toHaveAttribute('aria-expanded', 'true');
  await expect(
    list.getByText('billing-1 fetched 2 records (offsets 0–1) from orders-1', { exact: false }),
  ).toBeVisible();
  // Event ids are behind "Processed 3 records", not on its line.
  const processed = list.getByRole('button', { name: /Processed 3 records/ });
  await expect(processed).not.toHaveAccessibleName(/[0-9a-f]{8}-[0-9a-f]{4}/);
  await expect(
    lines
      .nth(2)
      .getByText(/processed event [0-9a-f]{8}-[0-9a-f]{4}/)
      .first(),
  ).toBeHidden();
  await processed.press('Enter');
  await expect(lines.nth(2).getByText(/processed event [0-9a-f]{8}-[0-9a-f]{4}/)).toHaveCount(3);
  await expect(
    lines
      .nth(2)
      .getByText(/processed event [0-9a-f]{8}-[0-9a-f]{4}/)
      .first(),
  ).toBeVisible();

  // Step forward: the lines are the new step's, closed again. The hash arithmetic is on demand too.
  await app.click('Step forward');
  await app.click('Step forward');
  await app.click('Step forward');
  const step8 = page.getByRole('region', { name: 'Effects of step 8' });
  await expect(step8.locator(':scope > ol > li')).toHaveText([/checkout sends 1 record/, /Lands at orders-0 @1/]);
  await expect(step8.getByText(/murmur2\('order-3'\)/)).toBeHidden();
  await step8.getByRole('button', { name: /Lands at orders-0 @1/ }).click();
  await expect(step8.getByText(/murmur2\('order-3'\)/)).toBeVisible();
});

test('while a step’s stages play, its line in "What happened" is marked as the one on screen', async ({ page }) => {
  // The page's clock is held, so each stage stays on screen until the test moves time on.
  await page.clock.install();
  const app = new PlayerPage(page);
  await app.open('#/s/pubsub-basics/4');
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
  await page.getByRole('button', { name: 'Step forward', exact: true }).click();
  await app.settled();
  const list = page.getByRole('region', { name: 'Effects of step 5' });
  const current = list.locator('li[aria-current="step"]');
  await expect(current).toHaveCount(1);
  await expect(current).toHaveText(/^billing: where fetching starts on 2 partitions/);
  // The stages after it are still to come.
  await expect(list.locator('li.is-upcoming')).toHaveCount(4);
  // One stage on (under reduced motion each stage is a short highlight): the fetch.
  await page.clock.runFor(400);
  await expect(current).toHaveText(/^billing-1 fetches 3 records/);
  await expect(list.locator('li.is-upcoming')).toHaveCount(3);
  // Once the step is fully shown, no line is marked.
  await page.clock.runFor(10_000);
  await expect(current).toHaveCount(0);
  await expect(list.locator('li.is-upcoming')).toHaveCount(0);
});

test('a beginner scenario starts calm: before step 1, set-up is one line that opens onto its stages', async ({
  page,
}) => {
  const app = new PlayerPage(page);
  await app.open('#/s/pubsub-basics/0');
  await expect(page.locator('.badge')).toHaveText('beginner');
  const list = page.getByRole('region', { name: 'Effects of step 0' });
  const top = list.locator(':scope > ol > li');
  await expect(top).toHaveCount(1);
  const setup = list.getByRole('button', { name: /^Set-up: / });
  await expect(setup).toHaveAccessibleName(
    'Set-up: topic orders (3 partitions) created; billing-1 and billing-2 joined billing ' +
      '(billing-1 got orders-0, 1; billing-2 got orders-2); analytics-1 joined analytics and got orders-0, 1, 2',
  );
  await expect(setup).toHaveAttribute('aria-expanded', 'false');
  await expect(list.getByText('billing rebalances to generation 2')).toBeHidden();
  await setup.click();
  await expect(setup).toHaveAttribute('aria-expanded', 'true');
  const rebalance = list.getByRole('button', { name: 'billing rebalances to generation 2' });
  await expect(rebalance).toBeVisible();
  await rebalance.click();
  await expect(list.getByText(/billing-2 gets orders-2/)).toBeVisible();
});

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
  { width: 800, height: 900 },
]) {
  test(`at ${viewport.width}×${viewport.height} the step's text and Step forward stay in view while stepping from anywhere on the page`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    const app = new PlayerPage(page);
    await app.open('#/s/pubsub-basics/3');
    // The learner looks further down: at the tables beside the text, or at the diagram under it at 800 px.
    const lookAt =
      viewport.width > 1100
        ? page.getByRole('heading', { name: 'Consumer groups' })
        : page.getByRole('grid', { name: /Records by partition/ });
    await lookAt.scrollIntoViewIfNeeded();
    await page.mouse.wheel(0, 300);
    const forward = page.getByRole('button', { name: 'Step forward', exact: true });
    const bar = page.getByRole('group', { name: 'Playback' });
    for (let k = 4; k <= 8; k++) {
      await forward.click();
      await app.settled();
      await expect(stepCount(app)).toHaveText(`Step ${k} / 12`);
      // At 800 px the step's card scrolls with the page (it would cover the diagram): once its title has gone under
      // the playback bar, the step bar under it names the step instead.
      const stepBar = page.getByRole('region', { name: 'The step on screen' });
      const barShown = viewport.width <= 1100 && (await stepBar.count()) > 0;
      const heading = barShown
        ? stepBar
        : page.getByRole('heading', { level: 2 }).and(page.locator('#narration-title'));
      await expect(heading).toBeInViewport();
      if (barShown) await expect(heading).toContainText(`Step ${k} of 12`);
      const h = (await heading.boundingBox())!;
      const b = (await bar.boundingBox())!;
      const f = (await forward.boundingBox())!;
      const where = `${viewport.width}×${viewport.height}, step ${k}`;
      expect(h.y, `${where}: the narration heading is below the playback bar, not under it`).toBeGreaterThanOrEqual(
        b.y + b.height - 1,
      );
      expect(h.y + h.height, `${where}: the narration heading is above the fold`).toBeLessThanOrEqual(viewport.height);
      expect(f.y, `${where}: Step forward is in view`).toBeGreaterThanOrEqual(0);
      expect(f.y + f.height).toBeLessThanOrEqual(viewport.height);
      expect(f.x + f.width).toBeLessThanOrEqual(viewport.width);
    }
    // The next step asks a question: its prompt is in view too, with the text (not clipped away).
    await forward.click();
    await app.settled();
    await expect(page.locator('#narration-title')).toBeInViewport();
    await expect(page.locator('section.question h2')).toBeInViewport();
    await expect(forward).toBeInViewport();
  });
}
