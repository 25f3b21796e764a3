import { useState } from 'react';
import type { LearnerInput } from '../../engine/types';
import type { RunResult } from '../../scenarios/interview/types';

/** One run's verdict; a failing run can be opened in the player (saved as a scenario of your own, with its faults as a branch). */
export function RunRow({
  run,
  studyHref,
  onOpen,
}: {
  run: RunResult;
  studyHref: string;
  onOpen?: (inputs: LearnerInput[], step: number) => Promise<void>;
}) {
  const [state, setState] = useState<'idle' | 'opening' | 'failed'>('idle');
  return (
    <li className={`interview-run ${run.pass ? 'passed' : 'failed'}`} aria-label={`Run: ${run.title}`}>
      <p>
        <span className={run.pass ? 'interview-pass' : 'interview-fail'}>{run.pass ? '✓ pass' : '✗ fail'}</span>{' '}
        <strong>{run.title}</strong>: {run.feedback}
      </p>
      {!run.pass && (
        <p>
          {onOpen && (
            <button
              type="button"
              className="interview-secondary"
              disabled={state === 'opening'}
              onClick={() => {
                setState('opening');
                onOpen(run.inputs, run.openAt).catch(() => setState('failed'));
              }}
            >
              Open this run at step {run.openAt}
            </button>
          )}{' '}
          {state === 'failed' && <span role="alert">The run could not be opened (storage unavailable).</span>}{' '}
          <a href={studyHref}>Study: {run.study.title}</a>
        </p>
      )}
    </li>
  );
}
