import { useId, useMemo } from 'react';
import { useRun } from '../../state/react';
import { layoutQueues, type QueueMessageVM, type QueueVM } from '../layout/queueModel';
import { useReducedMotion } from './useReducedMotion';
import './views.css';

const NO_QUEUES: never[] = [];

/** Classic queues, for contrast with the log: who holds what, what waits, and what this step did. */
export function QueueView() {
  const queues = useRun((s) => s.world.queues);
  const specs = useRun((s) => s.scenario.topology.queues ?? NO_QUEUES);
  const effects = useRun((s) => s.effects);
  const now = useRun((s) => s.world.time);
  const reduced = useReducedMotion();
  const consumersOf = useMemo(() => Object.fromEntries(specs.map((q) => [q.name, q.consumers])), [specs]);
  const models = useMemo(() => layoutQueues(queues, consumersOf, effects, now), [queues, consumersOf, effects, now]);
  const titleId = useId();
  if (models.length === 0) return null;
  return (
    <section className="panel queue-view" aria-labelledby={titleId} data-motion={reduced ? 'reduced' : 'full'}>
      <h2 id={titleId}>Queues</h2>
      {models.map((q) => (
        <Queue key={q.name} q={q} />
      ))}
    </section>
  );
}

const attempts = (n: number) => (n === 0 ? 'not delivered yet' : n === 1 ? '1 delivery' : `${n} deliveries`);
const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

function Queue({ q }: { q: QueueVM }) {
  const all = [...q.inFlight, ...q.waiting];
  return (
    <div className="queue" data-queue={q.name}>
      <h3>
        queue <span className="mono">{q.name}</span>
        <span className="queue-meta">
          {' '}
          · {q.waiting.length} waiting · {q.inFlight.length} in flight · visibility timeout{' '}
          {seconds(q.visibilityTimeoutMs)}
        </span>
      </h3>
      <div className="queue-diagram" aria-hidden="true">
        <div className="queue-line">
          <span className="queue-line-label">waiting</span>
          {q.waiting.length === 0 && <span className="queue-none">empty</span>}
          {q.waiting.map((m) => (
            <Chip key={m.messageId} m={m} />
          ))}
        </div>
        <div className="queue-consumers">
          {q.consumers.map((c) => (
            <div key={c.id} className={`queue-consumer${c.holding.length ? '' : ' is-idle'}`}>
              <span className="queue-consumer-name mono">{c.id}</span>
              {c.holding.length === 0 && <span className="queue-none">idle</span>}
              {q.inFlight
                .filter((m) => m.heldBy === c.id)
                .map((m) => (
                  <Chip key={m.messageId} m={m} />
                ))}
            </div>
          ))}
        </div>
      </div>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Messages in queue {q.name}: acknowledged messages are removed</caption>
          <thead>
            <tr>
              <th scope="col">Message</th>
              <th scope="col">Content</th>
              <th scope="col">State</th>
              <th scope="col">Deliveries</th>
            </tr>
          </thead>
          <tbody>
            {all.length === 0 && (
              <tr>
                <td colSpan={4} className="empty">
                  The queue is empty: acknowledged messages are gone and cannot be replayed.
                </td>
              </tr>
            )}
            {all.map((m) => (
              <tr key={m.messageId} className={m.touched ? 'is-new' : undefined}>
                <td className="mono">{m.messageId}</td>
                <td>{m.summary}</td>
                <td>
                  {m.heldBy
                    ? `in flight, held by ${m.heldBy}${m.leaseLeftMs !== null ? ` (${seconds(m.leaseLeftMs)} left before it comes back)` : ''}`
                    : 'waiting'}
                </td>
                <td className="num">{attempts(m.attempts)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {q.events.length > 0 && (
        <>
          <h4 className="queue-step-title">In this step</h4>
          <ul className="queue-events">
            {q.events.map((e) => (
              <li key={e.key} className={`queue-event kind-${e.kind}`}>
                <span className="effect-kind">{e.kind}</span> {e.reason}
                {e.kind === 'acked' && ' — removed from the queue for good.'}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function Chip({ m }: { m: QueueMessageVM }) {
  return (
    <span className={`queue-chip${m.touched ? ' is-new' : ''}${m.attempts > 1 ? ' is-retry' : ''}`}>
      <span className="mono">{m.messageId}</span>
      <span className="queue-chip-sub">{m.summary}</span>
      {m.attempts > 1 && <span className="queue-chip-sub">↻ {attempts(m.attempts)}</span>}
    </span>
  );
}
