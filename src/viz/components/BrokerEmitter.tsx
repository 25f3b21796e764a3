import { memo } from 'react';
import type { EmitterVM } from '../layout/brokerLayout';
import { short } from './svgControls';

/**
 * A producer, the relay or a service; bold with "▶ N records this step" in the step it appended (it says
 * which step: "sent 1 record" read like a running total on a producer that had sent thousands).
 */
export const Emitter = memo(function Emitter({ p }: { p: EmitterVM }) {
  const sub = p.emitted > 0 ? `▶ ${p.emitted} record${p.emitted === 1 ? '' : 's'} this step` : p.sub;
  return (
    <g className={`bv-emitter is-${p.kind}${p.emitted ? ' is-active' : ''}`}>
      <title>{`${p.label} (${p.kind === 'relay' ? 'outbox relay' : p.kind}) · ${p.sub}${p.emitted ? ` · appended ${p.emitted} record${p.emitted === 1 ? '' : 's'} in this step` : ''}`}</title>
      <rect x={p.x} y={p.y} width={p.width} height={p.height} rx={p.kind === 'service' ? 4 : 10} stroke={p.colour} />
      {p.titleLines.map((l, i) => (
        <text key={i} x={p.x + 10} y={p.y + 19 + i * 16} className="bv-node-title">
          {l}
        </text>
      ))}
      <text x={p.x + 10} y={p.y + p.height - 11} className={`bv-small${p.emitted ? ' bv-strong' : ''}`}>
        {short(sub, 23)}
      </text>
    </g>
  );
});
