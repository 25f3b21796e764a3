import { useId } from 'react';
import { decodeHintsUsed, hintsUsedId, type PracticeQuestion } from '../scenarios/practice';
import { useRun, useRunChrome } from '../state/react';

/**
 * The hint ladder of a practice question: up to three hints, each more specific, opened one at a time
 * before the learner compares with the reference. How many were opened is kept in the run (so it
 * survives a reload and shows with the comparison); it is never counted against the learner.
 */
export function PracticeHints({ q }: { q: PracticeQuestion }) {
  const chrome = useRunChrome();
  const hints = q.hints ?? [];
  const used = useRun((s) => decodeHintsUsed(s.answers[hintsUsedId(q.id)], hints.length));
  const id = useId();
  if (hints.length === 0) return null;
  return (
    <div className="practice-hints">
      {used > 0 && (
        <h4 id={id} className="practice-hints-title">
          Hints
        </h4>
      )}
      {used > 0 && (
        <ol aria-labelledby={id}>
          {hints.slice(0, used).map((h, i) => (
            <li key={i}>{h}</li>
          ))}
        </ol>
      )}
      {used < hints.length && (
        <button
          type="button"
          className="link-button"
          onClick={() => chrome.answer(hintsUsedId(q.id), [String(used + 1)])}
        >
          {used === 0
            ? `Need a hint? Show hint 1 of ${hints.length}`
            : `Show hint ${used + 1} of ${hints.length} (more specific)`}
        </button>
      )}
    </div>
  );
}

/** With the comparison: how many hints were used, as a fact, not a penalty. */
export function HintsUsedNote({ q }: { q: PracticeQuestion }) {
  const available = q.hints?.length ?? 0;
  const used = useRun((s) => decodeHintsUsed(s.answers[hintsUsedId(q.id)], available));
  if (available === 0) return null;
  return (
    <p className="hint">
      {used === 0
        ? 'You answered without hints.'
        : `You used ${used} of ${available} hint${available === 1 ? '' : 's'} — hints are there to be used; nothing is taken off.`}
    </p>
  );
}
