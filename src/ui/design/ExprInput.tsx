import { useId } from 'react';
import { useDesign } from './context';
import { JsonInput } from './JsonInput';

type Kind = 'text' | 'number' | 'bool' | 'null' | 'ref' | 'formula';

const kindOf = (v: unknown): Kind =>
  typeof v === 'string'
    ? 'text'
    : typeof v === 'number'
      ? 'number'
      : typeof v === 'boolean'
        ? 'bool'
        : v === null || v === undefined
          ? 'null'
          : typeof v === 'object' && 'ref' in v
            ? 'ref'
            : 'formula';

const kinds: { id: Kind; label: string }[] = [
  { id: 'ref', label: 'a field of…' },
  { id: 'text', label: 'text' },
  { id: 'number', label: 'number' },
  { id: 'bool', label: 'yes / no' },
  { id: 'null', label: 'empty (null)' },
  { id: 'formula', label: 'a formula (JSON)' },
];

const start = (k: Kind, v: unknown): unknown => {
  if (k === 'text') return typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
  if (k === 'number') return Number(v) || 0;
  if (k === 'bool') return true;
  if (k === 'null') return null;
  if (k === 'ref') return { ref: 'event.data.id' };
  return { concat: [typeof v === 'object' && v !== null ? v : String(v ?? ''), ''] };
};

interface Props {
  label: string;
  value: unknown;
  onChange(value: unknown): void;
  /** Literal values only (a scripted event's data): no references or formulas. */
  literal?: boolean;
  describedBy?: string;
}

/**
 * A value: literal text, a number, yes/no, empty, a reference to a field (`event.data.rideId`), or a
 * formula written as JSON (`{"add": [...]}`) for the rare computed value.
 */
export function ExprInput({ label, value, onChange, literal, describedBy }: Props) {
  const { refs } = useDesign();
  const id = useId();
  const kind = kindOf(value);
  const options = literal ? kinds.filter((k) => k.id !== 'ref') : kinds;
  return (
    <div className="d-expr">
      <select
        aria-label={`${label}: kind of value`}
        value={kind}
        onChange={(e) => onChange(start(e.target.value as Kind, value))}
      >
        {options.map((k) => (
          <option key={k.id} value={k.id}>
            {k.label}
          </option>
        ))}
      </select>
      {kind === 'text' && (
        <input
          aria-label={label}
          aria-describedby={describedBy}
          value={value as string}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      {kind === 'number' && (
        <input
          aria-label={label}
          aria-describedby={describedBy}
          type="number"
          step="any"
          value={value as number}
          onChange={(e) => onChange(e.target.value === '' ? 0 : Number(e.target.value))}
        />
      )}
      {kind === 'bool' && (
        <select
          aria-label={label}
          aria-describedby={describedBy}
          value={String(value)}
          onChange={(e) => onChange(e.target.value === 'true')}
        >
          <option value="true">yes</option>
          <option value="false">no</option>
        </select>
      )}
      {kind === 'ref' && (
        <>
          <input
            aria-label={label}
            aria-describedby={describedBy}
            className="mono"
            list={`${id}-refs`}
            value={(value as { ref: unknown }).ref as string}
            onChange={(e) => onChange({ ref: e.target.value })}
            placeholder="event.data.rideId"
          />
          <datalist id={`${id}-refs`}>
            {refs.map((r) => (
              <option key={r} value={r} />
            ))}
          </datalist>
        </>
      )}
      {kind === 'formula' && (
        <JsonInput label={`${label} (formula)`} value={value} onChange={onChange} describedBy={describedBy} rows={2} />
      )}
    </div>
  );
}
