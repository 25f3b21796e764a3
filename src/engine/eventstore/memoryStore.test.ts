import { describe, expect, it } from 'vitest';
import { runEventStoreConformance } from './conformance.testkit';
import { createInMemoryEventStore } from './index';

runEventStoreConformance('in-memory', ({ clock }) => createInMemoryEventStore({ clock }));

describe('in-memory store defaults', () => {
  it('records a logical clock 1, 2, 3… by default, one reading per append', async () => {
    const store = createInMemoryEventStore();
    await store.appendToStream('a', [
      { eventId: '1', eventType: 'A', data: 1 },
      { eventId: '2', eventType: 'A', data: 2 },
    ]);
    await store.appendToStream('a', [], { expectedRevision: 1 });
    await store.appendToStream('b', [{ eventId: '3', eventType: 'B', data: 3 }]);
    expect((await store.readAll()).map((e) => e.recordedAt)).toEqual([1, 1, 2]);
    expect(store.head).toBe(3);
  });
});
