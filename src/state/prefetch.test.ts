/** The step after the one on screen is computed when the browser is idle, and only the latest request runs. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findBuiltin } from '../scenarios/content';
import { Stepper } from '../scenarios/stepper';
import { nextStepWhenIdle } from './prefetch';

const scenario = findBuiltin('pubsub-basics')!;

/** A fake requestIdleCallback whose callbacks run when `runIdle()` is called. */
function fakeIdle() {
  const queued = new Map<number, () => void>();
  let id = 0;
  vi.stubGlobal('requestIdleCallback', (run: () => void) => (queued.set(++id, run), id));
  vi.stubGlobal('cancelIdleCallback', (n: number) => queued.delete(n));
  return {
    runIdle: () => {
      for (const [n, run] of [...queued]) {
        queued.delete(n);
        run();
      }
    },
    pending: () => queued.size,
  };
}

afterEach(() => vi.unstubAllGlobals());

describe('computing the next step ahead', () => {
  it('asks the stepper for the step when idle; a newer request replaces one not yet run', () => {
    const idle = fakeIdle();
    const stepper = new Stepper(scenario, []);
    const at = vi.spyOn(stepper, 'at');
    const prefetch = nextStepWhenIdle(() => stepper);
    prefetch(3);
    prefetch(4);
    expect(idle.pending()).toBe(1);
    idle.runIdle();
    expect(at.mock.calls).toEqual([[4]]);
  });

  it('computes nothing beyond the last step, for a story that changed meanwhile, or without requestIdleCallback', () => {
    const idle = fakeIdle();
    let stepper = new Stepper(scenario, []);
    const prefetch = nextStepWhenIdle(() => stepper);
    prefetch(stepper.lastStep + 1);
    expect(idle.pending()).toBe(0);
    const first = stepper;
    const at = vi.spyOn(first, 'at');
    prefetch(2);
    stepper = new Stepper(scenario, []);
    idle.runIdle();
    expect(at).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
    expect(() => nextStepWhenIdle(() => stepper)(2)).not.toThrow();
  });
});
