/**
 * The step action that proposes a change to the design (`format/specs.ts`): the specs run against it. The change
 * (a rename of an event's field, a consumer dropping its dedupe, a withdrawal) is edited as JSON.
 */
import { simple } from './actionPieces';
import { type VariantDef } from './formTypes';

export const specActions: readonly VariantDef[] = [
  simple('change-design', [{ key: 'change', kind: 'json' }], () => ({ change: { change: 'withdraw' } })),
];
