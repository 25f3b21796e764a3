import { describe, expect, it } from 'vitest';
import { createRegistry, register, schemaById, setMode } from './registry';
import type { RecordSchema } from './schema';
import { avroSize, CONFLUENT_HEADER_BYTES, jsonSize, varintSize } from './wire';

const v1: RecordSchema = {
  name: 'Ride',
  fields: [
    { name: 'rideId', type: 'string' },
    { name: 'fare', type: 'int' },
  ],
};
const v2: RecordSchema = { name: 'Ride', fields: [...v1.fields, { name: 'tip', type: 'int', default: 0 }] };

describe('schema registry', () => {
  it('registers version 1 with id 1 under the default mode BACKWARD, then a compatible version 2', () => {
    let r = register(createRegistry(), 'rides-value', v1);
    expect(r.effects[0]).toMatchObject({ op: 'registered', version: 1, schemaId: 1 });
    expect(r.state.subjects['rides-value']?.mode).toBe('BACKWARD');
    r = register(r.state, 'rides-value', v2);
    expect(r.effects[0]).toMatchObject({ op: 'registered', version: 2, schemaId: 2 });
    expect(schemaById(r.state, 2)).toEqual(v2);
  });

  it('returns the existing version for the same schema, and reuses a schema’s id in another subject', () => {
    const a = register(createRegistry(), 's', v1).state;
    const again = register(a, 's', v1);
    expect(again.state).toBe(a);
    expect(again.effects[0]).toMatchObject({ op: 'already-registered', version: 1, schemaId: 1 });
    const other = register(a, 't', v1);
    expect(other.effects[0]).toMatchObject({ op: 'registered', version: 1, schemaId: 1 });
  });

  it('refuses an incompatible schema: no version added, the reason names the rule, kept as the last refusal', () => {
    const a = setMode(register(createRegistry(), 's', v1).state, 's', 'FORWARD').state;
    const removed: RecordSchema = { name: 'Ride', fields: [{ name: 'rideId', type: 'string' }] };
    const r = register(a, 's', removed);
    expect(r.effects[0]).toMatchObject({ op: 'refused' });
    expect(r.effects[0]?.reason).toMatch(/FORWARD.*"fare".*no default/);
    expect(r.state.subjects.s?.versions).toHaveLength(1);
    expect(r.state.subjects.s?.lastRefusal?.reason).toBe(r.effects[0]?.reason);
    expect(r.state.schemas).toHaveLength(1);
  });

  it('sizes a record: Avro binary behind a 5-byte header against JSON with its field names', () => {
    expect(varintSize(0)).toBe(1);
    expect(varintSize(-1)).toBe(1);
    expect(varintSize(63)).toBe(1);
    expect(varintSize(64)).toBe(2);
    expect(varintSize(1200)).toBe(2);
    const data = { rideId: 'ride-42', fare: 1200 };
    expect(avroSize(v1, data)).toBe(1 + 7 + 2);
    expect(jsonSize(data)).toBe('{"rideId":"ride-42","fare":1200}'.length);
    expect(CONFLUENT_HEADER_BYTES + avroSize(v1, data)).toBeLessThan(jsonSize(data));
  });
});
