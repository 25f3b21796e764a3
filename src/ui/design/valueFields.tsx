/** Editors of whole values: an expression, a map of named values, JSON, a guard. They name themselves. */
import { ExprInput } from './ExprInput';
import { FieldShell, useField, type KindProps } from './fieldShell';
import { GuardInput } from './GuardInput';
import { JsonInput } from './JsonInput';
import { MapEditor } from './MapEditor';

export function ExprField({ def, at }: KindProps<'expr'>) {
  const f = useField(def, at, true);
  return (
    <FieldShell label={f.label} field={f} caption="span">
      <ExprInput label={f.label} value={f.value} onChange={f.change} describedBy={f.hintId} />
    </FieldShell>
  );
}

export function MapField({ def, at }: KindProps<'exprMap' | 'valueMap'>) {
  const f = useField(def, at, true);
  return (
    <FieldShell label={f.label} field={f} caption="none">
      <MapEditor
        label={f.label}
        value={f.value}
        onChange={f.change}
        literal={def.kind === 'valueMap'}
        optional={def.optional}
        describedBy={f.hintId}
      />
    </FieldShell>
  );
}

export function JsonField({ def, at }: KindProps<'json'>) {
  const f = useField(def, at, true);
  return (
    <FieldShell label={f.label} field={f} caption="none">
      <JsonInput label={f.label} value={f.value} onChange={f.change} optional={def.optional} describedBy={f.hintId} />
    </FieldShell>
  );
}

export function GuardField({ def, at }: KindProps<'guard'>) {
  const f = useField(def, at, true);
  return (
    <FieldShell label={f.label} field={f} caption="none">
      <GuardInput label={f.label} value={f.value} onChange={f.change} describedBy={f.hintId} />
    </FieldShell>
  );
}
