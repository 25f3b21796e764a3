import type { AckVM } from '../layout/replicasModel';

const ICON: Record<AckVM['tone'], string> = { arrived: '✓', waiting: '…', refused: '✗', lost: '✗', none: '–' };

/** What the producers heard back in this step: an ack arriving, waiting, refused or lost (text, not colour alone). */
export function AckList({ acks }: { acks: readonly AckVM[] }) {
  if (acks.length === 0) return null;
  return (
    <ul className="replica-acks" aria-label="Producer acknowledgements">
      {acks.map((a) => (
        <li key={a.key} className={`replica-ack tone-${a.tone}`}>
          <span aria-hidden="true">{ICON[a.tone]}</span> <strong>{a.title}</strong>: {a.text}
        </li>
      ))}
    </ul>
  );
}
