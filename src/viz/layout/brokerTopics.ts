/**
 * The middle of the broker view: each topic's partitions as logs of record cells, with the "next"
 * slot and the groups' committed-offset tags under them. Cells share the topic's width.
 */
import type { BrokerState } from '../../engine/broker';
import {
  CELL_H,
  CELL_W,
  eventTypeOf,
  eventTypesIn,
  LABEL_W,
  LINE_H,
  MAX_CELL_W,
  ROW_GAP,
  TOPIC_HEAD,
  TOPIC_X,
  tpKey,
} from './brokerGeometry';
import type { CommitMarkVM, PartitionVM, Point, TopicVM } from './brokerTypes';
import { cellWidthFor } from './cellLabel';
import { recentAppends } from './partitionRate';

/** A group drawn on the view: its label, letter badge and colour. */
export interface GroupMeta {
  label: string;
  badge: string;
  colour: string;
}

/** How wide a record cell is, and how many fit on one line of a partition. */
export function cellMetrics(broker: BrokerState, topicW: number): { cellW: number; perLine: number } {
  // Cells share the topic's width: as many as fit at the minimum width; wider when the logs are short.
  const room = topicW - LABEL_W - 8;
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
  return { cellW, perLine };
}

export interface TopicsInput {
  broker: BrokerState;
  topicW: number;
  cellW: number;
  perLine: number;
  expanded: ReadonlySet<string>;
  groupIds: readonly string[];
  meta: ReadonlyMap<string, GroupMeta>;
  /** "topic:partition:offset" of records appended in this step. */
  appended: ReadonlySet<string>;
  /** The groups that fetched a record in this step (in the step's order). */
  fetchedBy: (topic: string, partition: number, offset: number) => string[];
  /** The committed offset lag is counted from (defaults to the committed offset drawn). */
  lagCommitted?: (groupId: string, key: string) => number | undefined;
}

/** Topics, stacked vertically; a partition row holds one line of cells, or several when expanded. */
export function layoutTopics(input: TopicsInput): { topics: TopicVM[]; bottom: number } {
  const { broker, topicW, cellW, perLine, expanded, groupIds, meta, appended, fetchedBy, lagCommitted } = input;
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
      for (const id of groupIds) {
        const state = broker.groups[id]!;
        const committed = state.committed[key]?.offset;
        if (committed === undefined || !state.topics.includes(name)) continue;
        const slot = slotOf(committed);
        const n = perSlot.get(slot) ?? 0;
        perSlot.set(slot, n + 1);
        const pos = at(slot);
        const m = meta.get(id)!;
        commits.push({
          groupId: id,
          badge: m.badge,
          colour: m.colour,
          x: pos.x + n * 22,
          y: pos.y + CELL_H + 2,
          offset: committed,
          label: m.label,
          lag: Math.max(0, log.logEndOffset - (lagCommitted?.(id, key) ?? committed)),
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
            fetchedBy: fetchedBy(name, p, r.offset),
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
      width: topicW,
      height: y - top,
      compacted: topic.config.cleanupPolicy === 'compact',
      recent: recentAppends(topic, broker.now),
      partitions,
    });
    y += 14;
  }
  return { topics, bottom: y };
}
