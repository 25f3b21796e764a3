import { describe, expect, it, vi } from 'vitest';
import { findBuiltin } from './content';
import { publishScenario } from './heavy.fixtures';
import { Stepper } from './stepper';

describe('Stepper.at guards its step (issue 19, point 7)', () => {
  const stepper = new Stepper(findBuiltin('pubsub-basics')!, []);

  it('throws a RangeError for a negative, fractional or non-finite step', () => {
    // Checked in this order: NaN made `worldBefore` loop forever, so it is asked last.
    for (const bad of [-1, 1.5, -0.5, Infinity, -Infinity, Number.MAX_SAFE_INTEGER + 2, NaN]) {
      expect(() => stepper.at(bad), String(bad)).toThrow(RangeError);
    }
  });

  it('accepts whole steps and clamps beyond the end to the last step', () => {
    expect(stepper.at(0).world.step).toBe(0);
    expect(stepper.at(stepper.lastStep + 5).world.step).toBe(stepper.lastStep);
  });
});

describe('reaching a step is linear (issue 19, point 12)', () => {
  it('reaching step k applies at most snapshotEvery steps from the nearest snapshot', () => {
    const every = 25;
    const stepper = new Stepper(publishScenario(2000), [], every);
    const apply = vi.spyOn(stepper as unknown as { apply: (...a: unknown[]) => unknown }, 'apply');
    stepper.at(2000);
    expect(apply).toHaveBeenCalledTimes(2000);
    for (const k of [1999, 1000, 1501, 26, 2000]) {
      apply.mockClear();
      stepper.at(k);
      expect(apply.mock.calls.length, `step ${k}`).toBeLessThanOrEqual(every);
    }
  });
});
