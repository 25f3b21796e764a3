import { useId, useMemo } from 'react';
import { useRun } from '../../state/react';
import type { RunState } from '../../state/runStore';
import { layoutCqrsOverview, problemWord } from '../layout/cqrsStages';
import { useReducedMotion } from './useReducedMotion';
import { useStagedReadSide } from './useStagedReadSide';
import './views.css';

/** Whether the run has a CQRS path to draw (aggregates or projections); the player renders the view only then. */
export const hasCqrsPath = (s: RunState): boolean =>
  (s.scenario.topology.aggregates?.length ?? 0) + (s.scenario.topology.projections?.length ?? 0) > 0;

/** Command → aggregate → event store → relay → topics → projections → queries, lit where this step went. */
export function CqrsOverview() {
  const hasCqrs = useRun(hasCqrsPath);
  const all = useRun((s) => s.effects);
  const reduced = useReducedMotion();
  // While the step plays, the path lights up stage by stage (relay, topics, projections…).
  const { effects, currentEffects, kind } = useStagedReadSide();
  const model = useMemo(
    () =>
      layoutCqrsOverview(
        effects,
        currentEffects.map((i) => all[i]!),
      ),
    [effects, currentEffects, all],
  );
  const titleId = useId();
  if (!hasCqrs) return null;
  return (
    <section
      className="panel cqrs-overview"
      aria-labelledby={titleId}
      data-motion={reduced ? 'reduced' : 'full'}
      data-step-stage={kind}
    >
      <h2 id={titleId}>CQRS path</h2>
      <svg
        viewBox={`0 0 ${model.width} ${model.height}`}
        className="cqrs-svg"
        role="img"
        aria-label={`The CQRS path: command, aggregate, event store, relay, topics, projections, queries; ${model.summary}`}
      >
        {model.arrows.map((a) => (
          <path key={a.id} d={a.d} className={`cqrs-arrow${a.lit ? ' is-lit' : ''}`} />
        ))}
        {model.stages.map((s) => (
          <g
            key={s.id}
            className={`cqrs-stage${s.lit ? ' is-lit' : ''}${s.problem ? ' is-problem' : ''}${s.current ? ' is-current' : ''}`}
            data-stage={s.id}
          >
            <rect x={s.x} y={s.y} width={s.width} height={s.height} rx={8} />
            <text x={s.x + s.width / 2} y={s.y + (s.lit ? 17 : 24)} textAnchor="middle" className="cqrs-label">
              {s.label}
            </text>
            {s.lit && (
              <text x={s.x + s.width / 2} y={s.y + 32} textAnchor="middle" className="cqrs-count">
                {s.problem
                  ? `✕ ${s.problemCount} ${problemWord(s.id)}`
                  : `● ${s.count} ${s.count === 1 ? 'effect' : 'effects'}`}
                {s.problem && s.count > s.problemCount ? ` · ${s.count - s.problemCount} ok` : ''}
              </text>
            )}
          </g>
        ))}
      </svg>
      <p className="cqrs-summary">
        <strong>{model.summary.split(':')[0]}:</strong>
        {model.summary.slice(model.summary.indexOf(':') + 1)}
      </p>
    </section>
  );
}
