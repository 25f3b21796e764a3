import { useId, useMemo } from 'react';
import type { Orchestrator, SagaDefinition } from '../../engine/saga';
import { BOX, layoutSagaChart } from './sagaChart';

/** The orchestrator's state chart: a box per state, an arrow per reply or timeout, the sagas in each state now. */
export function SagaChart({ def, o }: { def: SagaDefinition; o: Orchestrator | undefined }) {
  const chart = useMemo(() => layoutSagaChart(def, o), [def, o]);
  const arrow = useId();
  const where = chart.states
    .filter((s) => s.instances.length)
    .map((s) => `${s.instances.join(', ')} in ${s.name}`)
    .join('; ');
  return (
    <div className="saga-chart">
      <svg
        viewBox={`0 0 ${chart.width} ${chart.height}`}
        width={chart.width}
        role="img"
        aria-label={`State chart of ${def.id}, from ${def.initial}.${where ? ` Now: ${where}.` : ''}`}
      >
        <defs>
          <marker id={arrow} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">
            <path d="M0,0 L10,5 L0,10 z" className="saga-arrowhead" />
          </marker>
        </defs>
        {chart.edges.map((e) => (
          <path
            key={e.key}
            d={e.d}
            className={`saga-edge${e.timeout ? ' is-timeout' : ''}`}
            markerEnd={`url(#${arrow})`}
          >
            <title>{`${e.from} → ${e.to} on ${e.label}`}</title>
          </path>
        ))}
        {chart.edges.map((e) => (
          <text key={`${e.key}-label`} x={e.lx} y={e.ly} textAnchor={e.anchor} className="saga-edge-label">
            {e.label}
          </text>
        ))}
        {chart.states.map((s) => (
          <g
            key={s.name}
            transform={`translate(${s.x},${s.y})`}
            className={`saga-state${s.instances.length ? ' is-current' : ''}${s.final ? ` is-${s.final}` : ''}`}
          >
            <rect width={BOX.w} height={BOX.h} rx={s.final ? 14 : 4} />
            <text x={BOX.w / 2} y={s.instances.length ? 16 : 24} textAnchor="middle" className="saga-state-name">
              {s.name}
            </text>
            {s.instances.length > 0 && (
              <text x={BOX.w / 2} y={32} textAnchor="middle" className="saga-state-who">
                {s.instances.join(', ')}
              </text>
            )}
          </g>
        ))}
      </svg>
      <p className="legend">
        Each box is a state of the orchestrator, from the first at the top; an arrow is a participant’s reply or,
        dashed, a timeout. Rounded boxes are final (completed or compensated). A box names the sagas in that state now.
      </p>
    </div>
  );
}
