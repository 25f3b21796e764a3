/** The interview's stages, their time budgets for each length, and clock formatting. */
import type { StageId } from '../../scenarios/interview/prompt';

export type Length = 20 | 45;

export const STAGES: readonly { id: StageId; title: string }[] = [
  { id: 'clarify', title: 'Clarify the requirements' },
  { id: 'events', title: 'Name the events' },
  { id: 'topics', title: 'Topics, keys and publishing' },
  { id: 'consumers', title: 'Consumers and read models' },
  { id: 'what-ifs', title: 'What if…' },
];

/** Minutes per stage; each length adds up to itself. */
export const BUDGET: Record<Length, Record<StageId, number>> = {
  20: { clarify: 2, events: 4, topics: 4, consumers: 5, 'what-ifs': 5 },
  45: { clarify: 5, events: 8, topics: 8, consumers: 12, 'what-ifs': 12 },
};

/** How many what-ifs the interviewer asks. */
export const WHAT_IFS: Record<Length, number> = { 20: 2, 45: 3 };

/** ms as m:ss ("4:05"); negative values are shown as 0:00. */
export function clock(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** ms as words for a screen reader and the scorecard ("4 min 5 s"). */
export function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const m = Math.floor(s / 60);
  return m > 0 ? `${m} min ${s % 60} s` : `${s} s`;
}
