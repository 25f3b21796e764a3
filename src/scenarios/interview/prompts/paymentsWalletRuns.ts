/** Runs the payments-wallet key and its what-ifs share. */
import { RUN_STUDY, STUDY } from '../study';
import type { Outcome, RunSpec } from '../types';

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
