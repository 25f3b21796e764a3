import { useEffect, useId, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import type { PartitionWhy } from '../layout/whyPartition';

/** How to find a record on screen (the diagram may be scaled: positions come from the element's box, not the layout). */
export interface WhyPartitionProps {
  why: PartitionWhy;
  eventId: string | null;
  /** The record's element, looked up on every placement (a step re-renders the cells). */
  anchor: () => Element | null;
  /** Move focus into the popover when it opens (a click); a keyboard selection keeps focus in the record grid. */
  takeFocus: boolean;
  /** Close; the popover has already put focus back on the record when it held it. */
  onClose: () => void;
  onInspect?: ((eventId: string) => void) | undefined;
}

/** Below the diagram, while nothing is selected: how to ask the question. */
export function WhyPartitionHint() {
  return (
    <p className="bv-why-hint">
      Select any record (click it, or Tab to the records, move with the arrow keys and press Enter) to see why it went
      to its partition.
    </p>
  );
}

const MARGIN = 8;
const GAP = 8;

/**
 * Where a box of size w×h goes next to the record's box r, inside a vw×vh viewport: below it, else
 * above, else to its right or left; when nothing fits, below and clamped (it then may overlap).
 */
export function placeNextTo(
  r: { left: number; top: number; right: number; bottom: number },
  w: number,
  h: number,
  vw: number,
  vh: number,
) {
  const clampX = (x: number) => Math.max(MARGIN, Math.min(x, vw - MARGIN - w));
  const clampY = (y: number) => Math.max(MARGIN, Math.min(y, vh - MARGIN - h));
  if (r.bottom + GAP + h <= vh - MARGIN) return { left: clampX(r.left), top: r.bottom + GAP, side: 'below' as const };
  if (r.top - GAP - h >= MARGIN) return { left: clampX(r.left), top: r.top - GAP - h, side: 'above' as const };
  if (r.right + GAP + w <= vw - MARGIN) return { left: r.right + GAP, top: clampY(r.top), side: 'right' as const };
  if (r.left - GAP - w >= MARGIN) return { left: r.left - GAP - w, top: clampY(r.top), side: 'left' as const };
  return { left: clampX(r.left), top: clampY(r.bottom + GAP), side: 'below' as const };
}

/**
 * "Why this partition?" for the selected record, as a popover next to it (a non-modal dialog, kept
 * inside the viewport): Escape or Close shuts it and focus goes back to the record. Its text is also
 * announced politely, so a keyboard selection (focus stays in the grid) is heard.
 */
export function WhyPartition({ why, eventId, anchor, takeFocus, onClose, onInspect }: WhyPartitionProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    let frame = 0;
    const place = () => {
      frame = 0;
      const a = anchor();
      if (!a) {
        el.style.visibility = 'hidden';
        return;
      }
      const r = a.getBoundingClientRect();
      const vw = document.documentElement.clientWidth;
      const vh = window.innerHeight;
      const p = placeNextTo(r, el.offsetWidth, el.offsetHeight, vw, vh);
      el.style.left = `${Math.round(p.left)}px`;
      el.style.top = `${Math.round(p.top)}px`;
      el.dataset.side = p.side;
      el.style.visibility = '';
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(place);
    };
    place();
    window.addEventListener('scroll', schedule, { capture: true, passive: true });
    window.addEventListener('resize', schedule);
    const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(schedule);
    ro?.observe(el);
    return () => {
      window.removeEventListener('scroll', schedule, { capture: true });
      window.removeEventListener('resize', schedule);
      ro?.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  });

  // Focus goes into the popover when a click opened it (or moved it to another record).
  const heading = why.heading;
  useEffect(() => {
    if (takeFocus) ref.current?.focus({ preventScroll: true });
  }, [takeFocus, heading]);

  const close = () => {
    const hadFocus = ref.current?.contains(document.activeElement) ?? false;
    const a = anchor();
    if (hadFocus && a instanceof SVGElement) a.focus({ preventScroll: true });
    onClose();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close();
    }
  };

  return createPortal(
    <dialog ref={ref} open className="bv-why bv-why-pop" aria-labelledby={titleId} tabIndex={-1} onKeyDown={onKeyDown}>
      <section aria-live="polite" aria-label="Why this partition?">
        <div className="bv-why-head">
          <h3 id={titleId}>{why.heading}</h3>
          <button type="button" className="bv-why-close" onClick={close} aria-label="Close the explanation">
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
            <strong>Partitions were added since:</strong> {why.remap}. Old records stay where they are; only new records
            use the new count.
          </p>
        )}
        <p className="bv-why-source">
          {why.source === 'effect'
            ? 'From the step that appended this record.'
            : 'Recomputed from the record (its append happened in an earlier step).'}
          {eventId && onInspect && (
            <>
              {' '}
              <button
                type="button"
                className="bv-why-inspect"
                onClick={() => {
                  // The record keeps focus while the inspector is open, and gets it back when it closes.
                  const a = anchor();
                  if (a instanceof SVGElement) a.focus({ preventScroll: true });
                  onInspect(eventId);
                  onClose();
                }}
              >
                Inspect the event
              </button>
            </>
          )}
        </p>
      </section>
    </dialog>,
    document.body,
  );
}
