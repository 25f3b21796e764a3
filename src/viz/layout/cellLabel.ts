/**
 * The event type written inside a record's box. Names are the heart of event design, so they are
 * never cut to "FareCalculat…" while they can be read: a name a little too long for its box is drawn
 * narrower (SVG textLength), and the boxes themselves grow with the longest name on screen.
 * Only a name far beyond any box is shortened; the full name is always the box's accessible name.
 */

/** Average glyph width of the 11 px label font, and the box's inner padding. */
export const LABEL_CHAR_W = 6.3;
export const LABEL_PADDING = 14;
/** Drawn at most this much narrower than its natural width (beyond, letters run together). */
export const MAX_SQUEEZE = 1.3;

export interface CellLabel {
  text: string;
  /** Width to fit the text into (SVG textLength), or null for its natural width. */
  fitTo: number | null;
}

export function cellLabel(name: string, cellW: number): CellLabel {
  const room = cellW - LABEL_PADDING;
  const natural = name.length * LABEL_CHAR_W;
  if (natural <= room) return { text: name, fitTo: null };
  if (natural <= room * MAX_SQUEEZE) return { text: name, fitTo: room };
  const chars = Math.max(2, Math.floor((room * MAX_SQUEEZE) / LABEL_CHAR_W));
  return { text: `${name.slice(0, chars - 1)}…`, fitTo: room };
}

/** The narrowest box (within bounds) in which every name reads whole, squeezed at most MAX_SQUEEZE. */
export function cellWidthFor(names: Iterable<string>, min: number, max: number): number {
  let longest = 0;
  for (const n of names) longest = Math.max(longest, n.length);
  return Math.max(min, Math.min(max, Math.ceil((longest * LABEL_CHAR_W) / MAX_SQUEEZE + LABEL_PADDING)));
}
