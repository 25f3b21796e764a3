import { describe, expect, it } from 'vitest';
import { createInMemoryEventStore } from '../eventstore';
import type { RecordedEvent } from '../types';
import { createUpcasterChain } from './upcasters';
import { rideAcceptedV1toV2, rideAcceptedV2toV3 } from './fixtures.testkit';

const stored = (schemaVersion: number, data: unknown): RecordedEvent => ({
  eventId: 'e1',
  eventType: 'RideAccepted',
  schemaVersion,
  data,
  metadata: {},
  streamId: 'ride-1',
  revision: 1,
  position: 2,
  recordedAt: 5,
});

describe('upcasters (given a stored event / when read / then the newest version)', () => {
  const chain = createUpcasterChain([rideAcceptedV2toV3, rideAcceptedV1toV2]);

  it('chains v1 → v2 → v3 in version order, whatever the registration order', () => {
    const { event, effects } = chain.upcastWithEffects(stored(1, { driverId: 'dan' }));
    expect(event).toEqual({ ...stored(3, { driver: { id: 'dan' }, acceptedVia: 'app' }) });
    expect(effects.map((e) => (e.kind === 'event-upcast' ? [e.fromVersion, e.toVersion] : null))).toEqual([
      [1, 2],
      [2, 3],
    ]);
    expect(chain.latestVersion('RideAccepted', 1)).toBe(3);
  });

  it('starts from the stored version (v2 needs one step) and leaves the newest version alone', () => {
    expect(chain.upcast(stored(2, { driver: { id: 'eve' } })).data).toEqual({
      driver: { id: 'eve' },
      acceptedVia: 'app',
    });
    const latest = stored(3, { driver: { id: 'eve' }, acceptedVia: 'phone' });
    expect(chain.upcast(latest)).toBe(latest);
  });

  it('leaves other event types alone', () => {
    const other = { ...stored(1, { x: 1 }), eventType: 'RideRequested' };
    expect(chain.upcast(other)).toBe(other);
  });

  it('is pure: the argument is not changed', () => {
    const input = stored(1, { driverId: 'dan' });
    const copy = structuredClone(input);
    chain.upcast(input);
    expect(input).toEqual(copy);
  });

  it('stored events are never rewritten: the store still holds v1 after an upcast read', async () => {
    const store = createInMemoryEventStore();
    await store.appendToStream('ride-1', [{ eventId: 'e1', eventType: 'RideAccepted', data: { driverId: 'dan' } }]);
    const [read] = await store.readStream('ride-1');
    expect(chain.upcast(read!).schemaVersion).toBe(3);
    const [again] = await store.readStream('ride-1');
    expect(again).toMatchObject({ schemaVersion: 1, data: { driverId: 'dan' } });
  });

  it('refuses two upcasters for the same type and version', () => {
    expect(() => createUpcasterChain([rideAcceptedV1toV2, rideAcceptedV1toV2])).toThrow(
      /two upcasters for RideAccepted v1/,
    );
  });
});
