/** What a design comparison says: its points, and how it lists things in words. */
export type ComparisonTopic = 'events' | 'keys' | 'consumers' | 'race';
export type ComparisonStatus = 'match' | 'partial' | 'missing' | 'different';

export interface ComparisonPoint {
  /** Stable id, e.g. `event:RideAccepted`, `key:rides`, `consumer:matching`, `race:decision`. */
  id: string;
  topic: ComparisonTopic;
  /** What is compared, in a few words. */
  title: string;
  status: ComparisonStatus;
  /** What the reference does. */
  reference: string;
  /** What the learner's design does. */
  yours: string;
  /** One sentence: why it matters. */
  why: string;
}

/** `a`, `a and b`, `a, b and c`; beyond `max`, the rest counted. */
export const list = (xs: readonly string[], max = 6): string => {
  const shown = xs.length > max ? [...xs.slice(0, max), `${xs.length - max} more`] : [...xs];
  return shown.length <= 1 ? (shown[0] ?? '') : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
};
