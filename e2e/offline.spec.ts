import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { underStrictCsp } from './csp';
import { expect, test, type Page } from '@playwright/test';
import { serveStatic } from '../scripts/serve-static.mjs';
import catalog from '../src/scenarios/catalog.json' with { type: 'json' };
import { watchForProblems } from './watch';

/**
 * Offline and updates, on the production build (project "site": dist-site served under /event-lab/).
 * The service worker is Workbox's (vite-plugin-pwa, generateSW); src/app/pwa/ registers it.
 */

const startServer = serveStatic as (options: { dir: string; prefix: string; port: number }) => Promise<Server>;

/** Resolves once a service worker controls the page (the first visit is claimed at once). */
const controlled = (page: Page) =>
  page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller) return;
    await new Promise<void>((resolve) =>
      navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }),
    );
  });

const stepCounter = (page: Page) => page.getByRole('group', { name: 'Playback' }).locator('output');

test('after one visit the site works offline: a scenario never opened before runs from the cache', async ({
  page,
  context,
}) => {
  const watch = watchForProblems(page);
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: 'Event Lab' })).toBeVisible();
  await controlled(page);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Event Lab' })).toBeVisible();

  // The start page never loaded the player, the scenario library or this scenario: all from the cache.
  const scenario = catalog.find((s) => s.id === 'cqrs-orders') ?? catalog[catalog.length - 1]!;
  await page.getByRole('link', { name: scenario.title, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: scenario.title })).toBeVisible();
  await expect(stepCounter(page)).toHaveText(`Step 0 / ${scenario.steps}`);
  for (let step = 1; step <= 3; step++) {
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect(stepCounter(page)).toHaveText(`Step ${step} / ${scenario.steps}`);
  }
  const middle = Math.max(4, Math.floor(scenario.steps / 2));
  await page.getByRole('slider', { name: 'Timeline' }).fill(String(middle));
  await expect(stepCounter(page)).toHaveText(`Step ${middle} / ${scenario.steps}`);
  await page.getByRole('slider', { name: 'Timeline' }).fill(String(scenario.steps));
  await expect(stepCounter(page)).toHaveText(`Step ${scenario.steps} / ${scenario.steps}`);

  // A deep link reloaded offline: the navigation falls back to the cached page, the step is restored.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: scenario.title })).toBeVisible();
  await expect(stepCounter(page)).toHaveText(`Step ${scenario.steps} / ${scenario.steps}`);

  expect(watch.problems).toEqual([]);
  await context.setOffline(false);
});

test('the site is installable: a web manifest with icons, all served', async ({ page, request }) => {
  await page.goto('./');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBe('./manifest.webmanifest');
  const manifestUrl = new URL(href!, page.url());
  const manifest = (await (await request.get(manifestUrl.href)).json()) as {
    name: string;
    start_url: string;
    scope: string;
    display: string;
    icons: { src: string; sizes: string; purpose?: string }[];
  };
  expect(manifest).toMatchObject({ name: 'Event Lab', start_url: './', scope: './', display: 'standalone' });
  expect(manifest.icons.map((i) => `${i.sizes} ${i.purpose ?? 'any'}`).sort()).toEqual([
    '192x192 any',
    '512x512 any',
    '512x512 maskable',
  ]);
  for (const icon of manifest.icons) {
    const response = await request.get(new URL(icon.src, manifestUrl).href);
    expect(response.status(), icon.src).toBe(200);
    expect(response.headers()['content-type']).toBe('image/png');
  }
  const ogImage = await page.locator('meta[property="og:image"]').getAttribute('content');
  expect((await request.get(new URL(ogImage!, page.url()).href)).status()).toBe(200);
});

test('under a strict Content-Security-Policy the service worker registers without violations', async ({ page }) => {
  // No inline scripts: the registration is a module of the app's own.
  const { violations } = await underStrictCsp(page);
  const watch = watchForProblems(page);
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: 'Event Lab' })).toBeVisible();
  await controlled(page);
  expect(violations).toEqual([]);
  expect(watch.problems).toEqual([]);
});

