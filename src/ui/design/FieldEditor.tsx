import { useId, useState } from 'react';
import type { FieldDef, OptionSource } from '../../scenarios/design/formSpec';
import { getIn, pathKey, type Path } from '../../scenarios/design/paths';
import { countReferences, refKindLabel, renameReferences } from '../../scenarios/design/rename';
import { useDesign, type DesignContextValue } from './context';
import { ExprInput } from './ExprInput';
import { GroupEditor, VariantEditor } from './GroupEditor';
import { GuardInput } from './GuardInput';
import { JsonInput } from './JsonInput';
import { ListEditor } from './ListEditor';
import { MapEditor } from './MapEditor';
import { Messages } from './Messages';
import { sameJson, useTextBuffer } from './useTextBuffer';

interface Props {
  def: FieldDef;
  /** Path of the object that holds this field. */
  at: Path;
  /** A section's own field: its heading is the section's, so the field does not repeat it. */
  root?: boolean;
}

type FieldMessages = ReturnType<DesignContextValue['messages']['get']>;

const optionsOf = (source: OptionSource, doc: unknown, item: unknown): string[] =>
  typeof source === 'function' ? source({ doc, item }) : [...source];
const splitNames = (t: string) =>
  t
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
const splitLines = (t: string) =>
  t
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s !== '');
const asStrings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/** One field of the design forms, edited with the control its kind calls for, with its messages beneath. */
export function FieldEditor({ def, at, root }: Props) {
  const { doc, set, messages } = useDesign();
  const path = def.key === '' ? at : [...at, def.key];
  const key = pathKey(path);
  const value = getIn(doc, path);
  const owner = getIn(doc, at);
  const id = useId();
  const hintId = def.hint ? `${id}-hint` : undefined;

  if (def.kind === 'list') return <ListEditor def={def} path={path} titled={!root} />;
  if (def.kind === 'group') return <GroupEditor def={def} path={path} />;
  if (def.kind === 'variant') return <VariantEditor def={def} path={path} />;

  // Leaf editors of a whole value (an expression, a map, JSON) own the messages below them too.
  const whole =
    def.kind === 'expr' ||
    def.kind === 'exprMap' ||
    def.kind === 'valueMap' ||
    def.kind === 'json' ||
    def.kind === 'guard';
  const msgs = whole ? messages.under(key) : messages.get(key);
  const change = (v: unknown) => set(path, v);
  const hint = def.hint && (
    <p className="hint d-hint" id={hintId}>
      {def.hint}
    </p>
  );
  const invalid = msgs.issues.length > 0 || undefined;

  let control: React.ReactNode;
  /** How the control is named: by a <label> beside it (the default), a plain caption, or itself. */
  let caption: 'label' | 'span' | 'none' = 'label';
  let className = 'd-field';
  switch (def.kind) {
    case 'text':
      if (def.renames && !def.multiline)
        return <NameField def={def} path={path} id={id} hint={hint} hintId={hintId} msgs={msgs} />;
      control = def.multiline ? (
        <textarea
          id={id}
          rows={3}
          aria-describedby={hintId}
          aria-invalid={invalid}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => change(def.optional && e.target.value === '' ? undefined : e.target.value)}
        />
      ) : (
        <input
          id={id}
          aria-describedby={hintId}
          aria-invalid={invalid}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => change(def.optional && e.target.value === '' ? undefined : e.target.value)}
        />
      );
      break;
    case 'int':
      control = (
        <span className="d-int">
          <input
            id={id}
            type="number"
            step={1}
            min={def.min}
            max={def.max}
            aria-describedby={hintId}
            aria-invalid={invalid}
            disabled={value === null}
            value={typeof value === 'number' ? value : ''}
            onChange={(e) => change(e.target.value === '' ? undefined : Math.trunc(Number(e.target.value)))}
          />
          {def.nullable && (
            <label className="d-inline">
              <input
                type="checkbox"
                checked={value === null}
                onChange={(e) => change(e.target.checked ? null : undefined)}
              />{' '}
              {def.nullable}
            </label>
          )}
        </span>
      );
      break;
    case 'bool': {
      const dflt = def.defaultValue ?? false;
      const checked = typeof value === 'boolean' ? value : dflt;
      control = (
        <label>
          <input
            type="checkbox"
            aria-describedby={hintId}
            checked={checked}
            onChange={(e) => change(!def.required && e.target.checked === dflt ? undefined : e.target.checked)}
          />{' '}
          {def.label}
        </label>
      );
      caption = 'none';
      className = 'd-field d-bool';
      break;
    }
    case 'select': {
      const options = optionsOf(def.options, doc, owner);
      const current = typeof value === 'string' ? value : '';
      if (def.free) {
        control = (
          <>
            <input
              id={id}
              list={`${id}-list`}
              aria-describedby={hintId}
              aria-invalid={invalid}
              value={current}
              onChange={(e) => change(def.optional && e.target.value === '' ? undefined : e.target.value)}
            />
            <datalist id={`${id}-list`}>
              {options.map((o) => (
                <option key={o} value={o} />
              ))}
            </datalist>
          </>
        );
      } else {
        control = (
          <select
            id={id}
            aria-describedby={hintId}
            aria-invalid={invalid}
            value={current}
            onChange={(e) => change(e.target.value === '' ? undefined : e.target.value)}
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
        );
      }
      break;
    }
    case 'names':
      if (def.options)
        return (
          <NameChecks
            def={def}
            path={path}
            value={asStrings(value)}
            options={optionsOf(def.options, doc, owner)}
            hintId={hintId}
            hint={hint}
            msgs={msgs}
          />
        );
      control = (
        <NamesText
          id={id}
          value={asStrings(value)}
          onChange={(v) => change(def.optional && v.length === 0 ? undefined : v)}
          hintId={hintId}
          invalid={invalid}
          split={splitNames}
          join=", "
        />
      );
      break;
    case 'lines':
      control = (
        <NamesText
          id={id}
          value={asStrings(value)}
          onChange={change}
          hintId={hintId}
          invalid={invalid}
          split={splitLines}
          join={'\n'}
          multiline
        />
      );
      break;
    case 'recordKey':
      control = (
        <span className="d-int">
          <input
            id={id}
            className="mono"
            aria-describedby={hintId}
            disabled={value === null}
            value={typeof value === 'string' ? value : ''}
            onChange={(e) => change(e.target.value)}
          />
          <label className="d-inline">
            <input type="checkbox" checked={value === null} onChange={(e) => change(e.target.checked ? null : '')} /> No
            key (the sticky partitioner picks)
          </label>
        </span>
      );
      break;
    case 'expr':
      control = <ExprInput label={def.label} value={value} onChange={change} describedBy={hintId} />;
      caption = 'span';
      break;
    case 'exprMap':
    case 'valueMap':
      control = (
        <MapEditor
          label={def.label}
          value={value}
          onChange={change}
          literal={def.kind === 'valueMap'}
          optional={def.optional}
          describedBy={hintId}
        />
      );
      caption = 'none';
      break;
    case 'json':
      control = (
        <JsonInput label={def.label} value={value} onChange={change} optional={def.optional} describedBy={hintId} />
      );
      caption = 'none';
      break;
    case 'guard':
      control = <GuardInput label={def.label} value={value} onChange={change} describedBy={hintId} />;
      caption = 'none';
      break;
  }
  return (
    <div className={className}>
      {caption === 'label' && <label htmlFor={id}>{def.label}</label>}
      {caption === 'span' && <span className="d-label">{def.label}</span>}
      {control}
      {hint}
      <Messages {...msgs} />
    </div>
  );
}

