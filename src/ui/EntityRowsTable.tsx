import { useRun } from '../state/react';
import { formatValue } from '../viz/layout/formatValue';

const POLICY: Record<string, string> = {
  'as-arrives': 'applies as events arrive (no check)',
  'last-writer-wins': 'last writer wins (newer versions only)',
  buffer: 'buffers until the gap is filled',
  park: 'parks too-early events',
};

/**
 * The entity rows of groups that check event versions (`ordering`): each row's version, its fields,
 * and what the buffer holds back, so a learner sees the same records end in different rows.
 */
export function EntityRowsTable() {
  const groups = useRun((s) => s.scenario.topology.groups);
  const apps = useRun((s) => s.world.broker.apps);
  const checked = groups.filter((g) => g.ordering);
  if (checked.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="entity-rows-title">
      <h2 id="entity-rows-title">Entity rows (version-checking consumers)</h2>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">
            Each version-checking group’s row per entity: its version, its fields and the versions it holds back
          </caption>
          <thead>
            <tr>
              <th scope="col">Group</th>
              <th scope="col">Policy</th>
              <th scope="col">Entity</th>
              <th scope="col">Version</th>
              <th scope="col">Fields</th>
              <th scope="col">Held back</th>
            </tr>
          </thead>
          <tbody>
            {checked.flatMap((g) => {
              const store = apps[g.id]?.versioned;
              const entities = Object.keys(store?.rows ?? {}).sort();
              if (entities.length === 0)
                return [
                  <tr key={g.id}>
                    <td>{g.label ?? g.id}</td>
                    <td>{POLICY[g.ordering!.policy]}</td>
                    <td colSpan={4}>no row yet</td>
                  </tr>,
                ];
              return entities.map((entity) => {
                const row = store!.rows[entity]!;
                const held = store!.held.filter((h) => h.entity === entity).map((h) => `v${h.version}`);
                return (
                  <tr key={`${g.id}/${entity}`}>
                    <td>{g.label ?? g.id}</td>
                    <td>{POLICY[g.ordering!.policy]}</td>
                    <td className="mono">{entity}</td>
                    <td className="num">v{row.version}</td>
                    <td className="mono">
                      {Object.entries(row.fields)
                        .filter(([k]) => k !== g.ordering!.versionField)
                        .map(([k, v]) => `${k}: ${formatValue(v)}`)
                        .join(', ')}
                    </td>
                    <td>{held.length ? held.join(', ') : '—'}</td>
                  </tr>
                );
              });
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
