import { useId } from 'react';
import type { Orchestrator, SagaDefinition } from '../../engine/saga';
import type { Effect } from '../../engine/types';
import { useRun } from '../../state/react';
import { SagaChart } from './SagaChart';
import { SagaTables } from './SagaTables';
import './saga.css';

/** Orchestrated sagas (`topology.sagas`): each orchestrator's state chart, its sagas and what it stored and sent. */
export function SagaView() {
  const defs = useRun((s) => s.scenario.topology.sagas);
  const sagas = useRun((s) => s.world.sagas);
  const effects = useRun((s) => s.effects);
  const start = useRun((s) => s.scenario.startTime);
  if (!defs?.length) return null;
  return (
    <>
      {defs.map((def) => (
        <SagaPanel key={def.id} def={def} o={sagas?.[def.id]} effects={effects} start={start} />
      ))}
    </>
  );
}

function SagaPanel(props: {
  def: SagaDefinition & { title: string };
  o: Orchestrator | undefined;
  effects: readonly Effect[];
  start: number;
}) {
  const { def, o } = props;
  const titleId = useId();
  const held = Object.keys(o?.instances ?? {}).length;
  const stored = Object.keys(o?.streams ?? {}).length;
  const status = !o
    ? 'not started yet'
    : o.up
      ? `running · ${held} saga${held === 1 ? '' : 's'} in memory`
      : `down · memory lost; the stored events of ${stored} saga${stored === 1 ? '' : 's'} are kept`;
  return (
    <section className="panel saga-view" aria-labelledby={titleId}>
      <h2 id={titleId}>Saga orchestrator: {props.def.title}</h2>
      <p className={`saga-status${o && !o.up ? ' is-down' : ''}`}>{status}</p>
      <SagaChart def={def} o={o} />
      <SagaTables def={def} o={o} effects={props.effects} start={props.start} />
    </section>
  );
}
