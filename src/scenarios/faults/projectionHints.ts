/**
 * What the Slow projection dialog proposes and says. A slowed read model applies only events stored at least
 * `lagMs` before the step's time (steps/readSide.ts: `recordedAt <= time - lag`), and each step moves the clock by the
 * scenario's `stepMs`: a lag shorter than one step is caught up at the very next step. A learner's walkthrough of
 * Event sourcing (60 s a step) armed the old 10 s default and saw the fault for one step only.
 */

/** The proposed lag, in seconds: two steps' worth of simulated time, and never under 10 s. */
export const defaultLagSeconds = (stepMs: number): number => Math.max(10, Math.ceil((2 * stepMs) / 1000));

/** How many steps after it is stored an event is applied, when each step is `stepMs` (at least the next step). */
export const stepsBehind = (lagMs: number, stepMs: number): number => Math.max(1, Math.ceil(lagMs / stepMs));

/** The dialog's hint for a lag of `seconds`. */
export function lagHint(seconds: number, stepMs: number): string {
  const step = `${stepMs / 1000} s`;
  // While the field is empty or not a number yet, only the step's time is told.
  if (!(seconds > 0)) return `Each step here is ${step} of simulated time.`;
  const k = stepsBehind(seconds * 1000, stepMs);
  return `Each step here is ${step} of simulated time, so an event stored at a step is applied ${k === 1 ? 'at the next step' : `${k} steps later`}.`;
}
