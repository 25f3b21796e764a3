/**
 * The `change-design` step: a change to the design is proposed, as a pull request would be. The world keeps
 * the list of proposed changes (`designChanges`), which the specs run against (`../specs`); nothing in the
 * running system changes — it keeps the deployed version until a deploy, which no step here does.
 */
import type { Effect } from '../../engine/types';
import type { ActionDef, DesignChangeDef } from '../schema';
import type { World } from '../world';

type ChangeDesign = Extract<ActionDef, { kind: 'change-design' }>;

export function describeChange(c: DesignChangeDef): string {
  switch (c.change) {
    case 'rename-field':
      return `the producer renames ${c.eventType}.${c.from} to ${c.to}`;
    case 'drop-dedup':
      return `${c.group} stops deduplicating by event id`;
    case 'withdraw':
      return 'the proposed changes are withdrawn';
  }
}

export function designStep(world: World, action: ChangeDesign): { world: World; effects: Effect[] } {
  const c = action.change;
  const effect: Effect = {
    kind: 'design-changed',
    change: c.change,
    reason:
      c.change === 'withdraw'
        ? 'The proposed changes are withdrawn: the specs run against the deployed design again'
        : `Proposed: ${describeChange(c)}. The specs run against the changed design; the running system keeps the deployed one`,
  };
  return { world: { ...world, designChanges: [...(world.designChanges ?? []), c] }, effects: [effect] };
}
