/** The food-delivery prompt's stage questions: each wrong choice is a real change to the reference design. */
import type { PickQuestion, Question } from '../prompt';

export const foodDeliveryQuestions: Question[] = [
  {
    id: 'name-accepted',
    stage: 'events',
    prompt: 'Name the event recorded when a courier takes the order.',
    ownName: { event: 'CourierAssigned' },
    choices: [
      {
        id: 'order-accepted',
        text: 'CourierAssigned',
        correct: true,
        why: 'A past-tense fact: it happened and cannot be refused.',
      },
      {
        id: 'accept-order',
        text: 'AcceptDelivery',
        correct: false,
        why: 'That is the command (a request that can be refused), not the fact.',
        patches: [{ op: 'rename-event', from: 'CourierAssigned', to: 'AcceptDelivery' }],
      },
      {
        id: 'order-updated',
        text: 'OrderUpdated',
        correct: false,
        why: 'A generic change hides what happened: every reader has to diff rows.',
        patches: [{ op: 'rename-event', from: 'CourierAssigned', to: 'OrderUpdated' }],
      },
    ],
  },
  {
    id: 'name-captured',
    stage: 'events',
    prompt: 'Name the event recorded when the charge goes through.',
    ownName: { event: 'PaymentCaptured' },
    choices: [
      { id: 'payment-captured', text: 'PaymentCaptured', correct: true, why: 'A fact in the past tense.' },
      {
        id: 'payment-succeeds',
        text: 'PaymentSucceeds',
        correct: false,
        why: 'Present tense: an event records what already happened.',
        patches: [{ op: 'rename-event', from: 'PaymentCaptured', to: 'PaymentSucceeds' }],
      },
      {
        id: 'charge-card',
        text: 'ChargeCard',
        correct: false,
        why: 'An instruction, not a fact.',
        patches: [{ op: 'rename-event', from: 'PaymentCaptured', to: 'ChargeCard' }],
      },
    ],
  },
  {
    id: 'name-failed',
    stage: 'events',
    prompt: 'Name the event recorded when the card is declined.',
    ownName: { event: 'PaymentFailed' },
    choices: [
      {
        id: 'payment-failed',
        text: 'PaymentFailed',
        correct: true,
        why: 'A failure is a fact worth publishing like any other.',
      },
      {
        id: 'payment-fails',
        text: 'PaymentFails',
        correct: false,
        why: 'Present tense: name what happened.',
        patches: [{ op: 'rename-event', from: 'PaymentFailed', to: 'PaymentFails' }],
      },
      {
        id: 'retry-payment',
        text: 'RetryPayment',
        correct: false,
        why: 'An instruction to someone, not the fact that the card was declined.',
        patches: [{ op: 'rename-event', from: 'PaymentFailed', to: 'RetryPayment' }],
      },
    ],
  },
  {
    id: 'orders-key',
    stage: 'topics',
    prompt: 'The orders topic (3 partitions) carries every order and payment event. How are its records keyed?',
    choices: [
      {
        id: 'order-id',
        text: 'By order id',
        correct: true,
        why: "One order's events go to one partition and stay in order.",
      },
      {
        id: 'no-key',
        text: 'No key: spread them round the partitions for balance',
        correct: false,
        why: "One order's events land on different partitions and can be read out of order.",
        patches: [{ op: 'unkey-topic', topic: 'orders' }],
      },
    ],
  },
  {
    id: 'locations-key',
    stage: 'topics',
    prompt: 'The compacted courier-locations topic carries positions. How are they keyed?',
    choices: [
      {
        id: 'courier-id',
        text: 'By courier id',
        correct: true,
        why: 'Compaction keeps the latest record per key: the latest position of each courier.',
      },
      {
        id: 'no-key',
        text: 'No key',
        correct: false,
        why: "Kafka cannot compact records without a key, so the topic must keep every position by age instead of the latest per courier, and one courier's positions can be read out of order.",
        patches: [{ op: 'unkey-topic', topic: 'courier-locations' }],
      },
    ],
  },
  {
    id: 'publishing',
    stage: 'topics',
    prompt: 'How does PaymentCaptured reach the orders topic?',
    choices: [
      {
        id: 'outbox',
        text: 'The Payment aggregate stores it; the outbox relay publishes what was stored',
        correct: true,
        why: 'Stored and published are one decision: nothing is published that the store refused.',
      },
      {
        id: 'dual-write',
        text: 'The payments service stores the charge and also publishes PaymentCaptured itself',
        correct: false,
        why: 'Two writes without a transaction: the service can publish a capture the store never recorded.',
        patches: [
          {
            op: 'dual-write',
            service: 'payments',
            eventType: 'PaymentCaptured',
            reaction: {
              eventType: 'BillCalculated',
              do: [
                {
                  publish: {
                    topic: 'orders',
                    eventType: 'PaymentCaptured',
                    streamId: { concat: ['payment-', { ref: 'data.orderId' }] },
                    key: { ref: 'data.orderId' },
                    data: {
                      orderId: { ref: 'data.orderId' },
                      courierId: { ref: 'data.courierId' },
                      amount: { ref: 'data.total' },
                      paymentMethod: { ref: 'data.paymentMethod' },
                      attempt: 1,
                      courierShare: { mul: [{ ref: 'data.total' }, 0.75] },
                    },
                  },
                },
              ],
            },
          },
        ],
      },
    ],
  },
  {
    id: 'race',
    stage: 'consumers',
    prompt: 'courier-7 and courier-3 tap Accept at the same instant. What decides who gets the order?',
    choices: [
      {
        id: 'revision',
        text: 'The Order aggregate: both are decided on the same revision, the second append is refused and decided again on "assigned"',
        correct: true,
        why: 'The expected revision makes exactly one win, without a lock.',
      },
      {
        id: 'last-wins',
        text: 'Accept both; the later acceptance replaces the courier',
        correct: false,
        why: 'Both couriers are told they have the order.',
        patches: [{ op: 'allow-repeat', aggregate: 'Order', command: 'AcceptDelivery' }],
      },
    ],
  },
  {
    id: 'payments-consumer',
    stage: 'consumers',
    prompt: 'Payments charges on BillCalculated. What does it do with an event delivered a second time?',
    choices: [
      {
        id: 'dedupe',
        text: 'Skips it: the group deduplicates by event id, and the Payment aggregate refuses a second capture',
        correct: true,
        why: 'At-least-once delivery then charges once.',
      },
      {
        id: 'charge',
        text: 'Charges it: every delivery is a new charge',
        correct: false,
        why: 'A redelivery charges the customer again.',
        patches: [{ op: 'not-idempotent', group: 'payments' }],
      },
    ],
  },
  {
    id: 'declines',
    stage: 'consumers',
    prompt: 'The card is declined. What does the design do?',
    choices: [
      {
        id: 'retry',
        text: 'Record PaymentFailed, show it to the customer, charge again when the card is replaced',
        correct: true,
        why: 'The failure is a fact; the retry is driven by the next fact.',
      },
      {
        id: 'log',
        text: 'Log the decline and move on',
        correct: false,
        why: 'The bill is never collected and the customer is never told.',
        patches: [
          { op: 'refuse-in', aggregate: 'Payment', command: 'ChargeOrder', state: 'failed' },
          { op: 'drop-handler', projection: 'order-tracking', eventType: 'PaymentFailed' },
        ],
      },
    ],
  },
];

export const foodDeliveryPicks: PickQuestion[] = [
  {
    id: 'read-models',
    stage: 'consumers',
    prompt: 'Which read models do the apps read?',
    choices: [
      {
        id: 'order-tracking',
        text: 'Order tracking (customer app): one row per order with its courier and payment',
        correct: true,
        why: "The customer's screen reads one row.",
        ifLeftOut: [{ op: 'remove-projection', projection: 'order-tracking' }],
      },
      {
        id: 'courier-earnings',
        text: "Courier earnings (courier app): paid deliveries and the courier's share",
        correct: true,
        why: "The courier's screen reads one row.",
        ifLeftOut: [{ op: 'remove-projection', projection: 'courier-earnings' }],
      },
      {
        id: 'read-stream',
        text: "No read model: the apps replay the order's event stream on every screen",
        correct: false,
        why: 'Every screen would fold events itself, and the courier app would need every order to sum earnings.',
      },
    ],
  },
];
