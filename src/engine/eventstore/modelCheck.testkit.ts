/**
 * Model-based test of the event store port (fast-check): random sequences of appends with right and
 * wrong expectations, retries of earlier batches, empty appends, reads and rebuilds, each checked
 * against a deliberately simple model (arrays of ids). Used by the tests beside each implementation.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { AppendResult, EventStore, ExpectedRevision, RecordedEvent } from '../types';
import { RECENT_EVENT_IDS_CAPACITY } from './appendRules';
import { WrongExpectedVersionError } from './errors';

interface ModelEvent {
  id: string;
  position: number;
}

class Model {
  streams = new Map<string, ModelEvent[]>();
  head = 0;
  nextId = 0;
  history: { streamId: string; ids: string[]; expected: ExpectedRevision }[] = [];
  log: { streamId: string; id: string; revision: number; position: number }[] = [];

  last(streamId: string): number {
    return (this.streams.get(streamId)?.length ?? 0) - 1;
  }

  /** The rules, written plainly: the result, or the `actual` of a WrongExpectedVersionError. */
  append(
    streamId: string,
    ids: string[],
    expected: ExpectedRevision,
  ): { result: AppendResult } | { conflict: number | 'no_stream' } {
    const stream = this.streams.get(streamId) ?? [];
    const last = stream.length - 1;
    const conflict = { conflict: last < 0 ? ('no_stream' as const) : last };
    const n = ids.length;
    const matchAt = (r: number) => {
      const slice = stream.slice(r, r + n);
      return slice.length === n && slice.every((e, i) => e.id === ids[i]) ? slice : null;
    };
    if (n === 0) {
      const ok =
        expected === 'any' ||
        (expected === 'no_stream' ? last < 0 : expected === 'stream_exists' ? last >= 0 : expected === last);
      return ok ? { result: { nextExpectedRevision: last, position: this.head } } : conflict;
    }
    let writeAt: number;
    if (expected === 'any' || expected === 'stream_exists') {
      if (expected === 'stream_exists' && last < 0) return conflict;
      const r = stream.findIndex((e) => e.id === ids[0]);
      // Only ids still in the recent-ids cache are recognised (KurrentDB's weak idempotency check).
      if (r >= 0 && stream[r]!.position > this.head - RECENT_EVENT_IDS_CAPACITY) {
        const m = matchAt(r);
        return m ? { result: { nextExpectedRevision: r + n - 1, position: m[n - 1]!.position } } : conflict;
      }
      writeAt = last + 1;
    } else {
      const e = expected === 'no_stream' ? -1 : expected;
      if (e !== last) {
        const m = e < last ? matchAt(e + 1) : null;
        return m ? { result: { nextExpectedRevision: e + n, position: m[n - 1]!.position } } : conflict;
      }
      writeAt = last + 1;
    }
    ids.forEach((id, i) => {
      this.head++;
      stream.push({ id, position: this.head });
      this.log.push({ streamId, id, revision: writeAt + i, position: this.head });
    });
    this.streams.set(streamId, stream);
    return { result: { nextExpectedRevision: writeAt + n - 1, position: this.head } };
  }
}

interface Real {
  store: EventStore;
  seen: RecordedEvent[];
}

const STREAMS = ['ride-1', 'ride-2', 'ride-3'];

async function settle<T>(p: Promise<T>): Promise<{ ok: T } | { err: unknown }> {
  try {
    return { ok: await p };
  } catch (err) {
    return { err };
  }
}

async function checkAppend(model: Model, real: Real, streamId: string, ids: string[], expected: ExpectedRevision) {
  const want = model.append(streamId, ids, expected);
  const got = await settle(
    real.store.appendToStream(
      streamId,
      ids.map((id) => ({ eventId: id, eventType: 'Tested', data: { id } })),
      { expectedRevision: expected },
    ),
  );
  if ('result' in want) {
    expect(got).toEqual({ ok: want.result });
    model.history.push({ streamId, ids, expected });
  } else {
    expect('err' in got).toBe(true);
    const err = (got as { err: unknown }).err;
    expect(err).toBeInstanceOf(WrongExpectedVersionError);
    expect((err as WrongExpectedVersionError).actual).toEqual(want.conflict);
  }
}

type Cmd = fc.AsyncCommand<Model, Real>;

const expectationKinds = ['right', 'stale', 'ahead', 'any', 'no_stream', 'stream_exists'] as const;

class AppendCmd implements Cmd {
  constructor(
    readonly stream: number,
    readonly n: number,
    readonly kind: (typeof expectationKinds)[number],
    readonly reuseFirst: boolean,
  ) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const streamId = STREAMS[this.stream]!;
    const last = model.last(streamId);
    const expected: ExpectedRevision =
      this.kind === 'right'
        ? last < 0
          ? 'no_stream'
          : last
        : this.kind === 'stale'
          ? Math.max(0, last - 1)
          : this.kind === 'ahead'
            ? last + 2
            : this.kind;
    const ids = Array.from({ length: this.n }, () => `id-${model.nextId++}`);
    // Sometimes lead with an id that is already stored (in this or another stream).
    if (this.reuseFirst && this.n > 0 && model.log.length > 0) ids[0] = model.log[model.nextId % model.log.length]!.id;
    await checkAppend(model, real, streamId, ids, expected);
  }
  toString = () => `append(${STREAMS[this.stream]}, n=${this.n}, ${this.kind}${this.reuseFirst ? ', reuse' : ''})`;
}

