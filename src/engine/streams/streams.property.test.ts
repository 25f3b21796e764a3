/**
 * Properties of the stream-processing engine against small reference models, over any arrival order:
 * - tumbling counts = a brute-force group-by (key, window) over the records that were on time when they came
 *   (stream time − grace < window end), and a record is dropped exactly when it was not on time;
 * - hopping windows: each record lands in size / advance windows, all of which contain it;
 * - a table from a changelog = the last value per key (tombstones delete), for any interleaving of keys;
 * - restoring a store from its changelog (or its compacted changelog) gives the same store;
 * - session windows of one key never overlap (nor come within the gap of each other) after merging, and their
 *   counts add up to the records accepted;
 * - a stream–table join emits, for each stream record, the row the reference table held at that moment.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createProcessor, runProcessor, type ProcessorDef } from './processor';
import type { StreamRecord } from './record';
import { compacted, createStore, put, remove, restore } from './stateStore';
import { allRows, applyToTable, createTable } from './table';
import { createWindowed, processWindowed, windowResults, type WindowedDef } from './windowed';
import { timeWindowsFor } from './windows';

const keys = ['a', 'b', 'c'] as const;
const toRecords = (xs: readonly { key: string; t: number; p?: number }[], topic = 's'): StreamRecord[] =>
  xs.map((x, i) => ({
    topic,
    partition: x.p ?? 0,
    offset: i,
    key: x.key,
    value: { n: i },
    eventTime: x.t,
    processedAt: i,
  }));
const arrivals = fc.array(
  fc.record({ key: fc.constantFrom(...keys), t: fc.integer({ min: 0, max: 600 }), p: fc.integer({ min: 0, max: 1 }) }),
  { maxLength: 40 },
);

describe('windowed aggregation properties', () => {
  it('tumbling counts equal a group-by over the on-time records; the others are exactly the dropped ones', () => {
    fc.assert(
      fc.property(arrivals, fc.integer({ min: 1, max: 100 }), fc.integer({ min: 0, max: 150 }), (xs, size, grace) => {
        const def: WindowedDef = {
          id: 'w',
          window: { type: 'tumbling', sizeMs: size },
          graceMs: grace,
          aggregate: { kind: 'count' },
        };
        let s = createWindowed(def);
        for (const r of toRecords(xs)) s = processWindowed(def, s, r).state;
        const expected = new Map<string, number>();
        const streamTime: Record<number, number> = {};
        const dropped: boolean[] = [];
        for (const x of xs) {
          const p = x.p;
          streamTime[p] = Math.max(streamTime[p] ?? -Infinity, x.t);
          const start = Math.floor(x.t / size) * size;
          const onTime = start + size > streamTime[p]! - grace;
          dropped.push(!onTime);
          if (onTime) expected.set(`${x.key}@${start}`, (expected.get(`${x.key}@${start}`) ?? 0) + 1);
        }
        const actual = new Map(windowResults(s).map((w) => [`${w.key}@${w.start}`, w.value]));
        expect(actual).toEqual(expected);
        expect(s.seen.map((r) => r.outcome === 'dropped')).toEqual(dropped);
      }),
    );
  });

  it('a hopping record lands in size / advance windows (fewer only near time 0), each containing it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 5 }),
        (t, advance, k) => {
          const size = advance * k;
          const ws = timeWindowsFor(t, size, advance);
          ws.forEach((w) => expect(w.start <= t && t < w.end).toBe(true));
          expect(ws.length).toBe(t >= size ? k : Math.min(k, Math.floor(t / advance) + 1));
        },
      ),
    );
  });

  it('sessions of one key never overlap nor come within the gap after merging; counts add up', () => {
    fc.assert(
      fc.property(arrivals, fc.integer({ min: 1, max: 80 }), fc.integer({ min: 0, max: 300 }), (xs, gap, grace) => {
        const def: WindowedDef = {
          id: 'w',
          window: { type: 'session', gapMs: gap },
          graceMs: grace,
          aggregate: { kind: 'count' },
        };
        let s = createWindowed(def);
        // one task, so stream time is shared, as the session merge assumes
        for (const r of toRecords(xs.map((x) => ({ ...x, p: 0 })))) s = processWindowed(def, s, r).state;
        const results = windowResults(s);
        for (const key of keys) {
          const mine = results.filter((w) => w.key === key).sort((a, b) => a.start - b.start);
          for (let i = 1; i < mine.length; i++) expect(mine[i]!.start - mine[i - 1]!.end).toBeGreaterThan(gap);
        }
        const accepted = s.seen.filter((r) => r.outcome === 'counted').length;
        expect(results.reduce((n, w) => n + w.value, 0)).toBe(accepted);
      }),
    );
  });
});

const changes = fc.array(
  fc.record({ key: fc.constantFrom(...keys), value: fc.option(fc.integer({ min: 0, max: 9 }), { nil: null }) }),
  { maxLength: 40 },
);

describe('tables and state stores', () => {
  it('a table from a changelog equals the last value per key, tombstones deleting', () => {
    fc.assert(
      fc.property(changes, (cs) => {
        let t = createTable();
        cs.forEach((c, i) => {
          const r: StreamRecord = {
            topic: 't',
            partition: 0,
            offset: i,
            key: c.key,
            value: c.value,
            eventTime: i,
            processedAt: i,
          };
          t = applyToTable('p', t, r, 't').state;
        });
        const expected: Record<string, unknown> = {};
        for (const c of cs)
          if (c.value === null) delete expected[c.key];
          else expected[c.key] = c.value;
        expect(allRows(t)).toEqual(expected);
      }),
    );
  });

  it('restoring a store from its changelog, or from its compacted changelog, gives the same store', () => {
    fc.assert(
      fc.property(changes, (cs) => {
        let s = createStore('x');
        for (const c of cs) s = c.value === null ? remove(s, c.key, 0) : put(s, c.key, c.value, 0);
        expect(restore('x', s.changelog).entries).toEqual(s.entries);
        expect(restore('x', compacted(s.changelog)).entries).toEqual(s.entries);
      }),
    );
  });

  it('a stream–table join emits, per stream record, the row the table held at that moment (inner: only if any)', () => {
    const event = fc.record({
      side: fc.constantFrom('stream', 'table'),
      key: fc.constantFrom(...keys),
      value: fc.option(fc.integer({ min: 0, max: 9 }), { nil: null }),
    });
    fc.assert(
      fc.property(
        fc.array(event, { maxLength: 40 }),
        fc.constantFrom('inner' as const, 'left' as const),
        (es, type) => {
          const def: ProcessorDef = { kind: 'join', id: 'j', stream: 's', table: 't', join: type };
          const records: StreamRecord[] = es.map((e, i) => ({
            topic: e.side === 'stream' ? 's' : 't',
            partition: 0,
            offset: i,
            key: e.key,
            value: e.side === 'stream' ? { i } : e.value,
            eventTime: i,
            processedAt: i,
          }));
          const out = runProcessor(def, createProcessor(def), records, { s: 2, t: 2 }).state.outputs;
          const table = new Map<string, unknown>();
          const expected: unknown[] = [];
          for (const e of es) {
            if (e.side === 'table') {
              if (e.value === null) table.delete(e.key);
              else table.set(e.key, e.value);
            } else if (table.has(e.key)) expected.push(table.get(e.key));
            else if (type === 'left') expected.push(null);
          }
          expect(out.map((o) => o.table)).toEqual(expected);
        },
      ),
    );
  });
});
