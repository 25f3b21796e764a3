/**
 * The runs a dispatch prompt's key and what-ifs share: the entity (42) charged exactly once. Both references
 * play the same script: the race at step 3, the charge polled at step 11, notifications' last poll at 13.
 */
import { RUN_STUDY } from '../study';
import type { Outcome, RunSpec } from '../types';
import type { DispatchWords } from './dispatchWords';

export interface DispatchRuns {
  charged: Outcome;
  duplicateRun: RunSpec;
}

export function dispatchRuns(w: DispatchWords): DispatchRuns {
  const charged: Outcome = {
    kind: 'exactly-once',
    eventType: 'PaymentCaptured',
    idField: `${w.entity}Id`,
    entityId: '42',
    what: 'Charged',
  };
  const duplicateRun: RunSpec = {
    id: 'duplicate-payments',
    title: 'Payments receives the retried charge twice (duplicate delivery)',
    faults: [{ kind: 'duplicate-delivery', atStep: 11, groupId: 'payments', memberId: 'payments-1' }],
    outcome: charged,
    study: RUN_STUDY.duplicate,
  };
  return { charged, duplicateRun };
}
