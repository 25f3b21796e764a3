import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../scenarios/parse';
import { findBuiltin } from '../../scenarios/content';
import { Stepper } from '../../scenarios/stepper';
import { readsCommitted, txnRole } from './txnRole';

describe('txnRole and readsCommitted, on the exactly-once built-in', () => {
  const s = findBuiltin('exactly-once')!;
  const b = new Stepper(s, []).at(18).world.broker;
  it('names the markers, the aborted r-2 and the ordinary records', () => {
    expect([0, 1, 2, 3].map((o) => txnRole(b, 'receipts', 0, o))).toEqual([null, 'marker', 'aborted', 'marker']);
    expect(txnRole(b, 'payments', 0, 0)).toBeNull();
    expect(txnRole(b, 'receipts', 0, 99)).toBeNull();
  });
  it('tells the read_committed group from the read_uncommitted one', () => {
    expect(readsCommitted(b, 'mailer')).toBe(true);
    expect(readsCommitted(b, 'audit')).toBe(false);
  });
  it('parses (the built-in is valid)', () => expect(parseScenario(s).ok).toBe(true));
});
