/**
 * Which of its scenario's concept tags a question practises: the tags its prompt or its explanation (a
 * practice question's reference answer) names; not its choices, whose wrong ones name what the question is
 * not about. A scenario is tagged with everything it teaches, and one question is about one or two of those:
 * counting a question on lag toward "static membership" too would report a wrong answer for a concept never
 * asked about. A question that names none of its scenario's tags counts toward the scenario's main concept,
 * its first tag (the cheat sheet says so). Anything else graded in a scenario (the practice's design grade,
 * which covers the whole design) keeps all of the scenario's tags.
 */
import type { ScenarioDef } from './schema';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A tag as a whole phrase (a plural allowed), never inside another word. An all-capitals tag (CQRS, ISR,
 * FULL) is matched in capitals only, so the compatibility mode FULL is not found in "in full".
 */
function namedIn(text: string, tag: string): boolean {
  const caps = /^[A-Z0-9_]+$/.test(tag);
  return new RegExp(`(?<![\\w-])${escape(tag)}(?:s|es)?(?![\\w-])`, caps ? '' : 'i').test(text);
}

function questionText(s: ScenarioDef, questionId: string): string | null {
  if (questionId.startsWith('practice:')) {
    const p = s.practice?.questions.find((q) => `practice:${q.id}` === questionId);
    if (!p) return null;
    return `${p.prompt}\n${p.reference}`;
  }
  const q = s.steps.find((x) => x.question?.id === questionId)?.question;
  if (!q) return null;
  return `${q.prompt}\n${q.explanation}`;
}

export function questionConcepts(s: ScenarioDef, questionId: string): string[] {
  const text = questionText(s, questionId);
  if (text === null) return [...s.concepts];
  const named = s.concepts.filter((tag) => namedIn(text, tag));
  return named.length > 0 ? named : s.concepts.slice(0, 1);
}
