import { memo } from 'react';
import { nowWords, type LagChartModel } from '../layout/lagChart';

interface Props {
  model: LagChartModel;
  x: number;
  y: number;
  colour: string;
  label: string;
  /** Text equivalent of the series. */
  summary: string;
}

/** A group's total lag at every step up to the current one; gaps where the group had no commit. */
export const LagChart = memo(function LagChart({ model, x, y, colour, label, summary }: Props) {
  // A partition without a commit has an unknown lag (Kafka's tools print "-"), so a total over the others is never
  // shown as a bare "now 0": it is said in the chart, with the partitions it leaves out.
  const words = model.current ? nowWords(model.current) : null;
  const now = words
    ? (words.header ?? '')
    : model.noCommit.length && model.points === 0
      ? 'no commit yet'
      : 'now: no commit';
  return (
    <g className="bv-lag" transform={`translate(${x},${y})`}>
      <title>{summary}</title>
      <text x={0} y={-4} className="bv-small">
        {label} · max {model.maxLag}
      </text>
      <text x={model.width} y={-4} textAnchor="end" className="bv-small bv-strong">
        {now}
      </text>
      <rect width={model.width} height={model.height} className="bv-lag-frame" />
      <path d={model.area} fill={colour} opacity={0.16} />
      <path d={model.line} stroke={colour} className="bv-lag-line" />
      {model.noCommit.map((nx, i) => (
        <path key={i} d={`M${nx - 2.5},${model.height - 7} l5,5 m0,-5 l-5,5`} className="bv-lag-nocommit" />
      ))}
      <line x1={model.currentX} x2={model.currentX} y1={0} y2={model.height} className="bv-lag-now" />
      {model.current && (
        <circle cx={model.current.x} cy={model.current.y} r={3.5} fill={colour} stroke="#fff" strokeWidth={1.5} />
      )}
      {words?.lines.map((l, i) => (
        <text key={i} x={4} y={12 + i * 12} className="bv-small bv-lag-partial">
          {l}
        </text>
      ))}
    </g>
  );
});
