import { useId, useMemo } from 'react';
import { DiagramEdgePath } from './DiagramEdgePath';
import { DiagramNodeBox } from './DiagramNodeBox';
import type { DiagramSpec } from './diagramTypes';
import { placeRows } from './placeRows';
import { useMeasuredWidth } from './useMeasuredWidth';
import './profiles.css';

/**
 * Draws a profile diagram as one SVG image, laid out at its column's width (text keeps its size; rows wrap):
 * its title and description (every box's counts and what moved in this step) are its accessible name and
 * description; arrows under boxes.
 */
export function ProfileDiagramView({ spec }: { spec: DiagramSpec }) {
  const [ref, width] = useMeasuredWidth<HTMLDivElement>();
  const diagram = useMemo(() => placeRows(spec, width), [spec, width]);
  const id = useId();
  const marker = `${id}-arrow`;
  const hotMarker = `${id}-arrow-hot`;
  return (
    <div ref={ref} className="profile-diagram-wrap">
      <svg
        className="profile-diagram"
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        width={diagram.width}
        height={diagram.height}
        viewBox={`0 0 ${diagram.width} ${diagram.height}`}
      >
        <title id={`${id}-title`}>{diagram.title}</title>
        <desc id={`${id}-desc`}>{diagram.description}</desc>
        <defs>
          {[marker, hotMarker].map((m) => (
            <marker key={m} id={m} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">
              <path d="M0,0 L10,5 L0,10 z" className={m === hotMarker ? 'pd-arrow-hot' : 'pd-arrow'} />
            </marker>
          ))}
        </defs>
        {diagram.edges.map((e) => (
          <DiagramEdgePath key={e.id} edge={e} marker={marker} hotMarker={hotMarker} />
        ))}
        {diagram.nodes.map((n) => (
          <DiagramNodeBox key={n.id} node={n} />
        ))}
        {diagram.nodes.length === 0 && (
          <text className="pd-line" x={10} y={30}>
            {diagram.description}
          </text>
        )}
      </svg>
    </div>
  );
}
