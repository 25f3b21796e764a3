/**
 * Stepper: jumping to random steps of a 10,000-step run, with snapshots every 25 steps, against
 * recomputing the same steps from step 0 (the baseline). Target: ≤ 16 ms median per jump.
 *
 * Issue 19, point 12: 10,000 publish steps (every event in its own stream, the case that was
 * quadratic) reached from scratch, target ≤ 1 s, against 10 × the time to reach step 1,000 in the
 * same run (ratio ≈ 1 means linear; the quadratic stepper gave ≈ 0.1); and a jump in that run, target
 * ≤ 16 ms, against recomputing from step 0.
 */
import { test } from 'vitest';
import { median, record } from '../harness';
import { longScenario } from '../longRun';
import { publishScenario } from '../../src/scenarios/heavy.fixtures';
import { findBuiltin } from '../../src/scenarios/content';
import { Stepper } from '../../src/scenarios/stepper';
import { nextInt, seedRng } from '../../src/engine/sim/random';

const longRun = (steps: number) => longScenario(findBuiltin('pubsub-basics')!, steps);

test('stepper: random jumps in a 10,000-step run', () => {
  const scenario = longRun(10_000);
  const stepper = new Stepper(scenario, []);
  stepper.at(10_000); // Build the snapshots once, as a learner's first play-through does.

  let rng = seedRng(99);
  const targets: number[] = [];
  for (let i = 0; i < 200; i++) {
    const [k, next] = nextInt(rng, 10_001);
    rng = next;
    targets.push(k);
  }
  const jumps: number[] = [];
  for (const k of targets) {
    const t0 = performance.now();
    stepper.at(k);
    jumps.push(performance.now() - t0);
  }
  // Baseline: the same targets recomputed from step 0 with no snapshots (a fresh stepper each time).
  const baseline: number[] = [];
  for (const k of targets.slice(0, 5)) {
    const fresh = new Stepper(scenario, [], Number.MAX_SAFE_INTEGER);
    const t0 = performance.now();
    fresh.at(k);
    baseline.push(performance.now() - t0);
  }
  record('stepper: jump to a random step of 10,000 (median)', median(jumps), 'ms', median(baseline), false);
});

test('stepper: 10,000 publish steps from scratch, and jumps in them', () => {
  const scenario = publishScenario(10_000);
  const reach = (k: number) => {
    const stepper = new Stepper(scenario, []);
    const t0 = performance.now();
    stepper.at(k);
    return { ms: performance.now() - t0, stepper };
  };
  reach(2_000); // warm-up
  const thousand = median([1, 2, 3, 4, 5].map(() => reach(1_000).ms));
  const runs = [1, 2, 3].map(() => reach(10_000));
  record(
    'stepper: reach step 10,000 of 10,000 publish steps from scratch (median of 3)',
    median(runs.map((r) => r.ms)),
    'ms',
    10 * thousand,
    false,
  );

  const stepper = runs[0]!.stepper;
  let rng = seedRng(7);
  const jumps: number[] = [];
  for (let i = 0; i < 200; i++) {
    const [k, next] = nextInt(rng, 10_001);
    rng = next;
    const t0 = performance.now();
    stepper.at(k);
    jumps.push(performance.now() - t0);
  }
  const fromZero = [1, 2, 3].map(() => {
    const fresh = new Stepper(scenario, [], Number.MAX_SAFE_INTEGER);
    const t0 = performance.now();
    fresh.at(5_000);
    return performance.now() - t0;
  });
  record('stepper: jump in 10,000 publish steps (median of 200)', median(jumps), 'ms', median(fromZero), false);
  const sorted = [...jumps].sort((a, b) => a - b);
  record(
    'stepper: jump in 10,000 publish steps (95th percentile of 200)',
    sorted[Math.floor(sorted.length * 0.95)]!,
    'ms',
    median(fromZero),
    false,
  );
});
