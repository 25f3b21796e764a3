import type { Ref } from 'react';
import type { Fit, Grade, ProfileGrade } from '../../../scenarios/brokerChoice/exercise';
import { Source } from './Source';

export const GRADE_WORDS: Record<Grade, string> = {
  best: 'Best fit',
  workable: 'Workable, with a cost',
  poor: 'Poor fit',
};

const FIT_WORDS: Record<Fit, string> = {
  meets: 'Meets it',
  cost: 'Only with a workaround',
  fails: 'Does not meet it',
};

/** The learner's grade: the verdict, what decides it, and each requirement's reason with its source. */
export function GradeView({
  pick,
  best,
  headingRef,
}: {
  pick: ProfileGrade;
  best: readonly ProfileGrade[];
  headingRef: Ref<HTMLHeadingElement>;
}) {
  const others = best.filter((b) => b.profile !== pick.profile);
  return (
    <section className={`pick-grade is-${pick.grade}`} aria-labelledby="pick-grade-heading">
      <h3 id="pick-grade-heading" ref={headingRef} tabIndex={-1}>
        Your pick, {pick.name}: {GRADE_WORDS[pick.grade]}
      </h3>
      <p className="pick-summary">{pick.summary}</p>
      {others.length > 0 && (
        <p>
          {pick.grade === 'best' ? 'Also a best fit' : 'Best fit'}: {others.map((b) => b.name).join(', ')}.
        </p>
      )}
      <ul className="pick-reasons" aria-label={`Why, requirement by requirement, for ${pick.name}`}>
        {pick.judged.map(({ requirement, verdict }) => (
          <li key={requirement.id} className={`fit-${verdict.fit}`}>
            <strong>
              {requirement.label}: {FIT_WORDS[verdict.fit]}.
            </strong>{' '}
            {verdict.why} <Source source={verdict.source} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** After the answer: how every broker fares on this set, so the learner can see the other trade-offs. */
export function AllGrades({ grades }: { grades: readonly ProfileGrade[] }) {
  return (
    <details className="pick-all">
      <summary>How every broker fares on this system</summary>
      <ul>
        {grades.map((g) => (
          <li key={g.profile}>
            <strong>
              {g.name}: {GRADE_WORDS[g.grade]}.
            </strong>{' '}
            {g.summary}
            {g.failures.map((f) => (
              <span key={f.requirement.id} className="pick-why-fails">
                {' '}
                {f.requirement.label}: {f.verdict.why}
              </span>
            ))}
          </li>
        ))}
      </ul>
    </details>
  );
}
