import { describe, expect, it } from 'vitest';
import { checkCompatibility, upgradeOrder } from './compatibility';
import type { CompatibilityMode, FieldSpec, RecordSchema } from './schema';

const rec = (...fields: FieldSpec[]): RecordSchema => ({ name: 'Ride', fields });
const id: FieldSpec = { name: 'rideId', type: 'string' };
const fare: FieldSpec = { name: 'fare', type: 'int' };
const tipOpt: FieldSpec = { name: 'tip', type: 'int', default: 0 };
const tipReq: FieldSpec = { name: 'tip', type: 'int' };

const ok = (mode: CompatibilityMode, versions: RecordSchema[], c: RecordSchema) =>
  checkCompatibility(mode, versions, c) === undefined;

describe('compatibility types (Confluent, "Schema Evolution and Compatibility")', () => {
  const v1 = rec(id, fare);
  it('BACKWARD: add an optional field and delete a field are allowed; add a required field is refused', () => {
    expect(ok('BACKWARD', [v1], rec(id, fare, tipOpt))).toBe(true);
    expect(ok('BACKWARD', [v1], rec(id))).toBe(true);
    const bad = checkCompatibility('BACKWARD', [v1], rec(id, fare, tipReq));
    expect(bad).toMatchObject({ against: 1, direction: 'backward' });
    expect(bad?.reason).toContain('"tip"');
    expect(bad?.reason).toContain('no default');
  });

  it('FORWARD: add any field and delete an optional one are allowed; delete a field without a default is refused', () => {
    expect(ok('FORWARD', [v1], rec(id, fare, tipReq))).toBe(true);
    expect(ok('FORWARD', [rec(id, fare, tipOpt)], rec(id, fare))).toBe(true);
    const bad = checkCompatibility('FORWARD', [v1], rec(id));
    expect(bad).toMatchObject({ against: 1, direction: 'forward' });
    expect(bad?.reason).toContain('"fare"');
  });

  it('FULL: only optional fields may come and go', () => {
    expect(ok('FULL', [v1], rec(id, fare, tipOpt))).toBe(true);
    expect(ok('FULL', [v1], rec(id, fare, tipReq))).toBe(false);
    expect(ok('FULL', [v1], rec(id))).toBe(false);
  });

  it('a rename is a delete plus an add: refused under BACKWARD unless the new field aliases the old name', () => {
    const renamed = rec(id, { name: 'fareCents', type: 'int' });
    expect(ok('BACKWARD', [v1], renamed)).toBe(false);
    expect(ok('BACKWARD', [v1], rec(id, { name: 'fareCents', type: 'int', aliases: ['fare'] }))).toBe(true);
  });

  it('type changes follow Avro promotions: int→long is BACKWARD, not FORWARD', () => {
    const wider = rec(id, { name: 'fare', type: 'long' });
    expect(ok('BACKWARD', [v1], wider)).toBe(true);
    expect(ok('FORWARD', [v1], wider)).toBe(false);
  });

  it('the TRANSITIVE trap: v2 and v3 each compatible with the one before, v3 not with v1', () => {
    // Add an optional tip, then drop its default: v3 reads v2's data (tip is there) but not v1's.
    const a = rec(id, fare);
    const b = rec(id, fare, tipOpt);
    const c = rec(id, fare, tipReq);
    expect(ok('BACKWARD', [a], b)).toBe(true);
    expect(ok('BACKWARD', [a, b], c)).toBe(true);
    expect(checkCompatibility('BACKWARD_TRANSITIVE', [a, b], c)).toMatchObject({ against: 1, direction: 'backward' });
    // Delete a field, then add it back with another type: the same trap.
    const noFare = rec(id);
    const fareText = rec(id, { name: 'fare', type: 'string', default: '' });
    expect(ok('BACKWARD', [a, noFare], fareText)).toBe(true);
    expect(checkCompatibility('BACKWARD_TRANSITIVE', [a, noFare], fareText)?.reason).toContain('promotes only');
    expect(ok('FULL_TRANSITIVE', [a, noFare], fareText)).toBe(false);
  });

  it('NONE accepts anything', () => {
    expect(ok('NONE', [v1], rec({ name: 'fare', type: 'string' }))).toBe(true);
  });

  it('names the deploy order of each mode', () => {
    expect(upgradeOrder('BACKWARD')).toMatch(/^consumers first/);
    expect(upgradeOrder('FORWARD_TRANSITIVE')).toMatch(/^producers first/);
    expect(upgradeOrder('FULL')).toMatch(/^any order/);
  });
});
