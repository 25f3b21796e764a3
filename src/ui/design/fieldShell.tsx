/**
 * What every leaf field of the design forms shares: where its value lives, its messages, its hint,
 * and the shell that names the control (a label beside it, a plain caption, or the control itself)
 * with the hint and the messages beneath.
 */
import { useId, type ReactNode } from 'react';
import type { FieldDef, OptionSource } from '../../scenarios/design/formSpec';
import { getIn, pathKey, type Path } from '../../scenarios/design/paths';
import { formText } from '../../scenarios/design/schemaText';
import { useDesign, type DesignContextValue } from './context';
import { Messages } from './Messages';

export type FieldMessages = ReturnType<DesignContextValue['messages']['get']>;

/** The props every editor of one kind of field receives. */
export interface KindProps<K extends FieldDef['kind']> {
  def: FieldDef & { kind: K };
  /** Path of the object that holds this field. */
  at: Path;
  /** A section's own field: its heading is the section's, so the field does not repeat it. */
  root?: boolean;
}

export interface FieldState {
  path: Path;
  /** The field's name and hint: the schema's words where it has them (see schemaText.ts). */
  label: string;
  value: unknown;
  /** The object holding the field (what a choice list's options may depend on). */
  owner: unknown;
  doc: unknown;
  id: string;
  hintId: string | undefined;
  hint: ReactNode;
  msgs: FieldMessages;
  invalid: true | undefined;
  change(value: unknown): void;
}

/**
 * A field's state; `whole`: an editor of a whole value (an expression, a map, JSON) owns the messages
 * below it; `howTo`: what the control needs said that the format's description does not (how to type it).
 */
export function useField(def: FieldDef, at: Path, whole = false, howTo?: string): FieldState {
  const { doc, set, messages } = useDesign();
  const id = useId();
  const path = def.key === '' ? at : [...at, def.key];
  const key = pathKey(path);
  const text = formText(def, doc, path);
  if (howTo) text.hint = text.hint ? `${howTo} ${text.hint}` : howTo;
  const hintId = text.hint ? `${id}-hint` : undefined;
  const msgs = whole ? messages.under(key) : messages.get(key);
  return {
    path,
    label: text.label,
    value: getIn(doc, path),
    owner: getIn(doc, at),
    doc,
    id,
    hintId,
    hint: text.hint && (
      <p className="hint d-hint" id={hintId}>
        {text.hint}
      </p>
    ),
    msgs,
    invalid: msgs.issues.length > 0 || undefined,
    change: (v) => set(path, v),
  };
}

/** A choice list's options: fixed, or computed from the draft and the object holding the field. */
export const optionsOf = (source: OptionSource, doc: unknown, item: unknown): string[] =>
  typeof source === 'function' ? source({ doc, item }) : [...source];

/** How the control is named: by a <label> beside it (the default), a plain caption, or itself. */
export type Caption = 'label' | 'span' | 'none';

export function FieldShell(props: {
  label: string;
  field: FieldState;
  caption?: Caption;
  className?: string;
  children: ReactNode;
}) {
  const { label, field, caption = 'label', className = 'd-field', children } = props;
  return (
    <div className={className}>
      {caption === 'label' && <label htmlFor={field.id}>{label}</label>}
      {caption === 'span' && <span className="d-label">{label}</span>}
      {children}
      {field.hint}
      <Messages {...field.msgs} />
    </div>
  );
}
