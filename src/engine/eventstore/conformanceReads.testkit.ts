/** Reading, concurrency and subscriptions in the event store conformance suite. */
import { describe, expect, it } from 'vitest';
import type { EventStore, RecordedEvent } from '../types';
import { evs, ids, picture, positions, type ConformanceContext } from './conformanceKit.testkit';
import { WrongExpectedVersionError } from './errors';

export function readCases(ctx: ConformanceContext): void {
  describe('reading', () => {
    const streamOf = async () => {
      const store = await ctx.setup();
      await store.appendToStream('s', evs('e0', 'e1', 'e2', 'e3', 'e4'));
      await store.appendToStream('o', evs('o0'));
      await store.appendToStream('s', evs('e5'));
      return store;
    };
    const cases: [string, Parameters<EventStore['readStream']>[1], string[]][] = [
      ['forwards from 0 by default', undefined, ['e0', 'e1', 'e2', 'e3', 'e4', 'e5']],
      ['forwards from a revision', { fromRevision: 3 }, ['e3', 'e4', 'e5']],
      ['forwards with maxCount', { fromRevision: 1, maxCount: 2 }, ['e1', 'e2']],
      ['forwards past the end', { fromRevision: 9 }, []],
      ['backwards from the last event by default', { direction: 'backwards' }, ['e5', 'e4', 'e3', 'e2', 'e1', 'e0']],
      ['backwards from a revision', { direction: 'backwards', fromRevision: 2 }, ['e2', 'e1', 'e0']],
      ['backwards with maxCount', { direction: 'backwards', maxCount: 2 }, ['e5', 'e4']],
      [
        'backwards from past the end starts at the last event',
        { direction: 'backwards', fromRevision: 50, maxCount: 1 },
        ['e5'],
      ],
      ['maxCount 0', { maxCount: 0 }, []],
    ];
    it.each(cases)('readStream %s', async (_label, options, expected) => {
      const store = await streamOf();
      const read = await store.readStream('s', options);
      expect(ids(read)).toEqual(expected);
      for (const e of read) expect(e.streamId).toBe('s');
    });
    it('readStream returns revisions and positions as stored', async () => {
      const store = await streamOf();
      expect((await store.readStream('s')).map((e) => [e.revision, e.position])).toEqual([
        [0, 1],
        [1, 2],
        [2, 3],
        [3, 4],
        [4, 5],
        [5, 7],
      ]);
    });
    const all: [string, Parameters<EventStore['readAll']>[0], number[]][] = [
      ['from position 1 by default', undefined, [1, 2, 3, 4, 5, 6, 7]],
      ['fromPosition is inclusive', { fromPosition: 6 }, [6, 7]],
      ['maxCount', { fromPosition: 2, maxCount: 3 }, [2, 3, 4]],
      ['past the head', { fromPosition: 8 }, []],
    ];
    it.each(all)('readAll %s', async (_label, options, expected) => {
      const store = await streamOf();
      expect(positions(await store.readAll(options))).toEqual(expected);
    });
  });

  describe('concurrency', () => {
    it('two appends racing with the same expectation: one lands, the other gets WrongExpectedVersionError', async () => {
      const store = await ctx.seeded();
      const [a, b] = await Promise.allSettled([
        store.appendToStream('s', evs('driver-a'), { expectedRevision: 2 }),
        store.appendToStream('s', evs('driver-b'), { expectedRevision: 2 }),
      ]);
      expect(a).toEqual({ status: 'fulfilled', value: { nextExpectedRevision: 3, position: 5 } });
      expect(b.status).toBe('rejected');
      const err = (b as PromiseRejectedResult).reason as WrongExpectedVersionError;
      expect(err).toBeInstanceOf(WrongExpectedVersionError);
      expect(err.actual).toBe(3);
      expect(ids(await store.readStream('s'))).toEqual(['e1', 'e2', 'e3', 'driver-a']);
      expect((await picture(store)).head).toBe(5);
    });

    it('appends issued together land in issue order with contiguous positions', async () => {
      const store = await ctx.setup();
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => store.appendToStream(`s${i % 3}`, evs(`x${i}a`, `x${i}b`))),
      );
      expect(results.map((r) => r.position)).toEqual(Array.from({ length: 20 }, (_, i) => 2 * i + 2));
      const all = await store.readAll();
      expect(ids(all)).toEqual(Array.from({ length: 20 }, (_, i) => [`x${i}a`, `x${i}b`]).flat());
      expect(positions(all)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      expect(ctx.readings()).toBe(20);
    });
  });

  describe('subscribeToAll', () => {
    it('delivers history then live events in order, with no gap and no duplicate at the switch', async () => {
      const store = await ctx.setup();
      for (let i = 0; i < 5; i++) await store.appendToStream('s', evs(`h${i}`));
      const seen: number[] = [];
      const sub = store.subscribeToAll({}, (e) => seen.push(e.position));
      // Live appends issued while the history is still being read.
      const pending = [store.appendToStream('t', evs('l0')), store.appendToStream('s', evs('l1'))];
      await Promise.all(pending);
      for (let i = 2; i < 6; i++) await store.appendToStream('t', evs(`l${i}`));
      expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
      sub.unsubscribe();
    });

    it('afterPosition is exclusive', async () => {
      const store = await ctx.seeded();
      const seen: string[] = [];
      const sub = store.subscribeToAll({ afterPosition: 2 }, (e) => seen.push(e.eventId));
      await store.appendToStream('s', evs('e4'));
      expect(seen).toEqual(['e3', 'o1', 'e4']);
      sub.unsubscribe();
    });

    it('an appended event reaches every handler before the append resolves', async () => {
      const store = await ctx.seeded();
      const early: string[] = [];
      const late: string[] = [];
      const subEarly = store.subscribeToAll({}, (e) => early.push(e.eventId));
      await store.appendToStream('s', evs('e4'));
      expect(early).toEqual(['e1', 'e2', 'e3', 'o1', 'e4']);
      // A subscription made just before an append (still reading history) is served too.
      const subLate = store.subscribeToAll({ afterPosition: 3 }, (e) => late.push(e.eventId));
      const p = store.appendToStream('o', evs('o2')).then(() => [...late]);
      expect(await p).toEqual(['o1', 'e4', 'o2']);
      expect(early).toEqual(['e1', 'e2', 'e3', 'o1', 'e4', 'o2']);
      subEarly.unsubscribe();
      subLate.unsubscribe();
    });

    it('handlers get copies and are not called after unsubscribe', async () => {
      const store = await ctx.seeded();
      const seen: RecordedEvent[] = [];
      const sub = store.subscribeToAll({ afterPosition: 4 }, (e) => {
        seen.push(e);
        (e.data as Record<string, unknown>).touched = true;
      });
      await store.appendToStream('s', evs('e4'));
      sub.unsubscribe();
      await store.appendToStream('s', evs('e5'));
      expect(ids(seen)).toEqual(['e4']);
      expect((await store.readStream('s', { fromRevision: 3 }))[0]!.data).toEqual({ id: 'e4' });
    });

    it('a subscription from the start of an empty store delivers what comes later', async () => {
      const store = await ctx.setup();
      const seen: string[] = [];
      const sub = store.subscribeToAll({}, (e) => seen.push(`${e.streamId}@${e.revision}#${e.position}`));
      await store.appendToStream('a', evs('1', '2'));
      await store.appendToStream('b', evs('3'));
      expect(seen).toEqual(['a@0#1', 'a@1#2', 'b@0#3']);
      sub.unsubscribe();
    });
  });
}
