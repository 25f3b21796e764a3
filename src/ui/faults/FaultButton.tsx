import { useId } from 'react';

/**
 * One fault of the palette. When it cannot apply here it stays visible, disabled, with the reason
 * shown under it and given as its description (aria-describedby).
 */
export function FaultButton({
  name,
  unavailable,
  busy,
  onOpen,
}: {
  name: string;
  unavailable: string | null;
  busy: boolean;
  onOpen(): void;
}) {
  const reasonId = useId();
  return (
    <li className={unavailable ? 'fault unavailable' : 'fault'}>
      <button
        type="button"
        aria-haspopup="dialog"
        disabled={busy || unavailable !== null}
        aria-describedby={unavailable ? reasonId : undefined}
        onClick={onOpen}
      >
        {name}
      </button>
      {unavailable && (
        <p id={reasonId} className="fault-reason">
          {unavailable}
        </p>
      )}
    </li>
  );
}
