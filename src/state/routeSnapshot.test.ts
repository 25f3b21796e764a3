import { describe, expect, it } from 'vitest';
import { createRouteSnapshot } from './routeSnapshot';

describe('the hash route snapshot', () => {
  it('returns the same object while the hash is unchanged, the empty hash of the bare address included', () => {
    for (const start of ['', '#', '#/', '#/s/pubsub-basics/3', '#/nowhere']) {
      let hash = start;
      const snapshot = createRouteSnapshot(() => hash);
      const first = snapshot();
      for (let i = 0; i < 5; i++) expect(snapshot()).toBe(first);
      hash = '#/s/pubsub-basics/4';
      const moved = snapshot();
      expect(moved).not.toBe(first);
      expect(moved).toEqual({ page: 'scenario', scenarioId: 'pubsub-basics', step: 4 });
      expect(snapshot()).toBe(moved);
    }
  });

  it('parses the bare address as the start page', () => {
    expect(createRouteSnapshot(() => '')()).toEqual({ page: 'picker' });
  });
});
