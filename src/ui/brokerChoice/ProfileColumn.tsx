import type { ProfileRun, StepRecord } from '../../scenarios/brokerChoice';
import { DeliveryList } from './DeliveryList';

/** One broker's column: what happened in this step in the broker's own words, and what each service handled. */
export function ProfileColumn({ run, step }: { run: ProfileRun; step: StepRecord }) {
  return (
    <section className="broker-column" aria-label={run.name}>
      <h3>{run.name}</h3>
      <p className="broker-version">{run.version}</p>
      {step.gaveUp.map((g, i) => (
        <p key={i} className="broker-gaveup">
          <strong>Set aside: </strong>
          {g.reason}
        </p>
      ))}
      <h4 className="broker-subhead">What each service handled</h4>
      <DeliveryList deliveries={step.deliveries} label={`What each service handled on ${run.name}`} />
      <h4 className="broker-subhead">What happened ({step.effects.length})</h4>
      <div className="broker-effects" role="region" aria-label={`What happened on ${run.name}`} tabIndex={0}>
        {step.effects.length === 0 ? (
          <p className="broker-none">Nothing happened on this broker in this step.</p>
        ) : (
          <ol>
            {step.effects.map((e, i) => (
              <li key={i}>{e.reason}</li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
