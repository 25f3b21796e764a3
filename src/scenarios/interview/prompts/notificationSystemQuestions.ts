/** The notification-system prompt's stage questions: each wrong choice is a real change to the reference design. */
import type { PickQuestion, Question } from '../prompt';
import { nameQuestion } from './nameQuestion';

export const notificationSystemQuestions: Question[] = [
  nameQuestion({
    id: 'name-claimed',
    prompt: 'Name the event recorded when a worker takes a notification to send.',
    event: 'NotificationClaimed',
    right: { id: 'claimed', why: 'A past-tense fact: one worker has it.' },
    wrong: [
      { id: 'claim', text: 'ClaimNotification', why: 'That is the command, not the fact.' },
      { id: 'changed', text: 'NotificationChanged', why: 'A generic change hides what happened.' },
    ],
  }),
  nameQuestion({
    id: 'name-sent',
    prompt: 'Name the event recorded when the provider accepts the SMS.',
    event: 'SmsSent',
    right: { id: 'sent', why: 'A fact in the past tense.' },
    wrong: [
      { id: 'sends', text: 'SmsGoesOut', why: 'Present tense: an event records what already happened.' },
      { id: 'send', text: 'SendSms', why: 'An instruction, not a fact.' },
    ],
  }),
  nameQuestion({
    id: 'name-failed',
    prompt: 'Name the event recorded when the provider cannot deliver.',
    event: 'SmsFailed',
    right: { id: 'failed', why: 'A failure is a fact worth publishing like any other.' },
    wrong: [
      { id: 'fails', text: 'SmsFails', why: 'Present tense: name what happened.' },
      { id: 'retry', text: 'RetrySms', why: 'An instruction, not the fact that the SMS failed.' },
    ],
  }),
  {
    id: 'notifications-key',
    stage: 'topics',
    prompt:
      'The notifications topic (3 partitions) carries every notification and delivery event. How are its records keyed?',
    choices: [
      {
        id: 'notification-id',
        text: 'By notification id',
        correct: true,
        why: "One notification's claim, failure, correction and success stay in order.",
      },
      {
        id: 'no-key',
        text: 'No key: spread them round the partitions for balance',
        correct: false,
        why: 'A correction can be read before the failure it answers.',
        patches: [{ op: 'unkey-topic', topic: 'notifications' }],
      },
    ],
  },
  {
    id: 'publishing',
    stage: 'topics',
    prompt: 'How does SmsSent reach the notifications topic?',
    choices: [
      {
        id: 'outbox',
        text: 'The Delivery aggregate stores it; the outbox relay publishes what was stored',
        correct: true,
        why: 'Nothing is published that the store refused.',
      },
      {
        id: 'dual-write',
        text: 'The sender publishes SmsSent itself as soon as it calls the provider',
        correct: false,
        why: 'It publishes a success before knowing the outcome, and the store and the topic can disagree.',
        patches: [
          {
            op: 'dual-write',
            service: 'sender',
            eventType: 'SmsSent',
            reaction: {
              eventType: 'NotificationClaimed',
              do: [
                {
                  publish: {
                    topic: 'notifications',
                    eventType: 'SmsSent',
                    streamId: { concat: ['delivery-', { ref: 'data.notificationId' }] },
                    key: { ref: 'data.notificationId' },
                    data: { notificationId: { ref: 'data.notificationId' }, phone: { ref: 'data.phone' }, attempt: 1 },
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
    prompt: 'Two sender workers pick up notification n-1 at the same instant. What makes only one of them send it?',
    choices: [
      {
        id: 'revision',
        text: 'The Notification aggregate: both claims are decided on the same revision, the second append is refused and decided again on "claimed"',
        correct: true,
        why: 'The expected revision makes exactly one win, without a lock.',
      },
      {
        id: 'both',
        text: 'Let both claim it; the provider drops duplicates',
        correct: false,
        why: 'The provider sends (and bills) both.',
        patches: [{ op: 'allow-repeat', aggregate: 'Notification', command: 'ClaimNotification' }],
      },
    ],
  },
  {
    id: 'sender-consumer',
    stage: 'consumers',
    prompt: 'The sender calls the provider on every claim. What does it do with an event delivered a second time?',
    choices: [
      {
        id: 'dedupe',
        text: 'Skips it: the group deduplicates by event id, and the Delivery aggregate refuses a second send',
        correct: true,
        why: 'At-least-once delivery then sends once.',
      },
      {
        id: 'send',
        text: 'Sends it: every delivery is a new SMS',
        correct: false,
        why: 'A redelivery sends (and pays for) the SMS again.',
        patches: [{ op: 'not-idempotent', group: 'sender' }],
      },
    ],
  },
  {
    id: 'failures',
    stage: 'consumers',
    prompt: 'The provider cannot reach the number. What does the design do?',
    choices: [
      {
        id: 'retry',
        text: 'Record SmsFailed, show it in the inbox, send again when the number is corrected',
        correct: true,
        why: 'The failure is a fact; the retry is driven by the next fact.',
      },
      {
        id: 'log',
        text: 'Log the failure and move on',
        correct: false,
        why: 'The user never gets the message and is never told.',
        patches: [
          { op: 'refuse-in', aggregate: 'Delivery', command: 'SendSms', state: 'failed' },
          { op: 'drop-handler', projection: 'inbox', eventType: 'SmsFailed' },
        ],
      },
    ],
  },
];

export const notificationSystemPicks: PickQuestion[] = [
  {
    id: 'read-models',
    stage: 'consumers',
    prompt: 'Which read models do the screens read?',
    choices: [
      {
        id: 'inbox',
        text: 'Inbox (user app): one row per notification with its status',
        correct: true,
        why: "The user's inbox reads its rows.",
        ifLeftOut: [{ op: 'remove-projection', projection: 'inbox' }],
      },
      {
        id: 'stats',
        text: "Delivery counts (operators' console): SMS sent and failed",
        correct: true,
        why: 'The console reads one row.',
        ifLeftOut: [{ op: 'remove-projection', projection: 'delivery-stats' }],
      },
      {
        id: 'provider',
        text: "No read model: the app asks the SMS provider's API",
        correct: false,
        why: 'The provider knows nothing of requests not yet sent, and every screen would call a paid API.',
      },
    ],
  },
];
