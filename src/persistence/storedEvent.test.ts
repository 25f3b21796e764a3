import { describe, expect, it } from 'vitest';
import { openIndexedDbEventStore } from './idbEventStore';
import { openRunDb } from './databases';
import { DamagedStoredEventError, storedEventProblems } from './storedEvent';
import { uniqueDbName } from './testing';

const good = {
  position: 1,
  streamId: 's',
  revision: 0,
  eventId: 'e1',
  eventType: 'Happened',
  schemaVersion: 1,
  data: { n: 1 },
  metadata: {},
  recordedAt: 7,
};

describe('stored events are checked on read (issue 19)', () => {
  it('a well-formed event passes; each wrong field is named in plain words', () => {
    expect(storedEventProblems(good)).toEqual([]);
    expect(storedEventProblems({ ...good, schemaVersion: undefined, metadata: undefined })).toEqual([]);
    expect(storedEventProblems(null)).toEqual(['it is not an event']);
    expect(storedEventProblems([good])).toEqual(['it is not an event']);
    expect(storedEventProblems({ ...good, revision: 'abc' })).toEqual(['its revision is not a revision number']);
    expect(storedEventProblems({ ...good, recordedAt: Number.NaN, metadata: [1] })).toEqual([
      'its recordedAt is not a time',
      'its metadata is not a set of named values',
    ]);
    const { data: _data, ...noData } = good;
    expect(storedEventProblems(noData)).toEqual(['its data is missing']);
    expect(storedEventProblems({ ...good, eventId: undefined })).toEqual(['its eventId is missing']);
    expect(storedEventProblems({ ...good, position: 1e12 })).toEqual(['its position is not a position in the store']);
  });

  it('readAll rejects with DamagedStoredEventError naming the damaged event, in words without raw error text', async () => {
    const name = uniqueDbName('stored-event');
    const s = await openIndexedDbEventStore(name, { clock: () => 7 });
    await s.appendToStream('s', [
      { eventId: 'e1', eventType: 'Happened', data: {} },
      { eventId: 'e2', eventType: 'Happened', data: {} },
    ]);
    s.close();
    const db = await openRunDb(name, { onClosedElsewhere: () => undefined });
    const second = (await db.get('events', 2))!;
    await db.put('events', { ...second, streamId: {} as unknown as string });
    db.close();
    const again = await openIndexedDbEventStore(name);
    const err = await again.readAll().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DamagedStoredEventError);
    expect((err as DamagedStoredEventError).index).toBe(2);
    expect((err as Error).message).toBe(
      "One of this run's stored events (number 2 in order) is damaged (its streamId is not a stream name).",
    );
    expect((await again.readAll({ maxCount: 1 })).map((e) => e.eventId)).toEqual(['e1']);
    again.close();
  });
});
