/** What switching a built-in (Kafka-shaped) scenario onto another broker profile produces. */

export type TargetProfile = 'rabbitmq' | 'nats' | 'sqs' | 'pubsub' | 'eventbridge';

/** A concept of the original with no counterpart (or a different one) on the target, said precisely. */
export interface Note {
  /** The Kafka concept ("consumer groups", "offsets"). */
  readonly concept: string;
  readonly text: string;
}

/** A step the translation could not carry over, and why (never dropped silently). */
export interface Untranslated {
  /** The original step's number (1-based, as the player counts them). */
  readonly step: number;
  readonly title: string;
  readonly why: string;
}

/** One message a consumer handled in a step of the switched run. */
export interface SwitchedDelivery {
  /** The consumer group (or queue) it was for, and the member or consumer that took it. */
  readonly group: string;
  readonly member: string;
  /** The message body: the event's type and key ("OrderPlaced order-1"). */
  readonly body: string;
  readonly outcome: 'processed' | 'crashed before processing' | 'lost (acknowledged before processing)' | 'held';
  /** The broker's own words: "delivery tag 3, redelivered", "seq 4, delivery 2", "receive count 2". */
  readonly detail: string;
}

/** One step of the switched run: the profile's state after it and what it did. */
export interface Frame {
  /** The original step number (0 = the topology being set up). */
  readonly step: number;
  /** The Kafka original's title, shown as "On Kafka: …" (it may name partitions or rebalances). */
  readonly title: string;
  /** The step's heading on the target, told from its own deliveries and effects (`heading.ts`). */
  readonly heading: string;
  /**
   * How the outcome differs from the Kafka original's step, one sentence each (`compare.ts`); empty when it
   * means the same. A step carries over only when it was translated and this is empty.
   */
  readonly differences: readonly string[];
  /** What the step became on the target, in its terms; null when it could not be translated. */
  readonly translated: string | null;
  /** Why not, when `translated` is null. */
  readonly why: string | null;
  readonly state: unknown;
  /** The profile's effects as it emitted them (each has a kind and a reason). */
  readonly effects: readonly { readonly kind: string; readonly reason: string }[];
  readonly deliveries: readonly SwitchedDelivery[];
}

export interface SwitchResult {
  readonly scenarioId: string;
  readonly profile: TargetProfile;
  /** The profile's name and the version or documentation date it models. */
  readonly profileName: string;
  /** Whether switching makes sense for this scenario; when not, `verdict` says why and there are no frames. */
  readonly meaningful: boolean;
  readonly verdict: string;
  /** How the topology was mapped, one line per part ("topic orders → fanout exchange orders"). */
  readonly mapping: readonly string[];
  readonly notes: readonly Note[];
  readonly untranslated: readonly Untranslated[];
  readonly frames: readonly Frame[];
}
