import type { FaultName } from '../../scenarios/faults/availability';
import type { ScenarioDef } from '../../scenarios/schema';
import type { World } from '../../scenarios/world';
import type { FaultAction } from './action';
import { BrokerForm } from './BrokerForm';
import { ConsumerFaultForm } from './ConsumerFaultForm';
import { PoisonForm } from './PoisonForm';
import { ProducerForm } from './ProducerForm';
import { ProjectionForm } from './ProjectionForm';

/** The form a fault's dialog shows: what that fault needs to know. */
export function FaultForm({
  fault,
  formId,
  world,
  scenario,
  onSubmit,
  onBlocked,
}: {
  fault: FaultName;
  formId: string;
  world: World;
  scenario: ScenarioDef;
  onSubmit(action: FaultAction): void;
  /** Told why the current choice cannot strike (null: it can), whenever that changes. */
  onBlocked(reason: string | null): void;
}) {
  switch (fault) {
    case 'Crash consumer':
    case 'Pause consumer':
    case 'Slow consumer':
    case 'Duplicate delivery':
      return (
        <ConsumerFaultForm
          fault={fault}
          formId={formId}
          world={world}
          scenario={scenario}
          onSubmit={onSubmit}
          onBlocked={onBlocked}
        />
      );
    case 'Poison message':
      return <PoisonForm formId={formId} world={world} scenario={scenario} onSubmit={onSubmit} onBlocked={onBlocked} />;
    case 'Drop producer connection':
      return <ProducerForm formId={formId} world={world} onSubmit={onSubmit} />;
    case 'Slow projection':
      return <ProjectionForm formId={formId} scenario={scenario} onSubmit={onSubmit} />;
    case 'Kill broker':
    case 'Restart broker':
      // Enabled only in scenarios with replicated topics (availability.ts).
      return <BrokerForm kill={fault === 'Kill broker'} formId={formId} world={world} onSubmit={onSubmit} />;
  }
}