class RetryCmd implements Cmd {
  constructor(
    readonly pick: number,
    readonly from: number,
    readonly asAny: boolean,
  ) {}
  check = (m: Readonly<Model>) => m.history.some((h) => h.ids.length > 0);
  async run(model: Model, real: Real) {
    const nonEmpty = model.history.filter((h) => h.ids.length > 0);
    const h = nonEmpty[this.pick % nonEmpty.length]!;
    // The same batch with its expectation (a retry), or a tail of it with `any`.
    const ids = this.asAny ? h.ids.slice(this.from % h.ids.length) : h.ids;
    await checkAppend(model, real, h.streamId, ids, this.asAny ? 'any' : h.expected);
  }
  toString = () => `retry(${this.pick}, from ${this.from}, ${this.asAny ? 'any' : 'same expectation'})`;
}

class ReadStreamCmd implements Cmd {
  constructor(
    readonly stream: number,
    readonly from: number | undefined,
    readonly backwards: boolean,
    readonly max: number | undefined,
  ) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const streamId = STREAMS[this.stream]!;
    const all = model.log.filter((e) => e.streamId === streamId);
    let want = this.backwards ? all.slice(0, (this.from ?? all.length - 1) + 1).reverse() : all.slice(this.from ?? 0);
    if (this.max !== undefined) want = want.slice(0, this.max);
    const got = await real.store.readStream(streamId, {
      direction: this.backwards ? 'backwards' : 'forwards',
      fromRevision: this.from,
      maxCount: this.max,
    });
    expect(got.map((e) => [e.eventId, e.revision, e.position])).toEqual(
      want.map((e) => [e.id, e.revision, e.position]),
    );
  }
  toString = () =>
    `readStream(${STREAMS[this.stream]}, from ${this.from}, ${this.backwards ? 'backwards' : 'forwards'}, max ${this.max})`;
}

class ReadAllCmd implements Cmd {
  constructor(
    readonly from: number | undefined,
    readonly max: number | undefined,
  ) {}
  check = () => true;
  async run(model: Model, real: Real) {
    let want = model.log.slice((this.from ?? 1) - 1);
    if (this.max !== undefined) want = want.slice(0, this.max);
    const got = await real.store.readAll({ fromPosition: this.from, maxCount: this.max });
    expect(got.map((e) => [e.streamId, e.eventId, e.revision, e.position])).toEqual(
      want.map((e) => [e.streamId, e.id, e.revision, e.position]),
    );
  }
  toString = () => `readAll(from ${this.from}, max ${this.max})`;
}

/** Rebuild: a fold over readAll equals the fold over what the live subscription delivered, and the model. */
class RebuildCmd implements Cmd {
  check = () => true;
  async run(model: Model, real: Real) {
    const fold = (events: { streamId: string; position: number }[]) => {
      const counts: Record<string, number> = {};
      for (const e of events) counts[e.streamId] = (counts[e.streamId] ?? 0) + 1;
      return counts;
    };
    const rebuilt = await real.store.readAll();
    expect(real.seen.map((e) => e.position)).toEqual(model.log.map((e) => e.position));
    expect(fold(rebuilt)).toEqual(fold(real.seen));
    expect(fold(rebuilt)).toEqual(fold(model.log));
  }
  toString = () => 'rebuild';
}

const commands = [
  fc
    .tuple(fc.nat(2), fc.integer({ min: 0, max: 4 }), fc.constantFrom(...expectationKinds), fc.boolean())
    .map(([s, n, k, r]) => new AppendCmd(s, n, k, r)),
  fc.tuple(fc.nat(), fc.nat(), fc.boolean()).map(([p, f, a]) => new RetryCmd(p, f, a)),
  fc
    .tuple(fc.nat(2), fc.option(fc.nat(8), { nil: undefined }), fc.boolean(), fc.option(fc.nat(5), { nil: undefined }))
    .map(([s, f, b, m]) => new ReadStreamCmd(s, f, b, m)),
  fc
    .tuple(fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }), fc.option(fc.nat(10), { nil: undefined }))
    .map(([f, m]) => new ReadAllCmd(f, m)),
  fc.constant(new RebuildCmd()),
];

export async function checkEventStoreAgainstModel(
  factory: () => Promise<EventStore> | EventStore,
  options: { numRuns: number; maxCommands: number; seed?: number },
): Promise<{ meanCommands: number; maxCommands: number }> {
  const lengths: number[] = [];
  await fc.assert(
    fc.asyncProperty(fc.commands(commands, { maxCommands: options.maxCommands, size: 'max' }), async (cmds) => {
      const store = await factory();
      const seen: RecordedEvent[] = [];
      const sub = store.subscribeToAll({}, (e) => seen.push(e));
      try {
        await fc.asyncModelRun(() => ({ model: new Model(), real: { store, seen } }), cmds);
        // Whatever happened, the live subscription saw exactly the stored log, in order.
        expect(seen.map((e) => e.position)).toEqual((await store.readAll()).map((e) => e.position));
        lengths.push([...cmds].length);
      } finally {
        sub.unsubscribe();
      }
    }),
    { numRuns: options.numRuns, seed: options.seed },
  );
  return {
    meanCommands: lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length),
    maxCommands: Math.max(0, ...lengths),
  };
}
