/**
 * Pure layout of the broker view: producers, the relay and services on the left, each topic's
 * partitions as logs in the middle, consumer groups on the right, and the tokens that travel for this
 * step's effects. D3 computes positions and paths; React renders the returned view model.
 *
 * The layout is computed for the pixel width it will be drawn at (1 unit = 1 CSS px), so text keeps
 * its size: a busy scenario makes the view taller, never its text smaller.
 */
import { linkHorizontal } from 'd3-shape';
import { interpolateNumber } from 'd3-interpolate';
import type { BrokerState, LogRecord } from '../../engine/broker';
import type { Effect, TopicPartition } from '../../engine/types';
import { groupColour, PRODUCER_COLOUR } from './palette';
import { cellWidthFor } from './cellLabel';

export interface Point {
  x: number;
  y: number;
}

export interface CellVM {
  offset: number;
  x: number;
  y: number;
  key: string | null;
  eventType: string;
  eventId: string | null;
  /** Appended by this step. */
  isNew: boolean;
  /** Groups that fetched this record in this step. */
  fetchedBy: string[];
  /** Accessible name: "offset 3, OrderPlaced, key order-1, topic orders, partition 0". */
  name: string;
}

export interface CommitMarkVM {
  groupId: string;
  badge: string;
  colour: string;
  /** x of the boundary before the committed offset (the next record the group will read). */
  x: number;
  y: number;
  offset: number;
  label: string;
  /** Lag on this partition (log-end − committed). */
  lag: number;
  /** The committed offset is before the visible window. */
  before: boolean;
}

export interface PartitionVM {
  topic: string;
  partition: number;
  /** Top of the row and its height (all lines). */
  y: number;
  height: number;
  /** Vertical centre of the first line (where ownership links attach). */
  anchorY: number;
  cells: CellVM[];
  /** Retained records before the visible window (0 when expanded). */
  hiddenBefore: number;
  /** Records deleted by retention (before the log-start offset). */
  deleted: number;
  expanded: boolean;
  /** Whether the partition has more records than fit on one line (so it can be expanded). */
  expandable: boolean;
  logStartOffset: number;
  logEndOffset: number;
  /** Where the next record will be appended. */
  next: Point;
  commits: CommitMarkVM[];
}

export interface TopicVM {
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
  compacted: boolean;
  partitions: PartitionVM[];
}

export type ChipState = 'kept' | 'assigned' | 'reassigned' | 'revoked';

export interface ChipVM {
  topic: string;
  partition: number;
  label: string;
  x: number;
  y: number;
  width: number;
  state: ChipState;
  position: number | null;
  committed: number | null;
  lag: number | null;
  title: string;
}

export interface ChipLineVM {
  topic: string | null;
  y: number;
}

export interface MemberVM {
  groupId: string;
  memberId: string;
  x: number;
  y: number;
  width: number;
  height: number;
  idle: boolean;
  chips: ChipVM[];
  /** Topic captions in front of chip lines (groups reading several topics). */
  lines: ChipLineVM[];
  /** "lag 3", "no commit", "idle". */
  status: string;
}

export interface RebalanceVM {
  protocol: 'eager' | 'cooperative';
  generation: number;
  /** One short caption, wrapped into lines that fit the group box. */
  lines: string[];
  /** The effects' reasons, for a tooltip and the text equivalent. */
  detail: string;
}

export interface GroupVM {
  groupId: string;
  label: string;
  badge: string;
  colour: string;
  assignor: string;
  generation: number;
  x: number;
  y: number;
  width: number;
  height: number;
  members: MemberVM[];
  rebalance: RebalanceVM | null;
  /** Where the lag chart goes. */
  chart: { x: number; y: number; width: number; height: number };
}

export interface EmitterVM {
  id: string;
  kind: 'producer' | 'relay' | 'service' | 'other';
  label: string;
  /** The label wrapped to fit the node (one or two lines). */
  titleLines: string[];
  sub: string;
  colour: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Records it appended in this step. */
  emitted: number;
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
  /** The cubic Bézier's control points (the same curve as `d`), for drawing on a canvas. */
  c1: Point;
  c2: Point;
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
  /** Width of one record cell (wider when the logs are short). */
  cellW: number;
  producers: EmitterVM[];
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
  services?: readonly { id: string; label: string; group: string }[];
  relay?: boolean;
  /** Pixel width the view will be drawn at. */
  width?: number;
  /** "topic:partition" of partitions shown whole (wrapped onto several lines). */
  expanded?: ReadonlySet<string>;
}

