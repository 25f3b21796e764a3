import { useRef } from 'react';
import type { BrokerViewModel } from '../layout/brokerLayout';
import { placeTarget } from './targetPlacement';
import { useDiagramOrigin } from './useDiagramOrigin';
import type { Prediction } from './usePrediction';
import './predict.css';

/**
 * A prediction answered on the diagram: a button over each element a choice names (a partition's
 * next slot, an offset's cell, a member's box). Real buttons, laid over the SVG at the layout's
 * coordinates (times the diagram's scale), so keyboard and screen-reader users pick the same way;
 * the question panel keeps the same choices as a list. Rows of a read model are picked in its table.
 */
export function PredictionTargets({
  model,
  scale,
  prediction,
}: {
  model: BrokerViewModel;
  scale: number;
  prediction: Prediction;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const origin = useDiagramOrigin(ref);
  const placed = prediction.choices.flatMap((c) => {
    const box = placeTarget(model, c.target);
    return box ? [{ id: c.id, box }] : [];
  });
  if (placed.length === 0) return null;
  return (
    <div
      ref={ref}
      className="bv-predict"
      role="group"
      aria-label="Your prediction: click it on the diagram"
      style={{ left: origin.x, top: origin.y }}
    >
      {placed.map(({ id, box }) => (
        <button
          key={id}
          type="button"
          className={`bv-predict-target${box.over ? ' is-over' : ''}${box.tagBelow ? ' is-tag-below' : ''}`}
          style={{ left: box.x * scale, top: box.y * scale, width: box.width * scale, height: box.height * scale }}
          onClick={() => prediction.pick(id)}
        >
          <span className="visually-hidden">{box.name}</span>
          <span className="bv-predict-tag" aria-hidden="true">
            {box.tag}
          </span>
        </button>
      ))}
    </div>
  );
}
