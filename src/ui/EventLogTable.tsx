import { useMemo, useState } from 'react';

/** Long runs show the newest rows; the rest are one click away (rendering thousands every step would stutter). */
const SHOWN = 100;
import { useRun } from '../state/react';

/**
 * The same events as the animation, as a table: for reading, for screen readers, and to see
 * which ones are safely stored.
 */
export function EventLogTable({ onInspect, selected }: { onInspect?: (eventId: string) => void; selected?: string | null }) {
  const events = useRun((s) => s.world.log.events);
  const broker = useRun((s) => s.world.broker);
  const storage = useRun((s) => s.storage);
  const effects = useRun((s) => s.effects);

  const placement = useMemo(() => {
    const where = new Map<string, { topic: string; partition: number; offset: number }>();
    for (const [topic, t] of Object.entries(broker.topics))
      t.partitions.forEach((p, partition) => {
        for (const r of p.records) if (r.eventId) where.set(r.eventId, { topic, partition, offset: r.offset });
      });
    return where;
  }, [broker.topics]);

  /** "processed by billing · waiting for analytics", from each subscribed group's committed offset. */
  const readBy = (topic: string, partition: number, offset: number) => {
    const groups = Object.values(broker.groups).filter((g) => g.topics.includes(topic));
    const done = groups.filter((g) => (g.committed[`${topic}:${partition}`]?.offset ?? -1) > offset).map((g) => g.groupId);
    const waiting = groups.filter((g) => !done.includes(g.groupId)).map((g) => g.groupId);
    if (groups.length === 0) return 'no group reads this topic';
    return [done.length ? `done: ${done.join(', ')}` : '', waiting.length ? `waiting: ${waiting.join(', ')}` : ''].filter(Boolean).join(' · ');
  };

  const [all, setAll] = useState(false);
  const shown = all || events.length <= SHOWN ? events : events.slice(-SHOWN);
  const fresh = new Set(effects.flatMap((e) => (e.kind === 'event-stored' ? [e.eventId] : [])));

  return (
    <section className="panel" aria-labelledby="event-log-title">
      <h2 id="event-log-title">Event log</h2>
      {events.length === 0 ? (
        <p className="empty">No events yet. Step forward to publish the first one.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Events published so far, in the order they were stored</caption>
            <thead>
              <tr>
                <th scope="col">Position</th>
                <th scope="col">Event</th>
                <th scope="col">Stream · revision</th>
                <th scope="col">Key</th>
                <th scope="col">Partition · offset</th>
                <th scope="col">Committed past it by</th>
                <th scope="col">Storage</th>
                {onInspect && <th scope="col"><span className="visually-hidden">Inspect</span></th>}
              </tr>
            </thead>
            <tbody>
              {shown.map((e) => {
                const at = placement.get(e.eventId);
                const stored = e.position <= storage.storedCount;
                return (
                  <tr key={e.eventId} className={[fresh.has(e.eventId) ? 'is-new' : '', selected === e.eventId ? 'is-selected' : ''].join(' ').trim() || undefined}>
                    <td className="num">{e.position}</td>
                    <td>
                      <strong>{e.eventType}</strong>
                    </td>
                    <td className="mono">
                      {e.streamId} · r{e.revision}
                    </td>
                    <td className="mono">{at ? (broker.topics[at.topic]?.partitions[at.partition]?.records.find((r) => r.offset === at.offset)?.key ?? '(none)') : '—'}</td>
                    <td className="mono">{at ? `${at.topic}-${at.partition} @ ${at.offset}` : 'not on a topic'}</td>
                    <td>{at ? readBy(at.topic, at.partition, at.offset) : '—'}</td>
                    <td>
                      {storage.mode === 'memory' ? (
                        <span className="badge warn">memory only</span>
                      ) : stored ? (
                        <span className="badge ok">stored</span>
                      ) : (
                        <span className="badge">saving…</span>
                      )}
                    </td>
                    {onInspect && (
                      <td>
                        <button type="button" className="link-button" onClick={() => onInspect(e.eventId)} aria-label={`Inspect event ${e.position}, ${e.eventType}`}>
                          Inspect
                        </button>
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
          {shown.length < events.length && (
            <button type="button" className="link-button" onClick={() => setAll(true)}>
              Show all {events.length} events (the newest {SHOWN} are shown)
            </button>
          )}
        </div>
      )}
    </section>
  );
}
