import { ExprInput } from './ExprInput';
import { JsonInput } from './JsonInput';

const comparisons = {
  eq: 'equals',
  ne: 'differs from',
  lt: 'is less than',
  lte: 'is at most',
  gt: 'is more than',
  gte: 'is at least',
  // `has` is [list, value] like the others' [left, right], so it fits the same two-value form.
  has: 'is a list that holds',
} as const;
type Op = keyof typeof comparisons;

const comparisonOf = (g: unknown): { op: Op; left: unknown; right: unknown } | null => {
  if (typeof g !== 'object' || g === null || Array.isArray(g)) return null;
  const keys = Object.keys(g);
  const op = keys[0] as Op;
  const pair = (g as Record<string, unknown>)[op];
  return keys.length === 1 && op in comparisons && Array.isArray(pair) && pair.length === 2
    ? { op, left: pair[0], right: pair[1] }
    : null;
};

interface Props {
  label: string;
  value: unknown;
  onChange(value: unknown): void;
  describedBy?: string;
}

/**
 * A condition: none (always), one comparison built from two values (a list holding a value is one too),
 * or anything richer (and / or / not / in) written as JSON.
 */
export function GuardInput({ label, value, onChange, describedBy }: Props) {
  const cmp = comparisonOf(value);
  const mode = value === undefined ? 'always' : cmp ? 'compare' : 'advanced';
  return (
    <fieldset className="d-field d-guard" aria-describedby={describedBy}>
      <legend>{label}</legend>
      <select
        aria-label={`${label}: kind of condition`}
        value={mode}
        onChange={(e) => {
          const m = e.target.value;
          if (m === 'always') onChange(undefined);
          else if (m === 'compare') onChange({ eq: [{ ref: 'state.status' }, 'open'] });
          else onChange(value ?? { and: [{ eq: [{ ref: 'state.status' }, 'open'] }] });
        }}
      >
        <option value="always">no condition</option>
        <option value="compare">a comparison</option>
        <option value="advanced">a combination (JSON)</option>
      </select>
      {cmp && (
        <div className="d-compare">
          <ExprInput
            label={`${label}: left value`}
            value={cmp.left}
            onChange={(v) => onChange({ [cmp.op]: [v, cmp.right] })}
          />
          <select
            aria-label={`${label}: comparison`}
            value={cmp.op}
            onChange={(e) => onChange({ [e.target.value]: [cmp.left, cmp.right] })}
          >
            {Object.entries(comparisons).map(([op, text]) => (
              <option key={op} value={op}>
                {text}
              </option>
            ))}
          </select>
          <ExprInput
            label={`${label}: right value`}
            value={cmp.right}
            onChange={(v) => onChange({ [cmp.op]: [cmp.left, v] })}
          />
        </div>
      )}
      {mode === 'advanced' && <JsonInput label={`${label} (JSON)`} value={value} onChange={onChange} />}
    </fieldset>
  );
}
