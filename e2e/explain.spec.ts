import { expect, test, type Locator, type Page } from '@playwright/test';
import { PlayerPage } from './app';

/**
 * Issue 12: what explains the diagram sits where the learner is looking. "Why this partition?" opens
 * as a popover at the clicked record, inside the viewport; Inspect opens a drawer on the viewport's
 * edge; the step's text stays in view while stepping.
 */

type Box = { x: number; y: number; width: number; height: number };

async function boxOf(l: Locator): Promise<Box> {
  const b = await l.boundingBox();
  expect(b, 'has a box').not.toBeNull();
  return b!;
}

async function expectInViewport(page: Page, b: Box) {
  const vp = page.viewportSize()!;
  expect(b.x).toBeGreaterThanOrEqual(0);
  expect(b.y).toBeGreaterThanOrEqual(0);
  expect(b.x + b.width).toBeLessThanOrEqual(vp.width);
  expect(b.y + b.height).toBeLessThanOrEqual(vp.height);
}

/** The gap between two boxes (0 when they touch or overlap). */
function gap(a: Box, b: Box) {
  const dx = Math.max(0, b.x - (a.x + a.width), a.x - (b.x + b.width));
  const dy = Math.max(0, b.y - (a.y + a.height), a.y - (b.y + b.height));
  return Math.hypot(dx, dy);
}

function overlaps(a: Box, b: Box) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

async function openWhy(page: Page) {
  const app = new PlayerPage(page);
  await app.open('#/s/pubsub-basics/5');
  const record = page
    .getByRole('grid', { name: /Records by partition/ })
    .getByRole('gridcell')
    .first();
  await record.scrollIntoViewIfNeeded();
  await record.click();
  const popover = page.getByRole('dialog', { name: /^Why orders-\d/ });
  await expect(popover).toBeVisible();
  return { app, record, popover };
}

test('clicking a record opens "Why this partition?" next to it, inside the viewport; Escape returns to the record', async ({
  page,
}) => {
  const { record, popover } = await openWhy(page);
  const p = await boxOf(popover);
  const r = await boxOf(record);
  await expectInViewport(page, p);
  expect(gap(p, r), 'the popover is next to the record').toBeLessThanOrEqual(40);
  expect(overlaps(p, r), 'the popover does not cover the record').toBe(false);
  await expect(popover.getByRole('region', { name: 'Why this partition?' })).toContainText('orders-');
  // Focus moved into it.
  expect(await popover.evaluate((d) => d.contains(document.activeElement))).toBe(true);

  await page.keyboard.press('Escape');
  await expect(popover).toBeHidden();
  await expect(record).toBeFocused();
  await expect(record).toHaveAttribute('aria-selected', 'false');

  // The Close button closes it too.
  await record.click();
  await expect(popover).toBeVisible();
  await popover.getByRole('button', { name: 'Close the explanation' }).click();
  await expect(popover).toBeHidden();
  await expect(record).toBeFocused();
});

test('Inspect opens the inspector as a drawer inside the viewport; Escape closes it', async ({ page }) => {
  const { record, popover } = await openWhy(page);
  await popover.getByRole('button', { name: 'Inspect the event' }).click();
  const drawer = page.getByRole('dialog', { name: 'Inspector' });
  await expect(drawer).toBeVisible();
  await expect(popover).toBeHidden();
  await expectInViewport(page, await boxOf(drawer));
  await expect(drawer.getByRole('heading', { name: /^Inspector/ })).toBeVisible();
  expect(await drawer.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await expect(record).toBeFocused();

  // From the event log (a scenario whose events are stored): the drawer opens in view, wherever the row
  // is; Close gives focus back to the button.
  await new PlayerPage(page).open('#/s/event-sourcing/10');
  const inspect = page.getByRole('button', { name: /^Inspect event 1,/ });
  await inspect.scrollIntoViewIfNeeded();
  await inspect.click();
  await expect(drawer).toBeVisible();
  await expectInViewport(page, await boxOf(drawer));
  await expect(drawer.getByRole('heading', { name: /^Inspector: / })).toBeVisible();
  await drawer.getByRole('button', { name: 'Close the inspector' }).click();
  await expect(drawer).toBeHidden();
  await expect(inspect).toBeFocused();
});

test('the step text stays in view while stepping from a scrolled position', async ({ page }) => {
  for (const viewport of [
    { width: 1440, height: 900 },
    { width: 1280, height: 720 },
  ]) {
    await page.setViewportSize(viewport);
    const app = new PlayerPage(page);
    await app.open('#/s/pubsub-basics/5');
    await page.getByRole('heading', { name: 'Event log' }).scrollIntoViewIfNeeded();
    await page.mouse.wheel(0, 400);
    await page.getByRole('button', { name: 'Step forward', exact: true }).click();
    await app.settled();
    // The narration's first line ("Step 6 of 12"), just under the sticky playback bar.
    const top = (await boxOf(page.getByText(/^Step \d+ of 12$/))).y;
    expect(top, `${viewport.width}×${viewport.height}: the narration's top is in view`).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(viewport.height - 100);
  }
});

test.describe('at 800 px', () => {
  test.use({ viewport: { width: 800, height: 900 } });
  test('the popover stays inside the viewport next to the record', async ({ page }) => {
    const { record, popover } = await openWhy(page);
    const p = await boxOf(popover);
    await expectInViewport(page, p);
    expect(gap(p, await boxOf(record))).toBeLessThanOrEqual(40);
  });
});
