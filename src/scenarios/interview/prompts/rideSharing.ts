/** The ride-sharing prompt: its reference design (`ride-sharing.json`), grading key and questions. */
import type { ScenarioDef } from '../../schema';
import { withBrokerQuestion } from '../broker';
import { ORDER_PER_KEY_PARALLEL, REPLAY_WEEK } from '../../brokerChoice/exercise/reqLog';
import type { InterviewPrompt } from '../prompt';
import { rideSharingPicks, rideSharingQuestions } from './rideSharingQuestions';
import { charged, duplicateRun } from './rideSharingRuns';
import { rideSharingWhatIfs } from './rideSharingWhatIfs';
import { RUN_STUDY, STUDY } from '../study';
import doc from './ride-sharing.json';

const reference = doc as unknown as ScenarioDef;

export const rideSharing: InterviewPrompt = withBrokerQuestion({
  id: 'ride-sharing',
  version: 1,
  title: 'Ride-sharing',
  brief:
    'Design the events behind a ride-sharing app: a rider requests a ride, nearby drivers are offered it and one accepts, the trip is priced when it ends and the rider is charged.',
  reference,
  key: {
    race: { aggregate: 'Ride', command: 'AcceptRide', accepted: 'RideAccepted', actors: 'two drivers' },
    payment: { aggregate: 'Payment', command: 'ChargeFare', captured: 'PaymentCaptured', failed: 'PaymentFailed' },
    screens: [
      { app: 'rider app', screen: 'trip status', events: ['RideAccepted', 'PaymentFailed', 'PaymentCaptured'] },
      { app: 'driver app', screen: 'earnings', events: ['PaymentCaptured'] },
    ],
    runs: [
      {
        id: 'race',
        title: 'Two drivers accept ride 42 at the same instant',
        faults: [],
        outcome: {
          kind: 'exactly-once',
          eventType: 'RideAccepted',
          idField: 'rideId',
          entityId: '42',
          what: 'Driver assigned',
        },
        study: STUDY.race,
      },
      duplicateRun,
      {
        id: 'crash-payments',
        title: 'Payments crashes after charging, before committing its offsets',
        faults: [
          { kind: 'crash-consumer-before-commit', atStep: 11, groupId: 'payments', memberId: 'payments-1' },
          // payments-1 restarts after its crash and joins again, before the script's next payments poll.
          { kind: 'add-consumer', atStep: 13, groupId: 'payments', memberId: 'payments-1' },
        ],
        outcome: charged,
        study: RUN_STUDY.crash,
      },
      {
        id: 'declined',
        title: "Maya's card is declined",
        faults: [],
        outcome: {
          kind: 'told',
          projection: 'trip-status',
          row: '42',
          before: 9,
          after: 10,
          who: 'Maya',
          what: 'the declined charge',
        },
        study: STUDY['payment-failure'],
      },
    ],
  },
  requirements: [
    {
      id: 'one-driver',
      text: 'Can two drivers end up with the same ride?',
      relevant: true,
      why: 'The accept race is the heart of matching.',
    },
    {
      id: 'charge-once',
      text: 'Must a rider be charged exactly once per trip, even when messages are redelivered?',
      relevant: true,
      why: 'Kafka delivers at least once; the charge must happen once.',
    },
    {
      id: 'declines',
      text: 'What happens when a card is declined?',
      relevant: true,
      why: 'Payment failure is a normal path, not an exception.',
    },
    {
      id: 'screens',
      text: 'What do the rider and the driver see in their apps?',
      relevant: true,
      why: 'Each screen becomes a read model.',
    },
    {
      id: 'order',
      text: "Must one ride's events be processed in order?",
      relevant: true,
      why: 'It decides the partition key.',
    },
    {
      id: 'colours',
      text: "Which colours should the rider app's map use?",
      relevant: false,
      why: 'Visual design does not change the events.',
    },
    {
      id: 'language',
      text: 'Which programming language do the services use?',
      relevant: false,
      why: 'The event design does not depend on it.',
    },
    {
      id: 'ml',
      text: 'Which machine-learning model predicts demand?',
      relevant: false,
      why: 'Out of scope for the event flow asked about.',
    },
  ],
  questions: rideSharingQuestions,
  picks: rideSharingPicks,
  whatIfs: rideSharingWhatIfs,
  brokers: {
    because:
      'Every fact about a ride is published once; matching, pricing, payments and notifications each read it, and a consumer whose deploy had a bug must read a day again.',
    requirements: [ORDER_PER_KEY_PARALLEL, REPLAY_WEEK],
  },
});
