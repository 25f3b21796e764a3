import { useId } from 'react';
import { duration } from '../../engine/broker';
import { useRun } from '../../state/react';
import { pollLoopRows, type BatchBar, type ClientRow } from './pollLoopRows';
import './pollLoop.css';

/**
 * Each consumer's poll loop (consumers started with settings): in the group or not, its partitions with lag and
 * pause, and its last batch as a bar against its poll deadline (max.poll.interval.ms). The bar is drawn for the
 * eye; the same facts are in the text beside it.
 */
export function PollLoopView() {
  const broker = useRun((s) => s.world.broker);
  const titleId = useId();
  if (!broker.clients) return null;
  const rows = pollLoopRows(broker);
  return (
    <section className="panel poll-loop" aria-labelledby={titleId}>
      <h2 id={titleId}>Poll loop</h2>
      <p className="poll-loop-legend">
        Each bar is a consumer’s last batch: records × time per record. The line is its poll deadline
        (max.poll.interval.ms after the poll); a bar past it means the consumer was taken out of its group before it
        could commit.
      </p>
      <ul className="poll-loop-rows">
        {rows.map((r) => (
          <ClientItem key={`${r.group}/${r.member}`} row={r} />
        ))}
      </ul>
    </section>
  );
}

function ClientItem({ row }: { row: ClientRow }) {
  const headingId = useId();
  return (
    <li className="poll-loop-row" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {row.member} <span className="poll-loop-kind">{row.kind}</span>
      </h3>
      <p className={row.problem ? 'poll-loop-status problem' : 'poll-loop-status'}>{row.status}</p>
      <p className="poll-loop-settings">{row.settings}</p>
      <p className="poll-loop-partitions">
        {row.partitions.length === 0
          ? 'No partition assigned.'
          : row.partitions.map((p, i) => (
              <span key={p.name}>
                {i > 0 ? ' · ' : ''}
                <span className="mono">{p.name}</span> lag {p.lag ?? 'no commit'}
                {p.paused ? <strong className="poll-loop-paused"> paused</strong> : null}
              </span>
            ))}
      </p>
      {row.batch ? <Bar member={row.member} batch={row.batch} /> : <p className="poll-loop-batch">No batch yet.</p>}
    </li>
  );
}

function Bar({ member, batch }: { member: string; batch: BatchBar }) {
  const pct = (x: number) => `${Math.min(100, Math.max(0, x * 100)).toFixed(2)}%`;
  return (
    <div className="poll-loop-batch">
      <div className="poll-loop-track" role="img" aria-label={`${member}'s last batch: ${batch.text}`}>
        <div className={batch.missed ? 'poll-loop-bar missed' : 'poll-loop-bar'} style={{ width: pct(batch.barEnd) }} />
        <div
          className={batch.deadlineAt > 0.6 ? 'poll-loop-deadline label-left' : 'poll-loop-deadline'}
          style={{ left: pct(batch.deadlineAt) }}
        >
          <span>poll deadline {duration(batch.intervalMs)}</span>
        </div>
      </div>
      <p className={batch.missed ? 'problem' : undefined}>{batch.text}</p>
    </div>
  );
}
