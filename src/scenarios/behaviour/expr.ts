/**
 * The small declarative expression language of scenarios. Values read fields of the command, the
 * event, the aggregate state or a read-model row; guards compare them. Expressions are JSON data,
 * interpreted here — a scenario can never run code.
 */
import { z } from '../zod';
import { charge, checkValueLength, LIMITS } from './budget';

/** A dotted path into the evaluation scope: `command.driverId`, `state.status`, `event.data.rideId`. */
export const RefPath = z
  .string()
  .max(120)
  .regex(
    /^(command|state|event|row|data)(\.[A-Za-z_][A-Za-z0-9_]*)*$/,
    'a reference starts with command, state, event, row or data, followed by .field names',
  );

export type ValueExpr =
  | string
  | number
  | boolean
  | null
  | { ref: string }
  | { concat: ValueExpr[] }
  | { add: [ValueExpr, ValueExpr] }
  | { sub: [ValueExpr, ValueExpr] }
  | { mul: [ValueExpr, ValueExpr] }
  /** The list with the value added at its end (a state field that remembers every payment id, say). */
  | { append: [ValueExpr, ValueExpr] };

const ValueExprNode: z.ZodType<ValueExpr> = z.lazy(() =>
  z.union([
    z.string().max(1000),
    z.number(),
    z.boolean(),
    z.null(),
    z.strictObject({ ref: RefPath }),
    z.strictObject({ concat: z.array(ValueExprNode).min(1).max(20) }),
    z.strictObject({ add: z.tuple([ValueExprNode, ValueExprNode]) }),
    z.strictObject({ sub: z.tuple([ValueExprNode, ValueExprNode]) }),
    z.strictObject({ mul: z.tuple([ValueExprNode, ValueExprNode]) }),
    z.strictObject({ append: z.tuple([ValueExprNode, ValueExprNode]) }),
  ]),
);

/** Nodes and nesting depth of an expression or guard (JSON objects and arrays in it). */
export function exprShape(expr: unknown): { nodes: number; depth: number } {
  let nodes = 0;
  let depth = 0;
  const stack: [unknown, number][] = [[expr, 1]];
  while (stack.length) {
    const [e, d] = stack.pop()!;
    nodes++;
    depth = Math.max(depth, d);
    if (nodes > LIMITS.maxExprNodes * 4) break;
    if (e !== null && typeof e === 'object')
      for (const child of Array.isArray(e) ? e : Object.values(e)) stack.push([child, d + 1]);
  }
  return { nodes, depth };
}

const bounded = (what: string) =>
  [
    (e: unknown) => {
      const { nodes, depth } = exprShape(e);
      return nodes <= LIMITS.maxExprNodes && depth <= LIMITS.maxExprDepth;
    },
    `this ${what} is too big: at most ${LIMITS.maxExprNodes} parts, nested at most ${LIMITS.maxExprDepth} deep`,
  ] as const;

/** A value expression, bounded in size (nodes) and nesting so evaluating it is cheap. */
export const ValueExprSchema: z.ZodType<ValueExpr> = ValueExprNode.refine(...bounded('value expression'));

export type Guard =
  | boolean
  | { eq: [ValueExpr, ValueExpr] }
  | { ne: [ValueExpr, ValueExpr] }
  | { lt: [ValueExpr, ValueExpr] }
  | { lte: [ValueExpr, ValueExpr] }
  | { gt: [ValueExpr, ValueExpr] }
  | { gte: [ValueExpr, ValueExpr] }
  | { in: [ValueExpr, ValueExpr[]] }
  | { exists: ValueExpr }
  /** The list (first) holds the value (second): `{ "has": [{ "ref": "state.paidIds" }, { "ref": "command.paymentId" }] }`. */
  | { has: [ValueExpr, ValueExpr] }
  | { and: Guard[] }
  | { or: Guard[] }
  | { not: Guard };

const pair = () => z.tuple([ValueExprNode, ValueExprNode]);

