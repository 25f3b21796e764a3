/**
 * A windowed stream processor on an event-time axis (pure): one lane per key; in it, the windows as bands (their
 * value as text; hopping windows overlap, so they take alternating sub-rows) and the records as marks placed by
 * their event time — counted, dropped as late (a cross, not only a colour) or partly counted (a hopping record
 * some closed windows refused) —, then the stream-time line of each task and the close time behind it (stream
 * time − grace: windows ending there or before are closed). Plus a summary in words for the accessible
 * description, with the counts.
 */
import { clock, windowResults, type WindowedState, type WindowSpec } from '../../engine/streams';

export interface Band {
  key: string;
  x: number;
  width: number;
  y: number;
  height: number;
  value: number;
  label: string;
}
export interface Mark {
  key: string;
  x: number;
  y: number;
  outcome: 'counted' | 'dropped' | 'partly' | 'no-key';
  label: string;
}
export interface TimeLine {
  x: number;
  label: string;
  kind: 'stream-time' | 'close-time';
}
export interface Lane {
  key: string;
  y: number;
  height: number;
}
export interface WindowLayout {
  width: number;
  height: number;
  lanes: Lane[];
  bands: Band[];
  marks: Mark[];
  lines: TimeLine[];
  ticks: { x: number; label: string; anchor: 'start' | 'middle' | 'end' }[];
  axisY: number;
  summary: string;
}

export const LEFT = 64;
const RIGHT = 24;
const LANE = 74;
const TOP = 26;

export function layoutWindows(
  state: WindowedState,
  spec: { window: WindowSpec; graceMs: number },
  width: number,
): WindowLayout {
  const results = windowResults(state);
  const seen = state.seen.filter((r) => r.key !== null);
  const keys = [...new Set([...results.map((w) => w.key), ...seen.map((r) => r.key!)])].sort();
  const times = [
    ...results.flatMap((w) => [w.start, w.end]),
    ...seen.map((r) => r.eventTime),
    ...Object.values(state.streamTime),
  ];
  const t0 = Math.floor(Math.min(...times) / 30_000) * 30_000;
  const t1 = Math.ceil((Math.max(...times) + 1) / 30_000) * 30_000;
  const x = (t: number) => LEFT + ((t - t0) / Math.max(1, t1 - t0)) * (width - LEFT - RIGHT);
  const lanes = keys.map((key, i) => ({ key, y: TOP + i * LANE, height: LANE - 8 }));
  const laneOf = new Map(lanes.map((l) => [l.key, l]));
  const sub = spec.window.type === 'hopping' ? Math.round(spec.window.sizeMs / spec.window.advanceMs) : 1;
  const bandH = (LANE - 34) / sub;
  const bands = results.map((w) => {
    const lane = laneOf.get(w.key)!;
    const row = spec.window.type === 'hopping' ? Math.round(w.start / spec.window.advanceMs) % sub : 0;
    const session = spec.window.type === 'session';
    const end = session ? Math.max(w.end, w.start + 1_000) : w.end;
    const span = session ? `${clock(w.start)}–${clock(w.end)}` : `${clock(w.start)}–${clock(w.end)}`;
    return {
      key: w.key,
      x: x(w.start),
      width: Math.max(4, x(end) - x(w.start)),
      y: lane.y + row * bandH,
      height: bandH - 2,
      value: w.value,
      label: `${w.key} ${span}: ${w.value}`,
    };
  });
  const marks = seen.map((r) => {
    const lane = laneOf.get(r.key!)!;
    const word = r.outcome === 'dropped' ? 'late, dropped' : r.outcome === 'partly' ? 'late for one window' : 'counted';
    return {
      key: r.key!,
      x: x(r.eventTime),
      y: lane.y + lane.height - 12,
      outcome: r.outcome,
      label: `${r.key} at ${clock(r.eventTime)} (processed ${clock(r.processedAt)}): ${word}`,
    };
  });
  const lines: TimeLine[] = Object.entries(state.streamTime).flatMap(([task, t]) => [
    { x: x(t), label: `stream time ${clock(t)} (task ${task})`, kind: 'stream-time' as const },
    ...(spec.graceMs > 0
      ? [{ x: x(t - spec.graceMs), label: `closed before ${clock(t - spec.graceMs)}`, kind: 'close-time' as const }]
      : []),
  ]);
  const axisY = TOP + keys.length * LANE + 4;
  const step = t1 - t0 > 6 * 60_000 ? 60_000 : 30_000;
  const ticks = [];
  for (let t = t0; t <= t1; t += step)
    ticks.push({
      x: x(t),
      label: clock(t),
      anchor: t === t0 ? ('start' as const) : t + step > t1 ? ('end' as const) : ('middle' as const),
    });
  const dropped = seen.filter((r) => r.outcome === 'dropped').length;
  const partly = seen.filter((r) => r.outcome === 'partly').length;
  const st = Object.values(state.streamTime);
  const summary =
    `${seen.length} record${seen.length === 1 ? '' : 's'} on the event-time axis: ${seen.length - dropped} counted, ${dropped} dropped as late` +
    (partly ? ` (${partly} late for one of ${sub} windows)` : '') +
    `; ${results.length} window${results.length === 1 ? '' : 's'}: ${results.map((w) => `${w.key} ${clock(w.start)} = ${w.value}`).join(', ')}` +
    (st.length ? `; stream time ${clock(Math.max(...st))}, grace ${spec.graceMs / 1000} s.` : '.');
  return { width, height: axisY + 40, lanes, bands, marks, lines, ticks, axisY, summary };
}
