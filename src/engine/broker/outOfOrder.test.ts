/**
 * The consumer's version check, against a reference: for any arrival order of an entity's versions
 * 1..n, with duplicates, a buffering consumer ends exactly where applying them in version order ends;
 * last-writer-wins ends at the highest version; checked policies never move a row backwards; the
 * naive consumer ends at whatever arrived last.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  applyVersioned,
  EMPTY_VERSIONED,
  type OrderingPolicy,
  type VersionedEvent,
  type VersionedStore,
} from './outOfOrder';

const ev = (entity: string, version: number, fields: Record<string, unknown> = {}): VersionedEvent => ({
  entity,
  version,
  eventType: `E${version}`,
  fields: { [`f${version}`]: version, last: version, ...fields },
  from: `t-0@${version}`,
});

function run(events: readonly VersionedEvent[], policy: OrderingPolicy) {
  let s: VersionedStore = EMPTY_VERSIONED;
  const outcomes: string[] = [];
  for (const e of events) {
    const r = applyVersioned(s, e, policy);
    s = r.store;
    outcomes.push(...r.checks.map((c) => `${c.outcome} v${c.event.version}`));
  }
  return { store: s, outcomes };
}

/** An arrival order of versions 1..n of two entities, some delivered twice (at-least-once). */
const arrivals = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 })).chain(([n, m]) => {
  const all = [
    ...Array.from({ length: n }, (_, i) => ev('a', i + 1)),
    ...Array.from({ length: m }, (_, i) => ev('b', i + 1)),
  ];
  return fc
    .tuple(fc.shuffledSubarray(all, { minLength: all.length }), fc.subarray(all))
    .chain(([order, dupes]) => fc.shuffledSubarray([...order, ...dupes], { minLength: order.length + dupes.length }))
    .map((events) => ({ events, n, m }));
});

const inOrder = (n: number, entity: string) =>
  run(
    Array.from({ length: n }, (_, i) => ev(entity, i + 1)),
    'as-arrives',
  ).store.rows[entity];

describe('applyVersioned', () => {
  it('shows the four policies on v1, v3, v2 (v2 overtaken)', () => {
    const order = [ev('o', 1), ev('o', 3), ev('o', 2)];
    expect(run(order, 'as-arrives').outcomes).toEqual(['applied v1', 'applied-over-gap v3', 'applied-older v2']);
    expect(run(order, 'as-arrives').store.rows.o!.version).toBe(2);
    expect(run(order, 'last-writer-wins').outcomes).toEqual(['applied v1', 'applied-over-gap v3', 'skipped-stale v2']);
    expect(run(order, 'last-writer-wins').store.rows.o!.fields.f2).toBeUndefined();
    expect(run(order, 'buffer').outcomes).toEqual(['applied v1', 'held v3', 'applied v2', 'released v3']);
    expect(run(order, 'buffer').store.rows.o).toEqual(inOrder(3, 'o'));
    expect(run(order, 'park').outcomes).toEqual(['applied v1', 'parked v3', 'applied v2']);
    // The parked event, re-driven after the gap closed, is the next version now.
    expect(run([...order, ev('o', 3)], 'park').store.rows.o).toEqual(inOrder(3, 'o'));
  });

  it('buffer: any arrival order with duplicates ends as the in-order fold, with nothing held', () => {
    fc.assert(
      fc.property(arrivals, ({ events, n, m }) => {
        const { store } = run(events, 'buffer');
        expect(store.rows.a).toEqual(inOrder(n, 'a'));
        expect(store.rows.b).toEqual(inOrder(m, 'b'));
        expect(store.held).toEqual([]);
      }),
    );
  });

  it('last-writer-wins ends at the highest version; checked policies never move a row back', () => {
    fc.assert(
      fc.property(arrivals, ({ events, n }) => {
        expect(run(events, 'last-writer-wins').store.rows.a!.version).toBe(n);
        for (const policy of ['last-writer-wins', 'buffer', 'park'] as const) {
          let s: VersionedStore = EMPTY_VERSIONED;
          for (const e of events) {
            const before = s.rows[e.entity]?.version ?? 0;
            s = applyVersioned(s, e, policy).store;
            expect(s.rows[e.entity]?.version ?? 0).toBeGreaterThanOrEqual(before);
          }
        }
      }),
    );
  });

  it('park never applies past a gap; re-driving what it parked until nothing changes ends in order', () => {
    fc.assert(
      fc.property(arrivals, ({ events, n, m }) => {
        let s: VersionedStore = EMPTY_VERSIONED;
        let parked: VersionedEvent[] = [];
        for (const e of events) {
          const r = applyVersioned(s, e, 'park');
          for (const c of r.checks) {
            if (c.outcome === 'applied') expect(c.event.version).toBe(c.current + 1);
            if (c.outcome === 'parked') parked.push(c.event);
          }
          s = r.store;
        }
        // The parking topic re-driven (each pass reads what the last one parked again).
        for (let pass = 0; pass < n + m && parked.length; pass++) {
          const again: VersionedEvent[] = [];
          for (const e of parked) {
            const r = applyVersioned(s, e, 'park');
            s = r.store;
            again.push(...r.checks.filter((c) => c.outcome === 'parked').map((c) => c.event));
          }
          parked = again;
        }
        expect(parked).toEqual([]);
        expect(s.rows.a).toEqual(inOrder(n, 'a'));
      }),
    );
  });

  it('the naive consumer ends at whatever arrived last', () => {
    fc.assert(
      fc.property(arrivals, ({ events }) => {
        const last = [...events].reverse().find((e) => e.entity === 'a')!;
        expect(run(events, 'as-arrives').store.rows.a!.version).toBe(last.version);
      }),
    );
  });
});
