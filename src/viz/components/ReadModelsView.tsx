import { useId, useMemo } from 'react';
import { useRun } from '../../state/react';
import type { RunState } from '../../state/runStore';
import { layoutReadModels, type ReadTableVM } from '../layout/readModels';
import { ToneIcon } from './ToneIcon';
import { rowTargetsOf, RowTarget, useRowTargets, type RowTargets } from './RowTarget';
import { useReducedMotion } from './useReducedMotion';
import { useStagedReadSide } from './useStagedReadSide';
import './views.css';

const NO_PROJECTIONS: never[] = [];

/** Whether the run has read models to show (projections); the player renders the view only then. */
export const hasReadModels = (s: RunState): boolean => (s.scenario.topology.projections?.length ?? 0) > 0;

/** The read side: one table per projection, its checkpoint against the store, what changed, what was asked. */
export function ReadModelsView() {
  const specs = useRun((s) => s.scenario.topology.projections ?? NO_PROJECTIONS);
  // While the step plays, the read models change at the project stage.
  const staged = useStagedReadSide();
  const { projections: states, effects } = staged;
  const head = staged.log.events.length;
  const reduced = useReducedMotion();
  const tables = useMemo(() => layoutReadModels(specs, states, head, effects), [specs, states, head, effects]);
  const titleId = useId();
  const rowTargets = useRowTargets();
  if (specs.length === 0) return null;
  return (
    <section
      className={`panel read-models${staged.projecting ? ' is-projecting' : ''}`}
      aria-labelledby={titleId}
      data-motion={reduced ? 'reduced' : 'full'}
      data-stage={staged.kind}
    >
      <h2 id={titleId}>Read models</h2>
      <p className="view-legend">
        Projections fold stored events into tables shaped for queries. Each one remembers the last global position it
        applied (its checkpoint); until it catches up with the store, queries can return old answers.
      </p>
      {tables.map((t) => (
        <ReadTable key={t.name} t={t} targets={rowTargetsOf(rowTargets, t.name)} />
      ))}
    </section>
  );
}

function ReadTable({ t, targets }: { t: ReadTableVM; targets: RowTargets | null }) {
  const pct = t.head === 0 ? 100 : Math.round((t.checkpoint / t.head) * 100);
  return (
    <div className="read-model" data-projection={t.name}>
      <h3>
        {t.title} <span className="mono caption-name">({t.name})</span>
      </h3>
      {t.description && <p className="caption-desc">{t.description}</p>}
      <div className="checkpoint">
        <span className={`checkpoint-text${t.behind > 0 ? ' is-behind' : ''}`}>
          <ToneIcon tone={t.behind > 0 ? 'warning' : 'normal'} /> {t.checkpointText}
          {t.appliedThisStep > 0 && ` · ${t.appliedThisStep} applied in this step`}
        </span>
        <span className="checkpoint-bar" aria-hidden="true">
          <span style={{ width: `${pct}%` }} />
        </span>
      </div>
      {t.query && (
        <p className={`query-callout${t.query.stale ? ' is-stale' : ''}`} role="note">
          <ToneIcon tone={t.query.stale ? 'warning' : 'normal'} />
          <strong>
            {t.query.stale ? `Stale answer (${t.query.behindBy} behind): ` : 'Query answered, up to date: '}
          </strong>
          {t.query.reason}
        </p>
      )}
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">
            Read model {t.title}: {t.rows.length} {t.rows.length === 1 ? 'row' : 'rows'}, {t.checkpointText}
          </caption>
          <thead>
            <tr>
              <th scope="col">Key</th>
              {t.columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {t.rows.length === 0 && (
              <tr>
                <td colSpan={t.columns.length + 1} className="empty">
                  No rows yet.
                </td>
              </tr>
            )}
            {t.rows.map((r) => (
              <tr
                key={r.key}
                className={
                  [
                    r.changed ? 'is-changed' : '',
                    r.queried ? (t.query?.stale ? 'is-queried is-stale' : 'is-queried') : '',
                  ]
                    .filter(Boolean)
                    .join(' ') || undefined
                }
              >
                <th scope="row" className="mono">
                  {r.key}
                  {r.changed && <span className="badge row-badge">updated</span>}
                  {targets && <RowTarget targets={targets} readModel={t.name} row={r.key} />}
                  {r.queried && (
                    <span className="badge row-badge">{t.query?.stale ? 'queried · stale' : 'queried'}</span>
                  )}
                </th>
                {r.cells.map((c, i) => (
                  <td key={t.columns[i]}>{c}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
