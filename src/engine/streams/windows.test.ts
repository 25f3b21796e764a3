import { describe, expect, it } from 'vitest';
import { mergedSession, sessionsToMerge, timeWindowsFor, windowsFor } from './windows';

describe('window assignment (TimeWindows.windowsFor, SessionWindows)', () => {
  it('given a 60 s tumbling window, when a record is at 61 s, then it is in [60 s, 120 s) only', () => {
    expect(windowsFor({ type: 'tumbling', sizeMs: 60_000 }, 61_000)).toEqual([{ start: 60_000, end: 120_000 }]);
  });

  it('given a window end, when a record is exactly at it, then it belongs to the next window (end is exclusive)', () => {
    expect(timeWindowsFor(60_000, 60_000, 60_000)).toEqual([{ start: 60_000, end: 120_000 }]);
  });

  it('given a 2 min window advancing by 1 min, when a record is at 90 s, then it is in two overlapping windows', () => {
    expect(windowsFor({ type: 'hopping', sizeMs: 120_000, advanceMs: 60_000 }, 90_000)).toEqual([
      { start: 0, end: 120_000 },
      { start: 60_000, end: 180_000 },
    ]);
  });

  it('given an advance larger than the size, then it is refused (Kafka: advanceMs must lie within ]0, size])', () => {
    expect(() => timeWindowsFor(1, 10, 20)).toThrow(RangeError);
  });

  it('given sessions [0,10] and [40,50] and a 30 s gap, when a record at 25 arrives, then it merges both', () => {
    const sessions = [
      { start: 0, end: 10 },
      { start: 40, end: 50 },
    ];
    const merging = sessionsToMerge(sessions, 25, 30);
    expect(merging).toEqual(sessions);
    expect(mergedSession(merging, 25)).toEqual({ start: 0, end: 50 });
  });

  it('given a session [0,10] and a 5 s gap, when a record at 20 arrives, then it starts a new session', () => {
    expect(sessionsToMerge([{ start: 0, end: 10 }], 20, 5)).toEqual([]);
    expect(mergedSession([], 20)).toEqual({ start: 20, end: 20 });
  });
});
