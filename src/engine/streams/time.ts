/** Event times in the words a learner reads: a UTC clock time ("12:00:45"), pure (no clock is read). */
export function clock(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

/** A window [start, end) as clock times. */
export const span = (w: { start: number; end: number }, endInclusive = false): string =>
  `[${clock(w.start)}, ${clock(w.end)}${endInclusive ? ']' : ')'}`;