const GuardNode: z.ZodType<Guard> = z.lazy(() =>
  z.union([
    z.boolean(),
    z.strictObject({ eq: pair() }),
    z.strictObject({ ne: pair() }),
    z.strictObject({ lt: pair() }),
    z.strictObject({ lte: pair() }),
    z.strictObject({ gt: pair() }),
    z.strictObject({ gte: pair() }),
    z.strictObject({ in: z.tuple([ValueExprNode, z.array(ValueExprNode).max(100)]) }),
    z.strictObject({ exists: ValueExprNode }),
    z.strictObject({ has: pair() }),
    z.strictObject({ and: z.array(GuardNode).min(1).max(20) }),
    z.strictObject({ or: z.array(GuardNode).min(1).max(20) }),
    z.strictObject({ not: GuardNode }),
  ]),
);

/** A guard, bounded like a value expression (its values included). */
export const GuardSchema: z.ZodType<Guard> = GuardNode.refine(...bounded('guard'));

export type Scope = Partial<Record<'command' | 'state' | 'event' | 'row' | 'data', unknown>>;

/** Reads a dotted path; missing fields are undefined. Own properties only, so no prototype walk. */
export function readRef(scope: Scope, path: string): unknown {
  const [root, ...rest] = path.split('.');
  let value: unknown = scope[root as keyof Scope];
  for (const key of rest) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v));

/**
 * A rule that cannot be evaluated on the data it meets (a list operation on something that is not a list).
 * Its message names the expression and what it held, in the learner's words; an aggregate refuses the
 * command with it, and the stepper stops a step with it elsewhere.
 */
export class ExprError extends Error {
  override name = 'ExprError';
}

/**
 * The list a `has` or `append` works on. A field never written (undefined or null) is the empty list, as
 * a read model's `append` starts one; anything else that is not a list is an error naming the field.
 */
function listOf(expr: ValueExpr, op: 'has' | 'append', scope: Scope, where: string): readonly unknown[] {
  const v = evalValue(expr, scope, where);
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v))
    throw new ExprError(
      `"${op}" needs a list, but ${describeValue(expr)} is ${JSON.stringify(v)} (${typeof v}), not a list (in ${where})`,
    );
  charge(v.length); // a scan or a copy: work in proportion to the list
  return v;
}

/**
 * Evaluates a value expression. Each node counts against the step's work budget, and a `concat`
 * longer than the value limit stops the step (`where` names the rule in that message).
 */
export function evalValue(expr: ValueExpr, scope: Scope, where = 'a value expression'): unknown {
  charge();
  if (expr === null || typeof expr !== 'object') return expr;
  if ('ref' in expr) return readRef(scope, expr.ref);
  if ('concat' in expr) {
    const parts: string[] = [];
    let length = 0;
    for (const e of expr.concat) {
      const part = String(evalValue(e, scope, where) ?? '');
      length += part.length;
      checkValueLength(length, where);
      parts.push(part);
    }
    return parts.join('');
  }
  if ('add' in expr) return num(evalValue(expr.add[0], scope, where)) + num(evalValue(expr.add[1], scope, where));
  if ('sub' in expr) return num(evalValue(expr.sub[0], scope, where)) - num(evalValue(expr.sub[1], scope, where));
  if ('append' in expr)
    return [...listOf(expr.append[0], 'append', scope, where), evalValue(expr.append[1], scope, where)];
  return num(evalValue(expr.mul[0], scope, where)) * num(evalValue(expr.mul[1], scope, where));
}

/** Evaluates every value of a field map (`{ driverId: { ref: 'command.driverId' } }`). */
export function evalFields(
  fields: Readonly<Record<string, ValueExpr>>,
  scope: Scope,
  where = 'a value expression',
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) out[k] = evalValue(v, scope, `${where} (field "${k}")`);
  return out;
}

const same = (a: unknown, b: unknown) =>
  a === b
    ? true
    : typeof a === 'object' && a !== null && typeof b === 'object' && b !== null
      ? JSON.stringify(a) === JSON.stringify(b)
      : false;

