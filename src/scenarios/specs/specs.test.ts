import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findBuiltin } from '../content';
import { parseScenario } from '../parse';
import type { DesignChangeDef, ScenarioDef, SpecDef } from '../schema';
import { outcomeAfter } from './idempotency';
import { runSpec, runSpecs } from './run';

const base = findBuiltin('testing-event-driven')!;
const withSpecs = (specs: SpecDef[]): ScenarioDef => ({ ...base, specs });
const one = (spec: SpecDef, s: ScenarioDef = base) => runSpec(s, spec);
const specOf = <K extends SpecDef['kind']>(id: string) =>
  base.specs!.find((x) => x.id === id) as Extract<SpecDef, { kind: K }>;
const rename: DesignChangeDef = { change: 'rename-field', eventType: 'OrderPaid', from: 'total', to: 'amount' };

describe('specs on the deployed design', () => {
  it('every spec of the built-in passes, each with its reason', () => {
    const results = runSpecs(base);
    expect(results.map((r) => [r.id, r.passed])).toEqual(base.specs!.map((s) => [s.id, true]));
    for (const r of results) expect(r.reason.length).toBeGreaterThan(0);
  });

  it('says each spec in words: given, when, then', () => {
    const r = one(specOf('pay-twice'));
    expect(r.given).toEqual([
      'OrderPlaced { orderId: "o-1", customerId: "c-7", total: 30 }',
      'OrderPaid { orderId: "o-1", customerId: "c-7", total: 30 }',
    ]);
    expect(r.when).toBe('PayOrder o-1 {}');
    expect(r.then).toEqual(['refused: “accepted only when "placed"”']);
    expect(r.reason).toContain('Order o-1 is "paid"');
  });
});

describe('decider specs', () => {
  const pay = specOf<'decider'>('pay-order');
  it('fails when the decided data differ, naming what was decided', () => {
    const wrong = {
      ...pay,
      then: { events: [{ eventType: 'OrderPaid', data: { orderId: 'o-1', customerId: 'c-7', total: 31 } }] },
    };
    const r = one(wrong);
    expect(r.passed).toBe(false);
    expect(r.reason).toBe('Order decided OrderPaid { orderId: "o-1", customerId: "c-7", total: 30 }');
  });
  it('fails when a refusal was expected and the command is accepted', () => {
    const r = one({ ...pay, then: { refused: 'paid' } });
    expect(r.passed).toBe(false);
    expect(r.reason).toMatch(/^it was accepted: OrderPaid/);
  });
  it('fails when the refusal has another reason, and when events were expected', () => {
    const twice = specOf<'decider'>('pay-twice');
    expect(one({ ...twice, then: { refused: 'insufficient funds' } }).reason).toMatch(
      /^refused, but for another reason/,
    );
    expect(one({ ...twice, then: { events: [] } }).reason).toMatch(/^it was refused: “PayOrder is refused/);
  });
});

describe('projection specs', () => {
  const view = specOf<'projection'>('orders-view-row');
  it('compares only the columns it names', () => {
    expect(one({ ...view, then: [{ key: 'o-1', row: { status: 'paid' } }] }).passed).toBe(true);
  });
  it('fails on a wrong column, a missing row, and a row that should be absent', () => {
    expect(one({ ...view, then: [{ key: 'o-1', row: { status: 'placed' } }] }).reason).toBe(
      'row o-1.status is "paid", expected "placed"',
    );
    expect(one({ ...view, then: [{ key: 'o-2', row: { status: 'paid' } }] }).reason).toBe('there is no row o-2');
    expect(one({ ...view, then: [{ key: 'o-1', row: null }] }).passed).toBe(false);
    expect(one({ ...view, then: [{ key: 'o-2', row: null }] }).passed).toBe(true);
  });
});

describe('contract specs', () => {
  const contract = specOf<'contract'>('loyalty-contract');
  it('a rename in the producer fails the consumer’s contract, naming the field and the schema’s fields', () => {
    const r = runSpecs(base, [rename]).find((x) => x.id === contract.id)!;
    expect(r.passed).toBe(false);
    expect(r.reason).toBe('OrderPaid has no field total (its fields: orderId, customerId, amount): loyalty reads it');
    expect(r.given).toEqual(['the producer’s schema of OrderPaid (the AsyncAPI payload): orderId, customerId, amount']);
  });
  it('an optional field or another type fails it too', () => {
    const types = base.topology.eventTypes!.map((e) =>
      e.name === 'OrderPaid'
        ? { ...e, fields: e.fields.map((f) => (f.name === 'total' ? { ...f, optional: true } : f)) }
        : e,
    );
    const optional = { ...base, topology: { ...base.topology, eventTypes: types } };
    expect(one(contract, optional).reason).toBe('total is optional: the producer may leave it out');
    const asText = { ...contract, reads: [{ field: 'total', type: 'string' as const }] };
    expect(one(asText).reason).toBe('total is number, loyalty reads a string');
  });
});

