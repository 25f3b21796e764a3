import { describe, expect, it } from 'vitest';
import { readJsonRecord } from './jsonReader';
import { canRead, promotes, resolveRecord } from './resolve';
import type { RecordSchema } from './schema';

const v1: RecordSchema = {
  name: 'RideRequested',
  fields: [
    { name: 'rideId', type: 'string' },
    { name: 'fare', type: 'int' },
  ],
};

describe('Avro schema resolution (spec, "Schema Resolution")', () => {
  it('promotes int→long→float→double and string↔bytes, never back', () => {
    expect(promotes('int', 'long')).toBe(true);
    expect(promotes('int', 'double')).toBe(true);
    expect(promotes('long', 'float')).toBe(true);
    expect(promotes('float', 'double')).toBe(true);
    expect(promotes('string', 'bytes')).toBe(true);
    expect(promotes('bytes', 'string')).toBe(true);
    expect(promotes('long', 'int')).toBe(false);
    expect(promotes('double', 'float')).toBe(false);
    expect(promotes('int', 'string')).toBe(false);
    expect(promotes('boolean', 'int')).toBe(false);
  });

  it('fills a reader field the writer lacks from its default and ignores a writer field the reader lacks', () => {
    const reader: RecordSchema = {
      name: 'RideRequested',
      fields: [
        { name: 'rideId', type: 'string' },
        { name: 'tip', type: 'int', default: 0 },
      ],
    };
    const r = resolveRecord(reader, v1, { rideId: 'r1', fare: 1200 });
    expect(r).toEqual({ ok: true, value: { rideId: 'r1', tip: 0 }, filled: ['tip'], ignored: ['fare'] });
  });

  it('fails on a reader field the writer lacks without a default, naming the field', () => {
    const reader: RecordSchema = { name: 'RideRequested', fields: [...v1.fields, { name: 'tip', type: 'int' }] };
    const r = canRead(reader, v1);
    expect(r).toMatchObject({ ok: false, rule: 'missing-field-without-default', field: 'tip' });
    expect(resolveRecord(reader, v1, { rideId: 'r1', fare: 1 }).ok).toBe(false);
  });

  it('fails on a type the writer’s cannot be promoted to', () => {
    const reader: RecordSchema = { name: 'RideRequested', fields: [{ name: 'fare', type: 'string' }] };
    expect(canRead(reader, v1)).toMatchObject({ ok: false, rule: 'type-not-promotable', field: 'fare' });
  });

  it('reads a renamed field through the reader’s alias, not without it', () => {
    const renamed: RecordSchema = {
      name: 'RideRequested',
      fields: [
        { name: 'rideId', type: 'string' },
        { name: 'fareCents', type: 'int' },
      ],
    };
    expect(canRead(renamed, v1)).toMatchObject({ ok: false, field: 'fareCents' });
    const aliased = { ...renamed, fields: [renamed.fields[0]!, { ...renamed.fields[1]!, aliases: ['fare'] }] };
    expect(resolveRecord(aliased, v1, { rideId: 'r1', fare: 900 })).toMatchObject({
      ok: true,
      value: { rideId: 'r1', fareCents: 900 },
    });
  });

  it('matches records by name', () => {
    expect(canRead({ ...v1, name: 'Other' }, v1)).toMatchObject({ ok: false, rule: 'record-name-differs' });
  });
});

describe('a tolerant JSON reader (no registry)', () => {
  const reader: RecordSchema = {
    name: 'RideRequested',
    fields: [
      { name: 'rideId', type: 'string' },
      { name: 'tip', type: 'int', default: 0 },
    ],
  };
  it('ignores unknown fields and fills a missing one from its default', () => {
    expect(readJsonRecord(reader, { rideId: 'r1', surge: 2 })).toEqual({
      ok: true,
      value: { rideId: 'r1', tip: 0 },
      filled: ['tip'],
      ignored: ['surge'],
    });
  });
  it('fails on a renamed field it needs (no aliases in JSON) and on a JSON type it does not expect', () => {
    expect(readJsonRecord(reader, { ride_id: 'r1' })).toMatchObject({ ok: false });
    expect(readJsonRecord(reader, { rideId: 'r1', tip: '5' })).toMatchObject({ ok: false });
  });
});
