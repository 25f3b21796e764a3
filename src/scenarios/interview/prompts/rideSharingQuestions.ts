/** The ride-sharing prompt's stage questions: each wrong choice is a real change to the reference design. */
import type { PickQuestion, Question } from '../prompt';

export const rideSharingQuestions: Question[] = [
  {
    id: 'name-accepted',
    stage: 'events',
    prompt: 'Name the event recorded when a driver takes the ride.',
    ownName: { event: 'RideAccepted' },
    choices: [
      {
        id: 'ride-accepted',
        text: 'RideAccepted',
        correct: true,
        why: 'A past-tense fact: it happened and cannot be refused.',
      },
      {
        id: 'accept-ride',
        text: 'AcceptRide',
        correct: false,
        why: 'That is the command (a request that can be refused), not the fact.',
        patches: [{ op: 'rename-event', from: 'RideAccepted', to: 'AcceptRide' }],
      },
      {
        id: 'ride-updated',
        text: 'RideUpdated',
        correct: false,
        why: 'A generic change hides what happened: every reader has to diff rows.',
        patches: [{ op: 'rename-event', from: 'RideAccepted', to: 'RideUpdated' }],
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
    id: 'rides-key',
    stage: 'topics',
    prompt: 'The rides topic (3 partitions) carries every ride and payment event. How are its records keyed?',
    choices: [
      {
        id: 'ride-id',
        text: 'By ride id',
        correct: true,
        why: "One ride's events go to one partition and stay in order.",
      },
      {
        id: 'no-key',
        text: 'No key: spread them round the partitions for balance',
        correct: false,
        why: "One ride's events land on different partitions and can be read out of order.",
        patches: [{ op: 'unkey-topic', topic: 'rides' }],
      },
    ],
  },
  {
    id: 'locations-key',
    stage: 'topics',
    prompt: 'The compacted driver-locations topic carries positions. How are they keyed?',
    choices: [
      {
        id: 'driver-id',
        text: 'By driver id',
        correct: true,
        why: 'Compaction keeps the latest record per key: the latest position of each driver.',
      },
      {
        id: 'no-key',
        text: 'No key',
        correct: false,
        why: "Kafka cannot compact records without a key, so the topic must keep every position by age instead of the latest per driver, and one driver's positions can be read out of order.",
        patches: [{ op: 'unkey-topic', topic: 'driver-locations' }],
      },
    ],
  },
  {
    id: 'publishing',
    stage: 'topics',
    prompt: 'How does PaymentCaptured reach the rides topic?',
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
              eventType: 'FareCalculated',
              do: [
                {
                  publish: {
                    topic: 'rides',
                    eventType: 'PaymentCaptured',
                    streamId: { concat: ['payment-', { ref: 'data.rideId' }] },
                    key: { ref: 'data.rideId' },
                    data: {
                      rideId: { ref: 'data.rideId' },
                      driverId: { ref: 'data.driverId' },
                      amount: { ref: 'data.fare' },
                      paymentMethod: { ref: 'data.paymentMethod' },
                      attempt: 1,
                      driverShare: { mul: [{ ref: 'data.fare' }, 0.75] },
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
    prompt: 'driver-7 and driver-3 tap Accept at the same instant. What decides who gets the ride?',
    choices: [
      {
        id: 'revision',
        text: 'The Ride aggregate: both are decided on the same revision, the second append is refused and decided again on "accepted"',
        correct: true,
        why: 'The expected revision makes exactly one win, without a lock.',
      },
      {
        id: 'last-wins',
        text: 'Accept both; the later acceptance overwrites the driver',
        correct: false,
        why: 'Both drivers are told they have the ride.',
        patches: [{ op: 'allow-repeat', aggregate: 'Ride', command: 'AcceptRide' }],
      },
    ],
  },
  {
    id: 'payments-consumer',
    stage: 'consumers',
    prompt: 'Payments charges on FareCalculated. What does it do with an event delivered a second time?',
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
        why: 'A redelivery charges the rider again.',
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
        text: 'Record PaymentFailed, show it to the rider, charge again when the card is replaced',
        correct: true,
        why: 'The failure is a fact; the retry is driven by the next fact.',
      },
      {
        id: 'log',
        text: 'Log the decline and move on',
        correct: false,
        why: 'The fare is never collected and the rider is never told.',
        patches: [
          { op: 'refuse-in', aggregate: 'Payment', command: 'ChargeFare', state: 'failed' },
          { op: 'drop-handler', projection: 'trip-status', eventType: 'PaymentFailed' },
        ],
      },
    ],
  },
];

export const rideSharingPicks: PickQuestion[] = [
  {
    id: 'read-models',
    stage: 'consumers',
    prompt: 'Which read models do the apps read?',
    choices: [
      {
        id: 'trip-status',
        text: 'Trip status (rider app): one row per ride with its driver and payment',
        correct: true,
        why: "The rider's screen reads one row.",
        ifLeftOut: [{ op: 'remove-projection', projection: 'trip-status' }],
      },
      {
        id: 'driver-earnings',
        text: "Driver earnings (driver app): paid trips and the driver's share",
        correct: true,
        why: "The driver's screen reads one row.",
        ifLeftOut: [{ op: 'remove-projection', projection: 'driver-earnings' }],
      },
      {
        id: 'read-stream',
        text: "No read model: the apps replay the ride's event stream on every screen",
        correct: false,
        why: 'Every screen would fold events itself, and the driver app would need every ride to sum earnings.',
      },
    ],
  },
];