test('a new deployment is offered with a notice on the next visit, and used after “Reload to update”', async ({
  page,
  context,
}) => {
  // A copy of the built site on a server of this test's own, so the test can deploy a new version.
  const port = Number(process.env.EVENT_LAB_E2E_PORT ?? 4174);
  const builtSite = port === 4174 ? 'dist-site' : `dist-site-${port}`; // as in playwright.config.ts
  const dir = mkdtempSync(join(tmpdir(), 'event-lab-offline-'));
  cpSync(builtSite, dir, { recursive: true });
  const server = await startServer({ dir, prefix: '/event-lab/', port: 0 });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/event-lab/`;
  const deploymentMark = page.locator('meta[name="event-lab-test-deployment"]');
  const notice = page.getByRole('status').filter({ hasText: 'A new version of Event Lab is ready.' });

  /**
   * What a new build changes: index.html differs, so Workbox's precache manifest in sw.js carries a
   * new revision for it (the MD5 of the file, as workbox-build computes it), so sw.js differs too.
   */
  const deploy = (version: string) => {
    const indexPath = join(dir, 'index.html');
    const swPath = join(dir, 'sw.js');
    const md5 = (text: string) => createHash('md5').update(text).digest('hex');
    const before = readFileSync(indexPath, 'utf8');
    const after = before
      .replace(/\s*<meta name="event-lab-test-deployment"[^>]*>/, '')
      .replace('</head>', `  <meta name="event-lab-test-deployment" content="${version}" />\n</head>`);
    const sw = readFileSync(swPath, 'utf8');
    const entry = `{url:"index.html",revision:"${md5(before)}"}`;
    expect(sw, 'sw.js lists index.html with the MD5 of its contents').toContain(entry);
    writeFileSync(indexPath, after);
    writeFileSync(swPath, sw.replace(entry, `{url:"index.html",revision:"${md5(after)}"}`));
  };

  try {
    const watch = watchForProblems(page);
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1, name: 'Event Lab' })).toBeVisible();
    await controlled(page);
    await expect(deploymentMark).toHaveCount(0);

    deploy('2');
    // The next visit still opens the version it has (a page never switches under the learner) and
    // learns of the new one.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Event Lab' })).toBeVisible();
    await expect(notice).toBeVisible();
    await expect(deploymentMark).toHaveCount(0);
    const axe = await new AxeBuilder({ page }).include('.update-notice').analyze();
    expect(
      axe.violations.map((v) => `${v.impact}: ${v.id}`),
      'the notice is accessible',
    ).toEqual([]);
    const reloaded = page.waitForEvent('load');
    await page.getByRole('button', { name: 'Reload to update' }).click();
    await reloaded;
    await expect(page.getByRole('heading', { level: 1, name: 'Event Lab' })).toBeVisible();
    await expect(deploymentMark).toHaveAttribute('content', '2');
    await expect(notice).toHaveCount(0);

    // Another deployment, noticed during a visit but not taken ("Not now"): once the tab is closed,
    // the next visit opens the new version without asking.
    deploy('3');
    await page.reload();
    await expect(notice).toBeVisible();
    await page.getByRole('button', { name: 'Not now' }).click();
    await expect(notice).toHaveCount(0);
    expect(watch.problems).toEqual([]);
    await page.close();

    const later = await context.newPage();
    const laterWatch = watchForProblems(later);
    await later.goto(url);
    await expect(later.getByRole('heading', { level: 1, name: 'Event Lab' })).toBeVisible();
    await expect(later.locator('meta[name="event-lab-test-deployment"]')).toHaveAttribute('content', '3');
    await controlled(later);
    const pending = await later.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      await registration.update();
      return Boolean(registration.installing ?? registration.waiting);
    });
    expect(pending, 'no newer version is waiting').toBe(false);
    await expect(later.getByRole('button', { name: 'Reload to update' })).toHaveCount(0);
    expect(laterWatch.problems).toEqual([]);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  }
});
