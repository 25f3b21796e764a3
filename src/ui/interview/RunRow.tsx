import { useState } from 'react';

/** Why a run cannot be opened, in the learner's words (any other failure is the storage's). */
export class RunNotOpened extends Error {}

/** What a run row shows: a live run's result or a saved one's (its name, verdict and sentence). */
export interface RunVerdict {
  title: string;
  pass: boolean;
  feedback: string;
  study?: { title: string };
}

/**
 * One run's verdict; a failing run can be opened in the player (its design saved as a scenario of your
 * own, its faults as a branch) when `onOpen` is given. Why opening failed is said next to the button. The
 * button's accessible name ends with the run's title ("Open this run at step 12 — Payments crashes…").
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
  const [state, setState] = useState<'idle' | 'opening' | { failed: string }>('idle');
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
                onOpen().catch((e: unknown) =>
                  setState({
                    failed:
                      e instanceof RunNotOpened ? e.message : 'The run could not be opened (storage unavailable).',
                  }),
                );
              }}
            >
              {openAt === undefined ? 'Open this run' : `Open this run at step ${openAt}`}
              {/* Several runs open at the same step: the name says which run (visible text stays short). */}
              <span className="visually-hidden"> — {run.title}</span>
            </button>
          )}{' '}
          {typeof state === 'object' && <span role="alert">{state.failed}</span>}{' '}
          {studyHref && run.study && <a href={studyHref}>Study: {run.study.title}</a>}
        </p>
      )}
    </li>
  );
}