export const CELL_W = 84;
const MAX_CELL_W = 124;
export const CELL_H = 38;
export const MIN_WIDTH = 760;
export const DEFAULT_WIDTH = 940;
const PAD = 8;
const EMITTER_W = 150;
const TOPIC_X = EMITTER_W + PAD + 28;
const LABEL_W = 46;
const GAP_TO_GROUPS = 36;
const GROUP_W = 250;
const MARK_BAND = 20;
const LINE_H = CELL_H + MARK_BAND;
const ROW_GAP = 6;
const TOPIC_HEAD = 30;
const CHIP_W = 34;
const CHIP_H = 19;
const CHIP_GAP = 4;
const CHART_H = 34;
const GROUP_CAPTION_CHARS = 33;

const link = linkHorizontal<{ source: Point; target: Point }, Point>()
  .x((p) => p.x)
  .y((p) => p.y);

const eventTypeOf = (r: LogRecord): string => r.headers.eventType ?? (r.value === null ? 'tombstone' : 'record');

function eventTypesIn(broker: BrokerState): Set<string> {
  const names = new Set<string>();
  for (const t of Object.values(broker.topics))
    for (const p of t.partitions) for (const r of p.records) names.add(eventTypeOf(r));
  return names;
}
const tpKey = (topic: string, partition: number) => `${topic}:${partition}`;
const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Wraps words into lines of at most `n` characters. */
export function wrap(text: string, n: number, maxLines = 3): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const w of text.split(' ')) {
    if (cur && (cur + ' ' + w).length > n) {
      lines.push(cur);
      cur = w;
    } else cur = cur ? `${cur} ${w}` : w;
  }
  if (cur) lines.push(cur);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = `${kept[maxLines - 1]!.slice(0, n - 1)}…`;
    return kept;
  }
  return lines;
}

/** Short, unique badges for groups ("M", "P", "Pa"…), so marks never rely on colour alone. */
export function groupBadges(labels: readonly string[]): string[] {
  const used = new Set<string>();
  return labels.map((label) => {
    const clean = label.replace(/[^A-Za-z0-9]/g, '') || 'G';
    for (let n = 1; n <= clean.length; n++) {
      const b = clean.slice(0, 1).toUpperCase() + clean.slice(1, n).toLowerCase();
      if (!used.has(b)) {
        used.add(b);
        return b;
      }
    }
    let i = 2;
    while (used.has(`${clean[0]!.toUpperCase()}${i}`)) i++;
    const b = `${clean[0]!.toUpperCase()}${i}`;
    used.add(b);
    return b;
  });
}

/** A point along a token's curve at t ∈ [0, 1] (cubic Bézier, as the SVG path draws it). */
export function tokenPoint(t: TokenVM, u: number): Point {
  const lerp = (a: Point, b: Point) => ({ x: interpolateNumber(a.x, b.x)(u), y: interpolateNumber(a.y, b.y)(u) });
  const a = lerp(t.from, t.c1);
  const b = lerp(t.c1, t.c2);
  const c = lerp(t.c2, t.to);
  const d = lerp(a, b);
  const e = lerp(b, c);
  return lerp(d, e);
}

function makeToken(
  id: string,
  kind: TokenVM['kind'],
  from: Point,
  to: Point,
  colour: string,
  label: string,
  index: number,
): TokenVM {
  const mx = (from.x + to.x) / 2;
  return {
    id,
    kind,
    from,
    to,
    c1: { x: mx, y: from.y },
    c2: { x: mx, y: to.y },
    d: link({ source: from, target: to }) ?? '',
    colour,
    label,
    index,
  };
}

const tpLabel = (tps: readonly TopicPartition[], multiTopic: boolean) =>
  tps.map((tp) => (multiTopic ? `${tp.topic} P${tp.partition}` : `P${tp.partition}`)).join(', ');

