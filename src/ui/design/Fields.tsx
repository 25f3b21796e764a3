import type { FieldDef } from '../../scenarios/design/formSpec';
import type { Path } from '../../scenarios/design/paths';
import { useDesign } from './context';

/** The fields of a list item, a nested object or a variant, each with the editor its kind calls for. */
export function Fields({ fields, at }: { fields: readonly FieldDef[]; at: Path }) {
  const { Field } = useDesign();
  return (
    <div className="d-fields">
      {fields.map((f) => (
        <Field key={f.key || f.label || f.kind} def={f} at={at} />
      ))}
    </div>
  );
}
