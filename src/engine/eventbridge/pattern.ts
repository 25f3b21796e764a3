/**
 * EventBridge event patterns: the pattern mirrors the event's JSON structure; every field named must
 * match (AND), a field's array of values is an OR, an array in the event matches when any element does.
 * Leaf operators: exact values (strings, numbers, booleans, null — "5" is not 5), prefix, suffix,
 * equals-ignore-case, wildcard (`*`), anything-but (values, or a prefix / suffix / wildcard /
 * equals-ignore-case), numeric ranges, exists; and `$or` across fields.
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html
 *
 * Why not SNS's matcher (`../sqs/filterPolicy.ts`)? The operators overlap but the inputs differ: this
 * matches untyped JSON of the whole event envelope (source, detail-type, detail…), adds `wildcard` and
 * anything-but on wildcards, and has no key or combination limits; SNS compares typed message attributes.
 */
import type { EventPattern } from './types';

type Scalar = string | number | boolean | null;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `*` matches any run of characters; `\*` is a literal star. */
function wildcard(pattern: string, value: string): boolean {
  const parts = pattern.split(/(?<!\\)\*/).map((p) => p.replace(/\\\*/g, '*').replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.*')}$`, 's').test(value);
}

function numericOk(spec: unknown[], n: number): boolean {
  for (let i = 0; i + 1 < spec.length; i += 2) {
    const op = spec[i];
    const b = spec[i + 1] as number;
    if (!(op === '=' ? n === b : op === '<' ? n < b : op === '<=' ? n <= b : op === '>' ? n > b : n >= b)) return false;
  }
  return true;
}

function leaf(cond: unknown, v: Scalar): boolean {
  if (!isObject(cond)) return cond === v;
  const s = typeof v === 'string' ? v : null;
  if ('prefix' in cond) {
    const p = cond.prefix;
    if (isObject(p)) return s !== null && s.toLowerCase().startsWith(String(p['equals-ignore-case']).toLowerCase());
    return s !== null && s.startsWith(String(p));
  }
  if ('suffix' in cond) {
    const p = cond.suffix;
    if (isObject(p)) return s !== null && s.toLowerCase().endsWith(String(p['equals-ignore-case']).toLowerCase());
    return s !== null && s.endsWith(String(p));
  }
  if ('equals-ignore-case' in cond)
    return s !== null && s.toLowerCase() === String(cond['equals-ignore-case']).toLowerCase();
  if ('wildcard' in cond) return s !== null && wildcard(String(cond.wildcard), s);
  if ('numeric' in cond) return typeof v === 'number' && numericOk(cond.numeric as unknown[], v);
  if ('anything-but' in cond) {
    const but = cond['anything-but'];
    if (isObject(but)) return s !== null && !leaf(but, v);
    return !(Array.isArray(but) ? but : [but]).includes(v);
  }
  return false;
}

function field(conds: unknown[], present: boolean, value: unknown): boolean {
  const values = (Array.isArray(value) ? value : [value]) as Scalar[];
  return conds.some((c) => {
    if (isObject(c) && 'exists' in c) return c.exists === present;
    return present && values.some((v) => leaf(c, v));
  });
}

/** The first reason the pattern fails on `event`, or null when it matches. */
function mismatch(pattern: EventPattern, event: unknown, path: string): string | null {
  const obj = isObject(event) ? event : {};
  for (const [key, spec] of Object.entries(pattern)) {
    if (key === '$or') {
      const alts = (spec as EventPattern[]).map((alt) => mismatch(alt, event, path));
      if (alts.every((m) => m !== null)) return `no $or alternative matched (${alts.join('; ')})`;
      continue;
    }
    const here = path ? `${path}.${key}` : key;
    if (Array.isArray(spec)) {
      if (!field(spec, key in obj, obj[key]))
        return `${here} is ${key in obj ? JSON.stringify(obj[key]) : 'absent'}, not ${JSON.stringify(spec)}`;
    } else if (isObject(spec)) {
      const miss = mismatch(spec, obj[key], here);
      if (miss) return miss;
    }
  }
  return null;
}

export function matchPattern(pattern: EventPattern, event: unknown): { match: boolean; why: string } {
  const miss = mismatch(pattern, event, '');
  return miss ? { match: false, why: miss } : { match: true, why: 'matches' };
}

/** Why a pattern would be refused (every leaf must be an array of conditions), or null. */
export function patternProblem(pattern: EventPattern): string | null {
  if (Object.keys(pattern).length === 0) return 'an event pattern cannot be empty';
  for (const [key, spec] of Object.entries(pattern)) {
    if (key === '$or') {
      if (!Array.isArray(spec) || spec.length < 2) return '$or needs an array of at least two patterns';
      for (const alt of spec) {
        const p = isObject(alt) ? patternProblem(alt) : '$or alternatives must be objects';
        if (p) return p;
      }
    } else if (isObject(spec)) {
      const p = patternProblem(spec);
      if (p) return p;
    } else if (!Array.isArray(spec)) return `the value of ${key} must be an array of conditions or a nested pattern`;
  }
  return null;
}
