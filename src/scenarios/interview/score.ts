/**
 * A mock interview's score: one point per rubric point, per key run and per interviewer what-if. A what-if
 * passes only when the learner chose a right answer and the run that checks it (on their design) passes:
 * a wrong choice is never credited, even when the run it was checked by happens to pass (a strategy that
 * changes nothing in the design), and a right choice on a design that fails its run is not credited either.
 * One implementation for the scorecard just finished and a saved one read back.
 */
export interface PointVerdict {
  pass: boolean;
}

export interface WhatIfPoint {
  choice: { correct: boolean } | null;
  run: PointVerdict | null;
}

export const whatIfPasses = (w: WhatIfPoint): boolean => (w.choice?.correct ?? false) && (w.run?.pass ?? true);

export function scoreOf(r: {
  rubric: readonly PointVerdict[];
  runs: readonly PointVerdict[];
  whatIfs: readonly WhatIfPoint[];
}): { passed: number; total: number } {
  const passes = [...r.rubric.map((p) => p.pass), ...r.runs.map((p) => p.pass), ...r.whatIfs.map(whatIfPasses)];
  return { passed: passes.filter(Boolean).length, total: passes.length };
}
