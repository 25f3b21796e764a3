import { describe, expect, it } from 'vitest';
import { findBuiltin } from '../content';
import { Stepper } from '../stepper';
import { defaultLagSeconds, lagHint, stepsBehind } from './projectionHints';

describe('slow projection hints', () => {
  it('propose two steps of lag (never under 10 s) and say how many steps an event waits', () => {
    expect(defaultLagSeconds(1000)).toBe(10);
    expect(defaultLagSeconds(60_000)).toBe(120);
    expect(stepsBehind(10_000, 60_000)).toBe(1);
    expect(stepsBehind(120_000, 60_000)).toBe(2);
    expect(stepsBehind(10_000, 1000)).toBe(10);
    expect(lagHint(120, 60_000)).toBe(
      'Each step here is 60 s of simulated time, so an event stored at a step is applied 2 steps later.',
    );
    expect(lagHint(10, 60_000)).toMatch(/applied at the next step\.$/);
    expect(lagHint(Number.NaN, 60_000)).toBe('Each step here is 60 s of simulated time.');
  });

  it('the hint is what the run does: event sourcing slowed by its default lag applies a stored event that many steps later', () => {
    const scenario = findBuiltin('event-sourcing')!;
    const projection = scenario.topology.projections![0]!.name;
    const lagMs = defaultLagSeconds(scenario.stepMs) * 1000;
    const k = stepsBehind(lagMs, scenario.stepMs);
    // Find a step that stores an event after the fault, and the step its projection's checkpoint passes it.
    const at = 2;
    const run = new Stepper(scenario, [{ kind: 'slow-projection', atStep: at, projection, lagMs, steps: 10 }]);
    const stored = (s: number) => run.at(s).effects.filter((e) => e.kind === 'event-stored').length;
    const storeStep = [...Array(run.lastStep).keys()].map((i) => i + 1).find((s) => s > at + 1 && stored(s) > 0)!;
    expect(storeStep).toBeDefined();
    const applied = (s: number) =>
      run
        .at(s)
        .effects.some(
          (e) => e.kind === 'projection-applied' && (e as { projection?: string }).projection === projection,
        );
    const firstApplied = [...Array(k + 2).keys()]
      .map((i) => storeStep + i)
      .find((s) => s <= run.lastStep && applied(s));
    expect(firstApplied).toBe(storeStep + k);
  });
});
