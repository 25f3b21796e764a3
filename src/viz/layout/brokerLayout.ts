/**
 * Pure layout of the broker view: producers on the left, each topic's partitions as logs in the
 * middle, consumer groups on the right, and the tokens that travel for this step's effects.
 * D3 computes positions and paths; React renders the returned view model.
 */
import { scaleBand } from 'd3-scale';
import { linkHorizontal } from 'd3-shape';
import type { BrokerState, LogRecord } from '../../engine/broker';
import type { Effect } from '../../engine/types';
import { groupColour, PRODUCER_COLOUR } from './palette';

export interface Point {
  x: number;
  y: number;
}

export interface CellVM {
  offset: number;
  x: number;
  key: string | null;
  eventType: string;
  eventId: string | null;
  /** Appended by this step. */
  isNew: boolean;
  /** Groups that fetched this record in this step. */
  fetchedBy: string[];
}

export interface CommitMarkVM {
  groupId: string;
  colour: string;
  /** x of the boundary before the committed offset (the next record the group will read). */
  x: number;
  offset: number;
  label: string;
}

export interface PartitionVM {
  topic: string;
  partition: number;
  y: number;
  height: number;
  cells: CellVM[];
  /** Records before the visible window. */
  hiddenBefore: number;
  logStartOffset: number;
  logEndOffset: number;
  /** x where the next record will be appended. */
  endX: number;
  commits: CommitMarkVM[];
}

export interface TopicVM {
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
  partitions: PartitionVM[];
}

export interface MemberPartitionVM {
  topic: string;
  partition: number;
  position: number | null;
  committed: number | null;
  lag: number | null;
}

export interface MemberVM {
  groupId: string;
  memberId: string;
  x: number;
  y: number;
  width: number;
  height: number;
  idle: boolean;
  partitions: MemberPartitionVM[];
}

export interface GroupVM {
  groupId: string;
  label: string;
  colour: string;
  x: number;
  y: number;
  width: number;
  height: number;
  members: MemberVM[];
}

export interface ProducerVM {
  id: string;
  label: string;
  colour: string;
  x: number;
  y: number;
  width: number;
  height: number;
  active: boolean;
}

export interface LinkVM {
  id: string;
  d: string;
  colour: string;
  groupId: string;
}

export interface TokenVM {
  id: string;
  kind: 'produce' | 'fetch';
  from: Point;
  to: Point;
  /** Path the token follows (SVG path data). */
  d: string;
  colour: string;
  label: string;
  /** Order within the step, for staggering. */
  index: number;
}

export interface BrokerViewModel {
  width: number;
  height: number;
  producers: ProducerVM[];
  topics: TopicVM[];
  groups: GroupVM[];
  links: LinkVM[];
  tokens: TokenVM[];
}

export interface LayoutInput {
  broker: BrokerState;
  effects: readonly Effect[];
  producers: readonly { id: string; label: string }[];
  groups: readonly { id: string; label?: string | undefined }[];
}

export const CELL_W = 72;
export const CELL_H = 36;
export const VISIBLE_CELLS = 7;
const PRODUCER_X = 8;
const PRODUCER_W = 150;
const TOPIC_X = 210;
const TOPIC_LABEL_W = 40;
const MIN_SLOTS = 5;
const GAP_TO_GROUPS = 70;
const GROUP_W = 230;
const MEMBER_H_BASE = 30;
const MEMBER_LINE = 16;

const link = linkHorizontal<{ source: Point; target: Point }, Point>()
  .x((p) => p.x)
  .y((p) => p.y);

const eventTypeOf = (r: LogRecord): string => r.headers.eventType ?? (r.value === null ? 'tombstone' : 'record');

