/**
 * Opening the start page (Chromium, `npm run bench`): the time from navigation to the first frame that
 * shows "My scenarios" (a chunk of its own that reads the catalog), next to the first frame that shows
 * the guided scenarios (the app's own chunk: the baseline, in the same run). Fresh pages on a
 * disk-backed profile, medians of 8 after 2 warm-up rounds. No target: it keeps "My scenarios" from
 * falling behind a Suspense fallback again (app/lazyPart.ts: it showed at ~450 ms, now ~230 ms).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type BrowserContext } from '@playwright/test';
import { median, record } from '../harness';

const ROUNDS = 10;
const WARM_UP = 2;

/** Navigation-relative ms of the first frame whose page shows `heading` (reported by the page: no polling). */
async function firstShown(context: BrowserContext, heading: string): Promise<number> {
  const page = await context.newPage();
  let report: (ms: number) => void = () => undefined;
  const shown = new Promise<number>((resolve) => (report = resolve));
  await page.exposeBinding('__benchShown', (_source, ms: number) => report(ms));
  await page.addInitScript((text) => {
    const w = window as unknown as { __benchShown?: (ms: number) => void };
    const tick = (t: number) => {
      const found = [...document.querySelectorAll('h2')].some((h) => h.textContent === text);
      if (found) w.__benchShown?.(t);
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }, heading);
  await page.goto('./#/');
  const ms = await shown;
  await page.close();
  return ms;
}

let context: BrowserContext;
let profile: string;

test.beforeAll(async ({ playwright }, testInfo) => {
  profile = mkdtempSync(join(tmpdir(), 'event-lab-bench-start-'));
  context = await playwright.chromium.launchPersistentContext(profile, {
    ...testInfo.project.use.launchOptions,
    baseURL: testInfo.project.use.baseURL,
    viewport: { width: 1440, height: 900 },
  });
});

test.afterAll(async () => {
  await context?.close();
  rmSync(profile, { recursive: true, force: true });
});

test('opening the start page: My scenarios vs the guided scenarios', async () => {
  test.setTimeout(300_000);
  const guided: number[] = [];
  const mine: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const g = await firstShown(context, 'Guided scenarios');
    const m = await firstShown(context, 'My scenarios');
    if (r < WARM_UP) continue;
    guided.push(g);
    mine.push(m);
  }
  const fmt = (xs: number[]) => xs.map((x) => Math.round(x)).join(' ');
  console.log(`  My scenarios: ${fmt(mine)} ms; guided scenarios: ${fmt(guided)} ms`);
  record(
    'opening the start page: ms to the first frame showing My scenarios (median of 8; baseline: the guided scenarios)',
    median(mine),
    'ms',
    median(guided),
    false,
  );
});
