/**
 * Event store benchmarks in Chromium (`npm run bench`), medians of 9 (append 10k), 7 (append 100k)
 * or 5 (rebuild) after a warm-up, on a disk-backed profile (an incognito context keeps IndexedDB in
 * memory). Baselines on the same object stores and indexes, in the same run: raw idb puts in one
 * transaction per batch, Dexie bulkAdd; for the rebuild, one raw getAll plus raw puts of the same
 * read-model records and checkpoints. The page side is src/app/devtools/eventStoreHarness.ts.
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
  await page.waitForFunction(
    () => window.__eventLab?.ready === true && typeof window.__eventLab.benchAppend === 'function',
  );
});

test.afterAll(async () => {
  await context?.close();
  rmSync(profile, { recursive: true, force: true });
});

const appendMs = (impl: BenchImpl, total: number) =>
  page.evaluate(
    ({ impl, total, batchSize }) => (window.__eventLab as unknown as H).benchAppend({ impl, total, batchSize }),
    { impl, total, batchSize: BATCH },
  );

/**
 * Runs the implementations interleaved, one warm-up round (optional) then `runs` rounds, each in a
 * rotated order: a fixed order would always hand one implementation the background work left by
 * the previous one (the deleted database of the run before), and drift on a busy machine would
 * hit the implementations unevenly.
 */
async function appendTimes(total: number, runs: number, warmUp: boolean) {
  const impls: BenchImpl[] = ['store', 'raw', 'dexie'];
  const times: Record<BenchImpl, number[]> = { store: [], raw: [], dexie: [] };
  if (warmUp) for (const impl of impls) await appendMs(impl, total);
  for (let r = 0; r < runs; r++)
    for (let i = 0; i < impls.length; i++) {
      const impl = impls[(i + r) % impls.length]!;
      times[impl].push(await appendMs(impl, total));
    }
  return times;
}

/** The ratio of each round (runs next to each other in time): its median and range show the noise. */
function pairedRatios(store: number[], baseline: number[]): string {
  const ratios = store.map((ms, r) => baseline[r]! / ms);
  const fmt = (x: number) => x.toFixed(2);
  return `per-round ratios: median ${fmt(median(ratios))}, range ${fmt(Math.min(...ratios))}–${fmt(Math.max(...ratios))} (${ratios.map(fmt).join(' ')})`;
}

for (const [total, label, warmUp, runs] of [
  [10_000, '10k', true, 9],
  [100_000, '100k', false, 7],
] as const) {
  test(`append ${label} events in batches of ${BATCH}`, async () => {
    // 3 implementations × 7 runs of 100,000 disk writes: ~2.1 M events at a few thousand per second.
    test.setTimeout(total >= 100_000 ? 2_400_000 : 900_000);
    const t = await appendTimes(total, runs, warmUp);
    const rate = (impl: BenchImpl) => total / (median(t[impl]) / 1000);
    record(`eventstore: append ${label} (batches of 1,000) vs raw idb puts`, rate('store'), 'events/s', rate('raw'));
    console.log(`  medians of ${runs}; vs raw idb puts, ${pairedRatios(t.store, t.raw)}`);
    record(`eventstore: append ${label} (batches of 1,000) vs Dexie bulkAdd`, rate('store'), 'events/s', rate('dexie'));
    console.log(`  medians of ${runs}; vs Dexie bulkAdd, ${pairedRatios(t.store, t.dexie)}`);
    expect(rate('store')).toBeGreaterThan(0);
  });
}

test('rebuild three projections from 100k stored events', async () => {
  test.setTimeout(600_000);
  const name = `bench-rebuild-${Date.now()}`;
  await page.evaluate((n) => (window.__eventLab as unknown as H).seedEvents(n, 100_000), name);
  const run = (impl: 'store' | 'raw') =>
    page.evaluate(({ impl, name }) => (window.__eventLab as unknown as H).benchRebuild({ impl, name }), { impl, name });
  // Same read models both ways (a benchmark of a wrong answer is worthless).
  const [a, b] = [await run('store'), await run('raw')];
  expect(a.states).toEqual(b.states);
  const times = { store: [] as number[], raw: [] as number[] };
  for (let i = 0; i < RUNS; i++) {
    times.store.push((await run('store')).ms);
    times.raw.push((await run('raw')).ms);
  }
  const rate = (xs: number[]) => 100_000 / (median(xs) / 1000);
  record(
    'eventstore: rebuild 3 projections from 100k events vs raw getAll + puts',
    rate(times.store),
    'events/s',
    rate(times.raw),
  );
});
