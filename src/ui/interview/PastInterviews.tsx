import { useEffect, useState } from 'react';
import { readInterviews, scoreOf, type InterviewRecord } from '../../state/interviewStore';

const when = (ms: number) => new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A saved interview in one line: its date, prompt, length and score. */
export const interviewSummary = (r: InterviewRecord) => {
  const s = scoreOf(r);
  return `${when(r.finishedAt)}: ${r.promptTitle}, ${r.length} minutes — ${s.passed} of ${s.total} points`;
};

/** "Your past interviews" on the setup page: each saved scorecard, newest first, openable read-only. */
export function PastInterviews({ onOpen }: { onOpen: (r: InterviewRecord) => void }) {
  const [state, setState] = useState<{ records: InterviewRecord[]; damaged: number } | string | null>(null);
  useEffect(() => {
    let live = true;
    void readInterviews().then((rs) => live && setState(rs));
    return () => {
      live = false;
    };
  }, []);
  return (
    <section className="interview-past" aria-labelledby="past-heading">
      <h2 id="past-heading">Your past interviews</h2>
      {state === null ? (
        <p className="interview-note">Reading the interviews saved on this device…</p>
      ) : typeof state === 'string' ? (
        <p role="alert">{state}</p>
      ) : state.records.length === 0 ? (
        <p className="interview-note">
          None yet: each interview you finish is saved on this device with its scorecard.
        </p>
      ) : (
        <ul aria-labelledby="past-heading">
          {state.records.map((r) => (
            <li key={r.id}>
              <button type="button" className="interview-link" onClick={() => onOpen(r)}>
                {interviewSummary(r)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {typeof state === 'object' && state && state.damaged > 0 && (
        <p className="interview-note">
          {state.damaged === 1
            ? 'One saved interview cannot be read'
            : `${state.damaged} saved interviews cannot be read`}{' '}
          (damaged): {state.damaged === 1 ? 'it is' : 'they are'} listed, and can be removed, under “My scenarios” on
          the <a href="#/">start page</a>.
        </p>
      )}
    </section>
  );
}
