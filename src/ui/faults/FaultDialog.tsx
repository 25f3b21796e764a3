import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A modal dialog asking what a fault needs. Its form (rendered by `children`, with id `formId`) is
 * submitted by "Start branch"; Escape or Cancel closes it and nothing happens. While the form's choice
 * cannot strike (`blocked`: why, shown by the form as an alert), "Start branch" is disabled and says so —
 * a learner's walkthrough clicked an enabled button that did nothing.
 */
export function FaultDialog({
  title,
  step,
  formId,
  busy,
  blocked = null,
  onClose,
  children,
}: {
  title: string;
  step: number;
  formId: string;
  busy: boolean;
  /** Why the form's current choice cannot start a branch, or null. */
  blocked?: string | null;
  onClose(): void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const blockedId = useId();
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
        <button
          type="submit"
          form={formId}
          disabled={busy || blocked !== null}
          aria-describedby={blocked !== null ? blockedId : undefined}
        >
          Start branch
        </button>
        <button type="button" onClick={() => ref.current?.close()}>
          Cancel
        </button>
        {blocked !== null && (
          // Heard with the button; the form shows the same reason as an alert above it.
          <span id={blockedId} className="visually-hidden">
            Start branch is off: {blocked}
          </span>
        )}
      </div>
    </dialog>
  );
}
