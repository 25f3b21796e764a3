/**
 * Stepper: jumping to random steps of a 10,000-step run, with snapshots every 25 steps, against
 * recomputing the same steps from step 0 (the baseline). Target: ≤ 16 ms median per jump.
 */
import { test } from 'vitest';
import { median, record } from '../harness';
import { findBuiltin } from '../../src/scenarios/content';
import type { ScenarioDef, StepDef } from '../../src/scenarios/schema';
import { Stepper } from '../../src/scenarios/stepper';
import { nextInt, seedRng } from '../../src/engine/sim/random';

/** A long run: pubsub-basics' topology with its publish/poll pattern repeated to 10,000 steps. */
function longScenario(steps: number): ScenarioDef {
  const base = findBuiltin('pubsub-basics')!;
  const script: StepDef[] = [];
  for (let i = 0; script.length < steps; i++) {
    const k = `order-${i % 500}`;
    script.push({ title: 'publish', narration: '', action: { kind: 'publish', producer: 'checkout', topic: 'orders', event: { eventType: 'OrderPlaced', streamId: k, key: k, data: { n: i } } } });
    if (i % 4 === 3) script.push({ title: 'poll', narration: '', action: { kind: 'poll', group: 'billing', member: i % 8 === 3 ? 'billing-1' : 'billing-2' } });
    if (i % 6 === 5) script.push({ title: 'poll', narration: '', action: { kind: 'poll', group: 'analytics', member: 'analytics-1' } });
  }
  return { ...base, id: 'long', steps: script.slice(0, steps).map((s) => ({ ...s, narration: 'step' })) };
}

test('stepper: random jumps in a 10,000-step run', () => {
  const scenario = longScenario(10_000);
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
