import type { ReplicaRowVM } from '../layout/replicasModel';

/**
 * One broker's copy: its label (role, up or down, ISR, log end) as text, then its records, one slot per
 * offset, the high-watermark line before the slot at the high watermark, and a dashed slot at its log end.
 */
export function ReplicaRow({ r, columns, highWatermark }: { r: ReplicaRowVM; columns: number; highWatermark: number }) {
  const cls = ['replica-row', r.leader ? 'is-leader' : '', r.up ? '' : 'is-down', r.inIsr ? 'in-isr' : 'out-of-isr'];
  return (
    <li className={cls.filter(Boolean).join(' ')} aria-label={r.label}>
      <span className="replica-label">
        {r.leader && (
          <span className="replica-badge" aria-hidden="true">
            ★
          </span>
        )}
        {r.label}
      </span>
      <span className="replica-cells">
        {Array.from({ length: columns }, (_, o) => {
          const c = r.cells[o];
          const edge = o === highWatermark ? ' hw-edge' : '';
          if (!c)
            return (
              <span
                key={o}
                className={`replica-cell is-empty${o === r.logEnd ? ' is-next' : ''}${edge}`}
                aria-hidden="true"
              />
            );
          const state = c.diverged ? ' is-diverged' : c.committed ? ' is-committed' : ' is-uncommitted';
          return (
            <span key={o} className={`replica-cell${state}${edge}`} title={c.label} aria-label={c.label} role="img">
              <span className="replica-offset">{o}</span>
              <span className="replica-value">{c.value}</span>
              {c.diverged && <span className="replica-flag">will be truncated</span>}
            </span>
          );
        })}
      </span>
    </li>
  );
}
