/** The food-delivery prompt: its reference design (`food-delivery.json`), grading key and questions. */
import type { ScenarioDef } from '../../schema';
import { withBrokerQuestion } from '../broker';
import { ORDER_PER_KEY_PARALLEL, REPLAY_WEEK } from '../../brokerChoice/exercise/reqLog';
import type { InterviewPrompt } from '../prompt';
import { foodDeliveryPicks, foodDeliveryQuestions } from './foodDeliveryQuestions';
import { charged, duplicateRun } from './foodDeliveryRuns';
import { foodDeliveryWhatIfs } from './foodDeliveryWhatIfs';
import { RUN_STUDY, STUDY } from '../study';
import doc from './food-delivery.json';

const reference = doc as unknown as ScenarioDef;

export const foodDelivery: InterviewPrompt = withBrokerQuestion({
  id: 'food-delivery',
  version: 1,
  title: 'Food delivery',
  brief:
    'Design the events behind a food-delivery app: a customer orders from a restaurant, nearby couriers are offered the delivery and one accepts, the order is billed once delivered and the customer is charged.',
  reference,
  key: {
    race: { aggregate: 'Order', command: 'AcceptDelivery', accepted: 'CourierAssigned', actors: 'two couriers' },
    payment: { aggregate: 'Payment', command: 'ChargeOrder', captured: 'PaymentCaptured', failed: 'PaymentFailed' },
    screens: [
      {
        app: 'customer app',
        screen: 'order tracking',
        events: ['CourierAssigned', 'PaymentFailed', 'PaymentCaptured'],
      },
      { app: 'courier app', screen: 'earnings', events: ['PaymentCaptured'] },
    ],
    runs: [
      {
        id: 'race',
        title: 'Two couriers accept order 42 at the same instant',
        faults: [],
        outcome: {
          kind: 'exactly-once',
          eventType: 'CourierAssigned',
          idField: 'orderId',
          entityId: '42',
          what: 'Courier assigned',
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
          projection: 'order-tracking',
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
      id: 'one-courier',
      text: 'Can two couriers end up with the same order?',
      relevant: true,
      why: 'The accept race is the heart of dispatch.',
    },
    {
      id: 'charge-once',
      text: 'Must a customer be charged exactly once per delivery, even when messages are redelivered?',
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
      text: 'What do the customer and the courier see in their apps?',
      relevant: true,
      why: 'Each screen becomes a read model.',
    },
    {
      id: 'order',
      text: "Must one order's events be processed in order?",
      relevant: true,
      why: 'It decides the partition key.',
    },
    {
      id: 'colours',
      text: "Which colours should the customer app's map use?",
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
  questions: foodDeliveryQuestions,
  picks: foodDeliveryPicks,
  whatIfs: foodDeliveryWhatIfs,
  brokers: {
    because:
      'Every fact about an order is published once; dispatch, billing, payments and notifications each read it, and a consumer whose deploy had a bug must read a day again.',
    requirements: [ORDER_PER_KEY_PARALLEL, REPLAY_WEEK],
  },
});
