import { describe, expect, it } from 'vitest';
import { findBuiltin } from '../../scenarios/content/index';
import { Stepper } from '../../scenarios/stepper';
import { planStages } from '../../state/stagePlan';
import { layoutBroker } from './brokerLayout';
import type { BrokerViewModel } from './brokerTypes';

const scenario = findBuiltin('pubsub-basics')!;
const stepper = new Stepper(scenario, []);

/** The first step whose effects include all of `kinds`. */
function stepWith(...kinds: string[]): number {
  for (let k = 1; k <= stepper.lastStep; k++) {
    const have = new Set(stepper.at(k).effects.map((e) => e.kind));
    if (kinds.every((x) => have.has(x as never))) return k;
  }
  throw new Error(`no step with ${kinds.join(', ')}`);
}

/** The layout of step k with stage `at` (a kind, or 'done') on screen. */
function layoutAt(k: number, at: string): BrokerViewModel {
  const r = stepper.at(k);
  const stages = planStages(r.effects);
  const index = at === 'done' ? stages.length : stages.findIndex((s) => s.kind === at);
  expect(index).toBeGreaterThanOrEqual(0);
  const t = scenario.topology;
  return layoutBroker({
    broker: r.world.broker,
    effects: r.effects,
    producers: t.producers,
    groups: t.groups,
    services: t.services ?? [],
    relay: t.relay !== undefined,
    width: 940,
    stage: { before: stepper.at(k - 1).world.broker, stages, index },
  });
}

const partition = (m: BrokerViewModel, topic: string, p: number) =>
  m.topics.find((t) => t.name === topic)!.partitions[p]!;

describe('the broker drawn stage by stage', () => {
  const produce = stepWith('record-appended');
  const appended = stepper.at(produce).effects.find((e) => e.kind === 'record-appended')!;
  if (appended.kind !== 'record-appended') throw new Error('unreachable');
  const { topic, partition: p, offset } = appended;

  it('a produced record flies during send and appears only when it lands, with a label', () => {
    const send = layoutAt(produce, 'send');
    expect(send.stage.kind).toBe('send');
    expect(partition(send, topic, p).cells.map((c) => c.offset)).not.toContain(offset);
    // The "next" slot waits at the old log-end; the token flies to it.
    expect(partition(send, topic, p).logEndOffset).toBe(offset);
    expect(send.tokens.filter((t) => t.kind === 'produce')).toHaveLength(1);
    expect(send.tokens[0]!.to.x).toBeCloseTo(partition(send, topic, p).next.x + send.cellW / 2);
    expect(send.stage.caption).toMatch(/^1 of 2 · /);

    const land = layoutAt(produce, 'land');
    const cell = partition(land, topic, p).cells.find((c) => c.offset === offset);
    expect(cell?.isNew).toBe(true);
    expect(land.tokens).toHaveLength(0);
    expect(land.stage.labels).toContainEqual(
      expect.objectContaining({ text: `new · offset ${offset}`, current: true }),
    );
    expect(land.stage.rings.length).toBeGreaterThan(0);
    expect(land.stage.caption).toBe(`2 of 2 · Lands at ${topic}-${p} @${offset}`);

    // Fully shown: the label stays, quieter, until the next step; nothing flies.
    const done = layoutAt(produce, 'done');
    expect(done.stage).toMatchObject({ kind: 'done', caption: null, rings: [] });
    expect(done.stage.labels).toContainEqual(
      expect.objectContaining({ text: `new · offset ${offset}`, current: false }),
    );
    expect(done.tokens).toHaveLength(0);
  });

  // A poll that moves an existing commit (not a group's first commit).
  const poll = [...Array(stepper.lastStep).keys()]
    .map((i) => i + 1)
    .find((k) =>
      stepper.at(k).effects.some((e) => e.kind === 'offset-committed' && e.previous !== null && e.previous < e.offset),
    )!;
  const commit = stepper
    .at(poll)
    .effects.find((e) => e.kind === 'offset-committed' && e.previous !== null && e.previous < e.offset)!;
  if (commit.kind !== 'offset-committed') throw new Error('unreachable');
  const tagOf = (m: BrokerViewModel) =>
    partition(m, commit.topic, commit.partition).commits.find((c) => c.groupId === commit.groupId)!;

  it('a commit tag stays at the previous offset until the commit, then moves with a label', () => {
    expect(commit.previous).not.toBe(commit.offset);
    for (const at of ['fetch', 'process']) expect(tagOf(layoutAt(poll, at)).offset).toBe(commit.previous);
    expect(layoutAt(poll, 'fetch').tokens.every((t) => t.kind === 'fetch')).toBe(true);
    expect(layoutAt(poll, 'fetch').tokens.length).toBeGreaterThan(0);
    const at = layoutAt(poll, 'commit');
    expect(tagOf(at).offset).toBe(commit.offset);
    expect(at.stage.labels).toContainEqual(
      expect.objectContaining({ text: `committed ${commit.offset}`, current: true }),
    );
    expect(at.tokens).toHaveLength(0);
  });

  it('a member shows "processing…" while processing, and its lag stays old until the lag stage', () => {
    const member = (m: BrokerViewModel) =>
      m.groups
        .find((g) => g.groupId === commit.groupId)!
        .members.find((x) => x.chips.some((c) => c.topic === commit.topic && c.partition === commit.partition))!;
    expect(member(layoutAt(poll, 'process')).note).toEqual({ text: 'processing…', current: true });
    const beforeLag = member(layoutAt(poll, 'commit'));
    const afterLag = member(layoutAt(poll, 'lag'));
    expect(beforeLag.status).not.toBe(afterLag.status);
    // The commit tag's lag too: old at the commit, new at the lag stage.
    expect(tagOf(layoutAt(poll, 'commit')).lag).not.toBe(tagOf(layoutAt(poll, 'lag')).lag);
    const lagNow = afterLag.status.replace('lag ', '');
    expect(afterLag.note).toEqual({ text: `${beforeLag.status} → ${lagNow}`, current: true });
    expect(member(layoutAt(poll, 'done')).note).toMatchObject({ current: false });
  });

  it('draws the step complete when there is no world before it (a jump, a reload)', () => {
    const r = stepper.at(poll);
    const t = scenario.topology;
    const input = {
      broker: r.world.broker,
      effects: r.effects,
      producers: t.producers,
      groups: t.groups,
      width: 940,
    };
    const stages = planStages(r.effects);
    const m = layoutBroker({ ...input, stage: { before: null, stages, index: 0 } });
    expect(tagOf(m).offset).toBe(commit.offset);
  });
});

