/** The shapes of the EventBridge profile: state, effects and requests. Plain immutable data. */
import type { EffectBase } from '../types';
import type { RngState } from '../sim/random';

/** An event as EventBridge sees it (the envelope that patterns match). */
export interface EbEvent {
  readonly version: '0';
  readonly id: string;
  readonly 'detail-type': string;
  readonly source: string;
  readonly account: string;
  readonly time: string;
  readonly region: string;
  readonly resources: readonly string[];
  readonly detail: unknown;
  /** Set on replayed events: the replay's name. */
  readonly 'replay-name'?: string;
}

export type EventPattern = { readonly [key: string]: unknown };

/** A target's input options (see `transform.ts`). */
export interface InputSpec {
  /** A constant JSON text sent instead of the event. */
  readonly input?: string;
  /** A JSONPath like `$.detail` or `$.detail.items[0]`. */
  readonly inputPath?: string;
  readonly inputTransformer?: {
    readonly inputPathsMap: Readonly<Record<string, string>>;
    readonly inputTemplate: string;
  };
}

export interface Target {
  readonly id: string;
  /** The endpoint invoked (a name standing for a Lambda function, queue, API destination, …). */
  readonly endpoint: string;
  readonly maxRetryAttempts: number;
  readonly maxEventAgeMs: number;
  /** Name of the SQS standard queue that receives what cannot be delivered, or null (dropped). */
  readonly deadLetterQueue: string | null;
  /** What the target receives instead of the whole event (Input, InputPath or InputTransformer). */
  readonly input: InputSpec | null;
}

export interface Rule {
  readonly name: string;
  readonly bus: string;
  readonly pattern: EventPattern;
  readonly targets: readonly Target[];
}

export interface Archive {
  readonly name: string;
  readonly bus: string;
  readonly pattern: EventPattern | null;
  /** null: kept indefinitely (the default). */
  readonly retentionMs: number | null;
  readonly events: readonly { readonly event: EbEvent; readonly at: number }[];
}

/** One event on its way to one target of one rule, waiting for its next attempt. */
export interface Pending {
  readonly event: EbEvent;
  readonly rule: string;
  readonly target: string;
  readonly putAt: number;
  readonly attempts: number;
  readonly nextAt: number;
}

/** What the DLQ (an SQS standard queue) holds: the event and the attributes EventBridge adds. */
export interface DeadLetter {
  readonly event: EbEvent;
  readonly attributes: {
    readonly RULE_ARN: string;
    readonly TARGET_ARN: string;
    readonly ERROR_CODE: string;
    readonly EXHAUSTED_RETRY_CONDITION?: 'MaximumRetryAttempts' | 'MaximumEventAgeInSeconds';
    readonly RETRY_ATTEMPTS: string;
  };
}

/** A target endpoint's health, set by the learner: ok, failing (retriable), or unreachable for good. */
export type Health = 'ok' | 'failing' | 'no-permissions' | 'no-resource';

export interface EbState {
  readonly buses: readonly string[];
  readonly rules: readonly Rule[];
  readonly archives: readonly Archive[];
  readonly pending: readonly Pending[];
  readonly deadLetterQueues: Readonly<Record<string, readonly DeadLetter[]>>;
  readonly health: Readonly<Record<string, Health>>;
  readonly quirks: { readonly duplicate: number; readonly shuffle: boolean } | null;
  readonly rng: RngState;
  readonly nextId: number;
  readonly now: number;
}

export type EbEffect =
  | (EffectBase & { kind: 'eventbridge-created'; what: 'bus' | 'rule' | 'targets' | 'archive'; name: string })
  | (EffectBase & { kind: 'eventbridge-put'; bus: string; eventId: string })
  | (EffectBase & { kind: 'eventbridge-unmatched'; bus: string; eventId: string })
  | (EffectBase & { kind: 'eventbridge-archived'; archive: string; eventId: string })
  | (EffectBase & {
      kind: 'eventbridge-delivered';
      rule: string;
      target: string;
      endpoint: string;
      eventId: string;
      attempt: number;
      duplicate: boolean;
      replayName: string | null;
      /** What the target received: the event, or its transformation. */
      input: unknown;
    })
  | (EffectBase & {
      kind: 'eventbridge-attempt-failed';
      rule: string;
      target: string;
      eventId: string;
      attempt: number;
      retryAt: number | null;
    })
  | (EffectBase & {
      kind: 'eventbridge-dead-lettered';
      rule: string;
      target: string;
      eventId: string;
      deadLetterQueue: string;
    })
  | (EffectBase & { kind: 'eventbridge-dropped'; rule: string; target: string; eventId: string })
  | (EffectBase & { kind: 'eventbridge-replayed'; replay: string; eventId: string })
  | (EffectBase & { kind: 'eventbridge-health'; endpoint: string; health: Health })
  | (EffectBase & { kind: 'eventbridge-rejected'; error: string });

export interface EbStep {
  state: EbState;
  effects: EbEffect[];
}
