import { CELL_H, type BrokerViewModel } from '../layout/brokerLayout';
import type { ChoiceTargetDef } from '../../scenarios/schema';

/** A target's box in the diagram's own coordinates (before scaling), its accessible name and its tag. */
export interface TargetBox {
  x: number;
  y: number;
  width: number;
  height: number;
  /** What a screen reader says: the element it stands for. */
  name: string;
  /** The short visible label. */
  tag: string;
  /** Whether the button covers the element itself (drawn see-through) or an empty slot. */
  over: boolean;
  /** A member's tag sits on its box's lower edge, clear of the member's name and lag. */
  tagBelow?: boolean;
}

/**
 * Where a target sits on the broker diagram: a partition's next slot, an offset's cell (or the next
 * slot for the log-end offset), a member's box. Null for a row of a read model (drawn in that table)
 * or an element not on the diagram (a record before the partition's shown window included).
 */
export function placeTarget(model: BrokerViewModel, t: ChoiceTargetDef): TargetBox | null {
  if ('readModel' in t) return null;
  if ('group' in t) {
    const m = model.groups.find((g) => g.groupId === t.group)?.members.find((x) => x.memberId === t.member);
    if (!m) return null;
    const name = `Member ${t.member} of group ${t.group}`;
    return { x: m.x, y: m.y, width: m.width, height: m.height, name, tag: 'This one?', over: true, tagBelow: true };
  }
  const p = model.topics.find((x) => x.name === t.topic)?.partitions[t.partition];
  if (!p) return null;
  const slot = { y: p.next.y - 3, height: CELL_H + 6, width: Math.max(96, model.cellW) };
  if (!('offset' in t)) {
    return {
      x: p.next.x,
      ...slot,
      name: `${t.topic} partition ${t.partition}`,
      tag: `Here? P${t.partition}`,
      over: false,
    };
  }
  const name = `Offset ${t.offset} of ${t.topic} partition ${t.partition}`;
  if (t.offset >= p.logEndOffset) return { x: p.next.x, ...slot, name, tag: `@${t.offset}?`, over: false };
  // A record outside the partition's shown window is not drawn: its choice stays in the panel's list.
  const cell = p.cells.find((c) => c.offset === t.offset);
  if (!cell) return null;
  return {
    x: cell.x - 2,
    y: cell.y - 3,
    width: model.cellW - 2,
    height: CELL_H + 6,
    name,
    tag: `@${t.offset}?`,
    over: true,
  };
}
