/**
 * The stage of each saga effect (`src/engine/saga/`) in a step's plan (`stagePlan.ts`): a reply the
 * orchestrator ignores is a refusal; the rest (a start, a move, the stored event, the commands sent, a
 * timeout, a crash, a restart) is an 'other' stage summarised by its first effect's reason.
 */
import type { SagaEffect } from '../engine/saga';

export const SAGA_STAGES: Record<SagaEffect['kind'], 'refuse' | 'other'> = {
  'saga-started': 'other',
  'saga-transitioned': 'other',
  'saga-command-sent': 'other',
  'saga-timed-out': 'other',
  'saga-event-stored': 'other',
  'saga-ended': 'other',
  'saga-event-ignored': 'refuse',
  'saga-crashed': 'other',
  'saga-resumed': 'other',
};
