import { useId, useMemo, useState } from 'react';
import type { LearnerInput } from '../../engine/types';
import { FAULTS, faultAvailability, type FaultName } from '../../scenarios/faults/availability';
import { useRun, useRunChrome } from '../../state/react';
import type { FaultAction } from './action';
import { FaultButton } from './FaultButton';
import { FaultDialog } from './FaultDialog';
import { FaultForm } from './FaultForm';
import './faults.css';

/**
 * The failure lab: break the system on purpose. Each fault asks what it needs, then starts a branch at
 * the step on screen (the run's own branching, `chrome.branch`); the steps after it tell what the fault
 * did and why. A fault that cannot apply here stays visible, disabled, saying why.
 */
export function FaultsPanel() {
  const chrome = useRunChrome();
  const scenario = useRun((s) => s.scenario);
  const world = useRun((s) => s.world);
  const step = useRun((s) => s.step);
  const headingId = useId();
  const formId = useId();
  const [open, setOpen] = useState<FaultName | null>(null);
  const [blocked, setBlocked] = useState<string | null>(null);
  const availability = useMemo(() => faultAvailability(scenario, world), [scenario, world]);
  const busy = chrome.branchStatus.busy;
  const start = (action: FaultAction) => {
    setOpen(null);
    chrome.branch({ ...action, atStep: step } as LearnerInput);
  };
  return (
    <section className="panel faults" aria-labelledby={headingId}>
      <h2 id={headingId}>Faults</h2>
      <p className="hint">Break something at step {step}: a branch starts there, and this run stays as it is.</p>
      {chrome.branchStatus.error && (
        <p className="error" role="alert">
          {chrome.branchStatus.error}
        </p>
      )}
      <ul className="fault-list">
        {FAULTS.map((name) => (
          <FaultButton
            key={name}
            name={name}
            unavailable={availability[name]}
            busy={busy}
            onOpen={() => setOpen(name)}
          />
        ))}
      </ul>
      {open && (
        <FaultDialog
          title={open}
          step={step}
          formId={formId}
          busy={busy}
          blocked={blocked}
          onClose={() => {
            setOpen(null);
            setBlocked(null);
          }}
        >
          <FaultForm
            fault={open}
            formId={formId}
            world={world}
            scenario={scenario}
            onSubmit={start}
            onBlocked={setBlocked}
          />
        </FaultDialog>
      )}
    </section>
  );
}
