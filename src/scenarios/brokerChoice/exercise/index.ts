/** The "pick the broker" exercise: requirement sets, grading from cited verdicts, and facts from the runs. */
export type { Aspect, Fit, Requirement, RequirementSet, Verdict } from './types';
export { REQUIREMENT_SETS } from './sets';
export { bestFits, gradeOf, gradeSet, type Grade, type Judged, type ProfileGrade } from './grade';
export { optionOrder } from './order';
export { whatGoesWrong, type RunFact, type Shown, type WhatGoesWrong } from './facts';
export { score, type Score, type ScoreLine } from './score';
