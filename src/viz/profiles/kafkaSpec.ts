/**
 * Kafka's diagram for the broker comparison (the player has its own, richer broker view): topics with
 * each partition's offsets (row 0) → consumer groups with each partition's committed offset and lag
 * (row 1) → members with the partitions they own (row 2). The step's effects mark appends, fetches,
 * commits and failures.
 */
import type { BrokerState } from '../../engine/broker';
import type { Effect } from '../../engine/types';
import type { DiagramSpec, EdgeSpec, NodeSpec } from './diagramTypes';
import { plural } from './specParts';
import { Tally } from './tally';

const tid = (t: string) => `t:${t}`;
const gid = (g: string) => `g:${g}`;
const mid = (g: string, m: string) => `m:${g}/${m}`;
/** Partitions listed one per line up to this many; a wider topic is summed up. */
const MAX_LINES = 4;

export function kafkaSpec(state: BrokerState, effects: readonly Effect[], name = 'Apache Kafka'): DiagramSpec {
  const tally = new Tally();
  const hot = new Set<string>();
  for (const e of effects) {
    switch (e.kind) {
      case 'record-appended':
        tally.add(tid(e.topic), 'appended');
        break;
      case 'records-fetched':
        tally.add(mid(e.groupId, e.memberId), 'fetched', e.offsets.length);
        hot.add(`${tid(e.topic)}->${gid(e.groupId)}`);
        hot.add(`${gid(e.groupId)}->${mid(e.groupId, e.memberId)}`);
        break;
      case 'offset-committed':
        tally.add(gid(e.groupId), 'committed');
        break;
      case 'processing-failed':
        tally.add(mid(e.groupId, e.memberId), 'failed');
        break;
      case 'record-dead-lettered':
        tally.add(mid(e.groupId, e.memberId), 'dead-lettered');
        break;
      case 'member-crashed':
        tally.add(mid(e.groupId, e.memberId), 'crashed');
        break;
      case 'rebalance-completed':
        tally.add(gid(e.groupId), 'rebalanced');
        break;
      default:
        break;
    }
  }
  const topics = Object.entries(state.topics);
  const groups = Object.values(state.groups);
  const nodes: NodeSpec[] = [
    ...topics.map(([t, ts]) => ({
      id: tid(t),
      row: 0,
      kind: 'store' as const,
      title: t,
      lines:
        ts.partitions.length <= MAX_LINES
          ? ts.partitions.map((p, i) =>
              p.logEndOffset === p.logStartOffset
                ? `p${i}: empty`
                : p.logEndOffset - p.logStartOffset === 1
                  ? `p${i}: offset ${p.logStartOffset}`
                  : `p${i}: offsets ${p.logStartOffset}–${p.logEndOffset - 1}`,
            )
          : [
              plural(ts.partitions.length, 'partition'),
              `${ts.partitions.reduce((n, p) => n + p.logEndOffset - p.logStartOffset, 0)} records`,
            ],
      step: tally.line(tid(t)),
    })),
    ...groups.map((g) => {
      const parts = g.topics.flatMap((t) =>
        (state.topics[t]?.partitions ?? []).map((p, i) => {
          const c = g.committed[`${t}:${i}`]?.offset;
          return c === undefined ? `${t}-${i}: no commit` : `${t}-${i} @${c}, lag ${p.logEndOffset - c}`;
        }),
      );
      return {
        id: gid(g.groupId),
        row: 1,
        kind: 'router' as const,
        title: g.groupId,
        lines:
          parts.length <= MAX_LINES
            ? parts
            : [...parts.slice(0, MAX_LINES - 1), `… ${parts.length - MAX_LINES + 1} more`],
        step: tally.line(gid(g.groupId)),
      };
    }),
    ...groups.flatMap((g) =>
      Object.values(g.members).map((m) => ({
        id: mid(g.groupId, m.memberId),
        row: 2,
        kind: 'consumer' as const,
        title: m.memberId,
        lines: [
          m.assignment.length === 0
            ? 'owns nothing'
            : `owns ${m.assignment.map((a) => `${a.topic}-${a.partition}`).join(', ')}`,
        ],
        step: tally.line(mid(g.groupId, m.memberId)),
      })),
    ),
  ];
  const edge = (from: string, to: string): EdgeSpec => ({ from, to, label: null, hot: hot.has(`${from}->${to}`) });
  const edges: EdgeSpec[] = [
    ...groups.flatMap((g) => g.topics.map((t) => edge(tid(t), gid(g.groupId)))),
    ...groups.flatMap((g) => Object.values(g.members).map((m) => edge(gid(g.groupId), mid(g.groupId, m.memberId)))),
  ];
  const summary =
    nodes.length === 0
      ? `${name}: nothing created yet.`
      : `${name}: ${plural(topics.length, 'topic')}, ${plural(groups.length, 'consumer group')}.`;
  return { name, nodes, edges, summary };
}
