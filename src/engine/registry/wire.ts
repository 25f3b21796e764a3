/**
 * Bytes on the wire. Confluent's wire format (https://docs.confluent.io/platform/current/schema-registry/fundamentals/serdes-develop/index.html#wire-format):
 * byte 0 is the magic byte 0, bytes 1–4 the schema id (big-endian), then the Avro binary encoding of the record.
 * Avro's binary encoding (Avro 1.11 spec, "Binary Encoding"): a record is its fields' values in schema order, no
 * names; boolean 1 byte; int and long zig-zag variable-length (1–10 bytes); float 4; double 8; string and bytes a
 * long length then the UTF-8 bytes. Plain JSON carries every field name in every record.
 */
import type { FieldValue, RecordSchema } from './schema';

export const CONFLUENT_HEADER_BYTES = 5;

const utf8 = (s: string): number => new TextEncoder().encode(s).length;

/** Bytes of a zig-zag varint: 7 bits a byte. */
export function varintSize(n: number): number {
  let z = n >= 0 ? 2 * n : -2 * n - 1;
  let bytes = 1;
  while (z >= 128) {
    z = Math.floor(z / 128);
    bytes++;
  }
  return bytes;
}

function valueSize(type: RecordSchema['fields'][number]['type'], v: FieldValue): number {
  switch (type) {
    case 'boolean':
      return 1;
    case 'int':
    case 'long':
      return varintSize(Math.trunc(Number(v)));
    case 'float':
      return 4;
    case 'double':
      return 8;
    case 'string':
    case 'bytes': {
      const n = utf8(String(v));
      return varintSize(n) + n;
    }
  }
}

/** The Avro binary size of a record (the writer's schema decides the order and encodings), without the header. */
export function avroSize(schema: RecordSchema, data: Readonly<Record<string, FieldValue>>): number {
  return schema.fields.reduce((n, f) => n + valueSize(f.type, data[f.name] ?? f.default ?? 0), 0);
}

/** The same record as compact JSON (UTF-8 bytes), field names included. */
export const jsonSize = (data: Readonly<Record<string, FieldValue>>): number => utf8(JSON.stringify(data));