/**
 * The name other parts refer to (an event type's, a topic's…). When it has changed and the old name
 * is still used elsewhere, offer to rename those references too — never silently, since a half-typed
 * name could otherwise capture references to another thing.
 */
function NameField(props: {
  def: FieldDef & { kind: 'text' };
  path: Path;
  id: string;
  hint: React.ReactNode;
  hintId?: string;
  msgs: FieldMessages;
}) {
  const { def, path, id, hint, hintId, msgs } = props;
  const { doc, set, apply } = useDesign();
  const value = getIn(doc, path);
  const current = typeof value === 'string' ? value : '';
  const [before, setBefore] = useState<string | null>(null);
  const [offer, setOffer] = useState<{ from: string; to: string } | null>(null);
  const kind = def.renames!;
  const stillUsed = offer ? countReferences(doc, kind, offer.from) : 0;
  return (
    <div className="d-field">
      <label htmlFor={id}>{def.label}</label>
      <input
        id={id}
        aria-describedby={hintId}
        aria-invalid={msgs.issues.length > 0 || undefined}
        value={current}
        onFocus={() => setBefore(current)}
        onBlur={() => {
          if (before !== null && before !== '' && before !== current && countReferences(doc, kind, before) > 0)
            setOffer({ from: before, to: current });
          setBefore(null);
        }}
        onChange={(e) => set(path, e.target.value)}
      />
      {hint}
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
      <Messages {...msgs} />
    </div>
  );
}

function NamesText(props: {
  id: string;
  value: string[];
  onChange(v: string[]): void;
  hintId?: string;
  invalid?: boolean;
  split(t: string): string[];
  join: string;
  multiline?: boolean;
}) {
  const { id, value, onChange, hintId, invalid, split, join, multiline } = props;
  const [text, setText] = useTextBuffer(value, (v) => v.join(join), split, sameJson);
  const onText = (t: string) => {
    setText(t);
    onChange(split(t));
  };
  return multiline ? (
    <textarea
      id={id}
      rows={4}
      aria-describedby={hintId}
      aria-invalid={invalid}
      value={text}
      onChange={(e) => onText(e.target.value)}
    />
  ) : (
    <input
      id={id}
      aria-describedby={hintId}
      aria-invalid={invalid}
      value={text}
      onChange={(e) => onText(e.target.value)}
    />
  );
}

function NameChecks(props: {
  def: FieldDef & { kind: 'names' };
  path: Path;
  value: string[];
  options: string[];
  hintId?: string;
  hint: React.ReactNode;
  msgs: FieldMessages;
}) {
  const { def, path, value, options, hintId, hint, msgs } = props;
  const { set } = useDesign();
  const all = [...options, ...value.filter((v) => !options.includes(v))];
  const toggle = (name: string, on: boolean) => {
    const next = on ? [...value, name] : value.filter((v) => v !== name);
    set(path, def.optional && next.length === 0 ? undefined : next);
  };
  return (
    <fieldset className="d-field d-checks" aria-describedby={hintId}>
      <legend>{def.label}</legend>
      {all.length === 0 && <p className="hint">Nothing to choose yet.</p>}
      {all.map((o) => (
        <label key={o} className="d-inline">
          <input type="checkbox" checked={value.includes(o)} onChange={(e) => toggle(o, e.target.checked)} /> {o}
          {!options.includes(o) && <span className="d-missing"> (not defined)</span>}
        </label>
      ))}
      {hint}
      <Messages {...msgs} />
    </fieldset>
  );
}
