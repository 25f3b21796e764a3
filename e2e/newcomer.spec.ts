import { expect, test, type Page } from '@playwright/test';
import catalog from '../src/scenarios/catalog.json' with { type: 'json' };
import { watchForProblems } from './watch';

/**
 * The newcomer sweep: what the README tells a user to do, exactly as written. Runs twice — against
 * `npm run dev` at the address Vite prints (project "dev") and against the production build served
 * under a sub-path (project "site") — each in a fresh browser profile, starting at the bare address
 * (no hash). From the start page it follows the link to every built-in scenario and visits step 0,
 * the middle and the last step with the controls a learner uses.
 */

const stepOf = async (page: Page) => {
  const text = await page.getByRole('group', { name: 'Playback' }).locator('output').textContent();
  const m = /Step (\d+) \/ (\d+)/.exec(text ?? '');
  expect(m, `step counter reads “${text}”`).not.toBeNull();
  return { step: Number(m![1]), last: Number(m![2]) };
};

const expectPlayerShown = async (page: Page) => {
  await expect(page.getByRole('button', { name: 'Step forward' })).toBeVisible();
  expect((await page.locator('#root').innerText()).trim().length).toBeGreaterThan(0);
};

test('the bare address shows the start page listing every scenario', async ({ page }) => {
  const watch = watchForProblems(page);
  await page.goto('./');
  expect(new URL(page.url()).hash).toBe('');
  await expect(page.getByRole('heading', { level: 1, name: 'Event Lab' })).toBeVisible();
  for (const s of catalog) await expect(page.getByRole('link', { name: s.title, exact: true })).toBeVisible();
  expect((await page.locator('#root').innerText()).trim().length).toBeGreaterThan(0);
  expect(watch.problems).toEqual([]);
});

for (const s of catalog) {
  test(`from the start page to ${s.id}: steps 0, middle and last`, async ({ page }) => {
    const watch = watchForProblems(page);
    await page.goto('./');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Event Lab' }),
      'the start page shows at the bare address',
    ).toBeVisible({ timeout: 15_000 });
    await page.getByRole('link', { name: s.title, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: s.title })).toBeVisible();
    if (s.practice) {
      // A practice question comes first and hides the run, which is its answer; a learner can skip it.
      await expect(page.getByRole('heading', { name: 'Practice: design it yourself first' })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Step forward' })).toHaveCount(0);
      await page.getByRole('button', { name: 'Skip the practice and watch the reference run' }).click();
    }
    await expectPlayerShown(page);
    const { step, last } = await stepOf(page);
    expect(step).toBe(0);
    expect(last).toBe(s.steps);

    // One step as a learner takes it, then the timeline to the middle and to the end.
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect(page.getByRole('group', { name: 'Playback' }).locator('output')).toHaveText(`Step 1 / ${last}`);
    const middle = Math.floor(last / 2);
    await page.getByRole('slider', { name: 'Timeline' }).fill(String(middle));
    await expect(page.getByRole('group', { name: 'Playback' }).locator('output')).toHaveText(
      `Step ${middle} / ${last}`,
    );
    await expectPlayerShown(page);
    await page.getByRole('slider', { name: 'Timeline' }).fill(String(last));
    await expect(page.getByRole('group', { name: 'Playback' }).locator('output')).toHaveText(`Step ${last} / ${last}`);
    await expectPlayerShown(page);
    await expect(page).toHaveURL(new RegExp(`#/s/${s.id}/${last}$`));

    // And back to the start page the way the page offers.
    await page.getByRole('link', { name: '← All scenarios' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Event Lab' })).toBeVisible();
    expect(watch.problems).toEqual([]);
  });
}
