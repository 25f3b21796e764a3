import { useRun } from '../state/react';
import { EntityRowsTable } from './EntityRowsTable';
import { OutboxTablesView } from './OutboxTablesView';

/** Consumer groups as text: who owns which partition, where each group is, how far behind (and the entity rows of version-checking groups). */
export function GroupsTable() {
  const broker = useRun((s) => s.world.broker);
  const rows = Object.values(broker.groups).flatMap((g) => {
    const members = Object.values(g.members).sort((a, b) => (a.memberId < b.memberId ? -1 : 1));
    return members.flatMap((m) =>
      m.assignment.length === 0
        ? [
            {
              key: `${g.groupId}/${m.memberId}`,
              group: g.groupId,
              member: m.memberId,
              tp: 'none (idle)',
              position: '—',
              committed: '—',
              lag: '—',
            },
          ]
        : m.assignment.map((tp) => {
            const k = `${tp.topic}:${tp.partition}`;
            const committed = g.committed[k]?.offset ?? null;
            const end = broker.topics[tp.topic]?.partitions[tp.partition]?.logEndOffset ?? 0;
            return {
              key: `${g.groupId}/${m.memberId}/${k}`,
              group: g.groupId,
              member: m.memberId,
              tp: `${tp.topic}-${tp.partition}`,
              position:
                (m.positions[k] === undefined ? 'not fetched yet' : String(m.positions[k])) +
                (m.paused?.includes(k) ? ' (paused)' : ''),
              committed: committed === null ? 'no commit' : String(committed),
              lag: committed === null ? 'no commit' : String(end - committed),
            };
          }),
    );
  });
  if (rows.length === 0)
    return (
      <>
        <OutboxTablesView />
        <EntityRowsTable />
      </>
    );
  return (
    <>
      <OutboxTablesView />
      <section className="panel" aria-labelledby="groups-title">
        <h2 id="groups-title">Consumer groups</h2>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">
              Partition ownership, positions, committed offsets and lag per consumer group
            </caption>
            <thead>
              <tr>
                <th scope="col">Group</th>
                <th scope="col">Member</th>
                <th scope="col">Partition</th>
                <th scope="col">Position (next fetch)</th>
                <th scope="col">Committed (next to read)</th>
                <th scope="col">Lag</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key}>
                  <td>{r.group}</td>
                  <td className="mono">{r.member}</td>
                  <td className="mono">{r.tp}</td>
                  <td className="num">{r.position}</td>
                  <td className="num">{r.committed}</td>
                  <td className="num">{r.lag}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <EntityRowsTable />
    </>
  );
}
