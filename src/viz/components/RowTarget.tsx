import { useMemo } from 'react';
import { usePrediction, type Prediction } from './usePrediction';
import './predict.css';

/** The row targets of the open prediction, by read model and row key, with the pick that answers. */
export interface RowTargets {
  choices: ReadonlyMap<string, string>;
  pick: Prediction['pick'];
}

export function useRowTargets(): ReadonlyMap<string, RowTargets> | null {
  const prediction = usePrediction();
  return useMemo(() => {
    if (!prediction) return null;
    const byModel = new Map<string, Map<string, string>>();
    for (const c of prediction.choices) {
      if (!('readModel' in c.target)) continue;
      const rows = byModel.get(c.target.readModel) ?? new Map<string, string>();
      rows.set(c.target.row, c.id);
      byModel.set(c.target.readModel, rows);
    }
    if (byModel.size === 0) return null;
    return new Map([...byModel].map(([name, choices]) => [name, { choices, pick: prediction.pick }]));
  }, [prediction]);
}

export function rowTargetsOf(all: ReadonlyMap<string, RowTargets> | null, readModel: string): RowTargets | null {
  return all?.get(readModel) ?? null;
}

/**
 * A prediction answered on a read model: a button in the row's header cell ("This row?"), named
 * for screen readers by the row and its read model, so every way of picking answers the same.
 */
export function RowTarget({ targets, readModel, row }: { targets: RowTargets; readModel: string; row: string }) {
  const id = targets.choices.get(row);
  if (id === undefined) return null;
  return (
    <button type="button" className="row-predict" onClick={() => targets.pick(id)}>
      <span aria-hidden="true">This row?</span>
      <span className="visually-hidden">{`Row ${row} of read model ${readModel}`}</span>
    </button>
  );
}
