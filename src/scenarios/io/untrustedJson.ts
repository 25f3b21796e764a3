/**
 * Reading untrusted JSON text before any schema sees it: a size limit, a nesting-depth limit found by
 * scanning the text (so deep nesting can blow neither JSON.parse nor a validator's stack), parse
 * errors with line and column, and prototype-polluting keys rejected wherever they are. The parsed
 * value is returned as is: nothing of it is merged into other objects.
 */
import { formatPath, type ScenarioIssue } from '../parse';
import { jsonErrorPosition } from './jsonErrorPosition';

export const MAX_IMPORT_BYTES = 2_000_000;
export const MAX_DEPTH = 40;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface JsonLimits {
  maxBytes?: number;
  maxDepth?: number;
}

export type JsonResult = { ok: true; value: unknown } | { ok: false; issues: ScenarioIssue[] };

const fail = (path: string, message: string): JsonResult => ({ ok: false, issues: [{ path, message }] });

function lineColumn(text: string, position: number): string {
  let line = 1;
  let last = -1;
  for (let i = 0; i < position && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return `line ${line}, column ${position - last}`;
}

const kb = (n: number) => (n >= 1_000_000 ? `${(n / 1_000_000).toFixed(1)} MB` : `${Math.ceil(n / 1000)} kB`);

/** The first position where arrays/objects nest deeper than maxDepth, or -1. Strings are skipped. */
export function tooDeepAt(text: string, maxDepth: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > maxDepth) return i;
    } else if (c === 93 || c === 125) depth--;
  }
  return -1;
}

function describeParseError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const reported = /position (\d+)/.exec(message);
  const pos = reported ? Number(reported[1]) : jsonErrorPosition(text);
  if (pos < 0) return `not JSON: ${message}`;
  if (pos >= text.length) return `not JSON: unexpected end of input at ${lineColumn(text, text.length)}`;
  return `not JSON: unexpected token ${JSON.stringify(text.charAt(pos))} at ${lineColumn(text, pos)}`;
}

/** Paths of forbidden keys anywhere in the value (depth is already bounded by the scan). */
function forbiddenKeyIssues(value: unknown, path: PropertyKey[], out: ScenarioIssue[]): void {
  if (out.length >= 20 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    value.forEach((v, i) => forbiddenKeyIssues(v, [...path, i], out));
    return;
  }
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key))
      out.push({
        path: formatPath([...path, key]),
        message: `the key "${key}" is not allowed (it could alter object prototypes)`,
      });
    else forbiddenKeyIssues((value as Record<string, unknown>)[key], [...path, key], out);
  }
}

/** Parses untrusted JSON text within the limits; every problem names where it is. */
export function parseUntrustedJson(text: string, limits: JsonLimits = {}): JsonResult {
  const maxBytes = limits.maxBytes ?? MAX_IMPORT_BYTES;
  const maxDepth = limits.maxDepth ?? MAX_DEPTH;
  if (typeof text !== 'string') return fail('(root)', 'expected the text of a JSON file');
  const bytes = text.length > maxBytes ? text.length : new TextEncoder().encode(text).length;
  if (bytes > maxBytes) return fail('(root)', `the file is too large (${kb(bytes)}); the limit is ${kb(maxBytes)}`);
  if (text.trim() === '') return fail('(root)', 'not JSON: the file is empty');
  const deep = tooDeepAt(text, maxDepth);
  if (deep >= 0) return fail('(root)', `nested more than ${maxDepth} levels deep at ${lineColumn(text, deep)}`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return fail('(root)', describeParseError(text, error));
  }
  const issues: ScenarioIssue[] = [];
  forbiddenKeyIssues(value, [], issues);
  return issues.length ? { ok: false, issues } : { ok: true, value };
}
