/**
 * Amazon EventBridge's diagram: event buses (row 0) → rules with their event patterns, and the archives
 * recording the bus (row 1) → targets with their endpoint's health, retry policy and attempts waiting
 * (row 2) → dashed, the target's dead-letter queue (row 3).
 */
import type { EbEffect, EbState } from '../../engine/eventbridge';
import type { DiagramSpec, EdgeSpec, NodeSpec } from './diagramTypes';
import { edgeMaker, plural } from './specParts';
import { Tally } from './tally';

const bid = (b: string) => `b:${b}`;
const rid = (r: string) => `r:${r}`;
const aid = (a: string) => `a:${a}`;
const tid = (r: string, t: string) => `t:${r}/${t}`;
const did = (q: string) => `d:${q}`;
const short = (pattern: unknown) => JSON.stringify(pattern).replace(/"/g, '');

export function eventbridgeSpec(
  state: EbState,
  effects: readonly EbEffect[],
  name = 'Amazon EventBridge',
): DiagramSpec {
  const tally = new Tally();
  const hot = new Set<string>();
  const busOf = new Map(state.rules.map((r) => [r.name, r.bus]));
  for (const e of effects) {
    switch (e.kind) {
      case 'eventbridge-put':
        tally.add(bid(e.bus), 'put');
        break;
      case 'eventbridge-unmatched':
        tally.add(bid(e.bus), 'matched no rule');
        break;
      case 'eventbridge-archived':
        tally.add(aid(e.archive), 'archived');
        for (const a of state.archives) if (a.name === e.archive) hot.add(`${bid(a.bus)}->${aid(a.name)}`);
        break;
      case 'eventbridge-replayed':
        // The effect names the replay, not its archive: with one archive there is no doubt which.
        if (state.archives.length === 1) tally.add(aid(state.archives[0]!.name), 'replayed');
        break;
      case 'eventbridge-delivered':
        tally.add(rid(e.rule), e.replayName ? 'matched (replay)' : 'matched');
        tally.add(
          tid(e.rule, e.target),
          e.duplicate ? 'invoked twice' : e.attempt > 1 ? 'delivered on a retry' : 'delivered',
        );
        hot.add(`${bid(busOf.get(e.rule) ?? '')}->${rid(e.rule)}`);
        hot.add(`${rid(e.rule)}->${tid(e.rule, e.target)}`);
        break;
      case 'eventbridge-attempt-failed':
        tally.add(tid(e.rule, e.target), e.retryAt === null ? 'failed' : 'failed (retrying)');
        hot.add(`${bid(busOf.get(e.rule) ?? '')}->${rid(e.rule)}`);
        break;
      case 'eventbridge-dead-lettered':
        tally.add(tid(e.rule, e.target), 'sent to its DLQ');
        tally.add(did(e.deadLetterQueue), 'in');
        hot.add(`${tid(e.rule, e.target)}->${did(e.deadLetterQueue)}`);
        break;
      case 'eventbridge-dropped':
        tally.add(tid(e.rule, e.target), 'dropped (no DLQ)');
        break;
      case 'eventbridge-health':
        for (const r of state.rules)
          for (const t of r.targets) if (t.endpoint === e.endpoint) tally.add(tid(r.name, t.id), `now ${e.health}`);
        break;
      default:
        break;
    }
  }
  const dlqs = [...new Set(state.rules.flatMap((r) => r.targets.flatMap((t) => t.deadLetterQueue ?? [])))];
  const nodes: NodeSpec[] = [
    ...state.buses.map((b) => ({
      id: bid(b),
      row: 0,
      kind: 'router' as const,
      title: b,
      lines: ['event bus', plural(state.rules.filter((r) => r.bus === b).length, 'rule')],
      step: tally.line(bid(b)),
    })),
    ...state.rules.map((r) => ({
      id: rid(r.name),
      row: 1,
      kind: 'router' as const,
      title: r.name,
      // The pattern is a line of the rule, not a label on its arrow: rules of one bus sit side by side.
      lines: [`rule · ${plural(r.targets.length, 'target')}`, short(r.pattern)],
      step: tally.line(rid(r.name)),
    })),
    ...state.archives.map((a) => ({
      id: aid(a.name),
      row: 1,
      kind: 'archive' as const,
      title: a.name,
      lines: [`archive · ${plural(a.events.length, 'event')}`],
      step: tally.line(aid(a.name)),
    })),
    ...state.rules.flatMap((r) =>
      r.targets.map((t) => {
        const waiting = state.pending.filter((p) => p.rule === r.name && p.target === t.id).length;
        return {
          id: tid(r.name, t.id),
          row: 2,
          kind: 'consumer' as const,
          title: t.id,
          lines: [
            `endpoint ${state.health[t.endpoint] ?? 'ok'}`,
            `retries waiting ${waiting}`,
            `max ${t.maxRetryAttempts} retries, ${Math.round(t.maxEventAgeMs / 3_600_000)} h`,
          ],
          step: tally.line(tid(r.name, t.id)),
        };
      }),
    ),
    ...dlqs.map((q) => ({
      id: did(q),
      row: 3,
      kind: 'dead' as const,
      title: q,
      lines: ['dead-letter queue', plural(state.deadLetterQueues[q]?.length ?? 0, 'event')],
      step: tally.line(did(q)),
    })),
  ];
  const edge = edgeMaker(hot);
  const edges: EdgeSpec[] = [
    ...state.rules.map((r) => edge(bid(r.bus), rid(r.name), null)),
    ...state.archives.map((a) => edge(bid(a.bus), aid(a.name), a.pattern ? short(a.pattern) : 'every event')),
    ...state.rules.flatMap((r) => r.targets.map((t) => edge(rid(r.name), tid(r.name, t.id), null))),
    ...state.rules.flatMap((r) =>
      r.targets.flatMap((t) =>
        t.deadLetterQueue ? [edge(tid(r.name, t.id), did(t.deadLetterQueue), 'DLQ', true)] : [],
      ),
    ),
  ];
  const summary =
    nodes.length === 0
      ? `${name}: nothing created yet.`
      : `${name}: ${plural(state.buses.length, 'bus', 'buses')}, ${plural(state.rules.length, 'rule')}, ${plural(state.archives.length, 'archive')}.`;
  return { name, nodes, edges, summary };
}
