/** One member of a group: its partitions as chips (kept, assigned, revoked in this step) and its lag. */
import type { BrokerState, GroupState } from '../../engine/broker';
import type { TopicPartition } from '../../engine/types';
import { byId, CHIP_GAP, CHIP_H, CHIP_W, tpKey } from './brokerGeometry';
import type { ChipLineVM, ChipState, ChipVM, MemberVM } from './brokerTypes';

export interface MemberInput {
  broker: BrokerState;
  state: GroupState;
  groupId: string;
  member: GroupState['members'][string];
  multiTopic: boolean;
  /** "topic:partition" revoked from / assigned to this member in this step. */
  revoked: ReadonlySet<string>;
  assigned: ReadonlySet<string>;
  /** Left edge of the group box, top of the member, inner width of the group. */
  x: number;
  y: number;
  innerW: number;
  /** The committed offset lag is counted from (defaults to the committed offset drawn). */
  lagCommitted?: ((groupId: string, key: string) => number | undefined) | undefined;
}

export function layoutMember(input: MemberInput): MemberVM {
  const { broker, state, groupId, member: mem, multiTopic, revoked, assigned, x, innerW } = input;
  const my = input.y;
  const owned = new Set(mem.assignment.map((tp) => tpKey(tp.topic, tp.partition)));
  const all: TopicPartition[] = [
    ...mem.assignment,
    ...[...revoked]
      .filter((k) => !owned.has(k))
      .map((k) => {
        const i = k.lastIndexOf(':');
        return { topic: k.slice(0, i), partition: Number(k.slice(i + 1)) };
      }),
  ];
  const byTopic = new Map<string, TopicPartition[]>();
  for (const tp of all) byTopic.set(tp.topic, [...(byTopic.get(tp.topic) ?? []), tp]);
  const chips: ChipVM[] = [];
  const lines: ChipLineVM[] = [];
  let cy = my + 22;
  let lagSum: number | null = null;
  let noCommit = 0;
  const topicsInOrder = [...byTopic.keys()].sort(byId);
  for (const topic of topicsInOrder) {
    const tps = byTopic.get(topic)!.sort((a, b) => a.partition - b.partition);
    const caption = multiTopic ? topic : null;
    const captionW = caption ? Math.min(96, caption.length * 6.4 + 6) : 0;
    let cx = x + 18 + captionW;
    lines.push({ topic: caption, y: cy });
    for (const tp of tps) {
      if (cx + CHIP_W > x + 10 + innerW - 4) {
        cy += CHIP_H + 4;
        cx = x + 18 + captionW;
      }
      const k = tpKey(tp.topic, tp.partition);
      const committed = state.committed[k]?.offset ?? null;
      const end = broker.topics[tp.topic]?.partitions[tp.partition]?.logEndOffset ?? 0;
      const lagFrom = input.lagCommitted?.(groupId, k) ?? committed;
      const lag = lagFrom === null ? null : Math.max(0, end - lagFrom);
      const chipState: ChipState = !owned.has(k)
        ? 'revoked'
        : assigned.has(k)
          ? revoked.has(k)
            ? 'reassigned'
            : 'assigned'
          : 'kept';
      if (owned.has(k)) {
        if (lag === null) noCommit++;
        else lagSum = (lagSum ?? 0) + lag;
      }
      const position = mem.positions[k] ?? null;
      const stateText =
        chipState === 'revoked'
          ? ' · revoked in this step'
          : chipState === 'assigned'
            ? ' · assigned in this step'
            : chipState === 'reassigned'
              ? ' · revoked and assigned again in this step'
              : '';
      chips.push({
        topic: tp.topic,
        partition: tp.partition,
        label: `P${tp.partition}`,
        x: cx,
        y: cy,
        width: CHIP_W,
        state: chipState,
        position,
        committed,
        lag,
        title: `${tp.topic}-${tp.partition} · next fetch ${position ?? 'not fetched yet'} · committed ${committed ?? 'no commit'} · lag ${lag ?? 'no commit'}${stateText}`,
      });
      cx += CHIP_W + CHIP_GAP;
    }
    cy += CHIP_H + 4;
  }
  const idle = mem.assignment.length === 0;
  if (all.length === 0) cy += CHIP_H + 4;
  const height = cy - my + 2;
  const status = idle
    ? 'idle'
    : lagSum === null
      ? 'no commit'
      : `lag ${lagSum}${noCommit ? ` · ${noCommit} no commit` : ''}`;
  return {
    groupId,
    memberId: mem.memberId,
    x: x + 10,
    y: my,
    width: innerW,
    height,
    idle,
    chips,
    lines,
    status,
  };
}
