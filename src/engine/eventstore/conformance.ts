/**
 * The event store conformance suite (issue 4): every rule of the port, run against each
 * implementation from a test beside it. Every case that must not write also asserts that nothing
 * changed: the whole log, each stream's last revision, the global head.
 */
import { describe, expect, it } from 'vitest';
import type { EventStore, ExpectedRevision, NewEvent, RecordedEvent } from '../types';
import { WrongExpectedVersionError } from './errors';

export type EventStoreFactory = (options: { clock: () => number }) => Promise<EventStore> | EventStore;

const ev = (eventId: string, extra: Partial<NewEvent> = {}): NewEvent => ({
  eventId,
  eventType: 'ThingHappened',
  data: { id: eventId },
  ...extra,
});
const evs = (...ids: string[]) => ids.map((id) => ev(id));

interface Picture {
  all: RecordedEvent[];
  head: number;
  lastRevisions: Record<string, number>;
}

async function picture(store: EventStore): Promise<Picture> {
  const all = await store.readAll();
  const lastRevisions: Record<string, number> = {};
  for (const e of all) lastRevisions[e.streamId] = Math.max(lastRevisions[e.streamId] ?? -1, e.revision);
  return { all, head: all.length === 0 ? 0 : all[all.length - 1]!.position, lastRevisions };
}

async function expectUnchanged(store: EventStore, before: Picture): Promise<void> {
  const after = await picture(store);
  expect(after.head).toBe(before.head);
  expect(after.lastRevisions).toEqual(before.lastRevisions);
  expect(after.all).toHaveLength(before.all.length);
  expect(after.all).toEqual(before.all);
}

async function expectWrongVersion(
  p: Promise<unknown>,
  fields: { streamId: string; expected: ExpectedRevision; actual: number | 'no_stream' },
): Promise<void> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WrongExpectedVersionError);
  const w = err as WrongExpectedVersionError;
  expect({ streamId: w.streamId, expected: w.expected, actual: w.actual }).toEqual(fields);
  expect(w.message).toContain(fields.streamId);
  expect(w.message).toContain('Nothing was written');
}

const ids = (events: RecordedEvent[]) => events.map((e) => e.eventId);
const positions = (events: RecordedEvent[]) => events.map((e) => e.position);

