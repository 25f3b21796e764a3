/**
 * Editors of names: the name other parts refer to (with an offer to rename its references), and lists
 * of names — checkboxes when the choices are known, comma-separated text, or one text per line.
 */
import { useState } from 'react';
import type { FieldDef } from '../../scenarios/design/formSpec';
import { countReferences, refKindLabel, renameReferences } from '../../scenarios/design/rename';
import { useDesign } from './context';
import { FieldShell, optionsOf, useField, type FieldState, type KindProps } from './fieldShell';
import { Messages } from './Messages';
import { sameJson, useTextBuffer } from './useTextBuffer';

const split = (sep: string) => (t: string) =>
  t
    .split(sep)
    .map((s) => s.trim())
    .filter((s) => s !== '');
const splitNames = split(',');
const splitLines = split('\n');
const asStrings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/**
 * The name other parts refer to (an event type's, a topic's…). When it has changed and the old name
 * is still used elsewhere, offer to rename those references too — never silently, since a half-typed
 * name could otherwise capture references to another thing.
 */
export function NameField({ def, field: f }: { def: FieldDef & { kind: 'text' }; field: FieldState }) {
  const { doc, set, apply } = useDesign();
  const current = typeof f.value === 'string' ? f.value : '';
  const [before, setBefore] = useState<string | null>(null);
  const [offer, setOffer] = useState<{ from: string; to: string } | null>(null);
  const kind = def.renames!;
  const stillUsed = offer ? countReferences(doc, kind, offer.from) : 0;
  return (
    <FieldShell label={f.label} field={f}>
      <input
        id={f.id}
        aria-describedby={f.hintId}
        aria-invalid={f.invalid}
        value={current}
        onFocus={() => setBefore(current)}
        onBlur={() => {
          if (before !== null && before !== '' && before !== current && countReferences(doc, kind, before) > 0)
            setOffer({ from: before, to: current });
          setBefore(null);
        }}
        onChange={(e) => set(f.path, e.target.value)}
      />
      {offer && stillUsed > 0 && offer.to === current && (
        <div className="d-rename" role="status">
          {stillUsed} place{stillUsed > 1 ? 's' : ''} still refer{stillUsed > 1 ? '' : 's'} to the {refKindLabel[kind]}{' '}
          “{offer.from}”.{' '}
          <button
            type="button"
            className="d-small"
            onClick={() => {
              apply((d) => renameReferences(d, kind, offer.from, offer.to));
              setOffer(null);
            }}
          >
            Rename them to “{offer.to}”
          </button>{' '}
          <button type="button" className="d-small" onClick={() => setOffer(null)}>
            Keep them
          </button>
        </div>
      )}
    </FieldShell>
  );
}

/** A list of names: checkboxes when the options are known, otherwise comma-separated text. */
export function NamesField({ def, at }: KindProps<'names'>) {
  const f = useField(def, at, false, def.options ? undefined : 'Comma-separated.');
  if (def.options) return <NameChecks def={def} field={f} options={optionsOf(def.options, f.doc, f.owner)} />;
  return (
    <FieldShell label={f.label} field={f}>
      <NamesText
        field={f}
        onChange={(v) => f.change(def.optional && v.length === 0 ? undefined : v)}
        split={splitNames}
        join=", "
      />
    </FieldShell>
  );
}

/** A list of texts, one per line. */
export function LinesField({ def, at }: KindProps<'lines'>) {
  const f = useField(def, at);
  return (
    <FieldShell label={f.label} field={f}>
      <NamesText field={f} onChange={f.change} split={splitLines} join={'\n'} multiline />
    </FieldShell>
  );
}

function NamesText(props: {
  field: FieldState;
  onChange(v: string[]): void;
  split(t: string): string[];
  join: string;
  multiline?: boolean;
}) {
  const { field: f, onChange, split, join, multiline } = props;
  const [text, setText] = useTextBuffer(asStrings(f.value), (v) => v.join(join), split, sameJson);
  const onText = (t: string) => {
    setText(t);
    onChange(split(t));
  };
  return multiline ? (
    <textarea
      id={f.id}
      rows={4}
      aria-describedby={f.hintId}
      aria-invalid={f.invalid}
      value={text}
      onChange={(e) => onText(e.target.value)}
    />
  ) : (
    <input
      id={f.id}
      aria-describedby={f.hintId}
      aria-invalid={f.invalid}
      value={text}
      onChange={(e) => onText(e.target.value)}
    />
  );
}

function NameChecks({
  def,
  field: f,
  options,
}: {
  def: FieldDef & { kind: 'names' };
  field: FieldState;
  options: string[];
}) {
  const value = asStrings(f.value);
  const all = [...options, ...value.filter((v) => !options.includes(v))];
  const toggle = (name: string, on: boolean) => {
    const next = on ? [...value, name] : value.filter((v) => v !== name);
    f.change(def.optional && next.length === 0 ? undefined : next);
  };
  return (
    <fieldset className="d-field d-checks" aria-describedby={f.hintId}>
      <legend>{f.label}</legend>
      {all.length === 0 && <p className="hint">Nothing to choose yet.</p>}
      {all.map((o) => (
        <label key={o} className="d-inline">
          <input type="checkbox" checked={value.includes(o)} onChange={(e) => toggle(o, e.target.checked)} /> {o}
          {!options.includes(o) && <span className="d-missing"> (not defined)</span>}
        </label>
      ))}
      {f.hint}
      <Messages {...f.msgs} />
    </fieldset>
  );
}
