/** The payments-wallet prompt's stage questions: each wrong choice is a real change to the reference design. */
import type { PickQuestion, Question } from '../prompt';
import { nameQuestion } from './nameQuestion';

export const paymentsWalletQuestions: Question[] = [
  nameQuestion({
    id: 'name-credited',
    prompt: 'Name the event recorded when a captured top-up adds money to the wallet.',
    event: 'WalletCredited',
    right: { id: 'wallet-credited', why: 'A past-tense fact: the money was added.' },
    wrong: [
      { id: 'credit-wallet', text: 'CreditWallet', why: 'That is the command, not the fact.' },
      {
        id: 'wallet-updated',
        text: 'WalletUpdated',
        why: 'A generic change hides what happened: readers cannot tell a credit from a payment.',
      },
    ],
  }),
  nameQuestion({
    id: 'name-paid',
    prompt: 'Name the event recorded when the wallet pays a merchant.',
    event: 'MerchantPaid',
    right: { id: 'merchant-paid', why: 'A fact in the past tense.' },
    wrong: [
      {
        id: 'balance-updated',
        text: 'BalanceUpdated',
        why: 'Says only that a number changed, not that a merchant was paid.',
      },
      { id: 'debit-wallet', text: 'DebitWallet', why: 'An instruction, not a fact.' },
    ],
  }),
  nameQuestion({
    id: 'name-failed',
    prompt: 'Name the event recorded when the card is declined.',
    event: 'TopUpFailed',
    right: { id: 'top-up-failed', why: 'A failure is a fact worth publishing like any other.' },
    wrong: [
      { id: 'top-up-fails', text: 'TopUpFails', why: 'Present tense: name what happened.' },
      { id: 'retry-top-up', text: 'RetryTopUp', why: 'An instruction, not the fact that the card was declined.' },
    ],
  }),
  {
    id: 'wallets-key',
    stage: 'topics',
    prompt: 'The wallets topic (3 partitions) carries credits and payments. How are its records keyed?',
    choices: [
      {
        id: 'wallet-id',
        text: 'By wallet id',
        correct: true,
        why: "One wallet's credits and payments stay in order in one partition.",
      },
      {
        id: 'no-key',
        text: 'No key: spread them round the partitions for balance',
        correct: false,
        why: "A wallet's payment can be read before the credit that paid for it.",
        patches: [{ op: 'unkey-topic', topic: 'wallets' }],
      },
    ],
  },
  {
    id: 'topups-key',
    stage: 'topics',
    prompt: 'The topups topic carries each card top-up. How are its records keyed?',
    choices: [
      {
        id: 'top-up-id',
        text: 'By top-up id',
        correct: true,
        why: "A top-up's request, failure, new card and capture stay in order.",
      },
      {
        id: 'no-key',
        text: 'No key',
        correct: false,
        why: 'A capture can be read before the failure it follows.',
        patches: [{ op: 'unkey-topic', topic: 'topups' }],
      },
    ],
  },
  {
    id: 'publishing',
    stage: 'topics',
    prompt: 'How does WalletCredited reach the wallets topic?',
    choices: [
      {
        id: 'outbox',
        text: 'The Wallet aggregate stores it; the outbox relay publishes what was stored',
        correct: true,
        why: 'Nothing is published that the store refused.',
      },
      {
        id: 'dual-write',
        text: 'The ledger stores the credit and also publishes WalletCredited itself',
        correct: false,
        why: 'Two writes without a transaction: one can be lost, or a credit published that was never stored.',
        patches: [
          {
            op: 'dual-write',
            service: 'ledger',
            eventType: 'WalletCredited',
            reaction: {
              eventType: 'TopUpCaptured',
              do: [
                {
                  publish: {
                    topic: 'wallets',
                    eventType: 'WalletCredited',
                    streamId: { concat: ['wallet-', { ref: 'data.walletId' }] },
                    key: { ref: 'data.walletId' },
                    data: {
                      walletId: { ref: 'data.walletId' },
                      amount: { ref: 'data.amount' },
                      topUpId: { ref: 'data.topUpId' },
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
    prompt:
      'A café and a bookshop each charge 30 to a wallet holding 50, at the same instant. What stops the wallet going below zero?',
    choices: [
      {
        id: 'revision',
        text: 'The Wallet aggregate: both are decided on the same revision, the second append is refused and decided again on a balance of 20, which its guard refuses',
        correct: true,
        why: 'The expected revision makes the second payment see the first.',
      },
      {
        id: 'app-checks',
        text: 'Each app checks the balance before sending; the wallet accepts every payment',
        correct: false,
        why: 'Both apps read 50 and both payments land.',
        patches: [{ op: 'drop-guard', aggregate: 'Wallet', command: 'PayMerchant' }],
      },
    ],
  },
  {
    id: 'ledger-consumer',
    stage: 'consumers',
    prompt: 'The ledger credits the wallet on TopUpCaptured. What does it do with an event delivered a second time?',
    choices: [
      {
        id: 'dedupe',
        text: 'Skips it: the group deduplicates by event id',
        correct: true,
        why: 'At-least-once delivery then credits once.',
      },
      {
        id: 'credit',
        text: 'Credits it: every delivery is a new credit',
        correct: false,
        why: 'A redelivery adds the money twice.',
        patches: [{ op: 'not-idempotent', group: 'ledger' }],
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
        text: 'Record TopUpFailed, show it in the app, charge again when the card is replaced',
        correct: true,
        why: 'The failure is a fact; the retry is driven by the next fact.',
      },
      {
        id: 'log',
        text: 'Log the decline and move on',
        correct: false,
        why: 'The money never arrives and the owner is never told.',
        patches: [
          { op: 'refuse-in', aggregate: 'TopUp', command: 'ChargeTopUp', state: 'failed' },
          { op: 'drop-handler', projection: 'balance', eventType: 'TopUpFailed' },
        ],
      },
    ],
  },
];

export const paymentsWalletPicks: PickQuestion[] = [
  {
    id: 'read-models',
    stage: 'consumers',
    prompt: 'Which read models does the wallet app read?',
    choices: [
      {
        id: 'balance',
        text: 'Balance: one row per wallet with its balance and the last top-up',
        correct: true,
        why: 'The balance screen reads one row.',
        ifLeftOut: [{ op: 'remove-projection', projection: 'balance' }],
      },
      {
        id: 'history',
        text: 'History: one row per wallet with its credits and payments',
        correct: true,
        why: 'The history screen reads one row.',
        ifLeftOut: [{ op: 'remove-projection', projection: 'history' }],
      },
      {
        id: 'sum-events',
        text: "No read model: the app sums the wallet's events on every screen",
        correct: false,
        why: 'Every screen would fold the whole stream itself.',
      },
    ],
  },
];
