/**
 * Pure layout of the broker view: producers, the relay and services on the left, each topic's
 * partitions as logs in the middle, consumer groups on the right, and the tokens that travel for this
 * step's effects. D3 computes positions and paths; React renders the returned view model.
 *
 * The layout is computed for the pixel width it will be drawn at (1 unit = 1 CSS px), so text keeps
 * its size: a busy scenario makes the view taller, never its text smaller. Each part of the view has
 * its own file (emitters, topics, groups and members, links, tokens); this one puts them together.
 */
import { layoutEmitters } from './brokerEmitters';
import { DEFAULT_WIDTH, GAP_TO_GROUPS, GROUP_W, groupBadges, MIN_WIDTH, PAD, TOPIC_X, tpKey } from './brokerGeometry';
import { layoutGroups } from './brokerGroups';
import { layoutLinks } from './brokerLinks';
import { memberNotes, stageMarks } from './brokerMarks';
import { shownBroker, stageMask } from './brokerStages';
import { layoutTokens } from './brokerTokens';
import { cellMetrics, layoutTopics, type GroupMeta } from './brokerTopics';
import type { BrokerViewModel, LayoutInput, StageMarksVM } from './brokerTypes';
import { groupColour } from './palette';

export type * from './brokerTypes';
export { CELL_H, CELL_W, DEFAULT_WIDTH, groupBadges, MIN_WIDTH, tagWidth, wrap } from './brokerGeometry';
export { tokenPoint } from './brokerTokens';

const NO_MARKS: StageMarksVM = { kind: 'done', caption: null, rings: [], labels: [] };

export function layoutBroker(input: LayoutInput): BrokerViewModel {
  // While a step's stages play, what is still to come is drawn as it was before the step.
  const mask = stageMask(input.stage);
  const shown = shownBroker(input.broker, input.effects, input.stage, mask);
  const { broker, effects } = shown;
  const width = Math.max(MIN_WIDTH, Math.round(input.width ?? DEFAULT_WIDTH));
  const expanded = input.expanded ?? new Set<string>();
  const appended = new Set<string>();
  // Fetches by partition: only the drawn cells ask which groups fetched them (a poll fetches 1,000
  // offsets; the layout runs at every stage of the step).
  const fetches = new Map<string, { groupId: string; offsets: readonly number[] }[]>();
  const emittedBy = new Map<string, number>();
  for (const e of effects) {
    if (e.kind === 'record-appended') {
      appended.add(`${e.topic}:${e.partition}:${e.offset}`);
      const id = e.producerId ?? '(anonymous)';
      emittedBy.set(id, (emittedBy.get(id) ?? 0) + 1);
    }
    if (e.kind === 'records-fetched') {
      const k = tpKey(e.topic, e.partition);
      const fetch = { groupId: e.groupId, offsets: e.offsets };
      const of = fetches.get(k);
      if (of) of.push(fetch);
      else fetches.set(k, [fetch]);
    }
  }
  const fetchedBy = (topic: string, partition: number, offset: number): string[] =>
    (fetches.get(tpKey(topic, partition)) ?? []).filter((f) => f.offsets.includes(offset)).map((f) => f.groupId);
  const groupDefs = input.groups.filter((g) => broker.groups[g.id]);
  const groupIds = groupDefs.map((g) => g.id);
  const badges = groupBadges(groupDefs.map((g) => g.label ?? g.id));
  const meta = new Map<string, GroupMeta>(
    groupDefs.map((g, i) => [
      g.id,
      { label: g.label ?? g.id, badge: badges[i]!, colour: groupColour(input.groups.indexOf(g)) },
    ]),
  );

  const GROUP_X = width - PAD - GROUP_W;
  const topicW = GROUP_X - GAP_TO_GROUPS - TOPIC_X;
  // Measured on the step's result, so cells keep their width while its records land.
  const { cellW, perLine } = cellMetrics(input.broker, topicW);
  const { topics, bottom: topicsBottom } = layoutTopics({
    broker,
    topicW,
    cellW,
    perLine,
    expanded,
    groupIds,
    meta,
    appended,
    fetchedBy,
    lagCommitted: shown.lagCommitted,
  });
  const producers = layoutEmitters({
    producers: input.producers,
    services: input.services ?? [],
    relay: input.relay ?? false,
    meta,
    emittedBy,
  });
  const laidOut = layoutGroups({
    broker,
    effects,
    groupIds,
    meta,
    x: GROUP_X,
    lagCommitted: shown.lagCommitted,
    initial: input.initial ?? false,
  });
  const gy = laidOut.bottom;
  const links = layoutLinks(topics, laidOut.groups);
  const staged = input.stage !== undefined;
  const tokens = layoutTokens({
    effects: input.effects,
    topics,
    producers,
    groups: laidOut.groups,
    cellW,
    ...(staged ? { flying: (i: number, kind: 'send' | 'fetch') => mask.now(i, kind) } : {}),
  });

  const height =
    Math.max(
      topicsBottom,
      gy,
      producers.reduce((h, p) => Math.max(h, p.y + p.height + 8), 0),
    ) + 4;
  const before = input.stage?.before ?? null;
  const committedBefore = (g: string, k: string) => before?.groups[g]?.committed[k]?.offset;
  const model: BrokerViewModel = {
    width,
    height,
    cellW,
    producers,
    topics,
    groups: laidOut.groups,
    links,
    tokens,
    stage: NO_MARKS,
  };
  const notes = memberNotes(model, input.effects, mask, { before: committedBefore });
  const groups = laidOut.groups.map((g) => ({
    ...g,
    members: g.members.map((m) => {
      const id = `${g.groupId}/${m.memberId}`;
      return shown.awaiting.has(id)
        ? { ...m, note: null, status: 'joined', awaitingRebalance: true }
        : { ...m, note: notes.get(id) ?? null };
    }),
  }));
  return { ...model, groups, stage: stageMarks(model, input.effects, mask, committedBefore) };
}
