/**
 * Plain JSON without a registry: the record carries its field names and nothing checks it against anything.
 * A tolerant reader (Fowler, "TolerantReader") takes the fields it knows by name, ignores the rest and fills
 * what is missing from its own defaults; a field it needs that is missing, or of another JSON type, fails it.
 * It knows no aliases: a renamed field is simply missing.
 */
import type { FieldType, FieldValue, RecordSchema } from './schema';
import type { Resolved } from './resolve';

const jsonTypeOk = (t: FieldType, v: unknown): boolean =>
  t === 'boolean'
    ? typeof v === 'boolean'
    : t === 'string' || t === 'bytes'
      ? typeof v === 'string'
      : typeof v === 'number';

export function readJsonRecord(reader: RecordSchema, data: Readonly<Record<string, unknown>>): Resolved {
  const value: Record<string, FieldValue> = {};
  const filled: string[] = [];
  for (const f of reader.fields) {
    const v = data[f.name];
    if (v === undefined || v === null) {
      if (f.default === undefined)
        return { ok: false, reason: `the JSON has no "${f.name}" and the reader has no default for it` };
      value[f.name] = f.default;
      filled.push(f.name);
    } else if (!jsonTypeOk(f.type, v)) {
      return { ok: false, reason: `"${f.name}" is ${JSON.stringify(v)} in the JSON; the reader expects ${f.type}` };
    } else value[f.name] = v as FieldValue;
  }
  const known = new Set(reader.fields.map((f) => f.name));
  return { ok: true, value, filled, ignored: Object.keys(data).filter((k) => !known.has(k)) };
}
