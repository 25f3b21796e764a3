import { describe, expect, it } from 'vitest';
import { appendToLog, emptyLog, eventsOfStream, headPosition, streamRevision } from './eventLog';

const ev = (id: string) => ({ eventId: id, eventType: 'OrderPlaced', data: { id } });

describe('event log', () => {
  it('numbers revisions per stream and positions globally, without gaps', () => {
    let log = emptyLog();
    log = appendToLog(log, 'order-1', [ev('a'), ev('b')], 10).log;
    log = appendToLog(log, 'order-2', [ev('c')], 20).log;
    const r = appendToLog(log, 'order-1', [ev('d')], 30);
    expect(r.recorded.map((e) => [e.streamId, e.revision, e.position])).toEqual([['order-1', 2, 4]]);
    expect(headPosition(r.log)).toBe(4);
    expect(streamRevision(r.log, 'order-1')).toBe(2);
    expect(streamRevision(r.log, 'order-2')).toBe(0);
    expect(streamRevision(r.log, 'missing')).toBeNull();
    expect(eventsOfStream(r.log, 'order-1').map((e) => e.eventId)).toEqual(['a', 'b', 'd']);
  });

  it('fills defaults and never mutates the previous log', () => {
    const log = appendToLog(emptyLog(), 's', [ev('a')], 1).log;
    const frozen = JSON.stringify(log);
    const next = appendToLog(log, 's', [ev('b')], 2).log;
    expect(JSON.stringify(log)).toBe(frozen);
    expect(next.events[1]).toMatchObject({ schemaVersion: 1, metadata: {}, recordedAt: 2 });
  });

  it('an empty batch returns the same log', () => {
    const log = emptyLog();
    expect(appendToLog(log, 's', [], 1).log).toBe(log);
  });
});
