/** A dispatch prompt's stage questions and picks: each wrong choice is a real change to the reference design. */
import type { PickQuestion, Question } from '../prompt';
import { capitalize } from '../study';
import type { DispatchWords } from './dispatchWords';
import { nameQuestion } from './nameQuestion';

function eventQuestions(w: DispatchWords): Question[] {
  return [
    nameQuestion({
      id: 'name-accepted',
      prompt: `Name the event recorded when a ${w.role} takes the ${w.entity}.`,
      event: w.accepted,
      right: { id: `${w.entity}-accepted`, why: 'A past-tense fact: it happened and cannot be refused.' },
      wrong: [
        {
          id: `accept-${w.entity}`,
          text: w.accept,
          why: 'That is the command (a request that can be refused), not the fact.',
        },
        {
          id: `${w.entity}-updated`,
          text: `${w.aggregate}Updated`,
          why: 'A generic change hides what happened: every reader has to diff rows.',
        },
      ],
    }),
    nameQuestion({
      id: 'name-captured',
      prompt: 'Name the event recorded when the charge goes through.',
      event: 'PaymentCaptured',
      right: { id: 'payment-captured', why: 'A fact in the past tense.' },
      wrong: [
        {
          id: 'payment-succeeds',
          text: 'PaymentSucceeds',
          why: 'Present tense: an event records what already happened.',
        },
        { id: 'charge-card', text: 'ChargeCard', why: 'An instruction, not a fact.' },
      ],
    }),
    nameQuestion({
      id: 'name-failed',
      prompt: 'Name the event recorded when the card is declined.',
      event: 'PaymentFailed',
      right: { id: 'payment-failed', why: 'A failure is a fact worth publishing like any other.' },
      wrong: [
        { id: 'payment-fails', text: 'PaymentFails', why: 'Present tense: name what happened.' },
        {
          id: 'retry-payment',
          text: 'RetryPayment',
          why: 'An instruction to someone, not the fact that the card was declined.',
        },
      ],
    }),
  ];
}

function topicQuestions(w: DispatchWords): Question[] {
  const topic = `${w.entity}s`;
  const id = (field: string) => ({ ref: `data.${field}` });
  return [
    {
      id: `${topic}-key`,
      stage: 'topics',
      prompt: `The ${topic} topic (3 partitions) carries every ${w.entity} and payment event. How are its records keyed?`,
      choices: [
        {
          id: `${w.entity}-id`,
          text: `By ${w.entity} id`,
          correct: true,
          why: `One ${w.entity}'s events go to one partition and stay in order.`,
        },
        {
          id: 'no-key',
          text: 'No key: spread them round the partitions for balance',
          correct: false,
          why: `One ${w.entity}'s events land on different partitions and can be read out of order.`,
          patches: [{ op: 'unkey-topic', topic }],
        },
      ],
    },
    {
      id: 'locations-key',
      stage: 'topics',
      prompt: `The compacted ${w.role}-locations topic carries positions. How are they keyed?`,
      choices: [
        {
          id: `${w.role}-id`,
          text: `By ${w.role} id`,
          correct: true,
          why: `Compaction keeps the latest record per key: the latest position of each ${w.role}.`,
        },
        {
          id: 'no-key',
          text: 'No key',
          correct: false,
          why: `Kafka cannot compact records without a key, so the topic must keep every position by age instead of the latest per ${w.role}, and one ${w.role}'s positions can be read out of order.`,
          patches: [{ op: 'unkey-topic', topic: `${w.role}-locations` }],
        },
      ],
    },
    {
      id: 'publishing',
      stage: 'topics',
      prompt: `How does PaymentCaptured reach the ${topic} topic?`,
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
                eventType: w.priced,
                do: [
                  {
                    publish: {
                      topic,
                      eventType: 'PaymentCaptured',
                      streamId: { concat: ['payment-', id(`${w.entity}Id`)] },
                      key: id(`${w.entity}Id`),
                      data: {
                        [`${w.entity}Id`]: id(`${w.entity}Id`),
                        [`${w.role}Id`]: id(`${w.role}Id`),
                        amount: id(w.amountField),
                        paymentMethod: id('paymentMethod'),
                        attempt: 1,
                        [`${w.role}Share`]: { mul: [id(w.amountField), 0.75] },
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
  ];
}

function consumerQuestions(w: DispatchWords): Question[] {
  return [
    {
      id: 'race',
      stage: 'consumers',
      prompt: `${w.role}-7 and ${w.role}-3 tap Accept at the same instant. What decides who gets the ${w.entity}?`,
      choices: [
        {
          id: 'revision',
          text: `The ${w.aggregate} aggregate: both are decided on the same revision, the second append is refused and decided again on "${w.acceptedState}"`,
          correct: true,
          why: 'The expected revision makes exactly one win, without a lock.',
        },
        {
          id: 'last-wins',
          text: `Accept both; the later acceptance ${w.lastWins} the ${w.role}`,
          correct: false,
          why: `Both ${w.role}s are told they have the ${w.entity}.`,
          patches: [{ op: 'allow-repeat', aggregate: w.aggregate, command: w.accept }],
        },
      ],
    },
    {
      id: 'payments-consumer',
      stage: 'consumers',
      prompt: `Payments charges on ${w.priced}. What does it do with an event delivered a second time?`,
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
          why: `A redelivery charges the ${w.customer} again.`,
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
          text: `Record PaymentFailed, show it to the ${w.customer}, charge again when the card is replaced`,
          correct: true,
          why: 'The failure is a fact; the retry is driven by the next fact.',
        },
        {
          id: 'log',
          text: 'Log the decline and move on',
          correct: false,
          why: `The ${w.amount} is never collected and the ${w.customer} is never told.`,
          patches: [
            { op: 'refuse-in', aggregate: 'Payment', command: w.charge, state: 'failed' },
            { op: 'drop-handler', projection: w.projection, eventType: 'PaymentFailed' },
          ],
        },
      ],
    },
  ];
}

export const dispatchQuestions = (w: DispatchWords): Question[] => [
  ...eventQuestions(w),
  ...topicQuestions(w),
  ...consumerQuestions(w),
];

export const dispatchPicks = (w: DispatchWords): PickQuestion[] => [
  {
    id: 'read-models',
    stage: 'consumers',
    prompt: 'Which read models do the apps read?',
    choices: [
      {
        id: w.projection,
        text: `${capitalize(w.screen)} (${w.customer} app): one row per ${w.entity} with its ${w.role} and payment`,
        correct: true,
        why: `The ${w.customer}'s screen reads one row.`,
        ifLeftOut: [{ op: 'remove-projection', projection: w.projection }],
      },
      {
        id: `${w.role}-earnings`,
        text: `${capitalize(w.role)} earnings (${w.role} app): paid ${w.trips} and the ${w.role}'s share`,
        correct: true,
        why: `The ${w.role}'s screen reads one row.`,
        ifLeftOut: [{ op: 'remove-projection', projection: `${w.role}-earnings` }],
      },
      {
        id: 'read-stream',
        text: `No read model: the apps replay the ${w.entity}'s event stream on every screen`,
        correct: false,
        why: `Every screen would fold events itself, and the ${w.role} app would need every ${w.entity} to sum earnings.`,
      },
    ],
  },
];
