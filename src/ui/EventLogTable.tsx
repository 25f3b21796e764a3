import { useMemo, useRef, useState } from 'react';
import { useRun } from '../state/react';
import { nextEventLogRows, type EventLogRows } from '../viz/layout/eventLogRows';
import { readsCommitted, txnRole } from '../viz/layout/txnRole';

/** Long runs show the newest rows; the rest are one click away (rendering thousands every step would stutter). */
const SHOWN = 100;

/**
 * Everything published so far, as a table: for reading, for screen readers, and to see where each
 * event lives. One row per event in the event store (only aggregates append there; the relay copies
 * them to a topic) and one per record a producer wrote straight to a topic (a `publish`: that event is
 * on the topic and nowhere else). Each row says where it lives and who has read past it.
 */
export function EventLogTable({
  onInspect,
  selected,
}: {
  onInspect?: (eventId: string) => void;
  selected?: string | null;
}) {
  const events = useRun((s) => s.world.log.events);
  const broker = useRun((s) => s.world.broker);
  const outboxes = useRun((s) => s.scenario.topology.outboxes);
  // An outbox publisher's records come from a relational outbox table, not from the event store.
  const outboxOf = (producer: string | null) => outboxes?.find((o) => producer === `${o.id}-publisher`)?.id;
  const storage = useRun((s) => s.storage);
  const effects = useRun((s) => s.effects);

  const topics = useRun((s) => s.world.broker.topics);
  // Each step extends the rows of the step before by what it appended (a long run holds thousands of
  // rows; building them all again at every step of a 1,000-record run held the step's frame).
  const built = useRef<EventLogRows | null>(null);
  const rows = useMemo(() => {
    built.current = nextEventLogRows(built.current, events, topics);
    return built.current.rows;
  }, [events, topics]);

  /** "processed by billing · waiting for analytics", from each subscribed group's committed offset. */
  const readBy = (topic: string, partition: number, offset: number) => {
    const groups = Object.values(broker.groups).filter((g) => g.topics.includes(topic));
    const done = groups
      .filter((g) => (g.committed[`${topic}:${partition}`]?.offset ?? -1) > offset)
      .map((g) => g.groupId);
    const role = txnRole(broker, topic, partition, offset);
    // A read_committed group never receives an aborted record: it is not waiting for it.
    const skips = groups
      .filter((g) => role === 'aborted' && !done.includes(g.groupId) && readsCommitted(broker, g.groupId))
      .map((g) => g.groupId);
    const waiting = groups.filter((g) => !done.includes(g.groupId) && !skips.includes(g.groupId)).map((g) => g.groupId);
    if (groups.length === 0) return 'no group reads this topic';
    return [
      role === 'marker' ? 'a transaction marker: no application receives it' : '',
      done.length ? `done: ${done.join(', ')}` : '',
      role !== 'marker' && waiting.length ? `waiting: ${waiting.join(', ')}` : '',
      skips.length ? `skips it (aborted, read_committed): ${skips.join(', ')}` : '',
    ]
      .filter(Boolean)
      .join(' · ');
  };

  const [all, setAll] = useState(false);
  const shown = all || rows.length <= SHOWN ? rows : rows.slice(-SHOWN);
  /** Where a record that is not in the event store came from: a short cell, explained once in the legend. */
  const origin = (r: Extract<EventLogRows['rows'][number], { kind: 'record' }>['record']) =>
    txnRole(broker, r.topic, r.partition, r.offset) === 'marker'
      ? ('marker' as const)
      : outboxOf(r.producer)
        ? ('outbox' as const)
        : ('direct' as const);
  const origins = new Set(shown.flatMap((row) => (row.kind === 'record' ? [origin(row.record)] : [])));
  const fresh = useMemo(
    () =>
      new Set(
        effects.flatMap((e) =>
          e.kind === 'event-stored'
            ? [e.eventId]
            : e.kind === 'record-appended'
              ? [`${e.topic}-${e.partition}@${e.offset}`]
              : [],
        ),
      ),
    [effects],
  );

  return (
    <section className="panel" aria-labelledby="event-log-title">
      <h2 id="event-log-title">Event log</h2>
      {rows.length === 0 ? (
        <p className="empty">No events yet. Step forward to publish the first one.</p>
      ) : (
        <>
          {origins.size > 0 && (
            <ul className="hint event-log-legend" aria-label="What the short cells mean">
              {origins.has('direct') && (
                <li>
                  <strong>not stored (topic only)</strong>: a direct producer wrote the record to the topic; it is in no
                  event store.
                </li>
              )}
              {origins.has('marker') && (
                <li>
                  <strong>not stored (transaction marker)</strong>: the transaction coordinator wrote it to the topic.
                </li>
              )}
              {origins.has('outbox') && (
                <li>
                  <strong>outbox table …</strong>: not in the event store; a row of that outbox table, sent to the topic
                  by its publisher.
                </li>
              )}
              <li>
                <strong>recomputed</strong>: such a record is not saved; it is computed again from your run (its steps
                and answers).
              </li>
            </ul>
          )}
          <div className="table-wrap" tabIndex={0} role="region" aria-label="Event log table">
            <table>
              <caption className="visually-hidden">
                Records and events so far: events in the event store (with their copy on a topic once published), and
                records a producer wrote straight to a topic, which live on the topic only
              </caption>
              <thead>
                <tr>
                  <th scope="col">Event</th>
                  <th scope="col">Event store: # · stream · revision</th>
                  <th scope="col">Partition @ offset</th>
                  <th scope="col">Key</th>
                  <th scope="col">Committed past it by</th>
                  <th scope="col">In this browser</th>
                  {onInspect && (
                    <th scope="col">
                      <span className="visually-hidden">Inspect</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {shown.map((row) => {
                  const at = row.kind === 'stored' ? row.at : row.record;
                  const eventId = row.kind === 'stored' ? row.event.eventId : row.record.eventId;
                  const type = row.kind === 'stored' ? row.event.eventType : row.record.eventType;
                  const place =
                    row.kind === 'record' ? `${row.record.topic}-${row.record.partition} @ ${row.record.offset}` : '';
                  return (
                    <tr
                      key={row.key}
                      className={
                        [fresh.has(row.key) ? 'is-new' : '', selected === eventId ? 'is-selected' : '']
                          .join(' ')
                          .trim() || undefined
                      }
                    >
                      <td>
                        <strong>{type}</strong>
                        {row.kind === 'record' && row.record.tombstone && ' (tombstone)'}
                      </td>
                      {row.kind === 'stored' ? (
                        <td className="mono">
                          #{row.event.position} · {row.event.streamId} · r{row.event.revision}
                        </td>
                      ) : (
                        <td>
                          {origin(row.record) === 'marker'
                            ? 'not stored (transaction marker)'
                            : origin(row.record) === 'outbox'
                              ? `outbox table ${outboxOf(row.record.producer)}`
                              : 'not stored (topic only)'}
                        </td>
                      )}
                      <td className="mono">{at ? `${at.topic}-${at.partition} @ ${at.offset}` : 'not on a topic'}</td>
                      <td className="mono">{at ? (at.key ?? '(none)') : '—'}</td>
                      <td>{at ? readBy(at.topic, at.partition, at.offset) : '—'}</td>
                      <td>
                        {row.kind === 'record' ? (
                          <span className="badge">recomputed</span>
                        ) : storage.mode === 'memory' ? (
                          <span className="badge warn">memory only</span>
                        ) : storage.mode === 'loading' ? (
                          <span className="badge">checking the stored run…</span>
                        ) : row.event.position <= storage.storedCount ? (
                          <span className="badge ok">stored</span>
                        ) : (
                          <span className="badge">saving…</span>
                        )}
                      </td>
                      {onInspect && (
                        <td>
                          <button
                            type="button"
                            className="link-button"
                            onClick={() => onInspect(eventId)}
                            aria-label={
                              row.kind === 'stored'
                                ? `Inspect event ${row.event.position}, ${type}`
                                : `Inspect record ${place}, ${type}`
                            }
                          >
                            Inspect
                          </button>
                        </td>
                      )}
                    </tr>
                  );
                })}
              </tbody>
            </table>
            {shown.length < rows.length && (
              <button type="button" className="link-button" onClick={() => setAll(true)}>
                Show all {rows.length} rows (the newest {SHOWN} are shown)
              </button>
            )}
          </div>
        </>
      )}
    </section>
  );
}
