/**
 * The words of a marketplace prompt that dispatches one entity to one of several workers (a ride to a
 * driver, an order to a courier): ride-sharing and food delivery ask the same questions of designs of the
 * same shape, and differ only in these names. `dispatchPrompt` builds the prompt from them.
 */
import type { ScenarioDef } from '../../schema';

export interface DispatchWords {
  id: string;
  /** The prompt's own version (`prompt.ts`): raised when a change alters the design an answer builds. */
  version: number;
  title: string;
  brief: string;
  reference: ScenarioDef;
  /** The entity raced for ("ride"): its topic is the plural ("rides"), its id field `<entity>Id`. */
  entity: string;
  /** Who races for it ("driver"): their id field is `<role>Id`, their apps' ids `<role>-7`. */
  role: string;
  /** Who pays ("rider"). */
  customer: string;
  /** What the customer is charged for, once ("trip") and in the plural ("trips"). */
  trip: string;
  trips: string;
  /** The entity's aggregate, the accept command, the event it records and the state it leaves. */
  aggregate: string;
  accept: string;
  accepted: string;
  acceptedState: string;
  /** What the later of two accepts does to the first when both are accepted ("overwrites"). */
  lastWins: string;
  /** The service that races the workers ("matching"). */
  matching: string;
  /** The Payment aggregate's charge command and the event it charges on, with the amount's word and field. */
  charge: string;
  priced: string;
  amount: string;
  amountField: string;
  /** The customer's screen ("trip status") and its projection ("trip-status"). */
  screen: string;
  projection: string;
  /** The event the notifications service records when it tells the customer ("RiderNotified"). */
  notified: string;
  /** What the entity's key keeps in sequence, in the New Year's Eve answer ("each ride in order"). */
  keptInOrder: string;
  /** Why the design needs its broker, in one sentence of the prompt's own story. */
  brokersBecause: string;
}
