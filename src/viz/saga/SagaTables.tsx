import type { Orchestrator, SagaDefinition, SagaStoredEvent } from '../../engine/saga';
import { deadlineOf, foldSaga } from '../../engine/saga';
import type { Effect } from '../../engine/types';

const seconds = (ms: number, start: number) => `${((ms - start) / 1000).toFixed(0)} s`;

/** The step's saga, by its effects: the last one it touched that is still running, else the last one it touched. */
function touched(effects: readonly Effect[], o: Orchestrator, saga: string): string | null {
  let last: string | null = null;
  for (let i = effects.length - 1; i >= 0; i--) {
    const e = effects[i]!;
    if (!e.kind.startsWith('saga-') || !('instance' in e) || !('saga' in e) || e.saga !== saga) continue;
    const id = e.instance as string;
    if (o.instances[id] && !o.instances[id].outcome) return id;
    last ??= id;
  }
  return last;
}

/** Its sagas (as held in memory, or as a restart would rebuild them), the commands of this step, the stored events. */
export function SagaTables(props: {
  def: SagaDefinition;
  o: Orchestrator | undefined;
  effects: readonly Effect[];
  start: number;
}) {
  const { def, o, effects, start } = props;
  if (!o) return null;
  const ids = Object.keys(o.streams).sort();
  const sent = effects.filter(
    (e): e is Extract<Effect, { kind: 'saga-command-sent' }> => e.kind === 'saga-command-sent' && e.saga === def.id,
  );
  const focus = touched(effects, o, def.id) ?? ids[ids.length - 1] ?? null;
  const events: readonly SagaStoredEvent[] = focus ? (o.streams[focus] ?? []) : [];
  return (
    <div className="saga-tables">
      <table className="saga-instances">
        <caption>Sagas {o.up ? '' : '(not in memory: as a restart would rebuild them)'}</caption>
        <thead>
          <tr>
            <th scope="col">Saga</th>
            <th scope="col">State</th>
            <th scope="col">Outcome</th>
            <th scope="col">Stored events</th>
            <th scope="col">Timeout at</th>
          </tr>
        </thead>
        <tbody>
          {ids.map((id) => {
            const inst = (o.up ? o.instances[id] : null) ?? foldSaga(def, id, o.streams[id] ?? []);
            const deadline = inst && !inst.outcome ? deadlineOf(def, inst) : null;
            return (
              <tr key={id} className={id === focus ? 'is-focus' : undefined}>
                <th scope="row">{id}</th>
                <td>{inst?.state ?? '—'}</td>
                <td>{inst?.outcome ?? 'running'}</td>
                <td>{o.streams[id]?.length ?? 0}</td>
                <td>{deadline === null ? '—' : seconds(deadline, start)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {sent.length > 0 && (
        <div className="saga-sent">
          <h3>Commands sent in this step</h3>
          <ul>
            {sent.map((c, i) => (
              <li key={i}>
                {c.command} → {c.to} <span className="saga-meta">({c.instance})</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {focus && (
        <table className="saga-events">
          <caption>Stored events of saga {focus}: what a restart reads</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Event</th>
              <th scope="col">State</th>
              <th scope="col">Because of</th>
              <th scope="col">At</th>
              <th scope="col">Commands sent</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.version}>
                <td>{e.version}</td>
                <td>{e.type}</td>
                <td>{e.type === 'SagaTransitioned' ? `${e.from} → ${e.to}` : e.to}</td>
                <td>{e.type === 'SagaTransitioned' ? e.cause : 'start'}</td>
                <td>{seconds(e.at, start)}</td>
                <td>{e.commands.map((c) => `${c.command} → ${c.to}`).join(', ') || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
