import { expect, test, type Browser, type Page } from '@playwright/test';
import { PlayerPage } from './app';

/**
 * Share links of every kind open in a fresh browser (no storage of the sender's) at the same step,
 * with the same world — the event log and the consumer groups' table read the same — and a Fork
 * button that makes the learner's own copy.
 */

const shareUrlOf = async (page: Page) => {
  await page.getByRole('button', { name: 'Share link' }).click();
  return page.getByLabel(/Share link \(opens this step in any browser/).inputValue();
};

/**
 * What the learner can compare: the step, the event log and the groups' table. The log's storage
 * column differs by design (a shared link plays in memory: "memory only" where the sender sees "stored").
 */
const snapshot = async (page: Page) => ({
  step: await page.getByRole('group', { name: 'Playback' }).locator('output').textContent(),
  events: (await page.getByRole('table', { name: /Records and events so far/ }).innerText()).replace(
    /\t(stored|memory only|saving…|not saved: recomputed from your run)\t/g,
    '\t(storage)\t',
  ),
  groups: await page
    .getByRole('table', { name: /Partition ownership/ })
    .innerText()
    .catch(() => ''),
});

async function openFresh(browser: Browser, url: string) {
  const context = await browser.newContext({ reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(url);
  await new PlayerPage(page).ready();
  return { context, page };
}

async function expectSameAndForkable(browser: Browser, url: string, sender: Page, title: string | RegExp) {
  const expected = await snapshot(sender);
  const { context, page } = await openFresh(browser, url);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  expect(await snapshot(page)).toEqual(expected);
  await page.getByRole('button', { name: /^Fork up to step \d+$/ }).click();
  await expect(page).toHaveURL(/#\/s\/[a-z0-9-]+-fork-1\/\d+$/);
  await new PlayerPage(page).ready();
  await expect(page.getByRole('heading', { level: 1, name: /\(my fork\)/ })).toBeVisible();
  expect((await snapshot(page)).events).toEqual(expected.events);
  await context.close();
}

test('a built-in at a step shares its own address', async ({ page, browser }) => {
  const app = new PlayerPage(page);
  await app.open('#/s/pubsub-basics/5');
  const url = await shareUrlOf(page);
  expect(new URL(url).hash).toBe('#/s/pubsub-basics/5');
  await expectSameAndForkable(browser, url, page, 'Publish/subscribe basics');
});

test('a branch shares the built-in, the learner’s actions and the step', async ({ page, browser }) => {
  const app = new PlayerPage(page);
  await app.open('#/s/pubsub-basics/4');
  await page.getByText('Change the story').click();
  await page.getByLabel('Key', { exact: true }).fill('order-2');
  await page.getByRole('button', { name: 'Produce', exact: true }).click();
  await expect(page).toHaveURL(/#\/r\/b-[a-z0-9-]+\/5$/);
  await app.ready();
  await app.click('Step forward');
  await app.click('Step forward');
  const url = await shareUrlOf(page);
  expect(new URL(url).hash).toMatch(/^#\/share\/[A-Za-z0-9_-]+$/);
  expect(new URL(url).hash.length).toBeLessThanOrEqual(600);
  await expectSameAndForkable(browser, url, page, 'Publish/subscribe basics');
});

test('a fork of ride-sharing shares a patch against the built-in', async ({ page, browser }) => {
  const app = new PlayerPage(page);
  await app.open('#/s/ride-sharing/10');
  await app.fork();
  await expect(page).toHaveURL(/#\/s\/ride-sharing-fork-1\/10$/);
  await app.ready();
  await app.click('Step back');
  const url = await shareUrlOf(page);
  expect(new URL(url).hash.length).toBeLessThanOrEqual(2000);
  const { context, page: other } = await openFresh(browser, url);
  await expect(other.getByRole('heading', { level: 1, name: /\(my fork\)/ })).toBeVisible();
  expect(await snapshot(other)).toEqual(await snapshot(page));
  await expect(other.getByText(/shared scenario\. It is read-only/)).toBeVisible();
  await context.close();
});

test('a blank design travels whole', async ({ page, browser }) => {
  const app = new PlayerPage(page);
  await app.open('#/');
  await page.getByRole('region', { name: 'My scenarios' }).getByRole('button', { name: 'New blank scenario' }).click();
  await expect(page).toHaveURL(/#\/s\/my-design-1\/0$/);
  await app.ready();
  await app.click('Step forward');
  const url = await shareUrlOf(page);
  const { context, page: other } = await openFresh(browser, url);
  await expect(other.getByRole('heading', { level: 1, name: 'My design' })).toBeVisible();
  expect(await snapshot(other)).toEqual(await snapshot(page));
  await other.getByRole('button', { name: /^Fork up to step \d+$/ }).click();
  await expect(other).toHaveURL(/#\/s\/my-design-1-fork-1\/1$/);
  await context.close();
});

test('a link made from an older version of a built-in opens with a notice', async ({ page }) => {
  // The envelope of a branch link whose content version no longer matches the built-in.
  const data = await page.evaluate(async () => {
    const json = JSON.stringify({
      v: 2,
      b: 'pubsub-basics',
      cv: 'an-older-version',
      i: [{ kind: 'produce', atStep: 1, topic: 'orders', key: 'order-2', value: 'x' }],
      s: 3,
    });
    const stream = new Blob([json]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    return btoa(String.fromCharCode(...bytes))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
  });
  const app = new PlayerPage(page);
  await app.open(`#/share/${data}`);
  await expect(page.getByText(/made from an earlier version of “Publish\/subscribe basics”/)).toBeVisible();
  await expect(page.getByRole('group', { name: 'Playback' }).locator('output')).toHaveText(/^Step 3 \//);
});
