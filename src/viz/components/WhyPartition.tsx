import type { PartitionWhy } from '../layout/whyPartition';

interface Props {
  why: PartitionWhy | null;
  eventId: string | null;
  onClose: () => void;
  onInspect?: ((eventId: string) => void) | undefined;
}

/** "Why this partition?" for the selected record, as text (announced politely when it changes). */
export function WhyPartition({ why, eventId, onClose, onInspect }: Props) {
  return (
    <section className="bv-why" aria-live="polite" aria-label="Why this partition?">
      {why ? (
        <>
          <div className="bv-why-head">
            <h3>{why.heading}</h3>
            <button type="button" className="bv-why-close" onClick={onClose} aria-label="Close the explanation">
              ×
            </button>
          </div>
          <p>{why.summary}</p>
          {why.steps.length > 0 && (
            <ol className="bv-why-steps">
              {why.steps.map((s) => (
                <li key={s.label}>
                  <span className="bv-why-label">{s.label}:</span> <code>{s.value}</code>
                </li>
              ))}
            </ol>
          )}
          {why.remap && (
            <p className="bv-why-remap">
              <strong>Partitions were added since:</strong> {why.remap}. Old records stay where they are; only new records use the new count.
            </p>
          )}
          <p className="bv-why-source">
            {why.source === 'effect' ? 'From the step that appended this record.' : 'Recomputed from the record (its append happened in an earlier step).'}
            {eventId && onInspect && (
              <>
                {' '}
                <button type="button" className="bv-why-inspect" onClick={() => onInspect(eventId)}>
                  Inspect the event
                </button>
              </>
            )}
          </p>
        </>
      ) : (
        <p className="bv-why-hint">Select any record (click it, or Tab to the records, move with the arrow keys and press Enter) to see why it went to its partition.</p>
      )}
    </section>
  );
}
