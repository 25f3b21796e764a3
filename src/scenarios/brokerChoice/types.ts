/** What one profile's run of the story produces: per step, the broker's own effects and what each service handled. */
import type { BeatId } from './story';

export type ProfileId = 'kafka' | 'rabbitmq' | 'sqs' | 'sqs-fifo' | 'nats' | 'pubsub' | 'eventbridge';

/** One effect as the profile reported it: its kind and its reason, in the broker's own words. */
export interface StepEffect {
  readonly kind: string;
  readonly reason: string;
}

/** One message a service handled (or failed on) in a step. */
export interface Delivery {
  readonly service: string;
  readonly eventId: string;
  readonly label: string;
  readonly outcome: 'processed' | 'failed' | 'crashed';
  /** The broker's own words for this delivery: "orders-2@4", "delivery tag 3, redelivered", "receive count 2". */
  readonly detail: string;
}

/** The poison message leaving the service's hands: where it went, in the broker's words. */
export interface GaveUp {
  readonly service: string;
  readonly eventId: string;
  /** Where the broker put it (a dead-letter topic or queue), or null when nothing kept it for later. */
  readonly deadLetter: string | null;
  readonly reason: string;
}

export interface StepRecord {
  readonly beat: BeatId;
  readonly effects: readonly StepEffect[];
  readonly deliveries: readonly Delivery[];
  readonly gaveUp: readonly GaveUp[];
  /**
   * The broker's own state after the step and its effects as it emitted them, for the column's diagram
   * (read by `ProfileRun.profile`).
   */
  readonly broker?: { readonly state: unknown; readonly effects: readonly unknown[] };
}

/** What the adapter read back from the broker's configuration at the end of the run (for the table). */
export interface ProfileFacts {
  readonly fanOut: string;
  readonly retention: string;
  /** How the new service asked for last week's events. */
  readonly replayHow: string;
}

export interface ProfileRun {
  readonly profile: ProfileId;
  readonly name: string;
  /** The version or documentation date the profile models (from its README). */
  readonly version: string;
  readonly steps: readonly StepRecord[];
  readonly facts: ProfileFacts;
}
