/**
 * What a target receives: the whole event by default, or — per target — a constant `Input`, the part
 * selected by `InputPath`, or an `InputTransformer` (values picked by `InputPathsMap`, put into an
 * `InputTemplate` at `<name>` placeholders). In a JSON template a placeholder inside quotes takes the
 * value's text, outside quotes its JSON; a template that is not JSON is plain text.
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-transform-target-input.html
 * https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_Target.html
 */
import type { EbEvent, InputSpec } from './types';

export type { InputSpec };

/** The value at a simple JSONPath (`$`, `.field`, `[index]`), or undefined. */
export function jsonPath(root: unknown, path: string): unknown {
  if (!path.startsWith('$')) return undefined;
  let v: unknown = root;
  for (const [, field, index] of path.slice(1).matchAll(/\.([^.[\]]+)|\[(\d+)\]/g)) {
    if (v === null || typeof v !== 'object') return undefined;
    v = field !== undefined ? (v as Record<string, unknown>)[field] : (v as unknown[])[Number(index)];
  }
  return v;
}

function fill(template: string, values: Readonly<Record<string, unknown>>, json: boolean): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < template.length; i++) {
    const c = template[i]!;
    if (c === '"' && template[i - 1] !== '\\') inString = !inString;
    const m = c === '<' ? /^<([A-Za-z0-9_.-]+)>/.exec(template.slice(i)) : null;
    if (m && m[1]! in values) {
      const v = values[m[1]!];
      const text = typeof v === 'string' ? v : JSON.stringify(v ?? null);
      out += !json || inString ? text : typeof v === 'string' ? JSON.stringify(v) : text;
      i += m[0].length - 1;
    } else out += c;
  }
  return out;
}

export function targetInput(spec: InputSpec, event: EbEvent): unknown {
  if (spec.input !== undefined) return JSON.parse(spec.input) as unknown;
  if (spec.inputPath !== undefined) return jsonPath(event, spec.inputPath);
  const t = spec.inputTransformer;
  if (!t) return event;
  const values = Object.fromEntries(Object.entries(t.inputPathsMap).map(([k, p]) => [k, jsonPath(event, p)]));
  const json = /^\s*[{["]/.test(t.inputTemplate);
  const text = fill(t.inputTemplate, values, json);
  if (!json) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
