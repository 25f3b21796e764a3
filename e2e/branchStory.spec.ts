/**
 * A branch tells and asks its own story (walkthrough: CQRS orders, warehouse-1 stopped at step 4). Step 9 is
 * not headed "The warehouse ships the paid order" over a refusal; step 10 does not ask "the warehouse shipped
 * order 1001 a step ago" — the warehouse never did here — and does not stop playback for it. The original run
 * still asks it. Photographs of steps 9 and 10 at 1440×900 and 800×1000 go to /tmp/branch-shots.
 */
import { expect, test, type Page } from '@playwright/test';
import { PlayerPage } from './app';

const NOT_ASKED = "This step's question is about the original story, which went differently here — not asked.";
const PROMPT = /The warehouse shipped order 1001 a step ago/;

async function branchWithoutTheWarehouse(app: PlayerPage): Promise<string> {
  await app.open('#/s/cqrs-orders/4');
  await app.page.getByText('Change the story').click();
  const form = app.page.locator('form', { has: app.page.getByRole('button', { name: 'Remove consumer' }) });
  await expect(form.getByLabel('Member')).toHaveValue('warehouse-1');
  await app.page.getByRole('button', { name: 'Remove consumer' }).click();
  await expect(app.page).toHaveURL(/#\/r\/b-[a-z0-9-]+\/5$/);
  await app.ready();
  return app.page.url().replace(/\/5$/, '');
}

/** The step's text in view (in a wide layout the side column scrolls on its own), or the "not asked" line below it. */
const shoot = async (
  page: Page,
  name: string,
  what = page.getByRole('heading', { level: 2, name: /^In the original/ }),
) => {
  await what.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `/tmp/branch-shots/${name}.png` });
};

for (const [width, height] of [
  [1440, 900],
  [800, 1000],
] as const) {
  test(`CQRS branch without the warehouse, ${width}×${height}: step 9 is headed as the original's, step 10 asks nothing`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    const app = new PlayerPage(page);
    const branch = await branchWithoutTheWarehouse(app);

    await page.goto(`${branch}/9`);
    await app.ready();
    const nine = page.getByRole('region', { name: 'In the original: The warehouse ships the paid order', exact: true });
    await expect(nine).toBeVisible();
    // Led by what happened instead, the identifier in its own case, and what did not happen named.
    await expect(nine).toContainText("Here, unlike in the original: warehouse-1 is not a member of group 'warehouse'");
    await expect(nine).toContainText('this did not happen here: Order 1001 accepted ShipOrder');
    await expect(nine).not.toContainText('Warehouse-1');
    await shoot(page, `cqrs-branch-s9-${width}`);

    // Step 10 by stepping forward: no question stops playback, the panel says why in one line.
    await app.click('Step forward');
    await expect(page.getByRole('region', { name: 'In the original: Grace cancels', exact: true })).toBeVisible();
    await expect(page.getByText(NOT_ASKED)).toBeVisible();
    await expect(page.getByRole('heading', { name: PROMPT })).toHaveCount(0);
    await expect(page.getByRole('radio', { name: /Order 1001 in the order history: shipped/ })).toHaveCount(0);
    await expect(app.button('Step forward')).toBeEnabled();
    await shoot(page, `cqrs-branch-s10-${width}`, page.getByText(NOT_ASKED));
  });
}

test('the original run still asks it, at its step 9 (the branch has one step more)', async ({ page }) => {
  const app = new PlayerPage(page);
  await app.open('#/s/cqrs-orders/9');
  const q = page.getByRole('region', { name: PROMPT });
  await expect(q).toBeVisible();
  await expect(page.getByText(NOT_ASKED)).toHaveCount(0);
  await q.getByRole('radio', { name: /Order 1001 in the order history: shipped/ }).check();
  await q.getByRole('button', { name: 'Answer', exact: true }).click();
  await expect(q.getByRole('status')).toContainText('Correct.');
});