export function layoutBroker(input: LayoutInput): BrokerViewModel {
  const { broker, effects } = input;
  const appended = new Set<string>();
  const fetched = new Map<string, string[]>();
  for (const e of effects) {
    if (e.kind === 'record-appended') appended.add(`${e.topic}:${e.partition}:${e.offset}`);
    if (e.kind === 'records-fetched') for (const o of e.offsets) {
      const k = `${e.topic}:${e.partition}:${o}`;
      fetched.set(k, [...(fetched.get(k) ?? []), e.groupId]);
    }
  }
  const groupIndex = new Map(input.groups.map((g, i) => [g.id, i]));

  // The topic is as wide as its longest visible log (plus the "next" slot), so a small scenario
  // gets large, readable cells and a long one scrolls its oldest records out of view.
  const slots = Math.min(
    VISIBLE_CELLS + 1,
    Math.max(MIN_SLOTS, ...Object.values(broker.topics).flatMap((t) => t.partitions.map((p) => Math.min(VISIBLE_CELLS, p.logEndOffset - p.logStartOffset) + 1))),
  );
  const TOPIC_W = TOPIC_LABEL_W + slots * CELL_W + 8;
  const GROUP_X = TOPIC_X + TOPIC_W + GAP_TO_GROUPS;
  const WIDTH = GROUP_X + GROUP_W + 8;

  // Topics, stacked vertically.
  const topics: TopicVM[] = [];
  let y = 24;
  for (const [name, topic] of Object.entries(broker.topics)) {
    const count = topic.partitions.length;
    const height = 30 + count * (CELL_H + 12);
    const band = scaleBand<number>().domain(topic.partitions.map((_, i) => i)).range([y + 30, y + height]).paddingInner(12 / (CELL_H + 12));
    const partitions = topic.partitions.map((log, p): PartitionVM => {
      const firstVisible = Math.max(log.logStartOffset, log.logEndOffset - VISIBLE_CELLS);
      const visible = log.records.filter((r) => r.offset >= firstVisible);
      const cellX = (offset: number) => TOPIC_X + TOPIC_LABEL_W + (offset - firstVisible) * CELL_W;
      const commits = input.groups
        .map((g) => ({ g, committed: broker.groups[g.id]?.committed[`${name}:${p}`]?.offset ?? null }))
        .filter(({ g, committed }) => committed !== null && broker.groups[g.id]?.topics.includes(name))
        .map(({ g, committed }) => ({
          groupId: g.id,
          colour: groupColour(groupIndex.get(g.id) ?? 0),
          x: cellX(Math.max(committed!, firstVisible)),
          offset: committed!,
          label: g.label ?? g.id,
        }));
      return {
        topic: name,
        partition: p,
        y: band(p)!,
        height: band.bandwidth(),
        cells: visible.map((r) => ({
          offset: r.offset,
          x: cellX(r.offset),
          key: r.key,
          eventType: eventTypeOf(r),
          eventId: r.eventId,
          isNew: appended.has(`${name}:${p}:${r.offset}`),
          fetchedBy: fetched.get(`${name}:${p}:${r.offset}`) ?? [],
        })),
        hiddenBefore: Math.max(0, visible.length ? visible[0]!.offset - log.logStartOffset : log.logEndOffset - log.logStartOffset),
        logStartOffset: log.logStartOffset,
        logEndOffset: log.logEndOffset,
        endX: cellX(log.logEndOffset),
        commits,
      };
    });
    topics.push({ name, x: TOPIC_X, y, width: TOPIC_W, height: height + 8, partitions });
    y += height + 40;
  }
  const topicsBottom = y;

  // Producers, spread along the left.
  const active = new Set(effects.flatMap((e) => (e.kind === 'record-appended' && e.producerId ? [e.producerId] : [])));
  const producers: ProducerVM[] = input.producers.map((p, i) => ({
    id: p.id,
    label: p.label,
    colour: PRODUCER_COLOUR,
    x: PRODUCER_X,
    y: 54 + i * 70,
    width: PRODUCER_W,
    height: 48,
    active: active.has(p.id),
  }));

  // Groups, stacked on the right; each member lists its partitions.
  const groups: GroupVM[] = [];
  let gy = 24;
  input.groups.forEach((g, gi) => {
    const state = broker.groups[g.id];
    if (!state) return;
    const members: MemberVM[] = [];
    let my = gy + 30;
    for (const m of Object.values(state.members).sort((a, b) => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0))) {
      const parts = m.assignment.map((tp) => {
        const key = `${tp.topic}:${tp.partition}`;
        const committed = state.committed[key]?.offset ?? null;
        const end = broker.topics[tp.topic]?.partitions[tp.partition]?.logEndOffset ?? 0;
        return { topic: tp.topic, partition: tp.partition, position: m.positions[key] ?? null, committed, lag: committed === null ? null : end - committed };
      });
      const height = MEMBER_H_BASE + Math.max(1, parts.length) * MEMBER_LINE;
      members.push({ groupId: g.id, memberId: m.memberId, x: GROUP_X + 10, y: my, width: GROUP_W - 20, height, idle: parts.length === 0, partitions: parts });
      my += height + 8;
    }
    const height = Math.max(70, my - gy + 4);
    groups.push({ groupId: g.id, label: g.label ?? g.id, colour: groupColour(gi), x: GROUP_X, y: gy, width: GROUP_W, height, members });
    gy += height + 18;
  });

  // Ownership links: partition row → owning member, one colour per group.
  const partitionAnchor = (topic: string, partition: number): Point | null => {
    const t = topics.find((x) => x.name === topic);
    const p = t?.partitions[partition];
    return t && p ? { x: t.x + t.width, y: p.y + p.height / 2 } : null;
  };
  const links: LinkVM[] = [];
  for (const g of groups) for (const m of g.members) for (const mp of m.partitions) {
    const from = partitionAnchor(mp.topic, mp.partition);
    if (!from) continue;
    const to = { x: m.x, y: m.y + m.height / 2 };
    links.push({ id: `${g.groupId}/${m.memberId}/${mp.topic}-${mp.partition}`, d: link({ source: from, target: to }) ?? '', colour: g.colour, groupId: g.groupId });
  }

  // Tokens for this step's effects: producer → cell, then cell → member.
  const tokens: TokenVM[] = [];
  const cellCentre = (topic: string, partition: number, offset: number): Point | null => {
    const p = topics.find((t) => t.name === topic)?.partitions[partition];
    const c = p?.cells.find((x) => x.offset === offset);
    return p && c ? { x: c.x + CELL_W / 2, y: p.y + p.height / 2 } : null;
  };
  for (const e of effects) {
    if (e.kind === 'record-appended') {
      const prod = producers.find((p) => p.id === e.producerId);
      const to = cellCentre(e.topic, e.partition, e.offset);
      if (!to) continue;
      const from = prod ? { x: prod.x + prod.width, y: prod.y + prod.height / 2 } : { x: TOPIC_X - 40, y: to.y };
      tokens.push({ id: `p/${e.topic}/${e.partition}/${e.offset}`, kind: 'produce', from, to, d: link({ source: from, target: to }) ?? '', colour: PRODUCER_COLOUR, label: e.key ?? '∅', index: tokens.length });
    }
    if (e.kind === 'records-fetched') {
      const g = groups.find((x) => x.groupId === e.groupId);
      const m = g?.members.find((x) => x.memberId === e.memberId);
      if (!g || !m) continue;
      for (const o of e.offsets) {
        const from = cellCentre(e.topic, e.partition, o);
        if (!from) continue;
        const to = { x: m.x + 12, y: m.y + m.height / 2 };
        tokens.push({ id: `f/${e.groupId}/${e.memberId}/${e.topic}/${e.partition}/${o}`, kind: 'fetch', from, to, d: link({ source: from, target: to }) ?? '', colour: g.colour, label: String(o), index: tokens.length });
      }
    }
  }

  const height = Math.max(topicsBottom, gy, 54 + input.producers.length * 70) + 10;
  return { width: WIDTH, height, producers, topics, groups, links, tokens };
}