function rebalanceOf(effects: readonly Effect[], groupId: string, multiTopic: boolean): RebalanceVM | null {
  let protocol: 'eager' | 'cooperative' | null = null;
  let generation = 0;
  const revoked: TopicPartition[] = [];
  const assigned: TopicPartition[] = [];
  const reasons: string[] = [];
  for (const e of effects) {
    if (e.kind === 'rebalance-started' && e.groupId === groupId) {
      protocol ??= e.protocol;
      generation = Math.max(generation, e.generation);
      reasons.push(e.reason);
    }
    if (e.kind === 'rebalance-completed' && e.groupId === groupId) generation = Math.max(generation, e.generation);
    if (e.kind === 'partitions-revoked' && e.groupId === groupId) {
      revoked.push(...e.partitions);
      reasons.push(e.reason);
    }
    if (e.kind === 'partitions-assigned' && e.groupId === groupId) {
      assigned.push(...e.partitions);
      reasons.push(e.reason);
    }
  }
  if (!protocol) return null;
  let text: string;
  if (protocol === 'eager') {
    text =
      revoked.length > 0
        ? `generation ${generation} · eager: all ${revoked.length} partition${revoked.length === 1 ? '' : 's'} revoked, then reassigned`
        : `generation ${generation} · eager: ${assigned.length} partition${assigned.length === 1 ? '' : 's'} assigned`;
  } else {
    text =
      revoked.length > 0
        ? `generation ${generation} · cooperative: only ${tpLabel(revoked, multiTopic)} moved`
        : `generation ${generation} · cooperative: ${assigned.length ? `${tpLabel(assigned, multiTopic)} assigned, nothing revoked` : 'nothing moved'}`;
  }
  return { protocol, generation, lines: wrap(text, GROUP_CAPTION_CHARS, 3), detail: reasons.join(' · ') };
}

