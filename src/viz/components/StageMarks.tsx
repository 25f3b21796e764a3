import { memo } from 'react';
import type { StageMarksVM } from '../layout/brokerLayout';

/**
 * What the step changed, marked over the diagram: rings around what the stage on screen touches,
 * and short labels anchored to each change (the current stage's strong, earlier ones quieter). The
 * labels are drawn last, on a white pill, so nothing covers them.
 */
export const StageMarks = memo(function StageMarks({ marks }: { marks: StageMarksVM }) {
  return (
    <g className="bv-marks">
      <g aria-hidden="true">
        {marks.rings.map((r) => (
          <rect key={r.id} className="bv-ring" x={r.x} y={r.y} width={r.width} height={r.height} rx={r.rx} />
        ))}
      </g>
      {marks.labels.map((l) => (
        <g key={l.id} className={`bv-label${l.current ? ' is-current' : ''}`} data-label={l.id}>
          <rect x={l.x} y={l.y - 11.5} width={l.width} height={16} rx={8} />
          <text x={l.x + 5} y={l.y}>
            {l.text}
          </text>
        </g>
      ))}
    </g>
  );
});
