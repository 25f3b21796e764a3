import { useId } from 'react';
import type { Waterfall } from './waterfallRows';

const short = (id: string | null) => (id ? `${id.slice(0, 8)}…` : '—');

/**
 * One trace as a waterfall: a row per span, indented by depth, its mark on the trace's time axis and, before a
 * process span, a dashed line for the time its record waited in the topic. Every fact is also text in the row.
 */
export function TraceWaterfall({ waterfall }: { waterfall: Waterfall }) {
  const captionId = useId();
  return (
    <table className="trace-waterfall" aria-describedby={captionId}>
      <caption id={captionId}>{waterfall.summary}</caption>
      <thead>
        <tr>
          <th scope="col">Span</th>
          <th scope="col">Timeline</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {waterfall.rows.map((r) => (
          <tr key={r.key} className={r.status === 'error' ? 'trace-row trace-row--error' : 'trace-row'}>
            <th scope="row" style={{ paddingInlineStart: `${0.4 + r.depth * 1.1}rem` }}>
              <span className="trace-kind">{r.kind}</span> {r.label}
              <span className="trace-record"> {r.record}</span>
              <span className="trace-ids">
                span {short(r.spanId)} · parent {short(r.parentId)}
                {r.traceparent && (
                  <>
                    {' '}
                    · traceparent <code>{r.traceparent}</code>
                  </>
                )}
              </span>
              <span className="trace-ids">
                correlation {short(r.correlationId)} · causation {short(r.causationId)}
              </span>
            </th>
            <td className="trace-timeline">
              <div className="trace-axis" aria-hidden="true">
                {r.waitFromPct !== null && (
                  <span
                    className="trace-wait"
                    style={{ left: `${r.waitFromPct}%`, width: `${Math.max(0, r.startPct - r.waitFromPct)}%` }}
                  />
                )}
                <span className="trace-bar" style={{ left: `min(${r.startPct}%, calc(100% - 0.6rem))` }} />
              </div>
              <span className="trace-when">
                {r.startText}
                {r.waitText ? ` · ${r.waitText}` : ''}
              </span>
            </td>
            <td className="trace-status">{r.status === 'error' ? `✗ ${r.statusText}` : `✓ ${r.statusText}`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