describe('idempotency specs', () => {
  const once = specOf<'idempotency'>('loyalty-once');
  it('passes with dedupe (the redelivery skipped) and fails without it, with both outcomes', () => {
    expect(one(once).reason).toContain('the redelivery was skipped as a duplicate');
    const r = runSpecs(base, [{ change: 'drop-dedup', group: 'loyalty' }]).find((x) => x.id === once.id)!;
    expect(r.passed).toBe(false);
    expect(r.reason).toBe(
      'delivered 2 times it stored PointsAwarded { customerId: "c-7", orderId: "o-1", points: 30 } on loyalty-c-7, PointsAwarded { customerId: "c-7", orderId: "o-1", points: 30 } on loyalty-c-7; delivered once it stored PointsAwarded { customerId: "c-7", orderId: "o-1", points: 30 } on loyalty-c-7',
    );
  });
  it('passes without dedupe when the aggregate refuses the repeated command (idempotent by its state)', () => {
    const agg = base.topology.aggregates!.map((a) =>
      a.type === 'LoyaltyAccount' ? { ...a, evolve: [{ eventType: 'PointsAwarded', to: 'awarded' }] } : a,
    );
    const s = designOf({ ...base, topology: { ...base.topology, aggregates: agg } }, 'loyalty');
    const r = one(once, s);
    expect(r.passed).toBe(true);
    expect(r.reason).toContain('each redelivery was refused: “AwardPoints is refused');
  });

  // The reference model: with dedupe, one delivery's outcome whatever the count; without it, n awards.
  it('property: an idempotent consumer’s outcome is unchanged by any number of redeliveries', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 1000 }), (n, total) => {
        const spec = { ...once, event: { eventType: 'OrderPaid', data: { orderId: 'o-9', customerId: 'c-1', total } } };
        const many = outcomeAfter(base, spec, n);
        expect(many.stored).toEqual(outcomeAfter(base, spec, 1).stored);
        expect(many.skipped).toBe(n - 1);
        const noDedupe = outcomeAfter(designOf(base, 'loyalty'), spec, n).stored['loyalty-c-1'] ?? [];
        expect(noDedupe.length).toBe(n);
        expect(noDedupe.every((e) => (e.data as { points: number }).points === total)).toBe(true);
      }),
    );
  });
});

const designOf = (s: ScenarioDef, group: string): ScenarioDef => ({
  ...s,
  topology: { ...s.topology, groups: s.topology.groups.map((g) => (g.id === group ? { ...g, idempotent: false } : g)) },
});

describe('a proposed change', () => {
  it('a rename changes the producer’s own decider specs with it, not the consumer’s', () => {
    const results = runSpecs(base, [rename]);
    expect(results.filter((r) => !r.passed).map((r) => r.id)).toEqual(['loyalty-contract']);
    expect(results.find((r) => r.id === 'pay-order')!.then).toEqual([
      'OrderPaid { orderId: "o-1", customerId: "c-7", amount: 30 }',
    ]);
  });
  it('withdraw returns to the deployed design', () => {
    expect(runSpecs(base, [rename, { change: 'withdraw' }]).every((r) => r.passed)).toBe(true);
  });
});

describe('references', () => {
  const parsed = (s: unknown) => parseScenario(s);
  it('a spec naming an unknown aggregate, projection, group or event type is refused with its path', () => {
    const bad = withSpecs([
      { ...specOf<'decider'>('pay-order'), aggregate: 'Invoice' },
      { ...specOf<'projection'>('orders-view-row'), projection: 'nope' },
      { ...specOf<'contract'>('loyalty-contract'), consumer: 'billing', eventType: 'OrderShipped' },
    ]);
    const r = parsed({ ...bad, steps: bad.steps.map((st) => ({ ...st, expect: [] })) });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(['specs[0].aggregate', 'specs[1].projection', 'specs[2].consumer', 'specs[2].eventType']),
    );
    expect(r.issues.find((i) => i.path === 'specs[0].aggregate')!.message).toBe(
      'there is no aggregate "Invoice" in topology.aggregates',
    );
  });
  it('an expectation naming an unknown spec and a rename of a field the event lacks are refused', () => {
    const steps = base.steps.map((st, i) =>
      i === 5
        ? {
            ...st,
            action: { kind: 'change-design' as const, change: { ...rename, from: 'price' } },
            expect: [{ kind: 'spec' as const, spec: 'nope', passes: true }],
          }
        : st,
    );
    const r = parsed({ ...base, steps });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.path, i.message])).toEqual(
      expect.arrayContaining([
        ['steps[5].action.change.from', 'OrderPaid has no field "price"'],
        ['steps[5].expect[0].spec', 'there is no spec "nope"'],
      ]),
    );
  });
});
