import { describe, expect, it } from 'vitest';
import { describeGuard, evalGuard, evalValue, GuardSchema, readRef } from './expr';

const scope = {
  command: { driverId: 'd1', fare: 12 },
  state: { status: 'offered', offeredTo: ['d1', 'd2'] },
  event: { data: { rideId: 'r1' } },
};

describe('expressions', () => {
  it('reads references and computes values', () => {
    expect(evalValue({ ref: 'command.driverId' }, scope)).toBe('d1');
    expect(evalValue({ ref: 'event.data.rideId' }, scope)).toBe('r1');
    expect(evalValue({ ref: 'state.missing' }, scope)).toBeUndefined();
    expect(evalValue({ concat: ['ride-', { ref: 'event.data.rideId' }] }, scope)).toBe('ride-r1');
    expect(evalValue({ mul: [{ ref: 'command.fare' }, 2] }, scope)).toBe(24);
    expect(evalValue('literal', scope)).toBe('literal');
  });

  it('never walks the prototype chain', () => {
    expect(readRef({ state: {} }, 'state.constructor')).toBeUndefined();
    expect(readRef({ state: {} }, 'state.__proto__')).toBeUndefined();
  });

  it('evaluates guards with and/or/not and membership', () => {
    expect(evalGuard({ eq: [{ ref: 'state.status' }, 'offered'] }, scope)).toBe(true);
    expect(evalGuard({ in: [{ ref: 'command.driverId' }, ['d1', 'd3']] }, scope)).toBe(true);
    expect(
      evalGuard(
        { and: [{ gt: [{ ref: 'command.fare' }, 10] }, { not: { eq: [{ ref: 'state.status' }, 'accepted'] } }] },
        scope,
      ),
    ).toBe(true);
    expect(evalGuard({ or: [{ lt: [{ ref: 'command.fare' }, 5] }, { exists: { ref: 'state.nope' } }] }, scope)).toBe(
      false,
    );
    expect(evalGuard({ lt: ['a', 1] }, scope)).toBe(false);
  });

  it('describes guards in words', () => {
    expect(
      describeGuard({ and: [{ eq: [{ ref: 'state.status' }, 'offered'] }, { gte: [{ ref: 'command.fare' }, 3] }] }),
    ).toBe('state.status = "offered" and command.fare ≥ 3');
  });

  it('rejects unknown operators and bad references in the schema', () => {
    expect(GuardSchema.safeParse({ xor: [true, false] }).success).toBe(false);
    expect(GuardSchema.safeParse({ eq: [{ ref: 'window.alert' }, 1] }).success).toBe(false);
    expect(GuardSchema.safeParse({ eq: [{ ref: 'state.status' }, 'x'] }).success).toBe(true);
  });
});
