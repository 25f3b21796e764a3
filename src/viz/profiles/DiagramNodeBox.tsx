import { LINE_CHARS, LINE_H, TITLE_CHARS, TITLE_H } from './placeRows';
import type { PlacedNode } from './diagramTypes';

/** Cuts what does not fit the box; the full text is in the box's tooltip and the diagram's description. */
const fit = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** One box of a profile diagram: title, counts, and — when it was touched in this step — what happened there. */
export function DiagramNodeBox({ node }: { node: PlacedNode }) {
  const hot = node.step !== null;
  return (
    <g className={`pd-node pd-${node.kind}${hot ? ' is-hot' : ''}`} transform={`translate(${node.x},${node.y})`}>
      <title>{[node.title, ...node.lines, ...(node.step ? [`this step: ${node.step}`] : [])].join('\n')}</title>
      <rect width={node.w} height={node.h} rx={node.kind === 'consumer' ? 14 : 5} />
      <text className="pd-title" x={8} y={15}>
        {fit(node.title, TITLE_CHARS)}
      </text>
      {node.lines.map((l, i) => (
        <text key={i} className="pd-line" x={8} y={TITLE_H + LINE_H * i + 10}>
          {fit(l, LINE_CHARS)}
        </text>
      ))}
      {node.stepLines.length > 0 && (
        <g transform={`translate(4,${TITLE_H + LINE_H * node.lines.length + 2})`}>
          <rect className="pd-step-band" width={node.w - 8} height={LINE_H * node.stepLines.length + 4} rx={3} />
          {node.stepLines.map((l, i) => (
            <text key={i} className="pd-step" x={4} y={LINE_H * (i + 1) - 1}>
              {fit(`${i === 0 ? '▶ ' : '  '}${l}`, LINE_CHARS)}
            </text>
          ))}
        </g>
      )}
    </g>
  );
}
