/**
 * Benchmark helpers shared by Node benches (bench/node/*.bench.ts, run by Vitest) and browser
 * benches (bench/browser/*.spec.ts, run by Playwright). Each figure is printed next to a baseline
 * measured in the same run and appended to bench-results.jsonl; scripts/bench.mjs gathers them into
 * bench-results.json.
 */
import { appendFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  baseline: number | null;
  ratio: number | null;
}

export const RESULTS_JSONL = resolve(process.cwd(), 'bench-results.jsonl');

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** Runs `fn` `runs` times (after one warm-up) and returns the median of the values it reports. */
export async function medianOf(runs: number, fn: () => number | Promise<number>): Promise<number> {
  await fn();
  const values: number[] = [];
  for (let i = 0; i < runs; i++) values.push(await fn());
  return median(values);
}

/** Milliseconds taken by `fn` (high-resolution). */
export async function timeMs(fn: () => unknown): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/**
 * Records one figure. `higherIsBetter` decides the ratio's direction so that a ratio ≥ 1 always
 * means "at least as good as the baseline".
 */
export function record(
  name: string,
  value: number,
  unit: string,
  baseline: number | null = null,
  higherIsBetter = true,
): BenchResult {
  const ratio = baseline === null || baseline === 0 ? null : higherIsBetter ? value / baseline : baseline / value;
  const result: BenchResult = {
    name,
    value: round(value),
    unit,
    baseline: baseline === null ? null : round(baseline),
    ratio: ratio === null ? null : round(ratio, 3),
  };
  appendFileSync(RESULTS_JSONL, JSON.stringify(result) + '\n');
  const base = result.baseline === null ? '' : `   baseline ${fmt(result.baseline)} ${unit}   ratio ${result.ratio}`;
  console.log(`[bench] ${name}: ${fmt(result.value)} ${unit}${base}`);
  return result;
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
const fmt = (x: number) => (Math.abs(x) >= 1000 ? Math.round(x).toLocaleString('en-US') : String(x));
