/** The payments-wallet interviewer's what-ifs: each answered by a strategy, checked by a run where the simulator can. */
import type { WhatIf } from '../prompt';
import { credited, duplicateCard, payAgain, secondLedger } from './paymentsWalletRuns';
import { newYearsEveWhatIf } from './newYearsEveWhatIf';
import { providerTimeoutWhatIf } from './providerTimeoutWhatIf';
import { reprocessWhatIf } from './reprocessWhatIf';
import reference from './payments-wallet.json';

export const paymentsWalletWhatIfs: WhatIf[] = [
  {
    id: 'phone-offline',
    prompt:
      "Ada's phone goes offline while paying, and she taps Pay again when it is back. What keeps her from paying twice?",
    choices: [
      {
        id: 'payment-id',
        text: 'The payment carries an id chosen by the app; the wallet refuses a second payment with the same id',
        correct: true,
        why: 'The retry is recognised as the same payment.',
      },
      {
        id: 'trust-user',
        text: 'Nothing: she should not tap twice',
        correct: false,
        why: 'Retries are normal on a flaky network; both payments land.',
        patches: [{ op: 'drop-checks', aggregate: 'Wallet', command: 'PayMerchant' }],
      },
    ],
    check: { run: payAgain },
  },
  providerTimeoutWhatIf({
    prompt: 'The card provider times out and the charge is retried. How do you keep the card from being charged twice?',
    carries: 'the top-up id',
    aggregate: 'TopUp',
    second: 'capture',
    once: 'the charge happens once',
    unknown: 'the charge happened',
    group: 'card-payments',
    run: duplicateCard,
  }),
  newYearsEveWhatIf({
    rush: "New Year's Eve brings 10× the usual payments",
    groups: 'each consumer group',
    keeps: 'the wallet-id key keeps each wallet in sequence',
    disorder: "a wallet's payment can be read before its credit",
    topic: 'wallets',
    run: secondLedger,
  }),
  reprocessWhatIf({
    service: 'the ledger',
    group: 'ledger',
    member: 'ledger-1',
    topic: 'topups',
    atStep: 7,
    morning: reference.startTime,
    once: credited,
    rebuilt: { projection: 'balance', row: 'w-1', lastScriptStep: 10 },
    twice: 'credit to the wallet',
  }),
];
