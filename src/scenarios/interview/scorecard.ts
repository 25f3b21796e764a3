/**
 * A finished interview's scorecard: the grade of the design its answers built, each what-if with its
 * verdict and the run that checks it (on that design), the requirements asked about, and what to study.
 */
import { designOf, patchesOf, type Answers } from './answers';
import { brokerPoint } from './broker';
import { clarifyPoint } from './clarify';
import { gradeDesign, resolveRun } from './grade';
import { namesOf } from './patches';
import type { InterviewPrompt, Requirement, WhatIf } from './prompt';
import { designRefOf, type DesignRef } from './reopen';
import { runCheck } from './runs/runChecks';
import { scoreOf, whatIfPasses } from './score';
import type { Grade, RunResult, StudyLink } from './types';
import type { ScenarioDef } from '../schema';

export interface WhatIfVerdict {
  whatIf: WhatIf;
  /** The learner's choice (null: not answered). */
  choice: { text: string; correct: boolean; why: string } | null;
  run: RunResult | null;
  notRun: string | null;
}

export interface Scorecard {
  design: ScenarioDef;
  /** What rebuilds `design` later (stored with the scorecard, so a saved one's runs can be opened again). */
  rebuild: DesignRef;
  grade: Grade;
  whatIfs: WhatIfVerdict[];
  /** The relevant questions asked and not, and those asked though not needed (the essential ones score: `clarify.ts`). */
  requirements: { asked: Requirement[]; missed: Requirement[]; irrelevant: Requirement[] };
  study: StudyLink[];
  /** Rubric points, runs and what-ifs passed, out of all (`score.ts`). */
  score: { passed: number; total: number };
}

export function scorecardOf(prompt: InterviewPrompt, answers: Answers, whatIfs: readonly WhatIf[]): Scorecard | string {
  const { design, key } = designOf(prompt, answers);
  const r = gradeDesign(design, key, prompt.reference);
  if (!r.ok) return `The design your answers built does not validate: ${r.issues.map((i) => i.message).join('; ')}`;
  const names = namesOf(patchesOf(prompt, answers));
  const verdicts = whatIfs.map((w): WhatIfVerdict => {
    const c = w.choices.find((x) => x.id === answers.whatIfs[w.id]);
    return {
      whatIf: w,
      choice: c ? { text: c.text, correct: c.correct, why: c.why } : null,
      run: 'run' in w.check ? runCheck(design, resolveRun(w.check.run, names), prompt.reference) : null,
      notRun: 'notRun' in w.check ? w.check.notRun : null,
    };
  });
  const broker = brokerPoint(prompt, answers);
  // The clarifying questions come first, as their stage does.
  const clarify = clarifyPoint(prompt, answers, r.grade.rubric);
  const grade: Grade = {
    ...r.grade,
    rubric: [...(clarify ? [clarify] : []), ...r.grade.rubric, ...(broker ? [broker] : [])],
  };
  const picked = new Set(answers.requirements);
  const failed = [...grade.rubric, ...grade.runs].filter((p) => !p.pass).map((p) => p.study);
  // A what-if answered wrong (or right on a design that fails its run) sends the learner to its run's lesson.
  const missed = verdicts.filter((v) => !whatIfPasses(v) && v.run).map((v) => v.run!.study);
  const study = [...new Map([...failed, ...missed].map((s) => [`${s.scenarioId}/${s.step}`, s])).values()];
  return {
    design,
    rebuild: designRefOf(prompt, answers, whatIfs),
    grade,
    whatIfs: verdicts,
    requirements: {
      asked: prompt.requirements.filter((q) => q.relevant && picked.has(q.id)),
      missed: prompt.requirements.filter((q) => q.relevant && !picked.has(q.id)),
      irrelevant: prompt.requirements.filter((q) => !q.relevant && picked.has(q.id)),
    },
    study,
    score: scoreOf({ rubric: grade.rubric, runs: grade.runs, whatIfs: verdicts }),
  };
}
