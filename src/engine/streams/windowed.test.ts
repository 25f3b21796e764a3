import { beforeEach, describe, expect, it } from 'vitest';
import { deepFreeze } from '../broker/testing';
import { createWindowed, processWindowed, windowResults, type WindowedDef, type WindowedState } from './windowed';
import { rec, resetOffsets, sec } from './streams.testkit';
import type { StreamRecord } from './record';

const tumbling: WindowedDef = {
  id: 'count',
  window: { type: 'tumbling', sizeMs: 60_000 },
  graceMs: 10_000,
  aggregate: { kind: 'count' },
};

function play(def: WindowedDef, records: StreamRecord[]) {
  let s: WindowedState = createWindowed(def);
  const effects = [];
  for (const r of records) {
    const next = processWindowed(def, deepFreeze(s), r);
    s = next.state;
    effects.push(...next.effects);
  }
  return { s, effects };
}

beforeEach(resetOffsets);

describe('windowed count (KStreamWindowAggregate)', () => {
  it('given requests in one minute, when counted, then the window holds their count and every update is emitted', () => {
    const { s, effects } = play(tumbling, [rec('north', 5), rec('north', 20), rec('south', 30)]);
    expect(windowResults(s).map((w) => [w.key, w.start, w.value])).toEqual([
      ['north', sec(0), 2],
      ['south', sec(0), 1],
    ]);
    expect(effects.map((e) => e.op)).toEqual(['window-updated', 'window-updated', 'window-updated']);
    expect(effects.every((e) => e.reason.length > 20)).toBe(true);
  });

  it('given stream time 65 s and 10 s grace, when a record at 50 s arrives late, then it still updates [0, 60)', () => {
    const { s, effects } = play(tumbling, [rec('north', 10), rec('north', 65), rec('north', 50, { processedSec: 70 })]);
    expect(windowResults(s).find((w) => w.start === sec(0))?.value).toBe(2);
    expect(effects.at(-1)?.op).toBe('window-updated');
    expect(s.seen.at(-1)?.outcome).toBe('counted');
  });

  it('given stream time 75 s and 10 s grace, when a record at 50 s arrives, then it is dropped and says why', () => {
    const { s, effects } = play(tumbling, [rec('north', 10), rec('north', 75), rec('north', 50, { processedSec: 80 })]);
    expect(windowResults(s).find((w) => w.start === sec(0))?.value).toBe(1);
    expect(effects.at(-1)?.op).toBe('late-dropped');
    expect(effects.at(-1)?.reason).toMatch(/grace/);
    expect(s.seen.at(-1)?.outcome).toBe('dropped');
  });

  it('given window end 60 s and close time exactly 60 s, then the window is closed (end > close is required)', () => {
    const { effects } = play(tumbling, [rec('north', 70), rec('north', 59)]);
    expect(effects.at(-1)?.op).toBe('late-dropped');
  });

  it('given stream time is per task, when partition 1 is behind, then its late-looking record is on time there', () => {
    const { effects } = play(tumbling, [rec('north', 100, { partition: 0 }), rec('south', 5, { partition: 1 })]);
    expect(effects.at(-1)?.op).toBe('window-updated');
  });

  it('given a record earlier than stream time, then stream time does not go back', () => {
    const { s } = play(tumbling, [rec('north', 30), rec('north', 12)]);
    expect(s.streamTime[0]).toBe(sec(30));
  });

  it('given hopping windows, when a record is late for one window only, then it counts in the other (partly)', () => {
    const hopping: WindowedDef = {
      ...tumbling,
      window: { type: 'hopping', sizeMs: 120_000, advanceMs: 60_000 },
      graceMs: 0,
    };
    const { s, effects } = play(hopping, [rec('north', 125), rec('north', 90)]);
    expect(effects.slice(-2).map((e) => e.op)).toEqual(['late-dropped', 'window-updated']);
    expect(s.seen.at(-1)?.outcome).toBe('partly');
  });

  it('given a sum aggregate, then the window holds the sum of the field', () => {
    const sum: WindowedDef = { ...tumbling, aggregate: { kind: 'sum', field: 'fare' } };
    const { s } = play(sum, [
      rec('north', 1, { value: { data: { fare: 7 } } }),
      rec('north', 2, { value: { fare: 5 } }),
    ]);
    expect(windowResults(s)[0]?.value).toBe(12);
  });

  it('given a record with no key, then it is skipped and stream time is unchanged', () => {
    const { s, effects } = play(tumbling, [rec(null, 30)]);
    expect(effects[0]?.op).toBe('skipped-null-key');
    expect(s.streamTime[0]).toBeUndefined();
  });
});

describe('session windows (KStreamSessionWindowAggregate)', () => {
  const sessions: WindowedDef = { ...tumbling, window: { type: 'session', gapMs: 30_000 }, graceMs: 0 };

  it('given records 20 s apart with a 30 s gap, then they form one session', () => {
    const { s } = play(sessions, [rec('north', 0), rec('north', 20), rec('north', 40)]);
    expect(windowResults(s).map((w) => [w.start, w.end, w.value])).toEqual([[sec(0), sec(40), 3]]);
  });

  it('given two sessions, when a record bridges them, then they merge and the old ones are tombstoned', () => {
    const { s, effects } = play({ ...sessions, graceMs: 60_000 }, [
      rec('north', 0),
      rec('north', 50),
      rec('north', 25),
    ]);
    expect(windowResults(s).map((w) => [w.start, w.end, w.value])).toEqual([[sec(0), sec(50), 3]]);
    expect(effects.some((e) => e.op === 'sessions-merged')).toBe(true);
    expect(s.store.changelog.filter((c) => c.value === null)).toHaveLength(2);
  });

  it('given a session that ended before the close time, when a record for it arrives, then it is dropped', () => {
    const { effects } = play(sessions, [rec('north', 0), rec('north', 100), rec('north', 10)]);
    expect(effects.at(-1)?.op).toBe('late-dropped');
  });
});
