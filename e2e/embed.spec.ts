import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { watchForProblems } from './watch';

/**
 * The embed, as a blog or course page uses it: an <iframe> on another origin showing the production
 * build's compact player. The app is served at 127.0.0.1; the course page by a server the test starts,
 * addressed as http://localhost:<port> — another origin and another site. (Both stay on loopback:
 * Chromium's local network access checks refuse a public page framing a loopback address.)
 */

let course: Server;
let lesson = '';
test.beforeAll(async () => {
  course = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(lesson);
  });
  await new Promise<void>((ok) => course.listen(0, '127.0.0.1', ok));
});
test.afterAll(() => new Promise<void>((ok) => course.close(() => ok())));

async function hostPage(page: Page, src: string): Promise<FrameLocator> {
  lesson = `<!doctype html><html lang="en"><title>A course on events</title><h1>Lesson 3</h1>
<iframe title="Event Lab: a guided scenario" src="${src}" width="960" height="640" style="border:0"></iframe></html>`;
  await page.goto(`http://localhost:${(course.address() as AddressInfo).port}/lesson.html`);
  return page.frameLocator('iframe[title="Event Lab: a guided scenario"]');
}

const stepText = (frame: FrameLocator | Page) => frame.getByRole('group', { name: 'Playback' }).locator('output');

test('a page on another origin embeds a built-in; it steps, stores nothing, and opens the full app at the same step', async ({
  page,
  context,
  baseURL,
}) => {
  const watch = watchForProblems(page);
  const frame = await hostPage(page, `${baseURL}#/embed/s/pubsub-basics/3`);
  await expect(frame.getByRole('heading', { level: 1, name: 'Publish/subscribe basics' })).toBeVisible();
  await expect(stepText(frame)).toHaveText('Step 3 / 12');
  await frame.getByRole('button', { name: 'Step forward' }).click();
  await expect(stepText(frame)).toHaveText('Step 4 / 12');
  // Read-only: no learner actions, no fork, no storage status.
  await expect(frame.getByRole('button', { name: /^Fork up to step \d+$/ })).toHaveCount(0);
  await expect(frame.getByText('Change the story')).toHaveCount(0);
  // Headless Chromium, like many browsers, denies storage to third-party frames: the embed needs none.
  const embedded = page.frames().find((f) => f.url().includes('#/embed/'))!;
  expect(
    await embedded.evaluate(() =>
      indexedDB.databases().then(
        () => 'allowed',
        () => 'denied',
      ),
    ),
  ).toBe('denied');

  const [full] = await Promise.all([
    context.waitForEvent('page'),
    frame.getByRole('link', { name: 'Open in Event Lab' }).click(),
  ]);
  await expect(full).toHaveURL(`${baseURL}#/s/pubsub-basics/4`);
  await expect(stepText(full)).toHaveText('Step 4 / 12');
  await expect(full.getByRole('button', { name: /^Fork up to step \d+$/ })).toBeVisible();
  expect(watch.problems).toEqual([]);
});

test('a share link embeds too, at its step and with its actions', async ({ page, context, baseURL }) => {
  const watch = watchForProblems(page);
  await page.goto(baseURL!);
  const data = await page.evaluate(async () => {
    const json = JSON.stringify({
      v: 2,
      b: 'pubsub-basics',
      cv: 'unknown',
      i: [{ kind: 'produce', atStep: 1, topic: 'orders', key: 'order-2', value: 'x' }],
      s: 2,
    });
    const stream = new Blob([json]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    return btoa(String.fromCharCode(...bytes))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
  });
  const frame = await hostPage(page, `${baseURL}#/embed/share/${data}`);
  await expect(stepText(frame)).toHaveText('Step 2 / 13');
  await expect(frame.getByRole('heading', { name: 'You produced a record with key "order-2"' })).toBeVisible();
  const [full] = await Promise.all([
    context.waitForEvent('page'),
    frame.getByRole('link', { name: 'Open in Event Lab' }).click(),
  ]);
  await expect(full).toHaveURL(/#\/share\/[A-Za-z0-9_-]+$/);
  await expect(stepText(full)).toHaveText('Step 2 / 13');
  expect(watch.problems).toEqual([]);
});

test('an embed of something that cannot be embedded says why', async ({ page, baseURL }) => {
  const frame = await hostPage(page, `${baseURL}#/embed/s/not-a-built-in/2`);
  await expect(
    frame.getByText(
      /“not-a-built-in” is not a built-in scenario; to embed a scenario of your own, embed its share link/,
    ),
  ).toBeVisible();
});

test('an embed stores nothing, even where it may (opened first-party)', async ({ page, baseURL }) => {
  await page.goto(`${baseURL}#/embed/s/pubsub-basics/6`);
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(stepText(page)).toHaveText('Step 7 / 12');
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(stepText(page)).toHaveText('Step 8 / 12');
  expect((await page.evaluate(() => indexedDB.databases())).map((d) => d.name)).toEqual([]);
  // Not even the offline cache: an embed installs no service worker.
  expect(
    await page.evaluate(async () => ({
      workers: (await navigator.serviceWorker.getRegistrations()).length,
      caches: (await caches.keys()).length,
    })),
  ).toEqual({ workers: 0, caches: 0 });
  await expect(page).toHaveTitle('Publish/subscribe basics · Event Lab');
});
