import type { ComparisonTable as Table } from '../../scenarios/brokerChoice';

/** The table computed from the runs; the one hand-written row says so and names its sources. */
export function ComparisonTable({ table }: { table: Table }) {
  return (
    <section className="broker-table-wrap" aria-label="Comparison">
      <h2>Comparison, computed from the runs above</h2>
      <p>
        Every cell but the last row is read from what the runs did or from each broker’s configuration in the run. The
        last row is hand-written from the documentation it cites.
      </p>
      <div className="broker-table-scroll" role="region" aria-label="Comparison table" tabIndex={0}>
        <table className="broker-table">
          <caption>How each broker handled the story</caption>
          <thead>
            <tr>
              <th scope="col">Question</th>
              {table.profiles.map((p) => (
                <th key={p.id} scope="col">
                  {p.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.label}</th>
                {table.profiles.map((p) => {
                  const c = r.cells[p.id]!;
                  return (
                    <td key={p.id}>
                      {c.text}
                      {c.source && <span className="broker-source"> Source: {c.source}</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
