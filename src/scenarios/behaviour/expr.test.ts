import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  describeGuard,
  describeValue,
  evalGuard,
  evalValue,
  ExprError,
  GuardSchema,
  readRef,
  ValueExprSchema,
  type Guard,
  type ValueExpr,
} from './expr';

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

describe('lists held in state: has and append', () => {
  const paid = { state: { paidIds: ['p-1', 'p-2'] }, command: { paymentId: 'p-2' }, event: { data: { id: 'p-3' } } };
  const has = (list: ValueExpr, value: ValueExpr): Guard => ({ has: [list, value] });

  it('has: true when the list holds the value, false when not, and negatable with not', () => {
    expect(evalGuard(has({ ref: 'state.paidIds' }, { ref: 'command.paymentId' }), paid)).toBe(true);
    expect(evalGuard(has({ ref: 'state.paidIds' }, 'p-9'), paid)).toBe(false);
    expect(evalGuard({ not: has({ ref: 'state.paidIds' }, { ref: 'command.paymentId' }) }, paid)).toBe(false);
    expect(evalGuard({ not: has({ ref: 'state.paidIds' }, 'p-9') }, paid)).toBe(true);
    // Compared like eq: by value, objects included; 1 is not "1".
    expect(
      evalGuard(has({ ref: 'state.items' }, { ref: 'command.item' }), {
        state: { items: [{ a: 1 }] },
        command: { item: { a: 1 } },
      }),
    ).toBe(true);
    expect(evalGuard(has({ ref: 'state.n' }, '1'), { state: { n: [1] } })).toBe(false);
  });

  it('a list never written is empty: has is false, append starts it', () => {
    expect(evalGuard(has({ ref: 'state.paidIds' }, 'p-1'), { state: {} })).toBe(false);
    expect(evalValue({ append: [{ ref: 'state.paidIds' }, 'p-1'] }, { state: {} })).toEqual(['p-1']);
  });

  it('append: the list with the value at its end, the original untouched', () => {
    const list = paid.state.paidIds;
    expect(evalValue({ append: [{ ref: 'state.paidIds' }, { ref: 'event.data.id' }] }, paid)).toEqual([
      'p-1',
      'p-2',
      'p-3',
    ]);
    expect(list).toEqual(['p-1', 'p-2']);
  });

  it('has over something that is not a list gives a clear error naming the field, never a crash', () => {
    const run = () => evalGuard(has({ ref: 'state.paidIds' }, 'p-1'), { state: { paidIds: 3 } }, 'the Wallet rule');
    expect(run).toThrow(ExprError);
    expect(run).toThrow('"has" needs a list, but state.paidIds is 3 (number), not a list (in the Wallet rule)');
    expect(() => evalValue({ append: [{ ref: 'state.paidIds' }, 'p-1'] }, { state: { paidIds: 'p-0' } })).toThrow(
      /^"append" needs a list, but state\.paidIds is "p-0" \(string\), not a list/,
    );
  });

  it('appending then asking always finds the value, and appending never removes anything', () => {
    const value = fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean(), fc.constant(null));
    fc.assert(
      fc.property(fc.array(value, { maxLength: 30 }), value, (xs, v) => {
        const scope = { state: { xs }, command: { v } };
        const appended = evalValue({ append: [{ ref: 'state.xs' }, { ref: 'command.v' }] }, scope) as unknown[];
        expect(evalGuard(has({ ref: 'state.ys' }, { ref: 'command.v' }), { ...scope, state: { ys: appended } })).toBe(
          true,
        );
        expect(appended).toHaveLength(xs.length + 1);
        for (const x of xs)
          expect(evalGuard(has({ ref: 'state.ys' }, x as ValueExpr), { state: { ys: appended } })).toBe(true);
      }),
    );
  });

  it('are in the schema, and described in words', () => {
    expect(GuardSchema.safeParse({ has: [{ ref: 'state.paidIds' }, { ref: 'command.paymentId' }] }).success).toBe(true);
    expect(GuardSchema.safeParse({ has: [{ ref: 'state.paidIds' }] }).success).toBe(false);
    expect(
      ValueExprSchema.safeParse({ append: [{ ref: 'state.paidIds' }, { ref: 'event.data.paymentId' }] }).success,
    ).toBe(true);
    expect(ValueExprSchema.safeParse({ append: [1, 2, 3] }).success).toBe(false);
    expect(describeGuard({ not: has({ ref: 'state.paidIds' }, { ref: 'command.paymentId' }) })).toBe(
      'command.paymentId is not among state.paidIds',
    );
    expect(describeGuard(has({ ref: 'state.paidIds' }, 'p-1'))).toBe('"p-1" is among state.paidIds');
    expect(describeValue({ append: [{ ref: 'state.paidIds' }, { ref: 'event.data.paymentId' }] })).toBe(
      '(state.paidIds followed by event.data.paymentId)',
    );
  });
});
