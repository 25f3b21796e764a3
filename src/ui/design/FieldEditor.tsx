/**
 * One field of the design forms: a map from the kind of field to the component that edits it. Leaf
 * editors share one shell (`fieldShell.tsx`: label, hint, messages); lists, nested objects and
 * variants render their own fields through `Fields`, which finds this editor in the design context,
 * so no module imports back up the tree.
 */
import type { ComponentType } from 'react';
import type { FieldDef } from '../../scenarios/design/formSpec';
import type { KindProps } from './fieldShell';
import { GroupEditor, VariantEditor } from './GroupEditor';
import { BoolField, IntField, RecordKeyField, SelectField, TextField } from './leafFields';
import { ListEditor } from './ListEditor';
import { LinesField, NamesField } from './nameFields';
import { ExprField, GuardField, JsonField, MapField } from './valueFields';

type Editors = { [K in FieldDef['kind']]: ComponentType<KindProps<K>> };

const pathOf = (def: FieldDef, at: KindProps<FieldDef['kind']>['at']) => (def.key === '' ? at : [...at, def.key]);

const editors: Editors = {
  text: TextField,
  int: IntField,
  bool: BoolField,
  select: SelectField,
  names: NamesField,
  lines: LinesField,
  expr: ExprField,
  exprMap: MapField,
  valueMap: MapField,
  json: JsonField,
  guard: GuardField,
  recordKey: RecordKeyField,
  list: ({ def, at, root }) => <ListEditor def={def} path={pathOf(def, at)} titled={!root} />,
  group: ({ def, at, root }) => <GroupEditor def={def} path={pathOf(def, at)} titled={!root} />,
  variant: ({ def, at }) => <VariantEditor def={def} path={pathOf(def, at)} />,
};

export function FieldEditor({ def, at, root }: KindProps<FieldDef['kind']>) {
  const Editor = editors[def.kind] as ComponentType<KindProps<FieldDef['kind']>>;
  return <Editor def={def} at={at} root={root} />;
}
