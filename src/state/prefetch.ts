/**
 * The step after the one on screen, computed while the browser is idle: stepping forward (and Play)
 * asks for it next, and the stepper keeps it (Stepper's recent steps), so the move itself costs only
 * drawing. A step of a busy run (a poll of 1,000 records) takes ~10 ms to compute, which made the
 * frame that showed it a long one. Only where the browser has requestIdleCallback; a newer request
 * replaces one not yet run (scrubbing computes nothing ahead); a failure is left for the move itself.
 */
import type { Stepper } from '../scenarios/stepper';

type Idle = {
  requestIdleCallback?: (run: () => void, options?: { timeout: number }) => number;
  cancelIdleCallback?: (id: number) => void;
};

export function nextStepWhenIdle(current: () => Stepper): (step: number) => void {
  const idle = globalThis as Idle;
  let pending: number | null = null;
  return (step) => {
    if (!idle.requestIdleCallback) return;
    if (pending !== null) idle.cancelIdleCallback?.(pending);
    const stepper = current();
    if (step > stepper.lastStep) return;
    pending = idle.requestIdleCallback(() => {
      pending = null;
      if (current() !== stepper) return; // the story changed meanwhile
      try {
        stepper.at(step);
      } catch {
        // the move to that step meets it and says so
      }
    });
  };
}
