import { useRun } from '../state/react';

const PUBLISHER: Record<string, string> = {
  'after-last-id': 'polling publisher: rows with an id above the last one sent',
  unpublished: 'polling publisher: rows not yet marked published',
  'log-tailing': 'log tailing (change data capture): the transaction log in commit order',
};

const STATE: Record<string, string> = {
  uncommitted: 'inserted, transaction open (invisible)',
  committed: 'committed, not sent',
  published: 'sent',
  deleted: 'deleted',
};

/** Each outbox table's rows (id, transaction, event, state) and where its publisher has got to. */
export function OutboxTablesView() {
  const specs = useRun((s) => s.scenario.topology.outboxes);
  const outboxes = useRun((s) => s.world.outboxes);
  if (!specs?.length) return null;
  return (
    <>
      {specs.map((spec) => {
        const o = outboxes?.[spec.id];
        const rows = o?.table.rows ?? [];
        const where =
          !o || o.publisher.position === 0
            ? 'nothing sent yet'
            : spec.publisher === 'after-last-id'
              ? `last id sent: ${o.publisher.position}`
              : spec.publisher === 'log-tailing'
                ? `log read up to position ${o.publisher.position}`
                : '';
        const titleId = `outbox-${spec.id}-title`;
        return (
          <section key={spec.id} className="panel" aria-labelledby={titleId}>
            <h2 id={titleId}>Outbox table {spec.label ?? spec.id}</h2>
            <p>
              {PUBLISHER[spec.publisher]} → topic <span className="mono">{spec.topic}</span>
              {where ? ` · ${where}` : ''}
              {o && o.table.log.length > 0 ? ` · commit order: rows ${o.table.log.join(', ')}` : ''}
            </p>
            {rows.length === 0 ? (
              <p>No rows yet.</p>
            ) : (
              <div className="table-wrap">
                <table>
                  <caption className="visually-hidden">Rows of the outbox table {spec.id} and their state</caption>
                  <thead>
                    <tr>
                      <th scope="col">Row id</th>
                      <th scope="col">Transaction</th>
                      <th scope="col">Event</th>
                      <th scope="col">Key</th>
                      <th scope="col">State</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => (
                      <tr key={r.id}>
                        <td className="num">{r.id}</td>
                        <td className="mono">{r.txn}</td>
                        <td>{r.eventType}</td>
                        <td className="mono">{r.key}</td>
                        <td>{STATE[r.state]}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        );
      })}
    </>
  );
}