const compare = (a: unknown, b: unknown): number | null => {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return null;
};

export function evalGuard(guard: Guard, scope: Scope, where = 'a guard'): boolean {
  charge();
  if (typeof guard === 'boolean') return guard;
  const v = (e: ValueExpr) => evalValue(e, scope, where);
  if ('eq' in guard) return same(v(guard.eq[0]), v(guard.eq[1]));
  if ('ne' in guard) return !same(v(guard.ne[0]), v(guard.ne[1]));
  // Ordering compares numbers with numbers and strings with strings; anything else is false.
  const ordered = ([a, b]: [ValueExpr, ValueExpr], test: (c: number) => boolean) => {
    const c = compare(v(a), v(b));
    return c !== null && test(c);
  };
  if ('lt' in guard) return ordered(guard.lt, (c) => c < 0);
  if ('lte' in guard) return ordered(guard.lte, (c) => c <= 0);
  if ('gt' in guard) return ordered(guard.gt, (c) => c > 0);
  if ('gte' in guard) return ordered(guard.gte, (c) => c >= 0);
  if ('in' in guard) {
    const x = v(guard.in[0]);
    return guard.in[1].some((e) => same(x, v(e)));
  }
  if ('exists' in guard) {
    const x = v(guard.exists);
    return x !== undefined && x !== null;
  }
  if ('has' in guard) {
    const x = v(guard.has[1]);
    return listOf(guard.has[0], 'has', scope, where).some((item) => same(item, x));
  }
  if ('and' in guard) return guard.and.every((g) => evalGuard(g, scope, where));
  if ('or' in guard) return guard.or.some((g) => evalGuard(g, scope, where));
  return !evalGuard(guard.not, scope, where);
}

/** Plain-words rendering of a value expression: a reference by its path, a formula with its operators. */
export function describeValue(e: ValueExpr): string {
  const d = describeValue;
  return e === null || typeof e !== 'object'
    ? JSON.stringify(e)
    : 'ref' in e
      ? e.ref
      : 'concat' in e
        ? e.concat.map(d).join(' + ')
        : 'add' in e
          ? `(${d(e.add[0])} + ${d(e.add[1])})`
          : 'sub' in e
            ? `(${d(e.sub[0])} − ${d(e.sub[1])})`
            : 'mul' in e
              ? `(${d(e.mul[0])} × ${d(e.mul[1])})`
              : `(${d(e.append[0])} followed by ${d(e.append[1])})`;
}

/** Plain-words rendering of a guard, for rejections and the editor. */
export function describeGuard(guard: Guard): string {
  if (typeof guard === 'boolean') return String(guard);
  const d = describeValue;
  if ('eq' in guard) return `${d(guard.eq[0])} = ${d(guard.eq[1])}`;
  if ('ne' in guard) return `${d(guard.ne[0])} ≠ ${d(guard.ne[1])}`;
  if ('lt' in guard) return `${d(guard.lt[0])} < ${d(guard.lt[1])}`;
  if ('lte' in guard) return `${d(guard.lte[0])} ≤ ${d(guard.lte[1])}`;
  if ('gt' in guard) return `${d(guard.gt[0])} > ${d(guard.gt[1])}`;
  if ('gte' in guard) return `${d(guard.gte[0])} ≥ ${d(guard.gte[1])}`;
  if ('in' in guard) return `${d(guard.in[0])} is one of ${guard.in[1].map(d).join(', ')}`;
  if ('exists' in guard) return `${d(guard.exists)} is set`;
  if ('has' in guard) return `${d(guard.has[1])} is among ${d(guard.has[0])}`;
  if ('and' in guard) return guard.and.map(describeGuard).join(' and ');
  if ('or' in guard) return guard.or.map(describeGuard).join(' or ');
  // "x is not among the list" reads better than "not (x is among the list)".
  const n = guard.not;
  if (typeof n === 'object' && 'has' in n) return `${d(n.has[1])} is not among ${d(n.has[0])}`;
  return `not (${describeGuard(n)})`;
}
