import { useId, useState } from 'react';

interface Props {
  label: string;
  value: unknown;
  onChange(value: unknown): void;
  optional?: boolean;
  describedBy?: string;
  rows?: number;
}

const show = (v: unknown) => (v === undefined ? '' : JSON.stringify(v, null, 1));

/** Whether the typed text still stands for the stored value (or is a half-typed edit of it). */
function stillMeans(text: string, value: unknown, midEdit: boolean): boolean {
  if (text.trim() === '') return value === undefined;
  try {
    return JSON.stringify(JSON.parse(text)) === JSON.stringify(value);
  } catch {
    return midEdit;
  }
}

/** A JSON value typed as text: stored only once it parses, with the parse error shown until then. */
export function JsonInput({ label, value, onChange, optional, describedBy, rows = 3 }: Props) {
  const id = useId();
  const [text, setText] = useState(() => show(value));
  const [error, setError] = useState<string | null>(null);
  const shown = stillMeans(text, value, error !== null) ? text : show(value);
  return (
    <div className="d-field d-json">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        className="mono"
        rows={rows}
        spellCheck={false}
        value={shown}
        aria-invalid={error !== null}
        aria-describedby={[describedBy, error ? `${id}-err` : undefined].filter(Boolean).join(' ') || undefined}
        onChange={(e) => {
          const t = e.target.value;
          setText(t);
          if (t.trim() === '') {
            setError(optional ? null : 'A value is needed.');
            if (optional) onChange(undefined);
            return;
          }
          try {
            onChange(JSON.parse(t));
            setError(null);
          } catch (err) {
            setError(`Not valid JSON yet: ${err instanceof Error ? err.message : String(err)}`);
          }
        }}
      />
      {error && (
        <p className="d-msg d-problem" id={`${id}-err`}>
          {error}
        </p>
      )}
    </div>
  );
}
