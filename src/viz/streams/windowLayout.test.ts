import { describe, expect, it } from 'vitest';
import { createWindowed, processWindowed, type WindowedDef } from '../../engine/streams';
import { layoutWindows, LEFT } from './windowLayout';

const T0 = Date.UTC(2027, 0, 1, 10, 0, 0);
const def: WindowedDef = {
  id: 'c',
  window: { type: 'tumbling', sizeMs: 60_000 },
  graceMs: 30_000,
  aggregate: { kind: 'count' },
};
const at = (key: string, s: number, offset: number) => ({
  topic: 't',
  partition: 0,
  offset,
  key,
  value: {},
  eventTime: T0 + s * 1000,
  processedAt: T0 + 200_000,
});

function run(records: [string, number][], d = def) {
  let s = createWindowed(d);
  records.forEach(([k, t], i) => (s = processWindowed(d, s, at(k, t, i)).state));
  return s;
}

describe('the windows on an event-time axis', () => {
  it('given an on-time and a dropped record, then marks sit at their event time and the drop is a cross with text', () => {
    const l = layoutWindows(
      run([
        ['north', 10],
        ['north', 110],
        ['north', 20],
      ]),
      def,
      720,
    );
    expect(l.marks.map((m) => m.outcome)).toEqual(['counted', 'counted', 'dropped']);
    expect(l.marks[0]!.x).toBeLessThan(l.marks[2]!.x);
    expect(l.marks[2]!.label).toMatch(/late, dropped/);
    expect(l.summary).toMatch(
      /^3 records on the event-time axis: 2 counted, 1 dropped as late; 2 windows: north 10:00:00 = 1, north 10:01:00 = 1; stream time 10:01:50/,
    );
  });

  it('given tumbling windows, then bands tile without overlapping and stay inside the axis', () => {
    const l = layoutWindows(
      run([
        ['north', 10],
        ['north', 70],
        ['south', 100],
      ]),
      def,
      720,
    );
    const north = l.bands.filter((b) => b.key === 'north');
    expect(north[0]!.x + north[0]!.width).toBeCloseTo(north[1]!.x);
    for (const b of l.bands) expect(b.x).toBeGreaterThanOrEqual(LEFT);
    expect(l.lanes.map((x) => x.key)).toEqual(['north', 'south']);
  });

  it('given hopping windows, then overlapping bands take different sub-rows', () => {
    const hop: WindowedDef = { ...def, window: { type: 'hopping', sizeMs: 120_000, advanceMs: 60_000 } };
    const l = layoutWindows(run([['north', 70]], hop), hop, 720);
    expect(l.bands).toHaveLength(2);
    expect(l.bands[0]!.y).not.toBe(l.bands[1]!.y);
  });

  it('draws the stream-time line and the close time (stream time − grace) behind it', () => {
    const l = layoutWindows(run([['north', 90]]), def, 720);
    const stream = l.lines.find((t) => t.kind === 'stream-time')!;
    const close = l.lines.find((t) => t.kind === 'close-time')!;
    expect(close.x).toBeLessThan(stream.x);
    expect(close.label).toBe('closed before 10:01:00');
  });
});