describe('a rebalance, stage by stage', () => {
  const sc = findBuiltin('consumer-groups-rebalancing')!;
  const st = new Stepper(sc, []);
  const k = [...Array(st.lastStep).keys()]
    .map((i) => i + 1)
    .find((j) => st.at(j).effects.some((e) => e.kind === 'member-joined' && e.groupId === 'shipping'))!;
  const at = (kind: string) => {
    const r = st.at(k);
    const stages = planStages(r.effects);
    const index = kind === 'done' ? stages.length : stages.findIndex((s) => s.kind === kind);
    const m = layoutBroker({
      broker: r.world.broker,
      effects: r.effects,
      producers: sc.topology.producers,
      groups: sc.topology.groups,
      width: 940,
      stage: { before: st.at(k - 1).world.broker, stages, index },
    });
    return m.groups.find((g) => g.groupId === 'shipping')!;
  };

  it('keeps the old partitions until the rebalance; the new member waits for it', () => {
    const joined = at('members');
    const before = st.at(k - 1).world.broker.groups['shipping']!;
    expect(joined.generation).toBe(before.generation);
    expect(joined.rebalance).toBeNull();
    const newcomer = joined.members.find((m) => !before.members[m.memberId])!;
    expect(newcomer).toMatchObject({ chips: [], status: 'joined', awaitingRebalance: true });
    for (const m of joined.members) expect(m.chips.every((c) => c.state === 'kept')).toBe(true);

    const rebalanced = at('rebalance');
    expect(rebalanced.generation).toBeGreaterThan(before.generation);
    expect(rebalanced.rebalance).not.toBeNull();
    expect(rebalanced.members.flatMap((m) => m.chips).some((c) => c.state !== 'kept')).toBe(true);
    expect(rebalanced.members.some((m) => m.awaitingRebalance)).toBe(false);
  });
});
