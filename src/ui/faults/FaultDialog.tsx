import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A modal dialog asking what a fault needs. Its form (rendered by `children`, with id `formId`) is
 * submitted by "Start branch"; Escape or Cancel closes it and nothing happens.
 */
export function FaultDialog({
  title,
  step,
  formId,
  busy,
  onClose,
  children,
}: {
  title: string;
  step: number;
  formId: string;
  busy: boolean;
  onClose(): void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog ref={ref} className="fault-dialog" aria-labelledby={titleId} onClose={onClose}>
      <h2 id={titleId}>{title}</h2>
      <p className="hint">Starts a branch at step {step}; this run stays as it is.</p>
      {children}
      <div className="fault-dialog-buttons">
        <button type="submit" form={formId} disabled={busy}>
          Start branch
        </button>
        <button type="button" onClick={() => ref.current?.close()}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
