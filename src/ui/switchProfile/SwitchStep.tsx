import { useMemo } from 'react';
import type { SwitchResult } from '../../scenarios/switchProfile';
import { BrokerProfileDiagram } from '../../viz/profiles/BrokerProfileDiagram';

/** Ends a text with one full stop, whether or not it already has one. */
const sentence = (t: string) => (t.endsWith('.') ? t : `${t}.`);

/** One step of the switched run: the broker's diagram, what the step became there, who handled what, and why. */
export function SwitchStep({ result, step }: { result: SwitchResult; step: number }) {
  const frame = result.frames[step]!;
  // SQS and Pub/Sub keep no list of their consumers: the diagram shows those seen so far.
  const seen = useMemo(() => result.frames.slice(0, step + 1).flatMap((f) => f.effects), [result.frames, step]);
  return (
    <section className="switch-step" aria-label={`Step ${step} on ${result.profileName}`}>
      <BrokerProfileDiagram
        profile={result.profile}
        state={frame.state}
        effects={frame.effects}
        seen={seen}
        name={result.profileName}
      />
      <h3>What this step is on {result.profileName}</h3>
      {frame.translated !== null ? (
        <p className="switch-translated">{sentence(frame.translated)}</p>
      ) : (
        <p className="switch-untranslated">
          <strong>Not carried over: </strong>
          {sentence(frame.why ?? '')}
        </p>
      )}
      {frame.differences.length > 0 && (
        <>
          <h3>How this differs from the Kafka original</h3>
          <ul className="switch-differences">
            {frame.differences.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        </>
      )}
      {frame.deliveries.length > 0 && (
        <>
          <h3>What each consumer handled</h3>
          <ul className="switch-deliveries">
            {frame.deliveries.map((d, i) => (
              <li key={i}>
                {d.member} ({d.group}): {d.body} — {d.outcome} <span className="switch-muted">({d.detail})</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>What happened ({frame.effects.length})</h3>
      <div className="switch-effects" role="region" aria-label={`What happened on ${result.profileName}`} tabIndex={0}>
        {frame.effects.length === 0 ? (
          <p className="switch-muted">Nothing happened on the broker in this step.</p>
        ) : (
          <ol>
            {frame.effects.map((e, i) => (
              <li key={i}>{e.reason}</li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
