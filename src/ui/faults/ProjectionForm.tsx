import { useState } from 'react';
import { defaultLagSeconds, lagHint } from '../../scenarios/faults/projectionHints';
import type { ScenarioDef } from '../../scenarios/schema';
import type { FaultAction } from './action';
import { NumberField, SelectField } from './Field';

/** Which read model falls behind, by how much, for how long. */
export function ProjectionForm({
  formId,
  scenario,
  onSubmit,
}: {
  formId: string;
  scenario: ScenarioDef;
  onSubmit(action: FaultAction): void;
}) {
  const names = (scenario.topology.projections ?? []).map((p) => p.name);
  const [projection, setProjection] = useState(names[0] ?? '');
  const [seconds, setSeconds] = useState(() => defaultLagSeconds(scenario.stepMs));
  const [steps, setSteps] = useState(5);
  return (
    <form
      id={formId}
      className="action-form fault-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (projection && e.currentTarget.checkValidity())
          onSubmit({ kind: 'slow-projection', projection, lagMs: seconds * 1000, steps });
      }}
    >
      <SelectField label="Projection" value={projection} options={names} onChange={setProjection} />
      <NumberField label="Behind by (seconds)" value={seconds} min={1} max={86_400} onChange={setSeconds} />
      <NumberField label="For (steps)" value={steps} min={1} max={50} onChange={setSteps} />
      <p className="hint">
        It applies only events older than that, so a query in the meantime can answer from a stale read model.{' '}
        {lagHint(seconds, scenario.stepMs)}
      </p>
    </form>
  );
}
