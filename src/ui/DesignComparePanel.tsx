import { useId, useState } from 'react';
import {
  compareDesign,
  COMPARISON_TOPICS,
  type ComparisonPoint,
  type ComparisonStatus,
} from '../scenarios/compare/designCompare';
import { REFERENCE_SHOWN_ID } from '../scenarios/practiceGradeNote';
import type { ScenarioDef } from '../scenarios/schema';
import { useDesignDraft } from '../state/validDesignDraft';
import { useRun, useRunChrome } from '../state/react';
import { PracticeGradePanel } from './PracticeGradePanel';
import { useBuiltin } from './useBuiltin';
import './designCompare.css';

/** The built-in scenario whose design is the reference answer of the practice. */
const REFERENCE_ID = 'ride-sharing';

const STATUS: Record<ComparisonStatus, { label: string; icon: React.ReactNode }> = {
  match: {
    label: 'Matches',
    icon: <path d="M2.5 8.5l3.5 3.5 7.5-8" fill="none" stroke="currentColor" strokeWidth="2.2" />,
  },
  partial: {
    label: 'Partly',
    icon: (
      <>
        <circle cx="8" cy="8" r="5.6" fill="none" stroke="currentColor" strokeWidth="1.8" />
        <path d="M8 2.4a5.6 5.6 0 0 1 0 11.2z" fill="currentColor" />
      </>
    ),
  },
  different: {
    label: 'Different',
    icon: <path d="M2.5 6h11M2.5 10.5h11M11 2.5l-6 11" fill="none" stroke="currentColor" strokeWidth="1.8" />,
  },
  missing: {
    label: 'Missing',
    icon: <path d="M3.5 3.5l9 9M12.5 3.5l-9 9" fill="none" stroke="currentColor" strokeWidth="2.2" />,
  },
};
const ORDER: ComparisonStatus[] = ['match', 'partial', 'different', 'missing'];
const ATTENTION: ComparisonStatus[] = ['missing', 'different', 'partial', 'match'];

/**
 * Only a design that answers the ride-sharing practice is compared with its reference: one that
 * carries the practice (a fork or an edited copy of the exercise keeps its `practice` part) or was
 * started from it ("Design your own answer": intro "Design: <the exercise>"). A fork of another
 * scenario has nothing to be graded against here.
 */
function answersThePractice(s: ScenarioDef, reference: ScenarioDef): boolean {
  return s.practice !== undefined || s.intro.title === `Design: ${reference.title}`.slice(0, 200);
}

/**
 * Practice: the learner's own design (a saved scenario) graded by the simulator ("Grade my design",
 * `PracticeGradePanel.tsx`) and compared with the ride-sharing reference, point by point — events,
 * keys, consumers, and how the race between two drivers is handled.
 */
export function DesignComparePanel() {
  const chrome = useRunChrome();
  const saved = useRun((s) => s.scenario);
  // Unsaved edits are compared too, as long as they validate.
  const draft = useDesignDraft(saved.id);
  const scenario = draft ?? saved;
  const [points, setPoints] = useState<ComparisonPoint[] | null>(null);
  const [comparedWith, setComparedWith] = useState<ScenarioDef | null>(null);
  const [onlyGaps, setOnlyGaps] = useState(false);
  const shown = useRun((s) => Object.hasOwn(s.answers, REFERENCE_SHOWN_ID));
  const id = useId();
  // The reference is loaded (its own chunk) only for a saved design that may answer the practice.
  const mayAnswer =
    chrome.ownership === 'saved' && (saved.practice !== undefined || saved.intro.title.startsWith('Design: '));
  const reference = useBuiltin(REFERENCE_ID, mayAnswer);
  if (!mayAnswer || !reference || !answersThePractice(saved, reference)) return null;
  const compare = () => {
    setPoints(compareDesign(scenario, reference));
    setComparedWith(scenario);
    // Kept in the design's run, so "Grade my design" records that the reference design had been shown.
    if (!shown) chrome.answer(REFERENCE_SHOWN_ID, ['yes']);
  };
  const counts = points
    ? ORDER.map((s) => [s, points.filter((p) => p.status === s).length] as const).filter(([, n]) => n > 0)
    : [];
  const stale = points !== null && comparedWith !== scenario;
  return (
    <>
      <PracticeGradePanel design={scenario} reference={reference} />
      <section className="panel design-compare" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>Compare your design</h2>
        <p className="hint">
          Check your answer to the ride-sharing practice against the reference design: its events, keys, consumers and
          how it handles two drivers accepting the same ride. It compares your design as it stands in the editor,
          unsaved edits included once they are valid.
        </p>
        <div className="compare-bar">
          <button type="button" className="primary" onClick={compare}>
            Compare with the ride-sharing reference
          </button>
          {points && (
            <>
              <label>
                <input type="checkbox" checked={onlyGaps} onChange={(e) => setOnlyGaps(e.target.checked)} /> Only what
                differs
              </label>
              <button type="button" onClick={() => setPoints(null)}>
                Hide the comparison
              </button>
            </>
          )}
        </div>
        {points && (
          <div role="status" className="compare-summary">
            <p>
              {points.length} points: {counts.map(([s, n]) => `${n} ${STATUS[s].label.toLowerCase()}`).join(', ')}.
              {stale ? ' The scenario changed since: compare again.' : ''}
            </p>
          </div>
        )}
        {points &&
          COMPARISON_TOPICS.map(({ topic, title }) => {
            // What needs work first; the reference's order otherwise.
            const shown = points
              .filter((p) => p.topic === topic && (!onlyGaps || p.status !== 'match'))
              .sort((a, b) => ATTENTION.indexOf(a.status) - ATTENTION.indexOf(b.status));
            if (shown.length === 0) return null;
            return (
              <section key={topic} className="compare-topic" aria-labelledby={`${id}-${topic}`}>
                <h3 id={`${id}-${topic}`}>{title}</h3>
                <ul className="compare-points">
                  {shown.map((p) => (
                    <li key={p.id} className={`compare-point is-${p.status}`}>
                      <p className="compare-head">
                        <span className={`compare-status is-${p.status}`}>
                          <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                            {STATUS[p.status].icon}
                          </svg>
                          {STATUS[p.status].label}
                        </span>{' '}
                        <strong>{p.title}</strong>
                      </p>
                      <dl>
                        <dt>Reference</dt>
                        <dd>{p.reference}</dd>
                        <dt>Yours</dt>
                        <dd>{p.yours}</dd>
                        <dt>Why it matters</dt>
                        <dd>{p.why}</dd>
                      </dl>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
      </section>
    </>
  );
}
