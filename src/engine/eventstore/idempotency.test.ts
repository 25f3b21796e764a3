/**
 * Idempotent appends, as KurrentDB does them (IndexWriter.CheckCommit,
 * src/KurrentDB.Core/Services/Storage/ReaderIndex/IndexWriter.cs):
 * - an exact revision or `no_stream` is a strong check: the retry is read back from the index at the
 *   revisions it must occupy, however old it is;
 * - `any` / `stream_exists` is a weak check against `_committedEvents`, a FIFO BoundedCache capped
 *   at ESConsts.CommittedEventsMemCacheLimit (8 MiB): an id that has left it is written again.
 *   docs/server/http-api/introduction.md: with expected version any, KurrentDB "does its best to
 *   keep events idempotent but cannot assure that everything is fully idempotent".
 */
import { describe, expect, it } from 'vitest';
import type { NewEvent } from '../types';
import { RECENT_EVENT_IDS_CAPACITY, decideAppend, decideSync, type Probe, type ProbeAnswer } from './appendRules';
import { createInMemoryEventStore } from './memoryStore';

const ev = (eventId: string): NewEvent => ({ eventId, eventType: 'Deposited', data: { eventId } });

async function storeWithRetryBehind(others: number, recentEventIds: number) {
  const store = createInMemoryEventStore({ recentEventIds });
  await store.appendToStream('account-1', [ev('pay-1')], { expectedRevision: 'no_stream' });
  for (let i = 0; i < others; i++)
    await store.appendToStream(`account-${i + 2}`, [ev(`other-${i}`)], { expectedRevision: 'no_stream' });
  return store;
}

describe('idempotent append: exact and no_stream are guaranteed, any is best effort (KurrentDB)', () => {
  it('the cache holds 8 MiB of entries, counted as 64-byte entries', () => {
    expect(RECENT_EVENT_IDS_CAPACITY).toBe(131_072);
  });

  it('an `any` retry still in the recent-ids cache is a no-op', async () => {
    const store = await storeWithRetryBehind(2, 3);
    expect(await store.appendToStream('account-1', [ev('pay-1')], { expectedRevision: 'any' })).toEqual({
      nextExpectedRevision: 0,
      position: 1,
    });
    expect((await store.readStream('account-1')).length).toBe(1);
  });

  it('an `any` retry whose id has left the cache is appended again: a duplicate', async () => {
    const store = await storeWithRetryBehind(3, 3);
    expect(await store.appendToStream('account-1', [ev('pay-1')], { expectedRevision: 'any' })).toEqual({
      nextExpectedRevision: 1,
      position: 5,
    });
    expect((await store.readStream('account-1')).map((e) => e.eventId)).toEqual(['pay-1', 'pay-1']);
  });

  it('`stream_exists` is the same weak check', async () => {
    const store = await storeWithRetryBehind(3, 3);
    await store.appendToStream('account-1', [ev('pay-1')], { expectedRevision: 'stream_exists' });
    expect((await store.readStream('account-1')).length).toBe(2);
  });

  it('the same old retry with its exact expectation (no_stream, or a revision) is always a no-op', async () => {
    const store = await storeWithRetryBehind(3, 3);
    expect(await store.appendToStream('account-1', [ev('pay-1')], { expectedRevision: 'no_stream' })).toEqual({
      nextExpectedRevision: 0,
      position: 1,
    });
    await store.appendToStream('account-1', [ev('pay-2')], { expectedRevision: 0 });
    for (let i = 0; i < 5; i++) await store.appendToStream(`x-${i}`, [ev(`x-${i}`)]);
    expect(await store.appendToStream('account-1', [ev('pay-2')], { expectedRevision: 0 })).toEqual({
      nextExpectedRevision: 1,
      position: 5,
    });
    expect((await store.readStream('account-1')).map((e) => e.eventId)).toEqual(['pay-1', 'pay-2']);
  });

  it('with the default capacity, an `any` retry RECENT_EVENT_IDS_CAPACITY writes later is appended again', () => {
    // The rules with an oracle: pay-1 is revision 0 at position 1 of a log whose head has moved on.
    const answer = (p: Probe): ProbeAnswer => (p.kind === 'find' ? 0 : [{ eventId: 'pay-1', position: 1 }]);
    const at = (head: number) => decideSync(decideAppend('account-1', 'any', ['pay-1'], 0, head), answer);
    expect(at(RECENT_EVENT_IDS_CAPACITY).kind).toBe('noop');
    expect(at(RECENT_EVENT_IDS_CAPACITY + 1)).toEqual({ kind: 'write', firstRevision: 1 });
  });
});
