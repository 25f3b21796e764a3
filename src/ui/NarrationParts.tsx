import type { Narration } from '../engine/types';

/** Why a step is told from what happened, not from the script (`Narration.toldBecause`). */
const NOTES: Record<NonNullable<Narration['toldBecause']>, string> = {
  branch: 'You changed the story, so this is told from what the system did in your run.',
  design: 'Your design differs from the reference here, so this step is told from what your design did.',
  'design-branch':
    'This run of your design had faults or actions before this step, so it is told from what your design did in it.',
};

export function ToldNote({ narration }: { narration: Narration }) {
  if (!narration.generated) return null;
  return <p className="hint told-note">{NOTES[narration.toldBecause ?? 'branch']}</p>;
}

/** Every effect's sentence, when the text summarised repeated ones. */
export function AllEffects({ narration }: { narration: Narration }) {
  const all = narration.allEffects;
  if (!all) return null;
  return (
    <details className="original-story all-effects">
      <summary>Every effect of this step ({all.length})</summary>
      <ol className="differences">
        {all.map((s, i) => (
          <li key={i}>{s}</li>
        ))}
      </ol>
    </details>
  );
}

/** What the script says at this step, kept apart from what happened: the original story's, or the reference design's. */
export function OriginalStory({ original }: { original: NonNullable<Narration['original']> }) {
  const n = original.differences.length;
  const label = original.of === 'reference' ? 'In the reference design' : 'In the original story';
  const short = original.of === 'reference' ? 'In the reference:' : 'In the original:';
  const here = original.of === 'reference' ? 'Your design:' : 'Here:';
  return (
    <details className="original-story">
      <summary>
        {label}
        {n ? ` (${n} difference${n === 1 ? '' : 's'})` : ''}
      </summary>
      <p className="original-text">{original.text}</p>
      {n > 0 && (
        <ul className="differences">
          {original.differences.map((d, i) => (
            <li key={i}>
              <strong>{short}</strong> {d.original} <strong>{here}</strong> {d.here}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}

/**
 * The story's takeaways. A learner's design that is not its reference carries the reference's takeaways,
 * which need not be true of it ("consumers deduplicate" of a design whose consumer does not): they are
 * labelled as the reference's, with what to read instead.
 */
export function Takeaways({ takeaways, ofReference }: { takeaways: readonly string[]; ofReference: boolean }) {
  return (
    <div className="takeaways">
      <h3>{ofReference ? 'Takeaways of the reference design' : 'Takeaways'}</h3>
      {ofReference && (
        <p className="hint">
          Your design is not the reference design, so these say what the reference does, not what yours does. The steps
          told from what your design did show where it differs, and your scorecard names the points it missed.
        </p>
      )}
      <ul>
        {takeaways.map((t) => (
          <li key={t}>{ofReference ? `In the reference design: ${t}` : t}</li>
        ))}
      </ul>
    </div>
  );
}
