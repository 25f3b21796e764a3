/** Editors of single values: text, whole numbers, checkboxes, choices and record keys. */
import { FieldShell, optionsOf, useField, type KindProps } from './fieldShell';
import { NameField } from './nameFields';

export function TextField({ def, at }: KindProps<'text'>) {
  const f = useField(def, at);
  if (def.renames && !def.multiline) return <NameField def={def} field={f} />;
  const text = typeof f.value === 'string' ? f.value : '';
  const onChange = (t: string) => f.change(def.optional && t === '' ? undefined : t);
  return (
    <FieldShell label={f.label} field={f}>
      {def.multiline ? (
        <textarea
          id={f.id}
          rows={3}
          aria-describedby={f.hintId}
          aria-invalid={f.invalid}
          value={text}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : (
        <input
          id={f.id}
          aria-describedby={f.hintId}
          aria-invalid={f.invalid}
          value={text}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </FieldShell>
  );
}

export function IntField({ def, at }: KindProps<'int'>) {
  const f = useField(def, at);
  return (
    <FieldShell label={f.label} field={f}>
      <span className="d-int">
        <input
          id={f.id}
          type="number"
          step={1}
          min={def.min}
          max={def.max}
          aria-describedby={f.hintId}
          aria-invalid={f.invalid}
          disabled={f.value === null}
          value={typeof f.value === 'number' ? f.value : ''}
          onChange={(e) => f.change(e.target.value === '' ? undefined : Math.trunc(Number(e.target.value)))}
        />
        {def.nullable && (
          <label className="d-inline">
            <input
              type="checkbox"
              checked={f.value === null}
              onChange={(e) => f.change(e.target.checked ? null : undefined)}
            />{' '}
            {def.nullable}
          </label>
        )}
      </span>
    </FieldShell>
  );
}

export function BoolField({ def, at }: KindProps<'bool'>) {
  const f = useField(def, at);
  const dflt = def.defaultValue ?? false;
  const checked = typeof f.value === 'boolean' ? f.value : dflt;
  return (
    <FieldShell label={f.label} field={f} caption="none" className="d-field d-bool">
      <label>
        <input
          type="checkbox"
          aria-describedby={f.hintId}
          checked={checked}
          onChange={(e) => f.change(!def.required && e.target.checked === dflt ? undefined : e.target.checked)}
        />{' '}
        {f.label}
      </label>
    </FieldShell>
  );
}

export function SelectField({ def, at }: KindProps<'select'>) {
  const f = useField(def, at);
  const options = optionsOf(def.options, f.doc, f.owner);
  const current = typeof f.value === 'string' ? f.value : '';
  return (
    <FieldShell label={f.label} field={f}>
      {def.free ? (
        <>
          <input
            id={f.id}
            list={`${f.id}-list`}
            aria-describedby={f.hintId}
            aria-invalid={f.invalid}
            value={current}
            onChange={(e) => f.change(def.optional && e.target.value === '' ? undefined : e.target.value)}
          />
          <datalist id={`${f.id}-list`}>
            {options.map((o) => (
              <option key={o} value={o} />
            ))}
          </datalist>
        </>
      ) : (
        <select
          id={f.id}
          aria-describedby={f.hintId}
          aria-invalid={f.invalid}
          value={current}
          onChange={(e) => f.change(e.target.value === '' ? undefined : e.target.value)}
        >
          {(def.optional || !options.includes(current)) && (
            <option value="">{def.optional ? '(default)' : '(choose)'}</option>
          )}
          {options.map((o) => (
            <option key={o} value={o}>
              {def.labels?.[o] ?? o}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

export function RecordKeyField({ def, at }: KindProps<'recordKey'>) {
  const f = useField(def, at);
  return (
    <FieldShell label={f.label} field={f}>
      <span className="d-int">
        <input
          id={f.id}
          className="mono"
          aria-describedby={f.hintId}
          disabled={f.value === null}
          value={typeof f.value === 'string' ? f.value : ''}
          onChange={(e) => f.change(e.target.value)}
        />
        <label className="d-inline">
          <input type="checkbox" checked={f.value === null} onChange={(e) => f.change(e.target.checked ? null : '')} />{' '}
          No key (the sticky partitioner picks)
        </label>
      </span>
    </FieldShell>
  );
}
