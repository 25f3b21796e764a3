import { ExprInput } from './ExprInput';

interface Props {
  label: string;
  value: unknown;
  onChange(value: Record<string, unknown> | undefined): void;
  /** Literal values (a scripted event's data) rather than expressions. */
  literal?: boolean;
  optional?: boolean;
  describedBy?: string;
}

const entriesOf = (v: unknown): [string, unknown][] =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? Object.entries(v) : [];

/** Named values (an event's data, the fields a state change sets): one row per field, in order. */
export function MapEditor({ label, value, onChange, literal, optional, describedBy }: Props) {
  const entries = entriesOf(value);
  // Rebuilt from entries so a renamed field keeps its place and no key is treated specially.
  const commit = (next: [string, unknown][]) =>
    onChange(next.length === 0 && optional ? undefined : Object.fromEntries(next));
  const fresh = () => {
    const taken = new Set(entries.map(([k]) => k));
    let i = entries.length + 1;
    while (taken.has(`field${i}`)) i++;
    return `field${i}`;
  };
  return (
    <fieldset className="d-field d-map" aria-describedby={describedBy}>
      <legend>{label}</legend>
      {entries.length === 0 && <p className="hint">No fields.</p>}
      {entries.map(([k, v], i) => (
        <div className="d-map-row" key={i}>
          <input
            className="mono d-map-key"
            aria-label={`${label}: name of field ${i + 1}`}
            value={k}
            onChange={(e) => commit(entries.map(([kk, vv], j) => (j === i ? [e.target.value, vv] : [kk, vv])))}
          />
          <ExprInput
            label={`${label}: ${k || `field ${i + 1}`}`}
            value={v}
            literal={literal}
            onChange={(nv) => commit(entries.map(([kk, vv], j) => (j === i ? [kk, nv] : [kk, vv])))}
          />
          <button
            type="button"
            className="d-small"
            aria-label={`Remove field ${k || i + 1} from ${label}`}
            onClick={() => commit(entries.filter((_, j) => j !== i))}
          >
            Remove
          </button>
        </div>
      ))}
      <button
        type="button"
        className="d-small"
        onClick={() => commit([...entries, [fresh(), literal ? '' : { ref: 'event.data.id' }]])}
      >
        Add field to {label}
      </button>
    </fieldset>
  );
}
