/** The append rules of the event store conformance suite (expectations, idempotency, atomicity). */
import { describe, expect, it } from 'vitest';
import type { ExpectedRevision, NewEvent } from '../types';
import {
  ev,
  evs,
  expectUnchanged,
  expectWrongVersion,
  ids,
  picture,
  positions,
  type ConformanceContext,
} from './conformanceKit.testkit';
import { WrongExpectedVersionError } from './errors';

export function appendCases(ctx: ConformanceContext): void {
  it('an empty store has global head 0, no events and no streams', async () => {
    const store = await ctx.setup();
    expect(await store.readAll()).toEqual([]);
    expect(await store.readStream('missing')).toEqual([]);
    expect(await store.readStream('missing', { direction: 'backwards' })).toEqual([]);
    expect(await store.appendToStream('missing', [])).toEqual({ nextExpectedRevision: -1, position: 0 });
    expect(ctx.readings()).toBe(0);
  });

  it('assigns revisions from 0 per stream and global positions from 1, fills defaults, reads the clock once per append', async () => {
    const store = await ctx.setup();
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
    expect(ctx.readings()).toBe(1);
    const r2 = await store.appendToStream('ride-2', [ev('c', { eventType: 'RideRequested', data: null })]);
    expect(r2).toEqual({ nextExpectedRevision: 0, position: 3 });
    expect(ctx.readings()).toBe(2);
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
    const store = await ctx.setup();
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
    const store = await ctx.setup();
    await store.appendToStream('a', evs('a1'));
    await expect(store.appendToStream('a', evs('x1', 'x2'), { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(
      WrongExpectedVersionError,
    );
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
      const store = await ctx.seeded();
      const before = await picture(store);
      const readingsBefore = ctx.readings();
      await expectWrongVersion(store.appendToStream(streamId, evs('new1', 'new2'), { expectedRevision: expected }), {
        streamId,
        expected,
        actual,
      });
      await expectUnchanged(store, before);
      expect(ctx.readings()).toBe(readingsBefore);
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
      const store = await ctx.seeded();
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
      const store = await ctx.setup();
      const first = await store.appendToStream('s', evs('e1', 'e2'), { expectedRevision: 'no_stream' });
      await store.appendToStream('s', evs('e3'), { expectedRevision: 1 });
      await store.appendToStream('o', evs('o1'));
      const before = await picture(store);
      const r0 = ctx.readings();
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
      expect(ctx.readings()).toBe(r0);
    });

    const conflicts: [string, string[], ExpectedRevision][] = [
      ['the first id differs', ['x', 'e2'], 'no_stream'],
      ['only some ids match', ['e1', 'x'], 'no_stream'],
      ['the batch runs past the end of the stream', ['e2', 'e3', 'e4'], 0],
      ['the ids are in another order', ['e3', 'e2'], 0],
    ];
    it.each(conflicts)('throws when %s', async (_label, batch, expected) => {
      const store = await ctx.seeded();
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
        const store = await ctx.seeded();
        const before = await picture(store);
        const r0 = ctx.readings();
        expect(await store.appendToStream('s', evs(...batch), { expectedRevision: expected })).toEqual({
          nextExpectedRevision: revision,
          position,
        });
        await expectUnchanged(store, before);
        expect(ctx.readings()).toBe(r0);
      },
    );

    const conflicts: [string, string[], ExpectedRevision][] = [
      ['the rest does not follow (any)', ['e2', 'x'], 'any'],
      ['the rest is out of order (any)', ['e1', 'e3'], 'any'],
      ['the batch runs past the end (stream_exists)', ['e3', 'e4'], 'stream_exists'],
    ];
    it.each(conflicts)('throws when the first id is there but %s', async (_label, batch, expected) => {
      const store = await ctx.seeded();
      const before = await picture(store);
      await expectWrongVersion(store.appendToStream('s', evs(...batch), { expectedRevision: expected }), {
        streamId: 's',
        expected,
        actual: 2,
      });
      await expectUnchanged(store, before);
    });

    it('a batch whose first id is not in the stream is a new append, even if later ids are', async () => {
      const store = await ctx.seeded();
      expect(await store.appendToStream('s', evs('x', 'e1'))).toEqual({ nextExpectedRevision: 4, position: 6 });
      expect(ids(await store.readStream('s'))).toEqual(['e1', 'e2', 'e3', 'x', 'e1']);
      // Re-appending it now finds `x` at revision 3 followed by e1: a no-op.
      expect(await store.appendToStream('s', evs('x', 'e1'))).toEqual({ nextExpectedRevision: 4, position: 6 });
      expect((await store.readAll()).length).toBe(6);
    });
  });

  it('the same event id may appear in two streams', async () => {
    const store = await ctx.seeded();
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
    it.each(ok)('%s returns the current revision and the global head', async (_label, streamId, expected, revision) => {
      const store = await ctx.seeded();
      const before = await picture(store);
      const r0 = ctx.readings();
      expect(await store.appendToStream(streamId, [], { expectedRevision: expected })).toEqual({
        nextExpectedRevision: revision,
        position: 4,
      });
      await expectUnchanged(store, before);
      expect(ctx.readings()).toBe(r0);
    });
    const bad: [string, string, ExpectedRevision, number | 'no_stream'][] = [
      ['a stale revision', 's', 1, 2],
      ['no_stream on an existing stream', 's', 'no_stream', 2],
      ['stream_exists on a missing stream', 'm', 'stream_exists', 'no_stream'],
      ['a revision on a missing stream', 'm', 0, 'no_stream'],
    ];
    it.each(bad)('%s throws', async (_label, streamId, expected, actual) => {
      const store = await ctx.seeded();
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
      const store = await ctx.seeded();
      const before = await picture(store);
      await expect(store.appendToStream('s', batch as NewEvent[])).rejects.toThrow();
      await expectUnchanged(store, before);
      expect(await store.appendToStream('s', evs('ok1'))).toEqual({ nextExpectedRevision: 3, position: 5 });
    });
    it.each([[-1], [1.5], ['latest'], [Number.NaN]])('an expectedRevision of %s is refused', async (expected) => {
      const store = await ctx.seeded();
      const before = await picture(store);
      await expect(
        store.appendToStream('s', evs('n'), { expectedRevision: expected as ExpectedRevision }),
      ).rejects.toThrow(TypeError);
      await expectUnchanged(store, before);
    });
  });
}
