/**
 * Valid scenarios that are heavy to run, generated for tests and benchmarks: long runs of publish
 * steps, and an aggregate whose state grows by concatenation.
 */
import { findBuiltin } from './content';
import type { ScenarioDef, StepDef } from './schema';

/** pubsub-basics' topology with `steps` publish steps; `streams: 'distinct'` gives every event its own stream and key. */
export function publishScenario(steps: number, streams: 'distinct' | 'one' = 'distinct'): ScenarioDef {
  const base = findBuiltin('pubsub-basics')!;
  const script: StepDef[] = [];
  for (let i = 0; i < steps; i++) {
    const id = streams === 'one' ? 'order-1' : `order-${i}`;
    script.push({
      title: `Publish ${i + 1}`,
      narration: 'Checkout publishes an order event.',
      action: {
        kind: 'publish',
        producer: 'checkout',
        topic: 'orders',
        event: { eventType: 'OrderPlaced', streamId: id, key: id, data: { n: i } },
      },
    });
  }
  return { ...base, id: `publish-${steps}`, steps: script };
}

/**
 * A cart whose `log` field concatenates itself `copies` times with every ItemAdded: with 20 copies
 * and a 1,000-character start it is 160 million characters after four events.
 */
export function concatScenario(steps: number, copies = 20): ScenarioDef {
  const base = findBuiltin('pubsub-basics')!;
  const self = Array.from({ length: copies }, () => ({ ref: 'state.log' }));
  const script: StepDef[] = Array.from({ length: steps }, (_, i) => ({
    title: `Add item ${i + 1}`,
    narration: 'The cart records one more item.',
    action: { kind: 'command', aggregate: 'Cart', id: 'c1', command: 'AddItem', data: { sku: `sku-${i}` } },
  }));
  return {
    ...base,
    id: 'concat-cart',
    topology: {
      ...base.topology,
      aggregates: [
        {
          type: 'Cart',
          streamPrefix: 'cart-',
          version: 1,
          initial: 'open',
          fields: { log: 'x'.repeat(1000) },
          commands: [
            {
              command: 'AddItem',
              when: ['open'],
              emit: [{ eventType: 'ItemAdded', data: { sku: { ref: 'command.sku' } } }],
            },
          ],
          evolve: [{ eventType: 'ItemAdded', set: { log: { concat: self } } }],
        },
      ],
    },
    steps: script,
  };
}
