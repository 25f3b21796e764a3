import { expect, it } from 'vitest';
import { createInMemoryEventStore } from './index';
import { checkEventStoreAgainstModel } from './modelCheck.testkit';

it('in-memory store matches the model (200 runs × up to 200 commands)', async () => {
  const stats = await checkEventStoreAgainstModel(() => createInMemoryEventStore(), { numRuns: 200, maxCommands: 200 });
  expect(stats.maxCommands).toBeGreaterThan(50);
}, 60_000);
