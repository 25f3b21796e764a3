/** The built-in step that teaches each rubric point (steps as in `#/s/<id>/<step>`: script index + 1). */
import type { RubricPointId, StudyLink } from './types';

export const STUDY: Record<RubricPointId, StudyLink> = {
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
  race: { scenarioId: 'ride-sharing', step: 5, title: 'Ride-sharing: two drivers accept at the same instant' },
  'payment-failure': { scenarioId: 'ride-sharing', step: 14, title: 'Ride-sharing: the first charge fails' },
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
