/** Runs the food-delivery key and its what-ifs share: order 42 charged exactly once. */
import { RUN_STUDY } from '../study';
import type { Outcome, RunSpec } from '../types';

export const charged: Outcome = {
  kind: 'exactly-once',
  eventType: 'PaymentCaptured',
  idField: 'orderId',
  entityId: '42',
  what: 'Charged',
};
export const duplicateRun: RunSpec = {
  id: 'duplicate-payments',
  title: 'Payments receives the retried charge twice (duplicate delivery)',
  faults: [{ kind: 'duplicate-delivery', atStep: 11, groupId: 'payments', memberId: 'payments-1' }],
  outcome: charged,
  study: RUN_STUDY.duplicate,
};
