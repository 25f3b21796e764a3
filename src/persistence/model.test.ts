import { expect, it } from 'vitest';
import { checkEventStoreAgainstModel } from '../engine/eventstore/modelCheck.testkit';
import { openIndexedDbEventStore } from './index';
import { uniqueDbName } from './testing';

// fake-indexeddb is slower than memory: fewer runs here, the full 200 × 200 runs against the in-memory store.
it('IndexedDB store matches the model (40 runs × up to 100 commands)', async () => {
  const stats = await checkEventStoreAgainstModel(() => openIndexedDbEventStore(uniqueDbName('model')), {
    numRuns: 40,
    maxCommands: 100,
  });
  expect(stats.maxCommands).toBeGreaterThan(50);
}, 60_000);
