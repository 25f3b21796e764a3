import type { Ref } from 'react';
import { PROFILES, type ProfileId } from '../../../scenarios/brokerChoice';
import type { Score } from '../../../scenarios/brokerChoice/exercise';
import { GRADE_WORDS } from './GradeView';

const nameOf = (id: ProfileId) => PROFILES.find((p) => p.id === id)!.name;

/** The score at the end: counts, then per system the pick, its grade and the best fits. */
export function ScoreSummary({
  score,
  headingRef,
  onOpen,
}: {
  score: Score;
  headingRef: Ref<HTMLHeadingElement>;
  onOpen: (index: number) => void;
}) {
  const c = score.counts;
  return (
    <section className="pick-score" aria-labelledby="pick-score-heading">
      <h2 id="pick-score-heading" ref={headingRef} tabIndex={-1}>
        Your score
      </h2>
      <p className="pick-score-counts">
        {c.best} best {c.best === 1 ? 'fit' : 'fits'}, {c.workable} workable, {c.poor} poor
        {c.unanswered > 0 ? `, ${c.unanswered} not answered` : ''} — out of {score.lines.length} systems.
      </p>
      <table className="pick-score-table">
        <caption>Your picks</caption>
        <thead>
          <tr>
            <th scope="col">System</th>
            <th scope="col">Your pick</th>
            <th scope="col">Grade</th>
            <th scope="col">Best fit</th>
          </tr>
        </thead>
        <tbody>
          {score.lines.map((l, i) => (
            <tr key={l.set.id}>
              <th scope="row">
                <button type="button" className="link-button" onClick={() => onOpen(i)}>
                  {l.set.title}
                </button>
              </th>
              <td>{l.pick ? nameOf(l.pick) : 'Not answered'}</td>
              <td>{l.grade ? GRADE_WORDS[l.grade] : '—'}</td>
              {/* An unanswered system's best fit stays hidden: the learner can still go back and answer it. */}
              <td>{l.pick ? l.best.map(nameOf).join(', ') : 'Shown once you answer'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
