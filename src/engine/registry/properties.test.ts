/** Properties of the compatibility modes over random small schemas and evolutions. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCompatibility } from './compatibility';
import { resolveRecord } from './resolve';
import { FIELD_TYPES, type FieldSpec, type FieldType, type FieldValue, type RecordSchema } from './schema';

const sample = (t: FieldType): FieldValue =>
  t === 'boolean' ? false : t === 'string' || t === 'bytes' ? 'x' : t === 'float' || t === 'double' ? 1.5 : 7;

const field = (name: string): fc.Arbitrary<FieldSpec> =>
  fc
    .record({ type: fc.constantFrom(...FIELD_TYPES), withDefault: fc.boolean() })
    .map(({ type, withDefault }) => (withDefault ? { name, type, default: sample(type) } : { name, type }));

const schema: fc.Arbitrary<RecordSchema> = fc
  .subarray(['a', 'b', 'c', 'd'])
  .chain((names) => fc.tuple(...names.map(field)))
  .map((fields) => ({ name: 'R', fields }));

const ok = (m: Parameters<typeof checkCompatibility>[0], vs: RecordSchema[], c: RecordSchema) =>
  checkCompatibility(m, vs, c) === undefined;

describe('compatibility properties', () => {
  it('FULL accepts ⊆ BACKWARD ∩ FORWARD accepts, and each TRANSITIVE mode accepts ⊆ its plain one', () => {
    fc.assert(
      fc.property(fc.array(schema, { minLength: 1, maxLength: 4 }), schema, (vs, c) => {
        if (ok('FULL', vs, c)) expect(ok('BACKWARD', vs, c) && ok('FORWARD', vs, c)).toBe(true);
        for (const m of ['BACKWARD', 'FORWARD', 'FULL'] as const)
          if (ok(`${m}_TRANSITIVE`, vs, c)) expect(ok(m, vs, c)).toBe(true);
        expect(ok('NONE', vs, c)).toBe(true);
      }),
    );
  });

  it('a reader resolving a record written with an earlier version never fails once BACKWARD_TRANSITIVE accepted it', () => {
    fc.assert(
      fc.property(fc.array(schema, { minLength: 1, maxLength: 4 }), schema, (vs, c) => {
        fc.pre(ok('BACKWARD_TRANSITIVE', vs, c));
        for (const w of vs) {
          const data = Object.fromEntries(w.fields.map((f) => [f.name, sample(f.type)]));
          const r = resolveRecord(c, w, data);
          expect(r.ok).toBe(true);
          if (r.ok) expect(Object.keys(r.value).sort()).toEqual(c.fields.map((f) => f.name).sort());
        }
      }),
    );
  });
});
