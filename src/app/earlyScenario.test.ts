/** The early read of a saved scenario is taken once, by the scenario it was started for. */
import { describe, expect, it, vi } from 'vitest';
import { readScenarioEarly, takeEarlyScenario } from './earlyScenario';
import { loadScenario } from './library';

const asked: string[] = [];
vi.mock('../scenarios/content/lazy', async (importOriginal) => {
  const real = await importOriginal<typeof import('../scenarios/content/lazy')>();
  return {
    ...real,
    loadBuiltin: (id: string) => {
      asked.push(id);
      return real.loadBuiltin(id);
    },
  };
});

describe('reading a saved scenario early', () => {
  it('gives the route what loadScenario gives, once, and only for its own scenario', async () => {
    readScenarioEarly('no-such-scenario', null);
    expect(takeEarlyScenario('another')).toBeNull();
    const early = takeEarlyScenario('no-such-scenario');
    expect(early).not.toBeNull();
    expect(await early).toEqual(await loadScenario('no-such-scenario'));
    expect(takeEarlyScenario('no-such-scenario')).toBeNull();
  });

  it('a built-in’s file is asked for at once, before the code that reads it has loaded', async () => {
    asked.length = 0;
    readScenarioEarly('pubsub-basics', 3);
    // Synchronously: the early read's own chunk (earlyRun.ts, which reads it again) is still loading.
    expect(asked).toEqual(['pubsub-basics']);
    expect(await takeEarlyScenario('pubsub-basics')).toMatchObject({ ok: true, saved: false });
  });
});
