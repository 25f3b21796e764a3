import { useEffect } from 'react';
import type { PracticeGrade, PracticePoint } from '../scenarios/interview/practiceGrade';
import { helpInWords, type GradeNote } from '../scenarios/practiceGradeNote';
import { useRunChrome } from '../state/react';
import { RunRow } from './interview/RunRow';
import './interview/interview.css';
import './practiceGrade.css';

const studyHref = (s: { scenarioId: string; step: number }) => `#/s/${encodeURIComponent(s.scenarioId)}/${s.step}`;

function Verdict({ p }: { p: PracticePoint }) {
  if (p.pass) return <span className="interview-pass">✓ pass</span>;
  return <span className="interview-fail">{p.missing ? '✗ missing' : '✗ fail'}</span>;
}

/**
 * The practice's scorecard: each rubric point (✓/✗, the sentence naming what in the design caused it, the
 * built-in step that teaches it), how the design's names were read, and the runs under faults; a failing
 * run that was played opens in the player as a branch (a scenario of the learner's own).
 */
export default function PracticeGradeResult({
  grade,
  stale,
  recorded,
  help,
  headingRef,
}: {
  grade: PracticeGrade;
  stale: boolean;
  recorded: string;
  /** The help the design had (hints, the reference): shown as a fact, never a penalty. */
  help?: Pick<GradeNote, 'hintsUsed' | 'hintsAvailable' | 'referenceShown'>;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
}) {
  const chrome = useRunChrome();
  useEffect(() => headingRef.current?.focus(), [grade, headingRef]);
  const open = chrome.openDesignRun;
  const found = grade.names.filter((m) => m.yours !== null).length;
  return (
    <div className="practice-grade-result">
      <h3 tabIndex={-1} ref={headingRef}>
        Your design: {grade.score.passed} of {grade.score.total} checks passed
      </h3>
      <p className="hint" role="status">
        {stale ? 'Your design changed since it was graded: grade it again. ' : ''}
        {recorded}
      </p>
      {help && <p className="practice-grade-help">{helpInWords(help)}</p>}
      <details className="practice-grade-names" open={found < grade.names.length}>
        <summary>
          How your design was read: {found} of {grade.names.length} parts of the reference found
        </summary>
        <ul>
          {grade.names.map((m) => (
            <li key={m.role}>
              <strong>{m.what}</strong>:{' '}
              {m.yours ? (
                <>
                  your <code>{m.yours}</code> for the reference’s <code>{m.reference}</code> ({m.how}).
                </>
              ) : (
                <>
                  not found in your design (the reference’s <code>{m.reference}</code>). Add it, or give yours the
                  reference’s name.
                </>
              )}
            </li>
          ))}
        </ul>
      </details>
      <h4>The rubric, read from your design</h4>
      <ul className="practice-grade-points">
        {grade.rubric.map((p) => (
          <li key={p.id} className={p.pass ? 'passed' : 'failed'} aria-label={`Point: ${p.title}`}>
            <p>
              <Verdict p={p} /> <strong>{p.title}</strong>
            </p>
            <p>{p.feedback}</p>
            <p>
              <a href={studyHref(p.study)}>Study: {p.study.title}</a>
            </p>
          </li>
        ))}
      </ul>
      <h4>Your design, run under faults</h4>
      <ul className="interview-runs">
        {grade.runs.map((r) => {
          const played = r.design;
          return (
            <RunRow
              key={r.id}
              run={{ ...r, feedback: r.missing ? r.feedback : `${r.feedback} ${r.how}` }}
              studyHref={studyHref(r.study)}
              openAt={r.openAt}
              onOpen={
                open && played && !r.pass ? () => open(played, r.inputs, r.openAt, `Graded run: ${r.title}`) : undefined
              }
            />
          );
        })}
      </ul>
    </div>
  );
}
