/**
 * What a design is graded against (a prompt's grading key) and what grading returns: rubric points
 * read from the document, and outcomes read from runs of it under faults.
 */
import type { LearnerInput } from '../../engine/types';
import type { ScenarioDef, StepDef } from '../schema';

export type RubricPointId =
  'clarify' | 'past-tense' | 'keys' | 'idempotent' | 'race' | 'payment-failure' | 'read-models' | 'outbox' | 'broker';

/** A point read from the design (every one but the clarifying questions', which is read from the answers). */
export type DesignPointId = Exclude<RubricPointId, 'clarify'>;

/** A built-in scenario and step that teaches a point (`#/s/<scenarioId>/<step>`). */
export interface StudyLink {
  scenarioId: string;
  step: number;
  title: string;
  /** A page of the app that teaches it instead (`#/<page>`; `scenarioId` and `step` then name that page). */
  page?: 'compare-brokers' | 'pick-a-broker';
}

export interface RubricResult {
  id: RubricPointId;
  title: string;
  pass: boolean;
  /** One sentence naming what in the design caused the result. */
  feedback: string;
  study: StudyLink;
}

/** Where the prompt has a race: two actors send the same command to one aggregate at once. */
export interface RaceKey {
  aggregate: string;
  command: string;
  /** The event that records the winner (e.g. RideAccepted). */
  accepted: string;
  /** Who races, in words ("two drivers"). */
  actors: string;
}

/** The side effect that costs money (or is sent once) and its failure. */
export interface PaymentKey {
  aggregate: string;
  command: string;
  captured: string;
  failed: string;
  /** The point's words in the prompt's story (a charge, a top-up, an SMS); a ride's fare when absent. */
  words?: PaymentWords;
  /** The lesson step that teaches handling this failure (`study.ts` FAILURE_STUDY: a declined card, a failed send). */
  study: StudyLink;
}

/** How the payment-failure point speaks of the prompt's charge, so every sentence is true of its design. */
export interface PaymentWords {
  /** The point's title ("Payment failure is handled"). */
  title: string;
  /** What a sender does again after the cause is fixed ("charge again"). */
  retry: string;
  /** The failure ("a declined charge"). */
  failure: string;
  /** What is lost when nothing follows it ("the fare is never paid"). */
  lost: string;
}

/** A screen of an app the prompt names, and the events its read model must show. */
export interface ScreenKey {
  app: string;
  screen: string;
  events: string[];
}

export type Outcome =
  /** Exactly one distinct event of `eventType` about `entityId` (its `idField`) at the end of the run. */
  | { kind: 'exactly-once'; eventType: string; idField: string; entityId: string; what: string }
  /** The read model row changes between the end of step `before` and the end of step `after` (the user was told). */
  | { kind: 'told'; projection: string; row: string; before: number; after: number; who: string; what: string };

/** A further outcome a run may check besides its `outcome` (`RunSpec.also`). */
export type AlsoOutcome =
  /** The read model row's `field` names the one `eventType` about `entityId` stored (the user told who won). */
  | {
      kind: 'names-winner';
      eventType: string;
      idField: string;
      entityId: string;
      field: string;
      projection: string;
      row: string;
      who: string;
    }
  /** The run's last step rebuilds the projection from the store: the row is the same after it as before it. */
  | { kind: 'rebuilt-same'; projection: string; row: string }
  /** At the end of the run the read model row's `field` shows `value` (what the user's screen says). */
  | { kind: 'row-shows'; projection: string; row: string; field: string; value: string; who: string };

export interface RunSpec {
  id: string;
  title: string;
  /** The faults injected (learner inputs of the failure lab, in step order), or none: the design's own script (a race, a decline). */
  faults: LearnerInput[];
  outcome: Outcome;
  /** Further outcomes that must hold too (each adds its sentence). */
  also?: AlsoOutcome[];
  /**
   * Script steps the run adds after the design's script step `after` (0-based): what the failure lab's inputs
   * cannot do, such as a phone's late retry of a command or a read model rebuilt at the end.
   */
  insert?: { after: number; steps: StepDef[] };
  study: StudyLink;
}

/** A prompt's grading key, in the names of its reference design (renamed with the learner's names by `resolveKey`). */
export interface GradingKey {
  race?: RaceKey;
  payment?: PaymentKey;
  screens: ScreenKey[];
  runs: RunSpec[];
}

export interface RunResult {
  id: string;
  title: string;
  pass: boolean;
  feedback: string;
  /** The failing run as inputs on the design's script, and the step to open it at. */
  inputs: LearnerInput[];
  openAt: number;
  /** The design the run played, when it adds steps to the learner's (`RunSpec.insert`): the one to open. */
  played?: ScenarioDef;
  study: StudyLink;
}

export interface Grade {
  rubric: RubricResult[];
  runs: RunResult[];
}
