import { expect, test, type Page } from '@playwright/test';
import { PlayerPage } from './app';

/**
 * The broker view's records are one grid with a roving tab stop: one Tab stop for all of them, arrow
 * keys between records and partitions, Home/End, Enter/Space to explain a record's partition — and
 * the player's shortcuts (Space, arrows, Home) do not fire while focus is inside the grid.
 */

const focused = (page: Page) => page.locator(':focus');
const focusedRole = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('role') ?? document.activeElement?.tagName ?? null);
/** The accessible name of a record cell: "offset 1, OrderPlaced, key order-3, topic orders, partition 0". */
const cellName = (partition: number, offset: number) =>
  new RegExp(`^offset ${offset}, \\w+, (key [^,]+|no key), topic orders, partition ${partition}\\b`);

test('records: one Tab stop, arrow keys move, Enter explains, playback shortcuts stay out of it', async ({ page }) => {
  const app = new PlayerPage(page);
  // At step 8 of pubsub-basics: orders-0 holds offsets 0–1, orders-1 offsets 0–1, orders-2 offset 0.
  await app.open('#/s/pubsub-basics/8');
  const grid = page.getByRole('grid', { name: /Records by partition/ });
  await expect(grid.getByRole('row')).toHaveCount(3);
  await expect(grid.getByRole('gridcell')).toHaveCount(5);
  await expect(grid.getByRole('gridcell', { name: cellName(1, 1) })).toHaveAccessibleName(
    /PaymentReceived, key order-1, topic orders, partition 1/,
  );

  // Tab from the top of the page until focus lands in the grid: on the first record.
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  for (let i = 0; i < 100 && (await focusedRole(page)) !== 'gridcell'; i++) await page.keyboard.press('Tab');
  await expect(focused(page)).toHaveAccessibleName(cellName(0, 0));

  const press = async (key: string, partition: number, offset: number) => {
    await page.keyboard.press(key);
    await expect(focused(page), `${key} → orders-${partition}@${offset}`).toHaveAccessibleName(
      cellName(partition, offset),
    );
  };
  await press('ArrowRight', 0, 1);
  await press('ArrowRight', 0, 1); // the end of the partition: stays
  await press('ArrowDown', 1, 1); // same offset
  await press('ArrowDown', 2, 0); // nearest offset
  await press('ArrowDown', 2, 0); // the last partition: stays
  await press('ArrowUp', 1, 0);
  await press('End', 1, 1);
  await press('Home', 1, 0);
  await press('ArrowLeft', 1, 0);
  await press('Control+End', 2, 0);
  await press('Control+Home', 0, 0);
  await press('ArrowDown', 1, 0);

  // None of those keys moved the player (arrows step, Home restarts outside the grid).
  await app.settled();
  expect((await app.state()).step).toBe(8);
  await app.expectStep(8, 12);

  // Space selects (and does not play): the explanation opens for that record.
  const why = page.getByRole('region', { name: 'Why this partition?' });
  await page.keyboard.press('Space');
  await expect(grid.getByRole('gridcell', { name: cellName(1, 0) })).toHaveAttribute('aria-selected', 'true');
  await expect(why.getByRole('heading')).toContainText('orders-1');
  await expect(why).toContainText('order-1');
  await app.settled();
  expect((await app.state()).mode).not.toBe('playing');
  expect((await app.state()).step).toBe(8);

  // Enter selects too.
  await press('ArrowRight', 1, 1);
  await page.keyboard.press('Enter');
  await expect(grid.getByRole('gridcell', { name: cellName(1, 1) })).toHaveAttribute('aria-selected', 'true');
  await expect(grid.getByRole('gridcell', { name: cellName(1, 0) })).toHaveAttribute('aria-selected', 'false');
  await expect(why).toContainText('offset 1');

  // One Tab stop: Tab leaves the grid, Shift+Tab comes back to the same record.
  await page.keyboard.press('Tab');
  expect(await focusedRole(page)).not.toBe('gridcell');
  await page.keyboard.press('Shift+Tab');
  await expect(focused(page)).toHaveAccessibleName(cellName(1, 1));
  await expect(grid.locator('[tabindex="0"]')).toHaveCount(1);

  // When the focused record leaves the view (here: a step back, as playing would slide the window
  // without the learner moving focus), focus stays in the grid on the nearest record of its partition.
  await press('ArrowUp', 0, 1);
  await page.getByRole('button', { name: 'Step back', exact: true }).evaluate((b: HTMLButtonElement) => b.click());
  await app.settled();
  await app.expectStep(7, 12);
  await expect(focused(page)).toHaveAccessibleName(cellName(0, 0));
  await page.getByRole('button', { name: 'Step forward', exact: true }).evaluate((b: HTMLButtonElement) => b.click());
  await app.settled();
  await app.expectStep(8, 12);

  // Outside the grid the shortcuts work as before.
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  await page.keyboard.press('ArrowRight');
  await app.settled();
  await app.expectStep(9, 12);
  await expect(grid.locator('[tabindex="0"]')).toHaveCount(1);
});
