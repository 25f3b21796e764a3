import { useId } from 'react';
import { hintsUsedId, type PracticeQuestion } from '../scenarios/practice';
import type { ScenarioDef } from '../scenarios/schema';
import { useRun } from '../state/react';
import { PracticeHints } from './PracticeHints';

/**
 * The practice's hint ladders beside "Grade my design", for a design started from the exercise (it carries
 * the question, not the practice's questions): each question with its hints, opened one at a time. They are
 * kept in this design's run under the same ids as in the practice panel, so the grade counts them the same.
 */
export function PracticeGradeHints({ reference }: { reference: ScenarioDef }) {
  const questions = (reference.practice?.questions ?? []).filter((q) => (q.hints?.length ?? 0) > 0);
  const opened = useRun((s) => questions.some((q) => Object.hasOwn(s.answers, hintsUsedId(q.id))));
  if (questions.length === 0) return null;
  return (
    <details className="practice-grade-hints" open={opened}>
      <summary>Stuck? The practice’s hints, each more specific than the last</summary>
      <p className="hint">
        Hints are there to be used: how many you opened since you last saved this design is recorded with your grade,
        and nothing is taken off for them.
      </p>
      {questions.map((q) => (
        <QuestionHints key={q.id} q={q} />
      ))}
    </details>
  );
}

function QuestionHints({ q }: { q: PracticeQuestion }) {
  const id = useId();
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{q.prompt}</h3>
      <PracticeHints q={q} />
    </section>
  );
}
