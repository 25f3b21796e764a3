/**
 * The scorecard's clarifying-questions point, "Asked what changes the design": the prompt's essential questions
 * (`Requirement.decides`: the ones whose answers decide a part of the design) must all have been asked; it fails
 * naming each one left out. A question not needed, and a relevant one that decides nothing, stay informational (the
 * scorecard lists them; they never score). One point, like the others, so the live and the saved scorecard count it
 * the same way (`score.ts`).
 *
 * It reads the answers, never the design, so adding it changed no design an answer builds: a prompt's version was
 * not raised for it (`reopen.ts` still rebuilds scorecards saved before it; their records keep the points they were
 * graded on, without this one, and their totals).
 */
import type { Answers } from './answers';
import type { InterviewPrompt } from './prompt';
import { STUDY } from './study';
import type { RubricResult } from './types';

export const CLARIFY_TITLE = 'Asked what changes the design';

const quoted = (texts: readonly string[]) => texts.map((t) => `“${t}”`).join(', ');

/**
 * `rubric`: the design's points, whose study links the point reuses (the prompt's own lesson for what a missed
 * question decides). Null for a prompt with no essential question.
 */
export function clarifyPoint(
  prompt: InterviewPrompt,
  answers: Answers,
  rubric: readonly RubricResult[],
): RubricResult | null {
  const essential = prompt.requirements.filter((r) => r.relevant && r.decides);
  if (essential.length === 0) return null;
  const asked = new Set(answers.requirements);
  const missed = essential.filter((r) => !asked.has(r.id));
  // The lesson of what the first missed question decides (on a pass, the first question's), as its point links it.
  const decides = (missed[0] ?? essential[0]!).decides!;
  const base = {
    id: 'clarify' as const,
    title: CLARIFY_TITLE,
    study: rubric.find((p) => p.id === decides)?.study ?? STUDY[decides],
  };
  if (missed.length === 0)
    return {
      ...base,
      pass: true,
      feedback: `You asked all ${essential.length} questions whose answers change the design.`,
    };
  return {
    ...base,
    pass: false,
    feedback: `Not asked, though ${missed.length === 1 ? 'its answer changes' : 'each answer changes'} the design: ${quoted(missed.map((r) => r.text))}.`,
  };
}
