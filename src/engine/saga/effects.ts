/**
 * What a saga's orchestrator did, as data; each says why in `reason`. `SagaEffect` joins `types.ts`'s
 * `Effect` union, so this file imports only `effectBase.ts` (a type cycle otherwise).
 */
import type { EffectBase } from '../effectBase';

export type SagaEffect = EffectBase &
  (
    | { kind: 'saga-started'; saga: string; instance: string; state: string }
    /** The orchestrator moved on: because of a participant's reply (`cause` is its event type) or a timeout. */
    | { kind: 'saga-transitioned'; saga: string; instance: string; from: string; to: string; cause: string }
    | { kind: 'saga-command-sent'; saga: string; instance: string; command: string; to: string }
    | { kind: 'saga-timed-out'; saga: string; instance: string; state: string; afterMs: number }
    /** The orchestrator's own record: its state as an event in the saga's stream (what a restart reads). */
    | { kind: 'saga-event-stored'; saga: string; instance: string; eventType: string; version: number }
    | { kind: 'saga-ended'; saga: string; instance: string; outcome: 'completed' | 'compensated' }
    | { kind: 'saga-event-ignored'; saga: string; instance: string; eventType: string; state: string | null }
    | { kind: 'saga-crashed'; saga: string; running: number }
    | { kind: 'saga-resumed'; saga: string; instance: string; state: string; eventsRead: number }
  );
