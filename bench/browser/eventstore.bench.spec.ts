/**
 * Event store benchmarks in Chromium (`npm run bench`), medians of 5 after a warm-up, on a
 * disk-backed profile (an incognito context keeps IndexedDB in memory). Baselines on the same
 * object stores and indexes, in the same run: raw idb puts in one transaction per batch, Dexie
 * bulkAdd; for the rebuild, one raw getAll plus raw puts of the same read-model records and
 * checkpoints. The page side is src/app/devtools/eventStoreHarness.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import type { BenchImpl, EventStoreHarness } from '../../src/app/devtools/eventStoreHarness';
import { median, record } from '../harness';

type H = EventStoreHarness;
const RUNS = 5;
const BATCH = 1_000;

let context: BrowserContext;
let page: Page;
let profile: string;

test.beforeAll(async ({ playwright }, testInfo) => {
  profile = mkdtempSync(join(tmpdir(), 'event-lab-bench-'));
  context = await playwright.chromium.launchPersistentContext(profile, {
    ...testInfo.project.use.launchOptions,
    baseURL: testInfo.project.use.baseURL,
  });
  page = context.pages()[0] ?? (await context.newPage());
  await page.goto('./');
  await page.waitForFunction(() => window.__eventLab?.ready === true && typeof window.__eventLab.benchAppend === 'function');
});

test.afterAll(async () => {
  await context?.close();
  rmSync(profile, { recursive: true, force: true });
});

const appendMs = (impl: BenchImpl, total: number) =>
  page.evaluate(({ impl, total, batchSize }) => (window.__eventLab as unknown as H).benchAppend({ impl, total, batchSize }), { impl, total, batchSize: BATCH });

/** Runs the implementations interleaved (so drift hits all alike): one warm-up round, then RUNS. */
async function appendMedians(total: number, warmUp: boolean) {
  const impls: BenchImpl[] = ['store', 'raw', 'dexie'];
  const times: Record<BenchImpl, number[]> = { store: [], raw: [], dexie: [] };
  if (warmUp) for (const impl of impls) await appendMs(impl, total);
  for (let r = 0; r < RUNS; r++) for (const impl of impls) times[impl].push(await appendMs(impl, total));
  const rate = (impl: BenchImpl) => total / (median(times[impl]) / 1000);
  return { store: rate('store'), raw: rate('raw'), dexie: rate('dexie') };
}

for (const [total, label, warmUp] of [
  [10_000, '10k', true],
  [100_000, '100k', false],
] as const) {
  test(`append ${label} events in batches of ${BATCH}`, async () => {
    // 3 implementations × 5 runs of 100,000 disk writes: ~1.5 M events at a few thousand per second.
    test.setTimeout(total >= 100_000 ? 2_400_000 : 600_000);
    const r = await appendMedians(total, warmUp);
    record(`eventstore: append ${label} (batches of 1,000) vs raw idb puts`, r.store, 'events/s', r.raw);
    record(`eventstore: append ${label} (batches of 1,000) vs Dexie bulkAdd`, r.store, 'events/s', r.dexie);
    expect(r.store).toBeGreaterThan(0);
  });
}

test('rebuild three projections from 100k stored events', async () => {
  test.setTimeout(600_000);
  const name = `bench-rebuild-${Date.now()}`;
  await page.evaluate((n) => (window.__eventLab as unknown as H).seedEvents(n, 100_000), name);
  const run = (impl: 'store' | 'raw') => page.evaluate(({ impl, name }) => (window.__eventLab as unknown as H).benchRebuild({ impl, name }), { impl, name });
  // Same read models both ways (a benchmark of a wrong answer is worthless).
  const [a, b] = [await run('store'), await run('raw')];
  expect(a.states).toEqual(b.states);
  const times = { store: [] as number[], raw: [] as number[] };
  for (let i = 0; i < RUNS; i++) {
    times.store.push((await run('store')).ms);
    times.raw.push((await run('raw')).ms);
  }
  const rate = (xs: number[]) => 100_000 / (median(xs) / 1000);
  record('eventstore: rebuild 3 projections from 100k events vs raw getAll + puts', rate(times.store), 'events/s', rate(times.raw));
});
