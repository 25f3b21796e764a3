/** The built-in step that teaches each rubric point (steps as in `#/s/<id>/<step>`: script index + 1). */
import type { DesignPointId, StudyLink } from './types';

/** The clarifying questions' point has none of its own: it opens the lesson of what a missed question decides (`clarify.ts`). */
export const STUDY: Record<DesignPointId, StudyLink> = {
  'past-tense': {
    scenarioId: 'designing-events',
    step: 1,
    title: 'Designing events: a command comes in, an event is stored',
  },
  keys: {
    scenarioId: 'partitions-keys-ordering',
    step: 16,
    title: 'Partitions and keys: the rating is processed before the ride',
  },
  idempotent: {
    scenarioId: 'delivery-guarantees',
    step: 9,
    title: 'Delivery guarantees: an idempotent consumer skips the redelivery',
  },
  // The point grades a raced command decided on one revision, appended with it as the expected revision, the loser
  // decided again on the new state and refused. Event sourcing step 5 teaches exactly that, outside any practice (the
  // ride-sharing race is step 5 of a practice, past its questions' gate): "both commands are decided on revision 3 …
  // the app's append still expects revision 3, finds the stream at 5, and is refused without writing anything. That
  // is optimistic concurrency … Decided again on the fresh state, the app's withdrawal is rejected".
  race: {
    scenarioId: 'event-sourcing',
    step: 5,
    title: 'Event sourcing: two withdrawals at once, the second append refused by its expected revision',
  },
  // The point grades a failure recorded as a fact and acted on (a retry or a compensation); a prompt names the
  // lesson for its own failure (`PaymentKey.study`, from `FAILURE_STUDY`). This is a declined card's.
  'payment-failure': {
    scenarioId: 'sagas',
    step: 9,
    title: 'Sagas: a declined charge is compensated, and charged again later',
  },
  'read-models': { scenarioId: 'cqrs-orders', step: 3, title: "CQRS: Ada's order page is empty" },
  broker: {
    scenarioId: 'pick-a-broker',
    step: 0,
    title: 'Pick the broker: every requirement’s verdict on each broker',
    page: 'pick-a-broker',
  },
  outbox: {
    scenarioId: 'designing-events',
    step: 5,
    title: 'Designing events: why not publish directly? The dual write',
  },
};

/**
 * The lesson of the payment-failure point for each kind of failure a prompt has; each step's narration teaches
 * what the point grades (a failure recorded, then retried once its cause is fixed, or compensated):
 * - a declined card (a ride's fare, an order's bill, a wallet's top-up): sagas step 9, "the orchestrator stores the
 *   move to compensated … and sends ScheduleChargeRetry to billing: the fare is still owed, so billing will try to
 *   charge it again later";
 * - a send that fails until its cause is fixed (an SMS to a number the provider cannot reach): delivery-guarantees
 *   step 17, the record that failed every attempt "to the dead-letter topic … with headers naming the original
 *   topic, partition, offset and attempt count … an operator can fix the address and republish the order".
 * `failureStudy.test.ts` checks each prompt's link against its step's narration.
 */
export const FAILURE_STUDY = {
  declinedCharge: STUDY['payment-failure'],
  failedSend: {
    scenarioId: 'delivery-guarantees',
    step: 17,
    title: 'Delivery guarantees: a send that keeps failing is set aside, fixed and sent again',
  },
} satisfies Record<string, StudyLink>;

export const RUN_STUDY = {
  duplicate: {
    scenarioId: 'delivery-guarantees',
    step: 7,
    title: 'Delivery guarantees: the redelivery charges Linus twice',
  },
  crash: {
    scenarioId: 'delivery-guarantees',
    step: 5,
    title: 'Delivery guarantees: process, then crash before the commit',
  },
  resend: {
    scenarioId: 'designing-events',
    step: 2,
    title: 'Designing events: a double-click is harmless (the client chose the id)',
  },
  // A failure told to the user: "notifier-1 polls payments, reads PaymentDeclined and publishes RiderNotified
  // (notifications-0 @0): Maya is asked to update her card" (sagas step 5).
  told: {
    scenarioId: 'sagas',
    step: 5,
    title: 'Sagas: a declined charge is a fact, and notifications tells Maya',
  },
  replay: {
    scenarioId: 'offsets-lag-retention-replay',
    step: 23,
    title: 'Offsets, lag and replay: a group reads the log again',
  },
} satisfies Record<string, StudyLink>;

/** The text with its first letter in upper case (a sentence that starts with a generated phrase). */
export const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Where a study link goes: a built-in's step (`#/s/<id>/<step>`) or a page of the app (`#/pick-a-broker`). */
export const studyHref = (s: Pick<StudyLink, 'scenarioId' | 'step' | 'page'>): string =>
  s.page ? `#/${s.page}` : `#/s/${encodeURIComponent(s.scenarioId)}/${s.step}`;
