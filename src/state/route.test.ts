import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute } from './route';

describe('routes', () => {
  it('parses the picker', () => {
    expect(parseRoute('')).toEqual({ page: 'picker' });
    expect(parseRoute('#/')).toEqual({ page: 'picker' });
  });

  it('parses a scenario at a step and formats it back', () => {
    expect(parseRoute('#/s/pubsub-basics/3')).toEqual({ page: 'scenario', scenarioId: 'pubsub-basics', step: 3 });
    expect(formatRoute({ page: 'scenario', scenarioId: 'pubsub-basics', step: 3 })).toBe('#/s/pubsub-basics/3');
    expect(parseRoute('#/s/pubsub-basics')).toEqual({ page: 'scenario', scenarioId: 'pubsub-basics', step: null });
    expect(formatRoute({ page: 'scenario', scenarioId: 'pubsub-basics', step: null })).toBe('#/s/pubsub-basics');
  });

  it('parses a branch run', () => {
    expect(parseRoute('#/r/run-1a2b/12')).toEqual({ page: 'run', runId: 'run-1a2b', step: 12 });
  });

  it('rejects malformed steps and ids instead of guessing', () => {
    expect(parseRoute('#/s/pubsub-basics/-1').page).toBe('not-found');
    expect(parseRoute('#/s/pubsub-basics/abc').page).toBe('not-found');
    expect(parseRoute('#/s/<script>/1').page).toBe('not-found');
    expect(parseRoute('#/x/y').page).toBe('not-found');
  });
});
