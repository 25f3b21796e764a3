/**
 * SNS subscription filter policies: attribute-based (the default, `FilterPolicyScope: MessageAttributes`:
 * flat, typed String / Number / String.Array attributes) and payload-based (`MessageBody`: nested keys of a
 * JSON body). Operators: exact string or number, prefix, suffix, equals-ignore-case, anything-but (values,
 * or a prefix / suffix), numeric ranges, exists, and `$or`. Keys are ANDed, a key's array of conditions is
 * ORed, and an array value matches when any of its elements does.
 * https://docs.aws.amazon.com/sns/latest/dg/sns-subscription-filter-policies.html
 * https://docs.aws.amazon.com/sns/latest/dg/subscription-filter-policy-constraints.html
 *
 * Why not EventBridge's matcher (`../eventbridge/pattern.ts`)? The operators look alike but the inputs do
 * not: SNS compares typed attributes (a String attribute "5" never matches a numeric condition, a
 * String.Array is matched element by element), enforces 5 keys and 150 combinations, and has no
 * `wildcard`; EventBridge matches untyped JSON fields of the event envelope. Each file owns its rules.
 */
import { MAX_FILTER_COMBINATIONS, MAX_FILTER_KEYS } from './constants';
import type { Attributes, FilterPolicy } from './types';

export type { FilterPolicy };
type Scalar = string | number | boolean | null;
interface Found {
  present: boolean;
  values: Scalar[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Leaf keys and value combinations (the product of the arrays' lengths), as the constraints page counts them. */
function measure(policy: FilterPolicy): { keys: number; combinations: number } {
  let keys = 0;
  let combinations = 1;
  for (const [key, value] of Object.entries(policy)) {
    if (key === '$or' && Array.isArray(value)) {
      let sum = 0;
      for (const alt of value) if (isObject(alt)) sum += measure(alt).combinations;
      combinations *= Math.max(sum, 1);
      keys += 1;
    } else if (Array.isArray(value)) {
      keys += 1;
      combinations *= Math.max(value.length, 1);
    } else if (isObject(value)) {
      const inner = measure(value);
      keys += inner.keys;
      combinations *= inner.combinations;
    }
  }
  return { keys, combinations };
}

/** Why a policy would be refused by Subscribe / SetSubscriptionAttributes, or null when it is valid. */
export function policyProblem(policy: FilterPolicy, scope: 'MessageAttributes' | 'MessageBody'): string | null {
  if (scope === 'MessageAttributes') {
    for (const [key, value] of Object.entries(policy))
      if (key !== '$or' && !Array.isArray(value))
        return `attribute-based filter policies cannot nest: '${key}' must be an array of conditions`;
  }
  const { keys, combinations } = measure(policy);
  if (keys > MAX_FILTER_KEYS) return `a filter policy may have at most ${MAX_FILTER_KEYS} keys (this one has ${keys})`;
  if (combinations > MAX_FILTER_COMBINATIONS)
    return `a filter policy may combine at most ${MAX_FILTER_COMBINATIONS} values (this one combines ${combinations})`;
  return null;
}

function numericOk(spec: unknown[], n: number): boolean {
  for (let i = 0; i + 1 < spec.length; i += 2) {
    const op = spec[i];
    const bound = spec[i + 1] as number;
    const ok =
      op === '='
        ? n === bound
        : op === '<'
          ? n < bound
          : op === '<='
            ? n <= bound
            : op === '>'
              ? n > bound
              : n >= bound;
    if (!ok) return false;
  }
  return true;
}

function oneValue(cond: unknown, v: Scalar): boolean {
  if (!isObject(cond)) return cond === v;
  if ('prefix' in cond) return typeof v === 'string' && v.startsWith(String(cond.prefix));
  if ('suffix' in cond) return typeof v === 'string' && v.endsWith(String(cond.suffix));
  if ('equals-ignore-case' in cond)
    return typeof v === 'string' && v.toLowerCase() === String(cond['equals-ignore-case']).toLowerCase();
  if ('numeric' in cond) return typeof v === 'number' && numericOk(cond.numeric as unknown[], v);
  if ('anything-but' in cond) {
    const but = cond['anything-but'];
    if (isObject(but)) return !oneValue(but, v);
    const list = Array.isArray(but) ? but : [but];
    return !list.includes(v);
  }
  return false;
}

function keyMatches(conditions: unknown[], found: Found): boolean {
  return conditions.some((cond) => {
    if (isObject(cond) && 'exists' in cond) return cond.exists === found.present;
    return found.present && found.values.some((v) => oneValue(cond, v));
  });
}

function attributeValues(attributes: Attributes, key: string): Found {
  const a = attributes[key];
  if (!a) return { present: false, values: [] };
  if (a.type === 'Number') return { present: true, values: [Number(a.value)] };
  if (a.type === 'String') return { present: true, values: [a.value] };
  try {
    const parsed: unknown = JSON.parse(a.value);
    return { present: true, values: Array.isArray(parsed) ? (parsed as Scalar[]) : [] };
  } catch {
    return { present: true, values: [] };
  }
}

function bodyValues(body: Record<string, unknown>, key: string): Found {
  if (!(key in body)) return { present: false, values: [] };
  const v = body[key];
  return { present: true, values: (Array.isArray(v) ? v : [v]) as Scalar[] };
}

/** The first key that fails, or null when the policy matches. */
function firstMismatch(
  policy: FilterPolicy,
  lookup: (key: string) => Found,
  nested: (key: string) => unknown,
): string | null {
  for (const [key, conditions] of Object.entries(policy)) {
    if (key === '$or') {
      const alts = (conditions as FilterPolicy[]).map((alt) => firstMismatch(alt, lookup, nested));
      if (alts.every((m) => m !== null)) return `none of the $or alternatives matched (${alts.join('; ')})`;
    } else if (Array.isArray(conditions)) {
      if (!keyMatches(conditions, lookup(key))) {
        const f = lookup(key);
        const seen = f.present ? JSON.stringify(f.values.length === 1 ? f.values[0] : f.values) : 'absent';
        return `'${key}' is ${seen}, not ${JSON.stringify(conditions)}`;
      }
    } else if (isObject(conditions)) {
      const inner = nested(key);
      if (!isObject(inner)) return `'${key}' is not an object in the message body`;
      const miss = firstMismatch(
        conditions,
        (k) => bodyValues(inner, k),
        (k) => inner[k],
      );
      if (miss) return miss.startsWith("'") ? `'${key}.${miss.slice(1)}` : `'${key}': ${miss}`;
    }
  }
  return null;
}

/** Whether a message passes a subscription's filter policy, and if not, why not. */
export function evaluatePolicy(
  policy: FilterPolicy,
  scope: 'MessageAttributes' | 'MessageBody',
  message: { body: string; attributes: Attributes },
): { match: boolean; why: string } {
  if (scope === 'MessageAttributes') {
    const miss = firstMismatch(
      policy,
      (k) => attributeValues(message.attributes, k),
      () => undefined,
    );
    return miss ? { match: false, why: `message attribute ${miss}` } : { match: true, why: 'attributes match' };
  }
  let body: unknown;
  try {
    body = JSON.parse(message.body);
  } catch {
    return { match: false, why: 'the body is not JSON, so a payload-based policy cannot match it' };
  }
  if (!isObject(body)) return { match: false, why: 'the body is not a JSON object' };
  const miss = firstMismatch(
    policy,
    (k) => bodyValues(body, k),
    (k) => body[k],
  );
  return miss ? { match: false, why: `body field ${miss}` } : { match: true, why: 'body matches' };
}
