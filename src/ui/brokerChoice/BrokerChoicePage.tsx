import { useMemo, useState } from 'react';
import { allRuns, BEATS, compare, PROFILES, type ProfileId } from '../../scenarios/brokerChoice';
import { ComparisonTable } from './ComparisonTable';
import { ProfileColumn } from './ProfileColumn';
import { ProfilePicker } from './ProfilePicker';
import { StepControl } from './StepControl';
import './brokerChoice.css';

/** "Choosing a broker": the same story on the chosen brokers, stepping together, and the table from the runs. */
export function BrokerChoicePage() {
  const runs = useMemo(() => allRuns(), []);
  const [chosen, setChosen] = useState<ProfileId[]>(['kafka', 'rabbitmq']);
  const [step, setStep] = useState(0);
  const shown = useMemo(() => runs.filter((r) => chosen.includes(r.profile)), [runs, chosen]);
  const table = useMemo(() => compare(shown), [shown]);
  return (
    <main className="broker-choice">
      <p>
        <a href="#/">All scenarios</a>
      </p>
      <h1>Choosing a broker</h1>
      <p className="broker-intro">
        One story on several brokers, side by side: an order service publishes OrderPlaced, OrderPaid and OrderShipped
        (keyed by order id) to billing, shipping and analytics; then a slow consumer, a crash, a poison message, a new
        service that wants last week’s events, and a traffic spike. Each column is that broker’s simulated profile
        running the story its own way, told in its own words.
      </p>
      <p>
        Then test yourself: <a href="#/pick-a-broker">Pick the broker</a> for a series of systems, graded with the
        reasons.
      </p>
      <ProfilePicker profiles={PROFILES} chosen={chosen} onChange={setChosen} />
      <StepControl beats={BEATS} step={step} onStep={setStep} />
      <div className={`broker-columns count-${shown.length}`}>
        {shown.map((r) => (
          <ProfileColumn key={r.profile} run={r} step={r.steps[step]!} />
        ))}
      </div>
      <ComparisonTable table={table} />
    </main>
  );
}
