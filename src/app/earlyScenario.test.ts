/** The early read of a saved scenario is taken once, by the scenario it was started for. */
import { describe, expect, it } from 'vitest';
import { readScenarioEarly, takeEarlyScenario } from './earlyScenario';
import { loadScenario } from './library';

describe('reading a saved scenario early', () => {
  it('gives the route what loadScenario gives, once, and only for its own scenario', async () => {
    readScenarioEarly('no-such-scenario', null);
    expect(takeEarlyScenario('another')).toBeNull();
    const early = takeEarlyScenario('no-such-scenario');
    expect(early).not.toBeNull();
    expect(await early).toEqual(await loadScenario('no-such-scenario'));
    expect(takeEarlyScenario('no-such-scenario')).toBeNull();
  });
});
