import { useState } from 'react';

/** What a run row shows: a live run's result or a saved one's (its name, verdict and sentence). */
export interface RunVerdict {
  title: string;
  pass: boolean;
  feedback: string;
  study?: { title: string };
}

/**
 * One run's verdict; a failing run of the scorecard on screen can be opened in the player (saved as a
 * scenario of your own, with its faults as a branch). A saved scorecard's runs have no `onOpen`: the
 * design they ran is not stored.
 */
export function RunRow({
  run,
  studyHref,
  openAt,
  onOpen,
}: {
  run: RunVerdict;
  studyHref?: string;
  openAt?: number;
  onOpen?: () => Promise<void>;
}) {
  const [state, setState] = useState<'idle' | 'opening' | 'failed'>('idle');
  return (
    <li className={`interview-run ${run.pass ? 'passed' : 'failed'}`} aria-label={`Run: ${run.title}`}>
      <p>
        <span className={run.pass ? 'interview-pass' : 'interview-fail'}>{run.pass ? '✓ pass' : '✗ fail'}</span>{' '}
        <strong>{run.title}</strong>: {run.feedback}
      </p>
      {!run.pass && (onOpen || (studyHref && run.study)) && (
        <p>
          {onOpen && (
            <button
              type="button"
              className="interview-secondary"
              disabled={state === 'opening'}
              onClick={() => {
                setState('opening');
                onOpen().catch(() => setState('failed'));
              }}
            >
              Open this run at step {openAt}
            </button>
          )}{' '}
          {state === 'failed' && <span role="alert">The run could not be opened (storage unavailable).</span>}{' '}
          {studyHref && run.study && <a href={studyHref}>Study: {run.study.title}</a>}
        </p>
      )}
    </li>
  );
}
