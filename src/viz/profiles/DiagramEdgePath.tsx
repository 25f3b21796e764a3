import type { PlacedEdge } from './diagramTypes';

/** One arrow of a profile diagram; messages that moved along it in this step make it thick and coloured. */
export function DiagramEdgePath({ edge, marker, hotMarker }: { edge: PlacedEdge; marker: string; hotMarker: string }) {
  const label = edge.label && edge.label.length > 24 ? `${edge.label.slice(0, 23)}…` : edge.label;
  return (
    <g className={`pd-edge${edge.hot ? ' is-hot' : ''}${edge.dashed ? ' is-dashed' : ''}`}>
      <path d={edge.d} markerEnd={`url(#${edge.hot ? hotMarker : marker})`} />
      {label && (
        <text className="pd-edge-label" x={edge.labelX} y={edge.labelY} textAnchor="middle">
          {edge.label !== label && <title>{edge.label}</title>}
          {label}
        </text>
      )}
    </g>
  );
}
