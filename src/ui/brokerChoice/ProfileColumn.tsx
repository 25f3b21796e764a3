import { useMemo } from 'react';
import type { ProfileRun, StepRecord } from '../../scenarios/brokerChoice';
import { BrokerProfileDiagram } from '../../viz/profiles/BrokerProfileDiagram';
import { DeliveryList } from './DeliveryList';

/**
 * One broker's column: the broker's diagram after this step (what moved in it marked), where the poison was
 * set aside, what each service handled, and every effect's reason in the order it happened.
 */
export function ProfileColumn({ run, step }: { run: ProfileRun; step: StepRecord }) {
  const index = run.steps.indexOf(step);
  // SQS and Pub/Sub keep no list of their consumers: the diagram shows those seen receiving so far.
  const seen = useMemo(() => run.steps.slice(0, index + 1).flatMap((s) => s.broker?.effects ?? []), [run.steps, index]);
  return (
    <section className="broker-column" aria-label={run.name}>
      <h3>{run.name}</h3>
      <p className="broker-version">{run.version}</p>
      {step.broker && (
        <BrokerProfileDiagram
          profile={run.profile}
          state={step.broker.state}
          effects={step.broker.effects}
          seen={seen}
          name={run.name}
        />
      )}
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
