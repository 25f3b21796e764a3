import { useCallback, useEffect, useState } from 'react';
import type { QuestionProgress } from '../../state/progress';
import type { ScenarioSummary } from '../../scenarios/summary';
import { dueQuestions, nextDue } from '../../state/progress';
import { progressNow } from '../../state/progressClock';
import { readProgress } from '../../state/progressStore';
import { ReviewCard } from './ReviewCard';
import './review.css';

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
const day = (t: number) =>
  new Date(t).toLocaleDateString(undefined, { weekday: 'long', day: 'numeric', month: 'long' });

/**
 * Missed questions come back on a spaced schedule (state/review.ts): how many are due now, from which
 * scenarios, and one at a time to answer here; each answer goes back into the schedule.
 */
export default function ReviewQueue({ scenarios }: { scenarios: readonly ScenarioSummary[] }) {
  const [questions, setQuestions] = useState<QuestionProgress[] | null>(null);
  const [saved, setSaved] = useState<ReadonlyMap<string, string>>(new Map());
  const [studied, setStudied] = useState(false);
  const [failed, setFailed] = useState(false);
  const [reviewing, setReviewing] = useState<QuestionProgress | null>(null);
  const reload = useCallback(
    () =>
      readProgress()
        .then((p) => {
          setQuestions(p.questions);
          setSaved(new Map(p.saved.map((x) => [x.scenarioId, x.title])));
          setStudied(p.questions.length > 0 || p.scenarios.length > 0);
        })
        .catch(() => setFailed(true)),
    [],
  );
  useEffect(() => {
    void reload();
  }, [reload]);
  if (failed || questions === null || !studied) return null;
  const now = progressNow();
  const due = dueQuestions(questions, now);
  const next = nextDue(questions, now);
  // A built-in's title, or one of your saved scenarios' (their answers are scheduled too).
  const title = (id: string) => scenarios.find((s) => s.id === id)?.title ?? saved.get(id) ?? id;
  const byScenario = [...new Set(due.map((q) => q.scenarioId))].map((id) => ({
    id,
    n: due.filter((q) => q.scenarioId === id).length,
  }));
  return (
    <section className="review-queue panel" aria-labelledby="review-title">
      <h2 id="review-title">Review</h2>
      {reviewing ? (
        <ReviewCard
          key={reviewing.id}
          item={reviewing}
          scenarioTitle={title(reviewing.scenarioId)}
          hasNext={due.some((q) => q.id !== reviewing.id)}
          onDone={(more) => {
            void reload();
            setReviewing(more ? (due.find((q) => q.id !== reviewing.id) ?? null) : null);
          }}
        />
      ) : due.length > 0 ? (
        <>
          <p className="review-count">{plural(due.length, 'question')} to review</p>
          <ul className="review-from">
            {byScenario.map((s) => (
              <li key={s.id}>
                {title(s.id)}: {s.n}
              </li>
            ))}
          </ul>
          <button type="button" className="primary" onClick={() => setReviewing(due[0]!)}>
            Review now
          </button>
        </>
      ) : (
        <p className="review-count">
          {next !== null
            ? `Nothing to review now. The next question you missed comes back on ${day(next)}.`
            : 'Nothing to review: no missed questions.'}
        </p>
      )}
      <p>
        <a href="#/cheat-sheet">Cheat sheet of everything you studied</a> (printable)
      </p>
    </section>
  );
}
