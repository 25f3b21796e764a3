import { expect, test, type Page } from '@playwright/test';
import { PlayerPage } from './app';

/*
 * A step, stage by stage (issue 12): Step forward plays the step's stages on the diagram in the
 * order they happen, and the state changes when the moving thing arrives. The broker view's root
 * carries data-stage (the stage on screen, "done" once the step is fully shown); a MutationObserver
 * installed before the click records every value it takes, with what the diagram showed at the time.
 * No timing is asserted: only the order.
 */

interface Seen {
  stage: string;
  /** Whether the watched record's cell was on the diagram. */
  cell: boolean;
  /** The offset the watched group's commit tag stood at, on the watched partition. */
  tag: string | null;
}

/** Starts recording the broker view's stages; `cell` and `tag` say which record and commit tag to watch. */
async function watchStages(
  page: Page,
  cell: { topic: string; partition: number; offset: number },
  tag: { group: string; partition: number },
) {
  await page.evaluate(
    ({ cell, tag }) => {
      const w = window as unknown as { __seen: Seen[]; __stageObserver?: MutationObserver };
      w.__stageObserver?.disconnect();
      w.__seen = [];
      const look = () => {
        const root = document.querySelector('.bv');
        const stage = root?.getAttribute('data-stage') ?? 'none';
        const hasCell =
          root?.querySelector(
            `[role="gridcell"][data-topic="${cell.topic}"][data-partition="${cell.partition}"][data-offset="${cell.offset}"]`,
          ) != null;
        const rows = root?.querySelectorAll('.bv-partition') ?? [];
        const tagEl = rows[tag.partition]?.querySelector(`.bv-commit[data-group="${tag.group}"]`);
        const now = { stage, cell: hasCell, tag: tagEl?.getAttribute('data-offset') ?? null };
        const last = w.__seen.at(-1);
        if (!last || last.stage !== now.stage || last.cell !== now.cell || last.tag !== now.tag) w.__seen.push(now);
      };
      w.__stageObserver = new MutationObserver(look);
      w.__stageObserver.observe(document.body, { subtree: true, childList: true, attributes: true });
    },
    { cell, tag },
  );
}

const seen = (page: Page) => page.evaluate(() => (window as unknown as { __seen: Seen[] }).__seen);
/** The distinct stages in the order they were on screen. */
const order = (s: readonly Seen[]) => s.map((x) => x.stage).filter((k, i, all) => i === 0 || all[i - 1] !== k);

const diagram = (page: Page) => page.getByRole('group', { name: /^Producers, topics with their partitions/ });
const broker = (page: Page) => page.locator('.bv');

// Publish/subscribe basics: step 8 produces order-3 to orders-0 @1; step 10 is billing-1's poll that
// commits orders-0 at 2 (it was at 1).
const PRODUCED = { topic: 'orders', partition: 0, offset: 1 };
const BILLING_P0 = { group: 'billing', partition: 0 };

for (const motion of ['no-preference', 'reduce'] as const) {
  test.describe(`a step, stage by stage (${motion === 'reduce' ? 'reduced motion: highlights' : 'motion'})`, () => {
    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ reducedMotion: motion });
    });

    test('a produce step: the record is sent, then lands; its cell appears when it lands', async ({ page }) => {
      const app = new PlayerPage(page);
      await app.open('#/s/pubsub-basics/7');
      await expect(broker(page)).toHaveAttribute('data-stage', 'done');
      await watchStages(page, PRODUCED, BILLING_P0);
      await app.click('Step forward');
      await expect(broker(page)).toHaveAttribute('data-stage', 'done');
      const s = await seen(page);
      expect(order(s)).toEqual(['send', 'land', 'done']);
      // The new cell is not on the diagram while the record travels; it is from the moment it lands.
      expect(s.filter((x) => x.stage === 'send').every((x) => !x.cell)).toBe(true);
      const firstWithCell = s.find((x) => x.cell);
      expect(firstWithCell?.stage).toBe('land');
      await expect(diagram(page).getByRole('gridcell', { name: /^offset 1, .*partition 0\b/ })).toBeVisible();
      // What changed is labelled where it is.
      await expect(diagram(page).getByText('new · offset 1', { exact: true })).toBeVisible();
    });

    test('a poll: fetch, process, commit, lag — the commit tag moves at the commit', async ({ page }) => {
      const app = new PlayerPage(page);
      await app.open('#/s/pubsub-basics/9');
      await expect(broker(page)).toHaveAttribute('data-stage', 'done');
      await watchStages(page, PRODUCED, BILLING_P0);
      await app.click('Step forward');
      await expect(broker(page)).toHaveAttribute('data-stage', 'done');
      const s = await seen(page);
      expect(order(s)).toEqual(['fetch', 'process', 'commit', 'lag', 'done']);
      // Billing's tag on orders-0 waits at 1 until the commit, then stands at 2.
      for (const x of s) {
        if (x.stage === 'fetch' || x.stage === 'process') expect(x.tag).toBe('1');
        if (x.stage === 'lag' || x.stage === 'done') expect(x.tag).toBe('2');
      }
      expect(s.find((x) => x.tag === '2')?.stage).toBe('commit');
      await expect(diagram(page).getByText('committed 2', { exact: true })).toBeVisible();
      await expect(diagram(page).getByText('lag 2 → 0', { exact: true })).toBeVisible();
    });
  });
}

test('the timeline and Step back show the step complete at once', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  const app = new PlayerPage(page);
  await app.open('#/s/pubsub-basics/7');
  await watchStages(page, PRODUCED, BILLING_P0);
  await app.timeline().fill('10');
  await app.settled();
  expect((await app.state()).step).toBe(10);
  await expect(broker(page)).toHaveAttribute('data-stage', 'done');
  await app.click('Step back');
  expect((await app.state()).step).toBe(9);
  await expect(broker(page)).toHaveAttribute('data-stage', 'done');
  // Neither move played a stage: the view went straight to the step's result.
  expect(order(await seen(page)).filter((k) => k !== 'done')).toEqual([]);
  // The record produced at step 8 is on the diagram at step 9 with no stage to wait for.
  await expect(diagram(page).getByRole('gridcell', { name: /^offset 1, .*partition 0\b/ })).toBeVisible();
});
