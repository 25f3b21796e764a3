/**
 * "What happened in this step" for a saga's effects (`src/engine/saga/`): a short label per kind and the
 * tone of the ones that mean trouble (a timeout, a crash, a reply ignored, a saga ending compensated).
 */
import type { SagaEffect } from '../../engine/saga';
import type { Effect } from '../../engine/types';

export const SAGA_LABELS: Record<SagaEffect['kind'], string> = {
  'saga-started': 'saga started',
  'saga-transitioned': 'saga moved on',
  'saga-command-sent': 'command sent',
  'saga-timed-out': 'timeout',
  'saga-event-stored': 'saga state stored',
  'saga-ended': 'saga ended',
  'saga-event-ignored': 'ignored',
  'saga-crashed': 'orchestrator crashed',
  'saga-resumed': 'saga resumed',
};

/** null: not a saga effect, or nothing wrong. */
export function sagaTone(e: Effect): 'problem' | 'warning' | null {
  switch (e.kind) {
    case 'saga-crashed':
      return 'problem';
    case 'saga-timed-out':
    case 'saga-event-ignored':
      return 'warning';
    case 'saga-ended':
      return e.outcome === 'compensated' ? 'warning' : null;
    default:
      return null;
  }
}
