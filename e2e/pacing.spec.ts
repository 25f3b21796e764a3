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

  // The keyboard continues too (Space, with the focus outside a control).
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('Space');
  await expect(stepCount(app)).toHaveText(/^Step 3 \//);
  await app.settled();
  expect(await app.state()).toMatchObject({ step: 3, mode: 'held' });

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
