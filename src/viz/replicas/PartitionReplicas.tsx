import type { PartitionReplicasVM } from '../layout/replicasModel';
import { AckList } from './AckList';
import { ReplicaRow } from './ReplicaRow';

/** One replicated partition: its leader, ISR and high watermark, a row per replica, and this step's acks. */
export function PartitionReplicas({ m }: { m: PartitionReplicasVM }) {
  const isr = m.rows.filter((r) => r.inIsr).map((r) => r.broker);
  return (
    <div className="replicas-partition" data-partition={m.name}>
      <h3>
        <span className="mono">{m.name}</span>
        <span className="replicas-meta">
          {' '}
          · {m.leader === null ? 'no leader (offline)' : `leader broker ${m.leader}`} · leader epoch {m.leaderEpoch} ·
          ISR [{isr.join(', ')}] · high watermark {m.highWatermark} · replication factor {m.replicationFactor} ·
          min.insync.replicas {m.minInsync}
        </span>
      </h3>
      <ol className="replicas-rows">
        <li className="replica-row hw-head" aria-hidden="true">
          <span className="replica-label" />
          <span className="replica-cells">
            {Array.from({ length: m.columns }, (_, o) => (
              <span key={o} className={`replica-cell hw-mark${o === m.highWatermark ? ' hw-edge' : ''}`}>
                {o === m.highWatermark ? `high watermark ${m.highWatermark}` : ''}
              </span>
            ))}
          </span>
        </li>
        {m.rows.map((r) => (
          <ReplicaRow key={r.broker} r={r} columns={m.columns} highWatermark={m.highWatermark} />
        ))}
      </ol>
      {m.lostOffsets.length > 0 && (
        <p className="replicas-lost" role="status">
          Committed records lost by this election: offset {m.lostOffsets.join(', ')} (the new leader’s log does not have{' '}
          {m.lostOffsets.length === 1 ? 'it' : 'them'}).
        </p>
      )}
      {m.diverged.length > 0 && (
        <p className="replicas-diverged">
          Not in the leader’s log:{' '}
          {m.diverged.map((d) => `${d.value} (offset ${d.offset}, on broker ${d.broker})`).join('; ')}. A follower
          truncates records its leader does not have.
        </p>
      )}
      <AckList acks={m.acks} />
    </div>
  );
}
