/** The tone of a `mirror-changed` effect in "What happened": what cost the learner something reads as a problem. */
import type { MirrorOp } from '../../engine/mirror';

const PROBLEM = new Set<MirrorOp>(['region-down', 'unavailable', 'not-translated']);
const WARNING = new Set<MirrorOp>(['duplicate', 'sync-delayed', 'cycle-skipped']);

/** `EffectTone` of `../layout/effectItems.ts`, spelled out (importing it would be a cycle). */
export const mirrorTone = (op: MirrorOp): 'normal' | 'problem' | 'warning' =>
  PROBLEM.has(op) ? 'problem' : WARNING.has(op) ? 'warning' : 'normal';
