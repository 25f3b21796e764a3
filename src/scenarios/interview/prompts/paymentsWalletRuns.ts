/** Runs the payments-wallet key and its what-ifs share. */
import { RUN_STUDY, STUDY } from '../study';
import type { Outcome, RunSpec } from '../types';
import { reconnectStep } from './reconnectStep';

export const credited: Outcome = {
  kind: 'exactly-once',
  eventType: 'WalletCredited',
  idField: 'walletId',
  entityId: 'w-1',
  what: 'Credited',
};

export const duplicateLedger: RunSpec = {
  id: 'duplicate-ledger',
  title: 'The ledger receives the captured top-up twice (duplicate delivery)',
  faults: [{ kind: 'duplicate-delivery', atStep: 6, groupId: 'ledger', memberId: 'ledger-1' }],
  outcome: credited,
  study: RUN_STUDY.duplicate,
};

export const duplicateCard: RunSpec = {
  id: 'duplicate-card-payments',
  title: 'Card payments receives the retry twice (duplicate delivery)',
  faults: [{ kind: 'duplicate-delivery', atStep: 5, groupId: 'card-payments', memberId: 'card-payments-1' }],
  outcome: {
    kind: 'exactly-once',
    eventType: 'TopUpCaptured',
    idField: 'topUpId',
    entityId: 't-1',
    what: 'Card charged',
  },
  study: RUN_STUDY.duplicate,
};

export const secondLedger: RunSpec = {
  id: 'second-ledger-member',
  title: 'A second ledger member joins before the credit',
  faults: [{ kind: 'add-consumer', atStep: 5, groupId: 'ledger', memberId: 'ledger-2' }],
  outcome: credited,
  study: STUDY.keys,
};

/** The script step of the race (0-based): two merchants' payments from the balance of 50, which leave 20. */
const RACE_STEP = 8;

const bakery = { merchantId: 'bakery', amount: 10, paymentId: 'p-3' };

/**
 * Ada's phone goes offline while she pays, and she taps Pay again once it is back: the app sends the same
 * PayMerchant, with the payment id it chose, a second time. The run adds both steps after the race (10 of
 * the 20 left, so the balance would cover the repeat too: only the payment id can refuse it).
 */
export const payAgain: RunSpec = {
  id: 'pay-again',
  title: 'Ada taps Pay again after her phone reconnects (the same payment id)',
  faults: [],
  insert: {
    after: RACE_STEP,
    steps: [
      {
        title: 'Ada pays the bakery 10 from her phone',
        narration:
          "Ada's wallet app sends PayMerchant for 10 to the bakery with the payment id it chose, p-3. Her phone loses its signal before the answer arrives, so the app cannot tell whether she paid.",
        action: {
          kind: 'command',
          aggregate: 'Wallet',
          id: 'w-1',
          command: 'PayMerchant',
          data: bakery,
          issuedBy: "Ada's wallet app",
        },
      },
      reconnectStep({
        who: 'Ada',
        app: "Ada's wallet app",
        narration:
          'Back online, Ada taps Pay again: the app sends PayMerchant once more, with the same payment id p-3.',
        aggregate: 'Wallet',
        id: 'w-1',
        command: 'PayMerchant',
        data: bakery,
      }),
    ],
  },
  outcome: { kind: 'exactly-once', eventType: 'MerchantPaid', idField: 'paymentId', entityId: 'p-3', what: 'Paid' },
  study: RUN_STUDY.resend,
};
