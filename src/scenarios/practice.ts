/**
 * Practice mode: compare a learner's design answer with the reference, point by point. Choices are
 * compared exactly; free text is searched for each key point's keywords (case-insensitive), which
 * is a hint for self-assessment, not a grade.
 */
import type { ScenarioDef } from './schema';

export type PracticeQuestion = NonNullable<ScenarioDef['practice']>['questions'][number];

export interface PracticeAnswer {
  choices: string[];
  text: string;
}

export interface PracticeComparison {
  /** Choices the reference includes and the learner picked. */
  agreed: string[];
  /** Choices the reference includes that the learner did not pick. */
  missed: string[];
  /** Choices the learner picked that the reference leaves out (with why, in the reference prose). */
  extra: string[];
  /** Key points, each covered or not by the learner's words or choices. */
  points: { id: string; text: string; covered: boolean; matched: string | null }[];
}

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ');

export function comparePractice(q: PracticeQuestion, answer: PracticeAnswer): PracticeComparison {
  const choices = q.choices ?? [];
  const picked = new Set(answer.choices);
  const text = norm(answer.text);
  // Choices the learner picked count as words they said, so a point can be covered by a choice too.
  const said = `${text} ${choices
    .filter((c) => picked.has(c.id))
    .map((c) => norm(c.text))
    .join(' ')}`;
  return {
    agreed: choices.filter((c) => c.inReference && picked.has(c.id)).map((c) => c.id),
    missed: choices.filter((c) => c.inReference && !picked.has(c.id)).map((c) => c.id),
    extra: choices.filter((c) => !c.inReference && picked.has(c.id)).map((c) => c.id),
    points: q.points.map((p) => {
      const matched = p.keywords.find((k) => said.includes(norm(k))) ?? null;
      return { id: p.id, text: p.text, covered: matched !== null, matched };
    }),
  };
}

/** Answers are kept in the run as `answer` inputs: the choice ids, then the text prefixed "text:". */
export const encodePracticeAnswer = (a: PracticeAnswer): string[] => [...a.choices, `text:${a.text}`];

export function decodePracticeAnswer(raw: string | string[] | undefined): PracticeAnswer | null {
  if (!Array.isArray(raw)) return null;
  const text = raw.find((x) => x.startsWith('text:'));
  return { choices: raw.filter((x) => !x.startsWith('text:')), text: text ? text.slice(5) : '' };
}

export const practiceQuestionId = (id: string) => `practice:${id}`;
