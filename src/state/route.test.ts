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

  it('parses and formats a built-in run on another broker profile, with or without a step', () => {
    const r = { page: 'switch-profile', scenarioId: 'pubsub-basics', profile: 'rabbitmq', step: 4 } as const;
    expect(parseRoute('#/s/pubsub-basics/on/rabbitmq/4')).toEqual(r);
    expect(formatRoute(r)).toBe('#/s/pubsub-basics/on/rabbitmq/4');
    expect(parseRoute('#/s/pubsub-basics/on/nats')).toEqual({ ...r, profile: 'nats', step: null });
    expect(parseRoute('#/s/pubsub-basics/on/rabbitmq/x')).toEqual({
      page: 'not-found',
      hash: '#/s/pubsub-basics/on/rabbitmq/x',
    });
    expect(parseRoute('#/s/pubsub-basics/on/Rabbit%20MQ/1').page).toBe('not-found');
  });

  it('parses and formats the broker pages', () => {
    expect(parseRoute('#/compare-brokers')).toEqual({ page: 'compare-brokers' });
    expect(parseRoute('#/pick-a-broker')).toEqual({ page: 'pick-a-broker' });
    expect(formatRoute({ page: 'pick-a-broker' })).toBe('#/pick-a-broker');
  });

  it('parses and formats the cheat sheets: everything studied, or one scenario', () => {
    expect(parseRoute('#/cheat-sheet')).toEqual({ page: 'cheat-sheet', scenarioId: null });
    expect(parseRoute('#/cheat-sheet/ride-sharing')).toEqual({ page: 'cheat-sheet', scenarioId: 'ride-sharing' });
    expect(parseRoute('#/cheat-sheet/a b')).toEqual({ page: 'not-found', hash: '#/cheat-sheet/a b' });
    expect(parseRoute('#/cheat-sheet/x/1').page).toBe('not-found');
    expect(formatRoute({ page: 'cheat-sheet', scenarioId: null })).toBe('#/cheat-sheet');
    expect(formatRoute({ page: 'cheat-sheet', scenarioId: 'ride-sharing' })).toBe('#/cheat-sheet/ride-sharing');
  });

  it('parses and formats the mock interview', () => {
    expect(parseRoute('#/mock-interview')).toEqual({ page: 'mock-interview' });
    expect(formatRoute({ page: 'mock-interview' })).toBe('#/mock-interview');
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

describe('embed routes', () => {
  it('parses and formats an embedded scenario and an embedded share link', () => {
    expect(parseRoute('#/embed/s/pubsub-basics/3')).toEqual({
      page: 'embed',
      of: { page: 'scenario', scenarioId: 'pubsub-basics', step: 3 },
    });
    expect(formatRoute({ page: 'embed', of: { page: 'scenario', scenarioId: 'pubsub-basics', step: 3 } })).toBe(
      '#/embed/s/pubsub-basics/3',
    );
    expect(parseRoute('#/embed/share/abc_-9')).toEqual({ page: 'embed', of: { page: 'share', data: 'abc_-9' } });
    expect(formatRoute({ page: 'embed', of: { page: 'share', data: 'abc_-9' } })).toBe('#/embed/share/abc_-9');
  });

  it('embeds nothing else', () => {
    for (const bad of [
      '#/embed',
      '#/embed/',
      '#/embed/r/run-1/2',
      '#/embed/embed/s/x/1',
      '#/embed/s/<b>/1',
      '#/embed/s/x/y',
    ])
      expect(parseRoute(bad).page).toBe('not-found');
  });
});
