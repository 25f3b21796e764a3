import { endingLagNote } from '../state/endingLag';
import { useRun } from '../state/react';

/** What is happening and why, in plain words; the takeaways once the story is over. */
export function NarrationPanel() {
  const narration = useRun((s) => s.narration);
  const step = useRun((s) => s.step);
  const lastStep = useRun((s) => s.lastStep);
  const takeaways = useRun((s) => s.scenario.takeaways);
  const broker = useRun((s) => s.world.broker);
  const lagNote = step === lastStep ? endingLagNote(broker) : null;
  return (
    <section className="panel narration" aria-labelledby="narration-title" aria-live="polite">
      <p className="eyebrow">{step === 0 ? 'Before the first step' : `Step ${step} of ${lastStep}`}</p>
      <h2 id="narration-title">{narration.title}</h2>
      <p>{narration.text}</p>
      {narration.generated && (
        <p className="hint">You changed the story, so this is told from what the system did in your run.</p>
      )}
      {narration.original && (
        <details className="original-story">
          <summary>
            In the original story
            {narration.original.differences.length
              ? ` (${narration.original.differences.length} difference${narration.original.differences.length === 1 ? '' : 's'})`
              : ''}
          </summary>
          <p className="original-text">{narration.original.text}</p>
          {narration.original.differences.length > 0 && (
            <ul className="differences">
              {narration.original.differences.map((d, i) => (
                <li key={i}>
                  <strong>In the original:</strong> {d.original} <strong>Here:</strong> {d.here}
                </li>
              ))}
            </ul>
          )}
        </details>
      )}
      {step === lastStep && lagNote && <p className="hint ending-lag">{lagNote}</p>}
      {step === lastStep && (
        <div className="takeaways">
          <h3>Takeaways</h3>
          <ul>
            {takeaways.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
