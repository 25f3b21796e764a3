import { useId } from 'react';
import type { FieldDef } from '../../scenarios/design/formSpec';
import { getIn, pathKey, setIn, type Path } from '../../scenarios/design/paths';
import { formText } from '../../scenarios/design/schemaText';
import { useDesign } from './context';
import { Fields } from './Fields';
import { Messages } from './Messages';

/**
 * A nested object (the relay, a step's question, a scripted event); optional ones can be added and removed.
 * Untitled when it is a whole section (the relay, the registry): the section's heading already gives its name and hint.
 */
export function GroupEditor({
  def,
  path,
  titled = true,
}: {
  def: FieldDef & { kind: 'group' };
  path: Path;
  titled?: boolean;
}) {
  const { doc, apply, messages } = useDesign();
  const value = getIn(doc, path);
  const msgs = messages.get(pathKey(path));
  const { label, hint } = formText(def, doc, path);
  const noun = label.replace(/ \(.*\)$/, '').toLowerCase();
  if (def.key === '') return <Fields fields={def.fields} at={path} />;
  if (value === undefined && def.optional) {
    return (
      <div className="d-field d-absent">
        {titled && <span className="d-label">{label}</span>}
        {titled && hint && <p className="hint">{hint}</p>}
        <button
          type="button"
          className="d-small"
          onClick={() => apply((d) => setIn(d, path, def.make ? def.make(d) : {}))}
        >
          Add {noun}
        </button>
      </div>
    );
  }
  return (
    <fieldset className="d-group" aria-label={titled ? undefined : label}>
      {titled && <legend>{label}</legend>}
      {titled && hint && <p className="hint">{hint}</p>}
      <Messages {...msgs} />
      <Fields fields={def.fields} at={path} />
      {def.optional && (
        <button type="button" className="d-small d-danger" onClick={() => apply((d) => setIn(d, path, undefined))}>
          Remove {noun}
        </button>
      )}
    </fieldset>
  );
}

/** One of several shapes (what a step does, a projection operation): pick the kind, then fill its fields. */
export function VariantEditor({ def, path }: { def: FieldDef & { kind: 'variant' }; path: Path }) {
  const { doc, apply, messages } = useDesign();
  const value = getIn(doc, path);
  const current = def.variants.find((v) => v.matches(value));
  const at = current?.base ? [...path, ...current.base] : path;
  const id = useId();
  const { label } = formText(def, doc, path);
  return (
    <div className="d-variant">
      <div className="d-field">
        <label htmlFor={id}>{label}</label>
        <select
          id={id}
          aria-describedby={current?.hint ? `${id}-hint` : undefined}
          value={current?.id ?? ''}
          onChange={(e) => {
            const next = def.variants.find((v) => v.id === e.target.value);
            if (next) apply((d) => setIn(d, path, next.make(d)));
          }}
        >
          {!current && <option value="">(choose)</option>}
          {def.variants.map((v) => (
            <option key={v.id} value={v.id}>
              {v.label}
            </option>
          ))}
        </select>
        {current?.hint && (
          <p className="hint d-hint" id={`${id}-hint`}>
            {current.hint}
          </p>
        )}
      </div>
      <Messages {...messages.get(pathKey(path))} />
      {current && <Fields fields={current.fields} at={at} />}
    </div>
  );
}
