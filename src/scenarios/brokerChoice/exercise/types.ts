/**
 * The "pick the broker" exercise as data: requirement sets (a short brief of a system and what it needs),
 * and for every requirement a cited verdict on each of the seven profiles. Grades are derived from the
 * verdicts (`grade.ts`), never written by hand, so a set's best fit is whatever the reasons say.
 */
import type { ProfileId } from '../types';

/** How a broker does on one requirement: by itself, with a named cost, or not at all. */
export type Fit = 'meets' | 'cost' | 'fails';

export interface Verdict {
  readonly fit: Fit;
  /** The deciding reason, in the broker's documented behaviour. A `cost` says what the cost is; a `fails` what breaks. */
  readonly why: string;
  /** Where the reason comes from: a documentation page (URL) or the profile's README. */
  readonly source: string;
}

/**
 * Which part of the order story exercises a requirement, so "what goes wrong" can show it from the runs:
 * the replay step, per-key order, the poison message, the crash before the acknowledgement, fan-out.
 * `null`: no step of the story exercises it (priorities, request-reply…), and the page says so.
 */
export type Aspect = 'replay' | 'order' | 'poison' | 'crash' | 'fanOut';

export interface Requirement {
  readonly id: string;
  /** A short name for lists and the score: "Priorities". */
  readonly label: string;
  /** The requirement as a learner reads it in the brief. */
  readonly text: string;
  readonly aspect: Aspect | null;
  /** What the story's runs can and cannot show about this requirement, where the generic note would mislead. */
  readonly storyNote?: string;
  readonly verdicts: Readonly<Record<ProfileId, Verdict>>;
}

export interface RequirementSet {
  readonly id: string;
  readonly title: string;
  /** A short, realistic brief of the system. */
  readonly brief: string;
  readonly requirements: readonly Requirement[];
}
