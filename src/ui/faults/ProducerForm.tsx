import { useState } from 'react';
import { producersWithSends } from '../../scenarios/faults/availability';
import type { World } from '../../scenarios/world';
import type { FaultAction } from './action';
import { SelectField } from './Field';

/** Which producer loses the acknowledgement of its last send (and so retries it). */
export function ProducerForm({
  formId,
  world,
  onSubmit,
}: {
  formId: string;
  world: World;
  onSubmit(action: FaultAction): void;
}) {
  const producers = producersWithSends(world);
  const [producerId, setProducerId] = useState(producers[0] ?? '');
  const idempotent = world.broker.producers[producerId]?.idempotent ?? false;
  return (
    <form
      id={formId}
      className="action-form fault-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (producerId) onSubmit({ kind: 'drop-producer-connection', producerId });
      }}
    >
      <SelectField label="Producer" value={producerId} options={producers} onChange={setProducerId} />
      <p className="hint">
        The broker has appended its last send, but the connection drops before the acknowledgement arrives, so the
        producer sends it again. Idempotence is {idempotent ? 'on' : 'off'} for {producerId || 'it'}.
      </p>
    </form>
  );
}
