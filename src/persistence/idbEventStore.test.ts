import { afterEach, describe, expect, it, vi } from 'vitest';
import { runEventStoreConformance } from '../engine/eventstore/conformance.testkit';
import { WrongExpectedVersionError } from '../engine/eventstore';
import type { NewEvent } from '../engine/types';
import {
  DatabaseUpgradedElsewhereError,
  StorageFullError,
  StorageUnavailableError,
  openIndexedDbEventStore,
} from './index';
import { uniqueDbName } from './testing';

runEventStoreConformance('IndexedDB (fake-indexeddb)', ({ clock }) =>
  openIndexedDbEventStore(uniqueDbName('conf'), { clock }),
);

const evs = (...ids: string[]): NewEvent[] =>
  ids.map((id) => ({ eventId: id, eventType: 'ThingHappened', data: { id } }));

describe('IndexedDB event store', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reopening the database reads back every committed event, and appends continue after them', async () => {
    const name = uniqueDbName('reopen');
    const a = await openIndexedDbEventStore(name, { clock: () => 7 });
    await a.appendToStream('s', evs('e1', 'e2'));
    await a.appendToStream('o', evs('o1'), { expectedRevision: 'no_stream' });
    const before = await a.readAll();
    a.close();
    const b = await openIndexedDbEventStore(name, { clock: () => 8 });
    expect(await b.readAll()).toEqual(before);
    expect(b.head).toBe(3);
    expect(await b.appendToStream('s', evs('e3'), { expectedRevision: 1 })).toEqual({
      nextExpectedRevision: 2,
      position: 4,
    });
    // Idempotency survives a reload: re-appending the first batch is a no-op.
    expect(await b.appendToStream('s', evs('e1', 'e2'), { expectedRevision: 'no_stream' })).toEqual({
      nextExpectedRevision: 1,
      position: 2,
    });
    expect((await b.readAll()).map((e) => [e.eventId, e.recordedAt])).toEqual([
      ['e1', 7],
      ['e2', 7],
      ['o1', 7],
      ['e3', 8],
    ]);
    b.close();
  });

  it('a closed store refuses work', async () => {
    const s = await openIndexedDbEventStore(uniqueDbName('closed'));
    s.close();
    await expect(s.appendToStream('s', evs('x'))).rejects.toThrow(/closed/);
    await expect(s.readAll()).rejects.toThrow(/closed/);
  });

  it('group commit: a failed check in a group rejects only that append; the others land with contiguous positions', async () => {
    const s = await openIndexedDbEventStore(uniqueDbName('group'));
    await s.appendToStream('s', evs('e1'));
    const txSpy = vi.spyOn(IDBDatabase.prototype, 'transaction');
    const results = await Promise.allSettled([
      s.appendToStream('a', evs('a1', 'a2'), { expectedRevision: 'no_stream' }),
      s.appendToStream('s', evs('bad'), { expectedRevision: 5 }),
      s.appendToStream('a', evs('a3'), { expectedRevision: 1 }), // sees the group's own first append
      s.appendToStream('a', evs('zz'), { expectedRevision: 'no_stream' }), // ... and is refused by it
      s.appendToStream('s', evs('e2'), { expectedRevision: 0 }),
    ]);
    const readwrite = txSpy.mock.calls.filter((c) => c[1] === 'readwrite');
    expect(readwrite).toHaveLength(1);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).name))).toEqual([
      { nextExpectedRevision: 1, position: 3 },
      'WrongExpectedVersionError',
      { nextExpectedRevision: 2, position: 4 },
      'WrongExpectedVersionError',
      { nextExpectedRevision: 1, position: 5 },
    ]);
    expect((await s.readAll()).map((e) => `${e.eventId}:${e.streamId}@${e.revision}#${e.position}`)).toEqual([
      'e1:s@0#1',
      'a1:a@0#2',
      'a2:a@1#3',
      'a3:a@2#4',
      'e2:s@1#5',
    ]);
    s.close();
  });

  it('group commit: appends issued while a transaction is in flight share the next transaction', async () => {
    const s = await openIndexedDbEventStore(uniqueDbName('group2'));
    const txSpy = vi.spyOn(IDBDatabase.prototype, 'transaction');
    const first = s.appendToStream('s', evs('x0'));
    await Promise.resolve();
    await Promise.resolve();
    const rest = Array.from({ length: 10 }, (_, i) => s.appendToStream('s', evs(`x${i + 1}`), { expectedRevision: i }));
    await Promise.all([first, ...rest]);
    expect(txSpy.mock.calls.filter((c) => c[1] === 'readwrite')).toHaveLength(2);
    expect((await s.readStream('s')).map((e) => e.eventId)).toEqual(Array.from({ length: 11 }, (_, i) => `x${i}`));
    s.close();
  });

  it('an I/O failure (storage full) aborts the whole group, rejects every append in it with a clear message, and keeps earlier events', async () => {
    const s = await openIndexedDbEventStore(uniqueDbName('quota'));
    await s.appendToStream('s', evs('kept'));
    const realAdd = IDBObjectStore.prototype.add;
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (
      this: IDBObjectStore,
      value: unknown,
      key?: IDBValidKey,
    ) {
      if ((value as { eventId?: string }).eventId === 'boom') throw new DOMException('quota', 'QuotaExceededError');
      return realAdd.call(this, value, key);
    });
    const results = await Promise.allSettled([
      s.appendToStream('s', evs('fine1')),
      s.appendToStream('t', evs('boom')),
      s.appendToStream('u', evs('fine2')),
    ]);
    for (const r of results) {
      expect(r.status).toBe('rejected');
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(StorageFullError);
    }
    expect(((results[0] as PromiseRejectedResult).reason as Error).message).toMatch(/not stored.*earlier are kept/);
    vi.restoreAllMocks();
    expect((await s.readAll()).map((e) => e.eventId)).toEqual(['kept']);
    // The store goes on: the next append takes position 2.
    expect(await s.appendToStream('s', evs('after'))).toEqual({ nextExpectedRevision: 1, position: 2 });
    s.close();
  });

  it('an append lands whole or not at all when the transaction aborts mid-batch', async () => {
    const s = await openIndexedDbEventStore(uniqueDbName('whole'));
    const realAdd = IDBObjectStore.prototype.add;
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (
      this: IDBObjectStore,
      value: unknown,
      key?: IDBValidKey,
    ) {
      if ((value as { eventId?: string }).eventId === 'e3') throw new DOMException('disk', 'UnknownError');
      return realAdd.call(this, value, key);
    });
    await expect(s.appendToStream('s', evs('e1', 'e2', 'e3', 'e4'))).rejects.toThrow();
    vi.restoreAllMocks();
    expect(await s.readAll()).toEqual([]);
    expect(await s.appendToStream('s', evs('e1'))).toEqual({ nextExpectedRevision: 0, position: 1 });
    s.close();
  });

  it('another store object on the same database (another tab) keeps one total order, and live delivery has no gap', async () => {
    const name = uniqueDbName('tabs');
    const a = await openIndexedDbEventStore(name);
    const b = await openIndexedDbEventStore(name);
    const seenByA: string[] = [];
    const sub = a.subscribeToAll({}, (e) => seenByA.push(`${e.eventId}#${e.position}`));
    await Promise.all([
      a.appendToStream('s', evs('a1')),
      b.appendToStream('s', evs('b1')),
      a.appendToStream('t', evs('a2')),
      b.appendToStream('t', evs('b2')),
    ]);
    await a.appendToStream('u', evs('a3'));
    const all = await a.readAll();
    expect(all.map((e) => e.position)).toEqual([1, 2, 3, 4, 5]);
    expect(await b.readAll()).toEqual(all);
    expect(seenByA).toEqual(all.map((e) => `${e.eventId}#${e.position}`));
    sub.unsubscribe();
    a.close();
    b.close();
  });

  describe('speculative writes (decided from what this store object last committed)', () => {
    /** Reads of a stream inside a transaction: the lookups the speculative path saves. */
    const spyStreamReads = () => [
      vi.spyOn(IDBIndex.prototype, 'openKeyCursor'),
      vi.spyOn(IDBIndex.prototype, 'getAll'),
    ];
    const calls = (spies: { mock: { calls: unknown[] } }[]) => spies.reduce((n, s) => n + s.mock.calls.length, 0);

    it('on a store it has seen from empty, appends issue no stream reads; a retry that needs them still gets them', async () => {
      const s = await openIndexedDbEventStore(uniqueDbName('spec'));
      const reads = spyStreamReads();
      expect(await s.appendToStream('s', evs('a', 'b'))).toEqual({ nextExpectedRevision: 1, position: 2 });
      expect(await s.appendToStream('s', evs('c'), { expectedRevision: 1 })).toEqual({
        nextExpectedRevision: 2,
        position: 3,
      });
      expect(await s.appendToStream('t', evs('a'), { expectedRevision: 'no_stream' })).toEqual({
        nextExpectedRevision: 0,
        position: 4,
      });
      await expect(s.appendToStream('t', evs('x'), { expectedRevision: 5 })).rejects.toBeInstanceOf(
        WrongExpectedVersionError,
      );
      expect(calls(reads)).toBe(0);
      // Idempotent retries need the stored events: read inside the transaction, as before.
      expect(await s.appendToStream('s', evs('a', 'b'))).toEqual({ nextExpectedRevision: 1, position: 2 });
      expect(await s.appendToStream('s', evs('c'), { expectedRevision: 1 })).toEqual({
        nextExpectedRevision: 2,
        position: 3,
      });
      expect(calls(reads)).toBeGreaterThan(0);
      expect((await s.readAll()).map((e) => `${e.eventId}:${e.streamId}@${e.revision}#${e.position}`)).toEqual([
        'a:s@0#1',
        'b:s@1#2',
        'c:s@2#3',
        'a:t@0#4',
      ]);
      s.close();
    });

    it('another writer in between: the speculative transaction writes nothing and the append is decided again from reads, with one clock reading', async () => {
      const name = uniqueDbName('stale');
      let readingsA = 0;
      let readingsB = 0;
      const a = await openIndexedDbEventStore(name, { clock: () => 100 + ++readingsA });
      const b = await openIndexedDbEventStore(name, { clock: () => 200 + ++readingsB });
      expect(await a.appendToStream('s', evs('a1'))).toEqual({ nextExpectedRevision: 0, position: 1 });
      const txSpy = vi.spyOn(IDBDatabase.prototype, 'transaction');
      // b still believes the store is empty: it speculates s@0#1, sees head 1, aborts and redoes.
      const input = evs('b1');
      const pending = b.appendToStream('s', input);
      (input[0]!.data as { id: string }).id = 'changed after the call';
      expect(await pending).toEqual({ nextExpectedRevision: 1, position: 2 });
      expect(txSpy.mock.calls.filter((c) => c[1] === 'readwrite')).toHaveLength(2);
      expect(readingsB).toBe(1);
      // a believes s ends at revision 0, so it would refuse expectedRevision 1: its cache is stale too.
      expect(await a.appendToStream('s', evs('a2'), { expectedRevision: 1 })).toEqual({
        nextExpectedRevision: 2,
        position: 3,
      });
      expect(await a.appendToStream('s', evs('a3'))).toEqual({ nextExpectedRevision: 3, position: 4 });
      expect(await b.appendToStream('s', evs('b2'), { expectedRevision: 3 })).toEqual({
        nextExpectedRevision: 4,
        position: 5,
      });
      const all = await a.readAll();
      expect(all.map((e) => `${e.eventId}@${e.revision}#${e.position}:${e.recordedAt}`)).toEqual([
        'a1@0#1:101',
        'b1@1#2:201',
        'a2@2#3:102',
        'a3@3#4:103',
        'b2@4#5:202',
      ]);
      expect(all[1]!.data).toEqual({ id: 'b1' });
      expect(await b.readAll()).toEqual(all);
      a.close();
      b.close();
    });

    it('a reopened store reads a stream once, then appends to it with a revision without reading', async () => {
      const name = uniqueDbName('learn');
      const a = await openIndexedDbEventStore(name);
      await a.appendToStream('s', evs('e1', 'e2'));
      a.close();
      const b = await openIndexedDbEventStore(name);
      const reads = spyStreamReads();
      expect(await b.appendToStream('s', evs('e3'), { expectedRevision: 1 })).toEqual({
        nextExpectedRevision: 2,
        position: 3,
      });
      const afterFirst = calls(reads);
      expect(afterFirst).toBeGreaterThan(0);
      expect(await b.appendToStream('s', evs('e4'), { expectedRevision: 2 })).toEqual({
        nextExpectedRevision: 3,
        position: 4,
      });
      await expect(b.appendToStream('s', evs('e5'), { expectedRevision: 9 })).rejects.toBeInstanceOf(
        WrongExpectedVersionError,
      );
      expect(calls(reads)).toBe(afterFirst);
      expect((await b.readStream('s')).map((e) => e.eventId)).toEqual(['e1', 'e2', 'e3', 'e4']);
      b.close();
    });

    it('a group decided from the cache keeps issue order, rejects a failed check alone and positions stay contiguous', async () => {
      const s = await openIndexedDbEventStore(uniqueDbName('specgroup'));
      await s.appendToStream('s', evs('e1'));
      const reads = spyStreamReads();
      const results = await Promise.allSettled([
        s.appendToStream('a', evs('a1', 'a2'), { expectedRevision: 'no_stream' }),
        s.appendToStream('s', evs('bad'), { expectedRevision: 5 }),
        s.appendToStream('a', evs('a3'), { expectedRevision: 1 }),
        s.appendToStream('b', []),
        s.appendToStream('s', evs('e2'), { expectedRevision: 0 }),
      ]);
      expect(calls(reads)).toBe(0);
      expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).name))).toEqual([
        { nextExpectedRevision: 1, position: 3 },
        'WrongExpectedVersionError',
        { nextExpectedRevision: 2, position: 4 },
        { nextExpectedRevision: -1, position: 4 },
        { nextExpectedRevision: 1, position: 5 },
      ]);
      expect((await s.readAll()).map((e) => `${e.eventId}#${e.position}`)).toEqual([
        'e1#1',
        'a1#2',
        'a2#3',
        'a3#4',
        'e2#5',
      ]);
      s.close();
    });
  });

  it('IndexedDB unavailable: opening throws StorageUnavailableError', async () => {
    const saved = globalThis.indexedDB;
    // @ts-expect-error simulate a browser without IndexedDB
    delete globalThis.indexedDB;
    try {
      const err = await openIndexedDbEventStore(uniqueDbName('none')).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StorageUnavailableError);
      expect((err as Error).message).toMatch(/in memory.*nothing will be kept/);
    } finally {
      globalThis.indexedDB = saved;
    }
  });

  it('another tab upgrading the database closes this one with DatabaseUpgradedElsewhereError ("continue in the other tab")', async () => {
    const name = uniqueDbName('upgrade');
    const told: Error[] = [];
    const s = await openIndexedDbEventStore(name, { onClosedElsewhere: (e) => told.push(e) });
    await s.appendToStream('s', evs('e1'));
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name, 99);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const err = await s.appendToStream('s', evs('e2')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatabaseUpgradedElsewhereError);
    // Reloading would not help (the tab would open the old version again): continue in the other tab.
    expect((err as Error).message).toMatch(/Continue in the other tab/);
    expect(told).toHaveLength(1);
    expect(told[0]).toBe(err);
    newer.close();
    // Opening the old version after the upgrade says the same.
    await expect(openIndexedDbEventStore(name)).rejects.toBeInstanceOf(DatabaseUpgradedElsewhereError);
  });

  it('a failed expectation is a WrongExpectedVersionError from the IndexedDB store too', async () => {
    const s = await openIndexedDbEventStore(uniqueDbName('wev'));
    await s.appendToStream('s', evs('e1'));
    await expect(s.appendToStream('s', evs('e2'), { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(
      WrongExpectedVersionError,
    );
    s.close();
  });
});
