import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { PlayerPage } from './app';

/**
 * What the learner scrolls to is not hidden under the step's text. At 800 px the text sits above the diagram and
 * scrolls with the page; once it is gone, a one-line step bar stays under the playback bar. Wide, the text stays
 * beside the diagram.
 */

/** Whether the point at the middle of `target` shows `target` itself (or something inside it), not a panel over it. */
async function onTop(target: Locator): Promise<boolean> {
  return target.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit !== null && (hit === el || el.contains(hit));
  });
}

/** Scrolls `target` to the top of the viewport, as a link, a find-in-page or a focused control would. */
async function scrollTo(page: Page, target: Locator) {
  await target.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.evaluate(() => new Promise(requestAnimationFrame));
}

const diagramHeading = (page: Page) =>
  page.locator('summary').filter({ hasText: 'Topics, partitions and consumer groups' });
const stepBar = (page: Page) => page.getByRole('region', { name: 'The step on screen' });

test.describe('at 800 px wide', () => {
  test.use({ viewport: { width: 800, height: 1000 } });

  test('a view or table scrolled to is not covered; the step bar keeps the step, and its text one click away', async ({
    page,
  }) => {
    const app = new PlayerPage(page);
    await app.open('#/s/pubsub-basics/5');
    await expect(page.getByRole('heading', { level: 2, name: 'billing-1 reads its partitions' })).toBeVisible();
    await expect(stepBar(page)).toHaveCount(0);

    for (const heading of [diagramHeading(page), page.getByRole('heading', { level: 2, name: 'Event log' })]) {
      await scrollTo(page, heading);
      expect(await onTop(heading), `${await heading.textContent()} is covered`).toBe(true);
    }

    await scrollTo(page, diagramHeading(page));
    const bar = stepBar(page);
    await expect(bar).toContainText('Step 5 of 12');
    await expect(bar).toContainText('billing-1 reads its partitions');
    const show = bar.getByRole('button', { name: 'Show the step’s text' });
    await expect(show).toHaveAttribute('aria-expanded', 'false');
    await show.click();
    const hide = bar.getByRole('button', { name: 'Hide the step’s text' });
    await expect(hide).toHaveAttribute('aria-expanded', 'true');
    await expect(bar).toContainText('It owns partitions 0 and 1');
    expect((await new AxeBuilder({ page }).include('.step-bar').analyze()).violations).toEqual([]);
    await hide.click();
    await expect(bar).not.toContainText('It owns partitions 0 and 1');

    // Stepping while the diagram is on screen: the bar follows the step, the diagram stays uncovered.
    await app.click('Step forward');
    await expect(bar).toContainText('Step 6 of 12');
    expect(await onTop(diagramHeading(page))).toBe(true);

    // Back at the top, the step's own card is there and the bar is gone.
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect(stepBar(page)).toHaveCount(0);
    await expect(page.getByText('Step 6 of 12', { exact: true })).toBeVisible();
  });
});

test.describe('at 800 px wide, a question', () => {
  test.use({ viewport: { width: 800, height: 1000 } });

  test('asked while the diagram is scrolled to: the step bar says it is waiting and takes the learner to it', async ({
    page,
  }) => {
    const app = new PlayerPage(page);
    await app.open('#/s/pubsub-basics/2');
    await scrollTo(page, diagramHeading(page));
    await app.click('Step forward');
    const bar = stepBar(page);
    await expect(bar).toContainText('Step 3 of 12');
    await expect(bar).toContainText('a question is waiting');
    await bar.getByRole('button', { name: 'Show the step’s text' }).click();
    await bar.getByRole('button', { name: 'Go to the step’s question' }).click();
    const prompt = page.getByRole('heading', { level: 2, name: /^Next, checkout publishes PaymentReceived/ });
    await expect(prompt).toBeInViewport();
    expect(await onTop(prompt), 'the question is not under the bars').toBe(true);
    await expect(page.getByRole('radio').first()).toBeInViewport();
  });
});

test.describe('at 1440 px wide', () => {
  test('the step’s text stays beside the diagram while the diagram is scrolled to, and no step bar is shown', async ({
    page,
  }) => {
    const app = new PlayerPage(page);
    await app.open('#/s/pubsub-basics/5');
    const heading = diagramHeading(page);
    await scrollTo(page, heading);
    expect(await onTop(heading)).toBe(true);
    const title = page.getByRole('heading', { level: 2, name: 'billing-1 reads its partitions' });
    await expect(title).toBeInViewport();
    const [text, diagram] = [await title.boundingBox(), await heading.boundingBox()];
    expect(text!.x).toBeGreaterThan(diagram!.x + diagram!.width);
    await expect(stepBar(page)).toHaveCount(0);
  });
});
