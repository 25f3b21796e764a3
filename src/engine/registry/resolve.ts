/**
 * Avro's schema resolution for one record (Avro 1.11 spec, "Schema Resolution",
 * https://avro.apache.org/docs/1.11.1/specification/#schema-resolution): fields are matched by name (or a
 * reader field's alias); a writer field the reader lacks is ignored; a reader field the writer lacks takes
 * the reader's default, and without one resolution fails; matched fields must have the same type or the
 * writer's type must promote to the reader's (int → long, float, double; long → float, double;
 * float → double; string ↔ bytes).
 */
import type { FieldSpec, FieldType, FieldValue, RecordSchema } from './schema';

const PROMOTIONS: Readonly<Record<FieldType, readonly FieldType[]>> = {
  boolean: [],
  int: ['long', 'float', 'double'],
  long: ['float', 'double'],
  float: ['double'],
  double: [],
  string: ['bytes'],
  bytes: ['string'],
};

/** Whether data written as `writer` can be read as `reader` (same type or an Avro promotion). */
export const promotes = (writer: FieldType, reader: FieldType): boolean =>
  writer === reader || PROMOTIONS[writer].includes(reader);

/** The rule a reader broke, for a refusal's reason. */
export type ResolutionRule = 'missing-field-without-default' | 'type-not-promotable' | 'record-name-differs';

export type Resolution = { ok: true } | { ok: false; rule: ResolutionRule; field?: string; reason: string };

/** The writer field that a reader field reads: its own name first, then its aliases. */
export function writerFieldFor(reader: FieldSpec, writer: RecordSchema): FieldSpec | undefined {
  const names = [reader.name, ...(reader.aliases ?? [])];
  for (const n of names) {
    const f = writer.fields.find((w) => w.name === n);
    if (f) return f;
  }
  return undefined;
}

/** Can a reader with schema `reader` read every record written with `writer`? The first rule broken, if any. */
export function canRead(reader: RecordSchema, writer: RecordSchema): Resolution {
  if (reader.name !== writer.name)
    return {
      ok: false,
      rule: 'record-name-differs',
      reason: `the record is named ${writer.name} by the writer and ${reader.name} by the reader (Avro matches records by name)`,
    };
  for (const r of reader.fields) {
    const w = writerFieldFor(r, writer);
    if (!w) {
      if (r.default !== undefined) continue;
      return {
        ok: false,
        rule: 'missing-field-without-default',
        field: r.name,
        reason: `the reader's field "${r.name}" is not in the writer's schema and has no default, so Avro has nothing to fill it with`,
      };
    }
    if (!promotes(w.type, r.type))
      return {
        ok: false,
        rule: 'type-not-promotable',
        field: r.name,
        reason: `field "${r.name}" is ${w.type} in the writer's schema and ${r.type} in the reader's; Avro promotes only int→long→float→double and string↔bytes`,
      };
  }
  return { ok: true };
}

export type Record_ = Readonly<Record<string, FieldValue>>;
export type Resolved =
  { ok: true; value: Record_; filled: string[]; ignored: string[] } | { ok: false; reason: string };

/** A record written with `writer`, read with `reader`: the tolerant reader's view of it. */
export function resolveRecord(reader: RecordSchema, writer: RecordSchema, data: Record_): Resolved {
  const can = canRead(reader, writer);
  if (!can.ok) return { ok: false, reason: can.reason };
  const value: Record<string, FieldValue> = {};
  const filled: string[] = [];
  const used = new Set<string>();
  for (const r of reader.fields) {
    const w = writerFieldFor(r, writer);
    if (w && data[w.name] !== undefined) {
      used.add(w.name);
      value[r.name] = data[w.name]!;
    } else if (r.default !== undefined) {
      value[r.name] = r.default;
      filled.push(r.name);
    }
  }
  const ignored = writer.fields.map((f) => f.name).filter((n) => !used.has(n));
  return { ok: true, value, filled, ignored };
}
