import { useState } from 'react';
import { brokersThatAre } from '../../scenarios/faults/availability';
import type { World } from '../../scenarios/world';
import type { FaultAction } from './action';
import { SelectField } from './Field';

/** Which broker of a replicated scenario crashes (Kill broker) or starts again (Restart broker). */
export function BrokerForm({
  kill,
  formId,
  world,
  onSubmit,
}: {
  kill: boolean;
  formId: string;
  world: World;
  onSubmit(action: FaultAction): void;
}) {
  const brokers = brokersThatAre(world, kill).map(String);
  const [broker, setBroker] = useState(brokers[0] ?? '');
  const leads = Object.values(world.replication?.partitions ?? {}).filter((p) => String(p.leader) === broker);
  return (
    <form
      id={formId}
      className="action-form fault-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (broker) onSubmit({ kind: kill ? 'kill-broker' : 'restart-broker', broker: Number(broker) });
      }}
    >
      <SelectField label="Broker" value={broker} options={brokers} onChange={setBroker} />
      <p className="hint">
        {kill
          ? leads.length > 0
            ? `Broker ${broker} leads ${leads.length === 1 ? 'a partition' : `${leads.length} partitions`}: the controller elects a new leader from the other in-sync replicas, if there are any; records only broker ${broker} had are at risk.`
            : `Broker ${broker} leads no partition: its replicas leave the in-sync set, and the leaders go on.`
          : `Broker ${broker} starts again: its replicas drop any records the current leader does not have (compared by leader epoch) and catch up as followers.`}
      </p>
    </form>
  );
}
