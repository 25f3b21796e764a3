/** The payments-wallet prompt: its reference design (`payments-wallet.json`), grading key and questions. */
import type { ScenarioDef } from '../../schema';
import { withBrokerQuestion } from '../broker';
import { DEDUP_RETRIED_PUBLISH, ORDER_PER_KEY_PARALLEL, REPLAY_WEEK } from '../../brokerChoice/exercise/reqLog';
import type { InterviewPrompt } from '../prompt';
import { FAILURE_STUDY, RUN_STUDY, STUDY } from '../study';
import doc from './payments-wallet.json';
import { paymentsWalletPicks, paymentsWalletQuestions } from './paymentsWalletQuestions';
import { credited, duplicateLedger } from './paymentsWalletRuns';
import { paymentsWalletWhatIfs } from './paymentsWalletWhatIfs';

const reference = doc as unknown as ScenarioDef;

export const paymentsWallet: InterviewPrompt = withBrokerQuestion({
  id: 'payments-wallet',
  // 3: a refusal answer is no longer undone by a what-if's repeat (patches.ts applies refusals last).
  version: 4,
  title: 'Payments wallet',
  brief:
    'Design the events behind a payments wallet: the owner tops it up from a card, pays merchants from the balance, and sees the balance and the history.',
  reference,
  key: {
    race: {
      aggregate: 'Wallet',
      command: 'PayMerchant',
      accepted: 'MerchantPaid',
      actors: 'two payments from one balance',
    },
    payment: {
      aggregate: 'TopUp',
      command: 'ChargeTopUp',
      captured: 'TopUpCaptured',
      failed: 'TopUpFailed',
      words: {
        title: 'A declined top-up is handled',
        retry: 'charge the card again',
        failure: 'a declined top-up',
        lost: 'the top-up never reaches the wallet',
      },
      // A declined card, recorded and charged again once replaced: FAILURE_STUDY says which step teaches it.
      study: FAILURE_STUDY.declinedCharge,
    },
    screens: [
      { app: 'wallet app', screen: 'balance', events: ['WalletCredited', 'MerchantPaid', 'TopUpFailed'] },
      { app: 'wallet app', screen: 'history', events: ['WalletCredited', 'MerchantPaid'] },
    ],
    runs: [
      {
        id: 'race',
        title: 'Two payments of 30 from a balance of 50 at the same instant',
        faults: [],
        outcome: {
          kind: 'exactly-once',
          eventType: 'MerchantPaid',
          idField: 'walletId',
          entityId: 'w-1',
          what: 'Paid',
        },
        study: STUDY.race,
      },
      duplicateLedger,
      {
        id: 'crash-ledger',
        title: 'The ledger crashes after crediting, before committing its offsets',
        faults: [
          { kind: 'crash-consumer-before-commit', atStep: 6, groupId: 'ledger', memberId: 'ledger-1' },
          // ledger-1 restarts after its crash and joins again, before the script's next ledger poll.
          { kind: 'add-consumer', atStep: 8, groupId: 'ledger', memberId: 'ledger-1' },
        ],
        outcome: credited,
        study: RUN_STUDY.crash,
      },
      {
        id: 'declined',
        title: "Ada's card is declined",
        faults: [],
        outcome: {
          kind: 'told',
          projection: 'balance',
          row: 'w-1',
          before: 3,
          after: 4,
          who: 'Ada',
          what: 'the declined top-up',
        },
        study: RUN_STUDY.told,
      },
    ],
  },
  requirements: [
    {
      id: 'overspend',
      text: 'Can two payments at once spend the same money?',
      relevant: true,
      why: 'The balance race decides the aggregate.',
      decides: 'race',
    },
    {
      id: 'credit-once',
      text: 'Must a top-up be credited exactly once, even when messages are redelivered?',
      relevant: true,
      why: 'Kafka delivers at least once; the money must move once.',
      decides: 'idempotent',
    },
    {
      id: 'declines',
      text: 'What happens when the card is declined?',
      relevant: true,
      why: 'A failed top-up is a normal path.',
      decides: 'payment-failure',
    },
    {
      id: 'screens',
      text: 'What does the owner see in the app?',
      relevant: true,
      why: 'Each screen becomes a read model.',
      decides: 'read-models',
    },
    {
      id: 'fonts',
      text: 'Which font does the app use for amounts?',
      relevant: false,
      why: 'Visual design does not change the events.',
    },
    {
      id: 'cloud',
      text: 'Which cloud provider hosts the database?',
      relevant: false,
      why: 'The event design does not depend on it.',
    },
    {
      id: 'crypto',
      text: 'Should the wallet also hold cryptocurrencies?',
      relevant: false,
      why: 'Out of scope for the flow asked about.',
    },
  ],
  questions: paymentsWalletQuestions,
  picks: paymentsWalletPicks,
  whatIfs: paymentsWalletWhatIfs,
  brokers: {
    because:
      "Each wallet's credits and payments must be applied in order by the ledger, which may read the last week again, and a publish retried after a lost acknowledgement must not be stored twice.",
    requirements: [ORDER_PER_KEY_PARALLEL, REPLAY_WEEK, DEDUP_RETRIED_PUBLISH],
  },
});
