/**
 * How long Play holds a step on screen: long enough for its stages to play and for its text to be
 * read. Pure (no DOM, no clock): the caller says whether motion is reduced and at what speed.
 */
import type { Effect, Narration } from '../engine/types';
import { planStages, stagesMs } from './stagePlan';

/**
 * Words per minute of a normal reading rate. Brysbaert's meta-analysis of 190 studies ("How many
 * words do we read per minute?", Journal of Memory and Language 109, 2019) puts adults' silent
 * reading of English non-fiction at about 238 wpm; text read on a screen next to a moving diagram
 * goes a little slower, so 230.
 */
export const READING_WPM = 230;

/**
 * The least a step holds at 1×, however short its text: time to read a short title and line, then
 * look from the text to the diagram and back.
 */
export const MIN_READING_MS = 2500;

/** Words as a reader counts them: runs of letters or digits ("order-1", "murmur2('x')" count once). */
export const wordCount = (text: string): number => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/** The time to read a text at a speed (2× halves it), never less than the floor scaled alike. */
export function readingMs(text: string, speed: number): number {
  const atOne = Math.max(MIN_READING_MS, (wordCount(text) / READING_WPM) * 60_000);
  return Math.round(atOne / Math.max(0.1, speed));
}

/**
 * A step's readable duration at a speed: the longer of the time its stages take to play and the
 * time to read its narration (title and text). The one pace Play uses between steps.
 */
export function readableStepMs(opts: {
  effects: readonly Effect[];
  narration: Pick<Narration, 'title' | 'text'>;
  speed: number;
  reducedMotion: boolean;
}): number {
  const stages = stagesMs(planStages(opts.effects), { speed: opts.speed, reducedMotion: opts.reducedMotion });
  return Math.max(stages, readingMs(`${opts.narration.title} ${opts.narration.text}`, opts.speed));
}
