import { describe, expect, it } from 'vitest';
import { createInMemoryEventStore } from '../eventstore';
import type { RecordedEvent } from '../types';
import { createInMemoryCheckpointStore, createRelay, type CheckpointStore } from './index';

async function storeWith(n: number) {
  const store = createInMemoryEventStore();
  for (let i = 1; i <= n; i++)
    await store.appendToStream(`ride-${i % 2}`, [{ eventId: `e${i}`, eventType: 'RideRequested', data: { i } }]);
  return store;
}

describe('relay (outbox)', () => {
  it('given stored events, when pumped, then they are published in store order and the checkpoint follows', async () => {
    const store = await storeWith(5);
    const checkpoints = createInMemoryCheckpointStore();
    const published: string[] = [];
    const relay = createRelay({
      store,
      checkpoints,
      publish: (e) => {
        published.push(e.eventId);
        return { topic: 'rides', partition: 0, offset: published.length - 1 };
      },
    });
    const r = await relay.pump();
    expect(published).toEqual(['e1', 'e2', 'e3', 'e4', 'e5']);
    expect(r.error).toBeNull();
    expect(r.effects[2]).toMatchObject({
      kind: 'event-relayed',
      eventId: 'e3',
      position: 3,
      topic: 'rides',
      partition: 0,
      offset: 2,
    });
    expect(relay.position).toBe(5);
    expect(await checkpoints.load('relay')).toMatchObject({ position: 5 });
    await store.appendToStream('ride-9', [{ eventId: 'e6', eventType: 'RideRequested', data: {} }]);
    expect((await relay.pump()).published.map((e) => e.eventId)).toEqual(['e6']);
    expect((await relay.pump()).published).toEqual([]);
  });

  it('a failing publish stops the relay before its checkpoint moves; the next pump resumes at that event', async () => {
    const store = await storeWith(4);
    const checkpoints = createInMemoryCheckpointStore();
    let down = true;
    const published: string[] = [];
    const relay = createRelay({
      store,
      checkpoints,
      publish: async (e) => {
        if (e.eventId === 'e3' && down) throw new Error('broker unavailable');
        published.push(e.eventId);
      },
    });
    const r = await relay.pump();
    expect((r.error as Error).message).toBe('broker unavailable');
    expect(relay.position).toBe(2);
    down = false;
    await relay.pump();
    expect(published).toEqual(['e1', 'e2', 'e3', 'e4']);
  });

  it('a crash between publishing and saving the checkpoint loses nothing and publishes that event twice', async () => {
    const store = await storeWith(4);
    const inner = createInMemoryCheckpointStore();
    let crashAt: number | null = 3;
    const crashing: CheckpointStore = {
      load: (n) => inner.load(n),
      save: async (records) => {
        if (records[0]!.position === crashAt) throw new Error('tab closed');
        await inner.save(records);
      },
    };
    const log: RecordedEvent[] = [];
    const publish = (e: RecordedEvent) => {
      log.push(e);
    };
    await expect(createRelay({ store, checkpoints: crashing, publish }).pump()).rejects.toThrow('tab closed');
    crashAt = null;
    const restarted = createRelay({ store, checkpoints: crashing, publish });
    await restarted.pump();
    expect(log.map((e) => e.eventId)).toEqual(['e1', 'e2', 'e3', 'e3', 'e4']);
    expect(new Set(log.map((e) => e.eventId))).toEqual(new Set(['e1', 'e2', 'e3', 'e4']));
    expect(restarted.position).toBe(4);
  });

  it('a filter publishes some events but moves the checkpoint past all', async () => {
    const store = await storeWith(4);
    const out: string[] = [];
    const relay = createRelay({
      store,
      checkpoints: createInMemoryCheckpointStore(),
      publish: (e) => void out.push(e.eventId),
      filter: (e) => e.streamId === 'ride-0',
    });
    await relay.pump();
    expect(out).toEqual(['e2', 'e4']);
    expect(relay.position).toBe(4);
  });

  it('an event the broker refuses stops the relay there with the reason; the checkpoint never moves past it', async () => {
    // Kafka refuses e.g. a keyless record for a compacted topic (InvalidRecordException): the relay
    // must not checkpoint past it, or the outbox would have lost it.
    const store = await storeWith(4);
    const checkpoints = createInMemoryCheckpointStore();
    let fixed = false;
    const out: string[] = [];
    const relay = createRelay({
      store,
      checkpoints,
      publish: (e) =>
        e.eventId === 'e2' && !fixed ? { refused: 'compacted topic rides requires a key' } : void out.push(e.eventId),
    });
    const r = await relay.pump();
    expect(r.stopped).toMatchObject({ position: 2, eventId: 'e2' });
    expect(r.stopped!.reason).toMatch(/refused it \(compacted topic rides requires a key\); its checkpoint stays at 1/);
    expect(relay.position).toBe(1);
    expect(await checkpoints.load('relay')).toMatchObject({ position: 1 });
    expect((await relay.pump()).stopped).toMatchObject({ position: 2 }); // retried, refused again
    fixed = true;
    const after = await relay.pump();
    expect(after.stopped).toBeNull();
    expect(out).toEqual(['e1', 'e2', 'e3', 'e4']);
    expect(relay.position).toBe(4);
  });
});
