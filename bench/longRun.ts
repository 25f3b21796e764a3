/**
 * A long run for benchmarks and tests: pubsub-basics' topology with its publish/poll pattern repeated
 * to `steps` steps (orders on `keys` keys, 500 by default; billing polls every fourth publish with two
 * members, analytics every sixth). Used by the stepper bench (Node), the opening bench (Chromium), the
 * checkpoints e2e and the lag-series test; the browser callers pass the base scenario read from its
 * JSON file (Playwright's loader cannot import the built-in library).
 */
import type { ScenarioDef, StepDef } from '../src/scenarios/schema';

export function longScenario(base: ScenarioDef, steps: number, id = 'long', keys = 500): ScenarioDef {
  const script: StepDef[] = [];
  for (let i = 0; script.length < steps; i++) {
    const k = `order-${i % keys}`;
    script.push({
      title: 'publish',
      narration: '',
      action: {
        kind: 'publish',
        producer: 'checkout',
        topic: 'orders',
        event: { eventType: 'OrderPlaced', streamId: k, key: k, data: { n: i } },
      },
    });
    if (i % 4 === 3)
      script.push({
        title: 'poll',
        narration: '',
        action: { kind: 'poll', group: 'billing', member: i % 8 === 3 ? 'billing-1' : 'billing-2' },
      });
    if (i % 6 === 5)
      script.push({
        title: 'poll',
        narration: '',
        action: { kind: 'poll', group: 'analytics', member: 'analytics-1' },
      });
  }
  return { ...base, id, steps: script.slice(0, steps).map((s) => ({ ...s, narration: 'step' })) };
}
