/**
 * Practice mode: a learner's design answer against the reference. Choices are graded exactly —
 * agreed, missed, or wrong with the content's reason — and nothing is ever credited from words:
 * free text is shown beside the reference, and the learner judges each key point themselves
 * (recorded as self-assessed, never as a grade).
 */
import type { ScenarioDef } from './schema';

export type PracticeQuestion = NonNullable<ScenarioDef['practice']>['questions'][number];
export type PracticeChoice = NonNullable<PracticeQuestion['choices']>[number];

export interface PracticeAnswer {
  choices: string[];
  text: string;
}

export interface PracticeGrade {
  /** Choices the reference includes and the learner picked. */
  agreed: string[];
  /** Choices the reference includes that the learner did not pick. */
  missed: string[];
  /** Choices the learner picked that the reference leaves out, each with why. */
  wrong: { id: string; why: string }[];
  /** Every choice right: all the reference's picked, none of the others. Null for a question without choices. */
  correct: boolean | null;
}

/** Exact grading of the picked choices; the free text plays no part. Unknown ids are ignored. */
export function gradePractice(q: PracticeQuestion, answer: PracticeAnswer): PracticeGrade {
  const choices = q.choices ?? [];
  const picked = new Set(answer.choices);
  const agreed = choices.filter((c) => c.inReference && picked.has(c.id)).map((c) => c.id);
  const missed = choices.filter((c) => c.inReference && !picked.has(c.id)).map((c) => c.id);
  const wrong = choices.flatMap((c) => (!c.inReference && picked.has(c.id) ? [{ id: c.id, why: c.why }] : []));
  return { agreed, missed, wrong, correct: choices.length ? missed.length === 0 && wrong.length === 0 : null };
}

/** Answers are kept in the run as `answer` inputs: the choice ids, then the text prefixed "text:". */
export const encodePracticeAnswer = (a: PracticeAnswer): string[] => [...a.choices, `text:${a.text}`];

export function decodePracticeAnswer(raw: string | string[] | undefined): PracticeAnswer | null {
  if (!Array.isArray(raw)) return null;
  const text = raw.find((x) => x.startsWith('text:'));
  return { choices: raw.filter((x) => !x.startsWith('text:')), text: text ? text.slice(5) : '' };
}

export const practiceQuestionId = (id: string) => `practice:${id}`;

/** The learner's own judgement of each key point: covered ("yes") or not ("not quite"). */
export type SelfAssessment = Record<string, 'yes' | 'no'>;

/** Self-assessments are a separate `answer` input per question: `["<pointId>=yes", "<pointId>=no"…]`. */
export const selfAssessmentId = (id: string) => `practice-self:${id}`;

export const encodeSelfAssessment = (a: SelfAssessment): string[] => Object.entries(a).map(([k, v]) => `${k}=${v}`);

export function decodeSelfAssessment(raw: string | string[] | undefined): SelfAssessment {
  if (!Array.isArray(raw)) return {};
  const out: SelfAssessment = {};
  for (const x of raw) {
    const m = /^(.+)=(yes|no)$/.exec(x);
    if (m) out[m[1]!] = m[2] as 'yes' | 'no';
  }
  return out;
}

/** How many of a question's hints the learner has opened: an `answer` input `["<n>"]` per question. */
export const hintsUsedId = (id: string) => `practice-hints:${id}`;

export function decodeHintsUsed(raw: string | string[] | undefined, available: number): number {
  const n = Array.isArray(raw) ? Number(raw[0]) : NaN;
  return Number.isInteger(n) && n > 0 ? Math.min(n, available) : 0;
}
