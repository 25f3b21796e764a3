/**
 * The outbox publishers against a reference: over any interleaving of transactions (each inserts rows,
 * then commits) and publisher runs, log tailing publishes every committed row exactly once in commit
 * order; the "unpublished" poller publishes every committed row exactly once but not always in commit
 * order; the "after-last-id" poller never duplicates but can lose a row that commits late. With
 * crashes before marking, nothing is lost by the first two, and rows may be sent more than once.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  commitTxn,
  deletePublished,
  EMPTY_OUTBOX,
  insertRow,
  publishOnce,
  type OutboxTable,
  type Publisher,
} from './outboxTable';

const ev = (n: number) => ({ eventType: 'OrderPlaced', key: `order-${n}`, data: { n } });

describe('outbox table', () => {
  it('a row committed after a higher id: lost by after-last-id, late by unpublished, in order by log tailing', () => {
    let t: OutboxTable = EMPTY_OUTBOX;
    t = insertRow(t, 'A', ev(1)).table; // id 1, A still open
    t = insertRow(t, 'B', ev(2)).table; // id 2
    t = commitTxn(t, 'B').table; // B commits first
    const last: Publisher = { kind: 'after-last-id', position: 0 };
    const flag: Publisher = { kind: 'unpublished', position: 0 };
    const cdc: Publisher = { kind: 'log-tailing', position: 0 };
    const a1 = publishOnce(t, last);
    const f1 = publishOnce(t, flag);
    const c1 = publishOnce(t, cdc);
    expect([a1.rows, f1.rows, c1.rows].map((rs) => rs.map((r) => r.id))).toEqual([[2], [2], [2]]);
    expect(a1.notes.find((n) => n.step === 'lost')?.reason).toContain('row 1 is not committed yet');
    t = commitTxn(t, 'A').table;
    expect(publishOnce(commitTxn(a1.table, 'A').table, a1.publisher).rows).toEqual([]);
    expect(publishOnce(commitTxn(f1.table, 'A').table, f1.publisher).rows.map((r) => r.id)).toEqual([1]);
    expect(publishOnce(commitTxn(c1.table, 'A').table, c1.publisher).rows.map((r) => r.id)).toEqual([1]);
    expect(t.log).toEqual([2, 1]);
  });

  it('log tailing may delete the row in its own transaction: the log still has it', () => {
    let t = insertRow(EMPTY_OUTBOX, 'A', ev(1)).table;
    t = commitTxn(t, 'A', true).table;
    expect(t.rows[0]!.state).toBe('deleted');
    expect(publishOnce(t, { kind: 'log-tailing', position: 0 }).rows.map((r) => r.id)).toEqual([1]);
    expect(publishOnce(t, { kind: 'unpublished', position: 0 }).rows).toEqual([]);
  });

  it('a crash before marking sends the same rows again; deleting published rows keeps them from coming back', () => {
    let t = commitTxn(insertRow(EMPTY_OUTBOX, 'A', ev(1)).table, 'A').table;
    const p: Publisher = { kind: 'unpublished', position: 0 };
    const crashed = publishOnce(t, p, true);
    expect(crashed.rows.map((r) => r.id)).toEqual([1]);
    const again = publishOnce(crashed.table, crashed.publisher);
    expect(again.rows.map((r) => r.id)).toEqual([1]);
    t = deletePublished(again.table).table;
    expect(t.rows[0]!.state).toBe('deleted');
    expect(publishOnce(t, p).rows).toEqual([]);
  });

  type Op = { k: 'insert'; txn: number } | { k: 'commit'; txn: number } | { k: 'run'; who: number; crash: boolean };
  const ops: fc.Arbitrary<Op[]> = fc.array(
    fc.oneof(
      fc.record({ k: fc.constant('insert' as const), txn: fc.integer({ min: 0, max: 3 }) }),
      fc.record({ k: fc.constant('commit' as const), txn: fc.integer({ min: 0, max: 3 }) }),
      fc.record({ k: fc.constant('run' as const), who: fc.integer({ min: 0, max: 2 }), crash: fc.boolean() }),
    ),
    { maxLength: 40 },
  );

  it('over any interleaving: who loses, who duplicates, who keeps commit order', () => {
    fc.assert(
      fc.property(ops, fc.boolean(), (script, crashes) => {
        let t: OutboxTable = EMPTY_OUTBOX;
        const gen = [0, 0, 0, 0];
        let pubs: Publisher[] = [
          { kind: 'after-last-id', position: 0 },
          { kind: 'unpublished', position: 0 },
          { kind: 'log-tailing', position: 0 },
        ];
        // Each publisher sees its own copy of the published marks.
        let tables: OutboxTable[] = [t, t, t];
        const sent: number[][] = [[], [], []];
        const apply = (f: (x: OutboxTable) => OutboxTable) => {
          t = f(t);
          tables = tables.map(f);
        };
        for (const op of script) {
          const txn = `t${op.k === 'run' ? 0 : op.txn}-${op.k === 'run' ? 0 : gen[op.txn]}`;
          if (op.k === 'insert') apply((x) => insertRow(x, txn, ev(x.nextId)).table);
          else if (op.k === 'commit') {
            apply((x) => commitTxn(x, txn).table);
            gen[op.txn]!++;
          } else {
            const r = publishOnce(tables[op.who]!, pubs[op.who]!, crashes && op.crash);
            tables[op.who] = r.table;
            pubs = pubs.map((p, i) => (i === op.who ? r.publisher : p));
            sent[op.who]!.push(...r.rows.map((x) => x.id));
          }
        }
        // A last clean run of each.
        for (let i = 0; i < 3; i++) sent[i]!.push(...publishOnce(tables[i]!, pubs[i]!).rows.map((x) => x.id));
        const committed = [...t.log];
        const once = (xs: number[]) => [...new Set(xs)];
        // Nobody publishes a row that was never committed.
        for (const s of sent) for (const id of s) expect(committed).toContain(id);
        // after-last-id: never twice without crashes; may lose.
        if (!crashes) expect(sent[0]).toEqual(once(sent[0]!));
        // unpublished and log tailing: nothing lost.
        expect(once(sent[1]!).sort((a, b) => a - b)).toEqual([...committed].sort((a, b) => a - b));
        expect(once(sent[2]!)).toEqual(committed);
        // Without crashes, log tailing is exactly the log, and unpublished exactly once.
        if (!crashes) {
          expect(sent[2]).toEqual(committed);
          expect(sent[1]!.length).toBe(committed.length);
        }
      }),
    );
  });
});
