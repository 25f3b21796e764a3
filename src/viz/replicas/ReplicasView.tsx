import { useId, useMemo } from 'react';
import { useRun } from '../../state/react';
import { layoutReplicas } from '../layout/replicasModel';
import { PartitionReplicas } from './PartitionReplicas';
import './replicas.css';

/** Replicated topics: each partition's copies on the brokers, the ISR, the high watermark and the producers' acks. */
export function ReplicasView() {
  const cluster = useRun((s) => s.world.replication);
  const effects = useRun((s) => s.effects);
  const models = useMemo(() => layoutReplicas(cluster, effects), [cluster, effects]);
  const titleId = useId();
  if (!cluster || models.length === 0) return null;
  const down = Object.entries(cluster.online)
    .filter(([, up]) => !up)
    .map(([b]) => b);
  return (
    <section className="panel replicas-view" aria-labelledby={titleId}>
      <h2 id={titleId}>Replicas</h2>
      <p className="replicas-cluster">
        {Object.keys(cluster.online).length} brokers
        {down.length > 0 ? ` · down: broker ${down.join(', ')}` : ' · all up'}
      </p>
      {models.map((m) => (
        <PartitionReplicas key={m.key} m={m} />
      ))}
      <p className="legend">
        Each row is one broker’s copy of the partition, its records numbered by offset. The leader takes writes and
        serves reads; followers copy it by fetching. Records left of the high-watermark line are on every in-sync
        replica (committed): consumers read only those.
      </p>
    </section>
  );
}