export function runEventStoreConformance(name: string, factory: EventStoreFactory): void {
  let readings = 0;
  const setup = async () => {
    readings = 0;
    return factory({ clock: () => 1000 + ++readings });
  };
  /** stream `s` = e1,e2,e3 (revisions 0–2, positions 1–3); stream `o` = o1 (position 4). */
  const seeded = async () => {
    const store = await setup();
    await store.appendToStream('s', evs('e1', 'e2', 'e3'));
    await store.appendToStream('o', evs('o1'));
    return store;
  };

  describe(`EventStore conformance: ${name}`, () => {
    it('an empty store has global head 0, no events and no streams', async () => {
      const store = await setup();
      expect(await store.readAll()).toEqual([]);
      expect(await store.readStream('missing')).toEqual([]);
      expect(await store.readStream('missing', { direction: 'backwards' })).toEqual([]);
      expect(await store.appendToStream('missing', [])).toEqual({ nextExpectedRevision: -1, position: 0 });
      expect(readings).toBe(0);
    });

    it('assigns revisions from 0 per stream and global positions from 1, fills defaults, reads the clock once per append', async () => {
      const store = await setup();
      const r1 = await store.appendToStream('ride-1', [
        ev('a', { eventType: 'RideRequested', data: { rider: 'ann' } }),
        ev('b', {
          eventType: 'RideAccepted',
          schemaVersion: 3,
          data: { driver: 'dan' },
          metadata: { correlationId: 'c1', causationId: 'a', occurredAt: 5 },
        }),
      ]);
      expect(r1).toEqual({ nextExpectedRevision: 1, position: 2 });
      expect(readings).toBe(1);
      const r2 = await store.appendToStream('ride-2', [ev('c', { eventType: 'RideRequested', data: null })]);
      expect(r2).toEqual({ nextExpectedRevision: 0, position: 3 });
      expect(readings).toBe(2);
      expect(await store.readAll()).toEqual([
        {
          eventId: 'a',
          eventType: 'RideRequested',
          schemaVersion: 1,
          data: { rider: 'ann' },
          metadata: {},
          streamId: 'ride-1',
          revision: 0,
          position: 1,
          recordedAt: 1001,
        },
        {
          eventId: 'b',
          eventType: 'RideAccepted',
          schemaVersion: 3,
          data: { driver: 'dan' },
          metadata: { correlationId: 'c1', causationId: 'a', occurredAt: 5 },
          streamId: 'ride-1',
          revision: 1,
          position: 2,
          recordedAt: 1001,
        },
        {
          eventId: 'c',
          eventType: 'RideRequested',
          schemaVersion: 1,
          data: null,
          metadata: {},
          streamId: 'ride-2',
          revision: 0,
          position: 3,
          recordedAt: 1002,
        },
      ]);
      expect(ids(await store.readStream('ride-1'))).toEqual(['a', 'b']);
      expect(ids(await store.readStream('ride-2'))).toEqual(['c']);
    });

    it('stores structured clones: changing the input or a read result changes nothing stored', async () => {
      const store = await setup();
      const input = ev('a', { data: { nested: { n: 1 }, list: [1, 2], when: new Map([['k', 1]]) } });
      await store.appendToStream('s', [input]);
      (input.data as { nested: { n: number } }).nested.n = 99;
      const [read] = await store.readStream('s');
      expect(read!.data).toEqual({ nested: { n: 1 }, list: [1, 2], when: new Map([['k', 1]]) });
      (read!.data as { list: number[] }).list.push(3);
      read!.metadata!.changed = true;
      const [again] = await store.readAll();
      expect(again!.data).toEqual({ nested: { n: 1 }, list: [1, 2], when: new Map([['k', 1]]) });
      expect(again!.metadata).toEqual({});
    });

    it('global positions interleave across streams and are never skipped or reused after failed appends', async () => {
      const store = await setup();
      await store.appendToStream('a', evs('a1'));
      await expect(
        store.appendToStream('a', evs('x1', 'x2'), { expectedRevision: 'no_stream' }),
      ).rejects.toBeInstanceOf(WrongExpectedVersionError);
      await expect(store.appendToStream('b', evs('x3'), { expectedRevision: 7 })).rejects.toBeInstanceOf(
        WrongExpectedVersionError,
      );
      await store.appendToStream('b', evs('b1', 'b2'));
      await store.appendToStream('a', evs('a2'), { expectedRevision: 0 });
      const all = await store.readAll();
      expect(positions(all)).toEqual([1, 2, 3, 4]);
      expect(all.map((e) => [e.eventId, e.streamId, e.revision])).toEqual([
        ['a1', 'a', 0],
        ['b1', 'b', 0],
        ['b2', 'b', 1],
        ['a2', 'a', 1],
      ]);
    });

    describe('a wrong expectation throws WrongExpectedVersionError and writes nothing', () => {
      const cases: [string, string, ExpectedRevision, number | 'no_stream'][] = [
        ['no_stream on an existing stream', 's', 'no_stream', 2],
        ['stream_exists on a missing stream', 'm', 'stream_exists', 'no_stream'],
        ['a stale revision', 's', 1, 2],
        ['a revision ahead of the stream', 's', 3, 2],
        ['a revision on a missing stream', 'm', 0, 'no_stream'],
      ];
      it.each(cases)('%s', async (_label, streamId, expected, actual) => {
        const store = await seeded();
        const before = await picture(store);
        const readingsBefore = readings;
        await expectWrongVersion(store.appendToStream(streamId, evs('new1', 'new2'), { expectedRevision: expected }), {
          streamId,
          expected,
          actual,
        });
        await expectUnchanged(store, before);
        expect(readings).toBe(readingsBefore);
        // The next append takes the next position: nothing was reserved.
        expect(await store.appendToStream('z', evs('z1'))).toEqual({ nextExpectedRevision: 0, position: 5 });
      });
    });

    describe('a right expectation appends', () => {
      const cases: [string, string, ExpectedRevision, number][] = [
        ['no_stream on a missing stream', 'm', 'no_stream', 0],
        ['stream_exists on an existing stream', 's', 'stream_exists', 3],
        ['the last revision', 's', 2, 3],
        ['any on an existing stream', 's', 'any', 3],
        ['any on a missing stream', 'm', 'any', 0],
        ['expectedRevision omitted (any)', 's', undefined as unknown as ExpectedRevision, 3],
      ];
      it.each(cases)('%s', async (_label, streamId, expected, firstRevision) => {
        const store = await seeded();
        const before = await picture(store);
        const result = await store.appendToStream(
          streamId,
          evs('n1', 'n2'),
          expected === undefined ? undefined : { expectedRevision: expected },
        );
        expect(result).toEqual({ nextExpectedRevision: firstRevision + 1, position: 6 });
        const after = await picture(store);
        expect(after.head).toBe(6);
        expect(after.all.slice(0, 4)).toEqual(before.all);
        expect(after.all.slice(4).map((e) => [e.eventId, e.streamId, e.revision, e.position])).toEqual([
          ['n1', streamId, firstRevision, 5],
          ['n2', streamId, firstRevision + 1, 6],
        ]);
        expect(after.lastRevisions).toEqual({ ...before.lastRevisions, [streamId]: firstRevision + 1 });
      });
    });

    describe('idempotency with no_stream or a revision (KurrentDB)', () => {
      it('re-appending the batch at the revisions the expectation points to is a no-op returning the original result', async () => {
        const store = await setup();
        const first = await store.appendToStream('s', evs('e1', 'e2'), { expectedRevision: 'no_stream' });
        await store.appendToStream('s', evs('e3'), { expectedRevision: 1 });
        await store.appendToStream('o', evs('o1'));
        const before = await picture(store);
        const r0 = readings;
        expect(await store.appendToStream('s', evs('e1', 'e2'), { expectedRevision: 'no_stream' })).toEqual(first);
        expect(await store.appendToStream('s', evs('e1'), { expectedRevision: 'no_stream' })).toEqual({
          nextExpectedRevision: 0,
          position: 1,
        });
        expect(await store.appendToStream('s', evs('e3'), { expectedRevision: 1 })).toEqual({
          nextExpectedRevision: 2,
          position: 3,
        });
        expect(await store.appendToStream('s', evs('e2', 'e3'), { expectedRevision: 0 })).toEqual({
          nextExpectedRevision: 2,
          position: 3,
        });
        await expectUnchanged(store, before);
        expect(readings).toBe(r0);
      });

      const conflicts: [string, string[], ExpectedRevision][] = [
        ['the first id differs', ['x', 'e2'], 'no_stream'],
        ['only some ids match', ['e1', 'x'], 'no_stream'],
        ['the batch runs past the end of the stream', ['e2', 'e3', 'e4'], 0],
        ['the ids are in another order', ['e3', 'e2'], 0],
      ];
      it.each(conflicts)('throws when %s', async (_label, batch, expected) => {
        const store = await seeded();
        const before = await picture(store);
        await expectWrongVersion(store.appendToStream('s', evs(...batch), { expectedRevision: expected }), {
          streamId: 's',
          expected,
          actual: 2,
        });
        await expectUnchanged(store, before);
      });
    });

    describe('idempotency with any or stream_exists (KurrentDB)', () => {
      const noops: [string, string[], ExpectedRevision, number, number][] = [
        ['the whole stream again (any)', ['e1', 'e2', 'e3'], 'any', 2, 3],
        ['a middle run (any)', ['e2', 'e3'], 'any', 2, 3],
        ['one earlier event (any)', ['e1'], 'any', 0, 1],
        ['the whole stream again (stream_exists)', ['e1', 'e2', 'e3'], 'stream_exists', 2, 3],
        ['a prefix (stream_exists)', ['e1', 'e2'], 'stream_exists', 1, 2],
      ];
      it.each(noops)(
        're-appending %s is a no-op returning r+n−1 and its position',
        async (_label, batch, expected, revision, position) => {
          const store = await seeded();
          const before = await picture(store);
          const r0 = readings;
          expect(await store.appendToStream('s', evs(...batch), { expectedRevision: expected })).toEqual({
            nextExpectedRevision: revision,
            position,
          });
          await expectUnchanged(store, before);
          expect(readings).toBe(r0);
        },
      );

      const conflicts: [string, string[], ExpectedRevision][] = [
        ['the rest does not follow (any)', ['e2', 'x'], 'any'],
        ['the rest is out of order (any)', ['e1', 'e3'], 'any'],
        ['the batch runs past the end (stream_exists)', ['e3', 'e4'], 'stream_exists'],
      ];
      it.each(conflicts)('throws when the first id is there but %s', async (_label, batch, expected) => {
        const store = await seeded();
        const before = await picture(store);
        await expectWrongVersion(store.appendToStream('s', evs(...batch), { expectedRevision: expected }), {
          streamId: 's',
          expected,
          actual: 2,
        });
        await expectUnchanged(store, before);
      });

      it('a batch whose first id is not in the stream is a new append, even if later ids are', async () => {
        const store = await seeded();
        expect(await store.appendToStream('s', evs('x', 'e1'))).toEqual({ nextExpectedRevision: 4, position: 6 });
        expect(ids(await store.readStream('s'))).toEqual(['e1', 'e2', 'e3', 'x', 'e1']);
        // Re-appending it now finds `x` at revision 3 followed by e1: a no-op.
        expect(await store.appendToStream('s', evs('x', 'e1'))).toEqual({ nextExpectedRevision: 4, position: 6 });
        expect((await store.readAll()).length).toBe(6);
      });
    });

    it('the same event id may appear in two streams', async () => {
      const store = await seeded();
      expect(await store.appendToStream('other', evs('e1', 'e2'), { expectedRevision: 'no_stream' })).toEqual({
        nextExpectedRevision: 1,
        position: 6,
      });
      expect((await store.readAll()).filter((e) => e.eventId === 'e1').map((e) => [e.streamId, e.position])).toEqual([
        ['s', 1],
        ['other', 5],
      ]);
    });

    describe('an empty append checks its expectation and writes nothing', () => {
      const ok: [string, string, ExpectedRevision, number][] = [
        ['any on a missing stream', 'm', 'any', -1],
        ['no_stream on a missing stream', 'm', 'no_stream', -1],
        ['any on an existing stream', 's', 'any', 2],
        ['stream_exists on an existing stream', 's', 'stream_exists', 2],
        ['the last revision', 's', 2, 2],
      ];
      it.each(ok)(
        '%s returns the current revision and the global head',
        async (_label, streamId, expected, revision) => {
          const store = await seeded();
          const before = await picture(store);
          const r0 = readings;
          expect(await store.appendToStream(streamId, [], { expectedRevision: expected })).toEqual({
            nextExpectedRevision: revision,
            position: 4,
          });
          await expectUnchanged(store, before);
          expect(readings).toBe(r0);
        },
      );
      const bad: [string, string, ExpectedRevision, number | 'no_stream'][] = [
        ['a stale revision', 's', 1, 2],
        ['no_stream on an existing stream', 's', 'no_stream', 2],
        ['stream_exists on a missing stream', 'm', 'stream_exists', 'no_stream'],
        ['a revision on a missing stream', 'm', 0, 'no_stream'],
      ];
      it.each(bad)('%s throws', async (_label, streamId, expected, actual) => {
        const store = await seeded();
        const before = await picture(store);
        await expectWrongVersion(store.appendToStream(streamId, [], { expectedRevision: expected }), {
          streamId,
          expected,
          actual,
        });
        await expectUnchanged(store, before);
      });
    });

    describe('an append is atomic: invalid input rejects the whole batch', () => {
      const bad: [string, unknown[]][] = [
        ['an event without an id', [ev('ok1'), { eventType: 'X', data: 1 }]],
        ['an event without a type', [ev('ok1'), { eventId: 'y', data: 1 }]],
        ['a schemaVersion that is not an integer ≥ 1', [ev('ok1'), ev('y', { schemaVersion: 0 })]],
        ['data that cannot be cloned', [ev('ok1'), ev('y', { data: { f: () => 1 } })]],
      ];
      it.each(bad)('%s', async (_label, batch) => {
        const store = await seeded();
        const before = await picture(store);
        await expect(store.appendToStream('s', batch as NewEvent[])).rejects.toThrow();
        await expectUnchanged(store, before);
        expect(await store.appendToStream('s', evs('ok1'))).toEqual({ nextExpectedRevision: 3, position: 5 });
      });
      it.each([[-1], [1.5], ['latest'], [Number.NaN]])('an expectedRevision of %s is refused', async (expected) => {
        const store = await seeded();
        const before = await picture(store);
        await expect(
          store.appendToStream('s', evs('n'), { expectedRevision: expected as ExpectedRevision }),
        ).rejects.toThrow(TypeError);
        await expectUnchanged(store, before);
      });
    });

    describe('reading', () => {
      const streamOf = async () => {
        const store = await setup();
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
        const store = await seeded();
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
        const store = await setup();
        const results = await Promise.all(
          Array.from({ length: 20 }, (_, i) => store.appendToStream(`s${i % 3}`, evs(`x${i}a`, `x${i}b`))),
        );
        expect(results.map((r) => r.position)).toEqual(Array.from({ length: 20 }, (_, i) => 2 * i + 2));
        const all = await store.readAll();
        expect(ids(all)).toEqual(Array.from({ length: 20 }, (_, i) => [`x${i}a`, `x${i}b`]).flat());
        expect(positions(all)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
        expect(readings).toBe(20);
      });
    });

    describe('subscribeToAll', () => {
      it('delivers history then live events in order, with no gap and no duplicate at the switch', async () => {
        const store = await setup();
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
        const store = await seeded();
        const seen: string[] = [];
        const sub = store.subscribeToAll({ afterPosition: 2 }, (e) => seen.push(e.eventId));
        await store.appendToStream('s', evs('e4'));
        expect(seen).toEqual(['e3', 'o1', 'e4']);
        sub.unsubscribe();
      });

      it('an appended event reaches every handler before the append resolves', async () => {
        const store = await seeded();
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
        const store = await seeded();
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
        const store = await setup();
        const seen: string[] = [];
        const sub = store.subscribeToAll({}, (e) => seen.push(`${e.streamId}@${e.revision}#${e.position}`));
        await store.appendToStream('a', evs('1', '2'));
        await store.appendToStream('b', evs('3'));
        expect(seen).toEqual(['a@0#1', 'a@1#2', 'b@0#3']);
        sub.unsubscribe();
      });
    });
  });
}