export function layoutBroker(input: LayoutInput): BrokerViewModel {
  const { broker, effects } = input;
  const width = Math.max(MIN_WIDTH, Math.round(input.width ?? DEFAULT_WIDTH));
  const expanded = input.expanded ?? new Set<string>();
  const appended = new Set<string>();
  const fetched = new Map<string, string[]>();
  const emittedBy = new Map<string, number>();
  for (const e of effects) {
    if (e.kind === 'record-appended') {
      appended.add(`${e.topic}:${e.partition}:${e.offset}`);
      const id = e.producerId ?? '(anonymous)';
      emittedBy.set(id, (emittedBy.get(id) ?? 0) + 1);
    }
    if (e.kind === 'records-fetched')
      for (const o of e.offsets) {
        const k = `${e.topic}:${e.partition}:${o}`;
        fetched.set(k, [...(fetched.get(k) ?? []), e.groupId]);
      }
  }
  const groupDefs = input.groups.filter((g) => broker.groups[g.id]);
  const badges = groupBadges(groupDefs.map((g) => g.label ?? g.id));
  const meta = new Map(
    groupDefs.map((g, i) => [
      g.id,
      { label: g.label ?? g.id, badge: badges[i]!, colour: groupColour(input.groups.indexOf(g)) },
    ]),
  );

  const GROUP_X = width - PAD - GROUP_W;
  const TOPIC_W = GROUP_X - GAP_TO_GROUPS - TOPIC_X;
  // Cells share the topic's width: as many as fit at the minimum width; wider when the logs are short.
  const room = TOPIC_W - LABEL_W - 8;
  // Boxes are at least wide enough for the longest event type on screen to read whole (cellLabel.ts).
  const minCellW = Math.min(Math.floor(room / 3), cellWidthFor(eventTypesIn(broker), CELL_W, MAX_CELL_W));
  const perLine = Math.max(3, Math.floor(room / minCellW));
  const longest = Math.max(
    0,
    ...Object.values(broker.topics).flatMap((t) => t.partitions.map((p) => p.records.length)),
  );
  const cellW = Math.max(
    minCellW,
    Math.min(MAX_CELL_W, Math.floor(room / Math.max(5, Math.min(perLine, longest + 1)))),
  );

  // Topics, stacked vertically; a partition row holds one line of cells, or several when expanded.
  const topics: TopicVM[] = [];
  let y = 8;
  for (const [name, topic] of Object.entries(broker.topics)) {
    const top = y;
    y += TOPIC_HEAD;
    const partitions = topic.partitions.map((log, p): PartitionVM => {
      const key = tpKey(name, p);
      const count = log.records.length;
      const isExpanded = expanded.has(key) && count + 1 > perLine;
      const visible = isExpanded ? log.records : log.records.slice(Math.max(0, count - (perLine - 1)));
      const lines = Math.max(1, Math.ceil((visible.length + 1) / perLine));
      const rowTop = y;
      const at = (i: number): Point => ({
        x: TOPIC_X + LABEL_W + (i % perLine) * cellW,
        y: rowTop + Math.floor(i / perLine) * LINE_H,
      });
      const firstVisible = visible[0]?.offset ?? log.logEndOffset;
      /** Index of the slot the boundary before `offset` sits at. */
      const slotOf = (offset: number) => {
        const i = visible.findIndex((r) => r.offset >= offset);
        return i < 0 ? visible.length : i;
      };
      const commits: CommitMarkVM[] = [];
      const perSlot = new Map<number, number>();
      for (const g of groupDefs) {
        const state = broker.groups[g.id]!;
        const committed = state.committed[key]?.offset;
        if (committed === undefined || !state.topics.includes(name)) continue;
        const slot = slotOf(committed);
        const n = perSlot.get(slot) ?? 0;
        perSlot.set(slot, n + 1);
        const pos = at(slot);
        const m = meta.get(g.id)!;
        commits.push({
          groupId: g.id,
          badge: m.badge,
          colour: m.colour,
          x: pos.x + n * 22,
          y: pos.y + CELL_H + 2,
          offset: committed,
          label: m.label,
          lag: Math.max(0, log.logEndOffset - committed),
          before: committed < firstVisible,
        });
      }
      const next = at(visible.length);
      y = rowTop + lines * LINE_H + ROW_GAP;
      return {
        topic: name,
        partition: p,
        y: rowTop,
        height: lines * LINE_H,
        anchorY: rowTop + CELL_H / 2,
        cells: visible.map((r, i) => {
          const pos = at(i);
          const eventType = eventTypeOf(r);
          return {
            offset: r.offset,
            x: pos.x,
            y: pos.y,
            key: r.key,
            eventType,
            eventId: r.eventId,
            isNew: appended.has(`${name}:${p}:${r.offset}`),
            fetchedBy: fetched.get(`${name}:${p}:${r.offset}`) ?? [],
            name: `offset ${r.offset}, ${eventType}, ${r.key === null ? 'no key' : `key ${r.key}`}, topic ${name}, partition ${p}`,
          };
        }),
        hiddenBefore: isExpanded ? 0 : count - visible.length,
        deleted: log.logStartOffset,
        expanded: isExpanded,
        expandable: count + 1 > perLine,
        logStartOffset: log.logStartOffset,
        logEndOffset: log.logEndOffset,
        next,
        commits,
      };
    });
    y += 4;
    topics.push({
      name,
      x: TOPIC_X,
      y: top,
      width: TOPIC_W,
      height: y - top,
      compacted: topic.config.cleanupPolicy === 'compact',
      partitions,
    });
    y += 14;
  }
  const topicsBottom = y;

  // Emitters on the left: producers, the relay, services, and anyone else who appended this step.
  const emitterDefs: Omit<EmitterVM, 'x' | 'y' | 'width' | 'height' | 'emitted' | 'titleLines'>[] = [
    ...input.producers.map((p) => ({
      id: p.id,
      kind: 'producer' as const,
      label: p.label,
      sub: 'producer',
      colour: PRODUCER_COLOUR,
    })),
    ...(input.relay
      ? [
          {
            id: 'relay',
            kind: 'relay' as const,
            label: 'Outbox relay',
            sub: 'publishes stored events',
            colour: PRODUCER_COLOUR,
          },
        ]
      : []),
    ...(input.services ?? []).map((s) => ({
      id: s.id,
      kind: 'service' as const,
      label: s.label,
      sub: `reads via ${meta.get(s.group)?.label ?? s.group}`,
      colour: PRODUCER_COLOUR,
    })),
  ];
  for (const id of emittedBy.keys()) {
    if (!emitterDefs.some((d) => d.id === id)) {
      emitterDefs.push({
        id,
        kind: 'other',
        label: id === 'learner' ? 'You (learner)' : id,
        sub: 'producer',
        colour: PRODUCER_COLOUR,
      });
    }
  }
  let ey = 8 + TOPIC_HEAD;
  const producers: EmitterVM[] = emitterDefs.map((d) => {
    const titleLines = wrap(d.label, 18, 2);
    const height = 32 + titleLines.length * 16;
    const vm = { ...d, titleLines, x: PAD, y: ey, width: EMITTER_W, height, emitted: emittedBy.get(d.id) ?? 0 };
    ey += height + 10;
    return vm;
  });

  // Groups, stacked on the right: members with their partitions as chips, then the lag chart.
  const groups: GroupVM[] = [];
  let gy = 8;
  for (const g of groupDefs) {
    const state = broker.groups[g.id]!;
    const m = meta.get(g.id)!;
    const multiTopic = state.topics.length > 1;
    const rebalance = rebalanceOf(effects, g.id, multiTopic);
    const revokedBy = new Map<string, Set<string>>();
    const assignedTo = new Map<string, Set<string>>();
    for (const e of effects) {
      if ((e.kind === 'partitions-revoked' || e.kind === 'partitions-assigned') && e.groupId === g.id) {
        const map = e.kind === 'partitions-revoked' ? revokedBy : assignedTo;
        const set = map.get(e.memberId) ?? new Set<string>();
        for (const tp of e.partitions) set.add(tpKey(tp.topic, tp.partition));
        map.set(e.memberId, set);
      }
    }
    const x = GROUP_X;
    let my = gy + 42 + (rebalance ? rebalance.lines.length * 15 + 2 : 0);
    const members: MemberVM[] = [];
    const innerW = GROUP_W - 20;
    for (const mem of Object.values(state.members).sort((a, b) => byId(a.memberId, b.memberId))) {
      const revoked = revokedBy.get(mem.memberId) ?? new Set<string>();
      const assigned = assignedTo.get(mem.memberId) ?? new Set<string>();
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
          const lag = committed === null ? null : Math.max(0, end - committed);
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
      members.push({
        groupId: g.id,
        memberId: mem.memberId,
        x: x + 10,
        y: my,
        width: innerW,
        height,
        idle,
        chips,
        lines,
        status,
      });
      my += height + 6;
    }
    if (members.length === 0) my += 22;
    const chart = { x: x + 10, y: my + 14, width: innerW, height: CHART_H };
    const height = chart.y + chart.height + 8 - gy;
    groups.push({
      groupId: g.id,
      label: m.label,
      badge: m.badge,
      colour: m.colour,
      assignor: state.assignor,
      generation: state.generation,
      x,
      y: gy,
      width: GROUP_W,
      height,
      members,
      rebalance,
      chart,
    });
    gy += height + 12;
  }

  // Ownership links: partition row → owning member, one colour per group (the view shows a subset).
  const partitionAnchor = (topic: string, partition: number): Point | null => {
    const t = topics.find((x) => x.name === topic);
    const p = t?.partitions[partition];
    return t && p ? { x: t.x + t.width, y: p.anchorY } : null;
  };
  const links: LinkVM[] = [];
  for (const g of groups)
    for (const m of g.members)
      for (const c of m.chips) {
        if (c.state === 'revoked') continue;
        const from = partitionAnchor(c.topic, c.partition);
        if (!from) continue;
        const to = { x: m.x, y: m.y + 11 };
        links.push({
          id: `${g.groupId}/${m.memberId}/${c.topic}-${c.partition}`,
          d: link({ source: from, target: to }) ?? '',
          colour: g.colour,
          groupId: g.groupId,
        });
      }

  // Tokens for this step's effects: emitter → cell, then cell → member.
  const tokens: TokenVM[] = [];
  const cellCentre = (topic: string, partition: number, offset: number): Point | null => {
    const p = topics.find((t) => t.name === topic)?.partitions[partition];
    const c = p?.cells.find((x) => x.offset === offset);
    return p && c ? { x: c.x + cellW / 2, y: c.y + CELL_H / 2 } : null;
  };
  for (const e of effects) {
    if (e.kind === 'record-appended') {
      const prod = producers.find((p) => p.id === (e.producerId ?? '(anonymous)'));
      const to = cellCentre(e.topic, e.partition, e.offset);
      if (!to) continue;
      const from = prod ? { x: prod.x + prod.width, y: prod.y + prod.height / 2 } : { x: TOPIC_X - 30, y: to.y };
      tokens.push(
        makeToken(
          `p/${e.topic}/${e.partition}/${e.offset}/${tokens.length}`,
          'produce',
          from,
          to,
          PRODUCER_COLOUR,
          e.key ?? '∅',
          tokens.length,
        ),
      );
    }
    if (e.kind === 'records-fetched') {
      const g = groups.find((x) => x.groupId === e.groupId);
      const m = g?.members.find((x) => x.memberId === e.memberId);
      if (!g || !m) continue;
      for (const o of e.offsets) {
        const from = cellCentre(e.topic, e.partition, o);
        if (!from) continue;
        const to = { x: m.x + 12, y: m.y + 11 };
        tokens.push(
          makeToken(
            `f/${e.groupId}/${e.memberId}/${e.topic}/${e.partition}/${o}/${tokens.length}`,
            'fetch',
            from,
            to,
            g.colour,
            String(o),
            tokens.length,
          ),
        );
      }
    }
  }

  const height =
    Math.max(
      topicsBottom,
      gy,
      producers.reduce((h, p) => Math.max(h, p.y + p.height + 8), 0),
    ) + 4;
  return { width, height, cellW, producers, topics, groups, links, tokens };
}
