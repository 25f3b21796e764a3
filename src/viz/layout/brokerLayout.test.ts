import { describe, expect, it } from 'vitest';
import { allBuiltins, findBuiltin } from '../../scenarios/content/index';
import { Stepper } from '../../scenarios/stepper';
import { groupBadges, layoutBroker, MIN_WIDTH, tokenPoint, wrap, type LayoutInput } from './brokerLayout';

const inputAt = (id: string, step: number, width = 900): LayoutInput => {
  const scenario = findBuiltin(id)!;
  const r = new Stepper(scenario, []).at(step);
  const t = scenario.topology;
  return {
    broker: r.world.broker,
    effects: r.effects,
    producers: t.producers,
    groups: t.groups,
    services: t.services ?? [],
    relay: t.relay !== undefined,
    width,
  };
};

describe('broker layout', () => {
  it('lays out every built-in scenario at every step inside its own bounds', () => {
    for (const scenario of allBuiltins()) {
      const stepper = new Stepper(scenario, []);
      const t = scenario.topology;
      for (let k = 0; k <= stepper.lastStep; k++) {
        const r = stepper.at(k);
        const m = layoutBroker({
          broker: r.world.broker,
          effects: r.effects,
          producers: t.producers,
          groups: t.groups,
          services: t.services ?? [],
          relay: t.relay !== undefined,
          width: 880,
        });
        expect(m.width).toBe(880);
        for (const topic of m.topics)
          for (const p of topic.partitions)
            for (const c of p.cells) expect(c.x + m.cellW).toBeLessThanOrEqual(topic.x + topic.width + 1);
        for (const g of m.groups) {
          expect(g.x + g.width).toBeLessThanOrEqual(m.width);
          expect(g.y + g.height).toBeLessThanOrEqual(m.height);
          for (const mem of g.members)
            for (const c of mem.chips) expect(c.x + c.width).toBeLessThanOrEqual(mem.x + mem.width);
        }
        for (const tok of m.tokens) expect(tok.d).toMatch(/^M/);
      }
    }
  });

  it('grows in height, not narrower, for a busy scenario; never below the minimum width', () => {
    const busy = layoutBroker(inputAt('ride-sharing', 5));
    expect(busy.groups).toHaveLength(5);
    expect(busy.height).toBeGreaterThan(500);
    expect(layoutBroker(inputAt('ride-sharing', 5, 300)).width).toBe(MIN_WIDTH);
    // Groups are stacked without overlap.
    for (let i = 1; i < busy.groups.length; i++)
      expect(busy.groups[i]!.y).toBeGreaterThanOrEqual(busy.groups[i - 1]!.y + busy.groups[i - 1]!.height);
  });

  it('draws producers, the relay and services as emitters, with the records they sent this step', () => {
    const m = layoutBroker(inputAt('ride-sharing', 5));
    const kinds = m.producers.map((p) => p.kind);
    expect(kinds).toContain('producer');
    expect(kinds).toContain('relay');
    expect(kinds.filter((k) => k === 'service')).toHaveLength(4);
    const service = m.producers.find((p) => p.kind === 'service')!;
    expect(service.sub).toMatch(/^reads via /);
    // Every produce token starts at an emitter's right edge.
    for (const tok of m.tokens.filter((t) => t.kind === 'produce'))
      expect(m.producers.some((p) => p.x + p.width === tok.from.x)).toBe(true);
  });

  it('names every record cell for assistive technology', () => {
    const m = layoutBroker(inputAt('pubsub-basics', 5));
    const cell = m.topics[0]!.partitions[0]!.cells[0]!;
    expect(cell.name).toMatch(/^offset 0, OrderPlaced, key order-\d, topic orders, partition 0$/);
  });

  it('marks commits with a group badge and the lag, and ownership links per group', () => {
    const m = layoutBroker(inputAt('pubsub-basics', 5));
    const marks = m.topics[0]!.partitions.flatMap((p) => p.commits);
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((c) => c.badge.length > 0 && c.lag >= 0)).toBe(true);
    expect(new Set(m.links.map((l) => l.groupId))).toEqual(new Set(['billing', 'analytics']));
  });

  it('expands a partition onto several lines so every record is reachable', () => {
    const scenario = findBuiltin('partitions-keys-ordering')!;
    const stepper = new Stepper(scenario, []);
    const input = inputAt('partitions-keys-ordering', stepper.lastStep, 800);
    const m = layoutBroker(input);
    const longest = m.topics
      .flatMap((t) => t.partitions)
      .sort((a, b) => b.logEndOffset - b.logStartOffset - (a.logEndOffset - a.logStartOffset))[0]!;
    if (!longest.expandable) return;
    expect(longest.hiddenBefore).toBeGreaterThan(0);
    const wide = layoutBroker({ ...input, expanded: new Set([`${longest.topic}:${longest.partition}`]) });
    const p = wide.topics.find((t) => t.name === longest.topic)!.partitions[longest.partition]!;
    expect(p.hiddenBefore).toBe(0);
    expect(p.cells.length).toBe(longest.cells.length + longest.hiddenBefore);
    expect(p.height).toBeGreaterThan(longest.height);
  });

  it('at step 0 shows each group as the setup left it: no rebalance caption, no chip revoked or assigned', () => {
    // Publish/subscribe basics: billing-2's join before step 1 made billing generation 2 (billing-1's P2 revoked).
    const raw = layoutBroker(inputAt('pubsub-basics', 0));
    expect(raw.groups.find((g) => g.groupId === 'billing')!.rebalance?.lines.join(' ')).toMatch(/eager: all 3/);
    const m = layoutBroker({ ...inputAt('pubsub-basics', 0), initial: true });
    const billing = m.groups.find((g) => g.groupId === 'billing')!;
    expect(billing.generation).toBe(2);
    expect(m.groups.map((g) => g.rebalance)).toEqual(m.groups.map(() => null));
    const chips = billing.members.flatMap((mem) => mem.chips.map((c) => [mem.memberId, c.label, c.state]));
    expect(chips).toEqual([
      ['billing-1', 'P0', 'kept'],
      ['billing-1', 'P1', 'kept'],
      ['billing-2', 'P2', 'kept'],
    ]);
  });

  it('captions eager and cooperative rebalances differently and animates the chips', () => {
    const scenario = findBuiltin('consumer-groups-rebalancing')!;
    const stepper = new Stepper(scenario, []);
    const captions: string[] = [];
    const states = new Set<string>();
    for (let k = 0; k <= stepper.lastStep; k++) {
      const r = stepper.at(k);
      const m = layoutBroker({
        broker: r.world.broker,
        effects: r.effects,
        producers: scenario.topology.producers,
        groups: scenario.topology.groups,
      });
      for (const g of m.groups) {
        if (g.rebalance) captions.push(g.rebalance.lines.join(' '));
        for (const mem of g.members) for (const c of mem.chips) states.add(c.state);
      }
    }
    expect(captions.some((c) => /eager: /.test(c))).toBe(true);
    expect(captions.some((c) => /cooperative: /.test(c))).toBe(true);
    expect(captions.every((c) => /^generation \d+ · /.test(c))).toBe(true);
    expect(states.has('assigned') || states.has('reassigned')).toBe(true);
  });

  it('follows the SVG curve when placing a token on the canvas', () => {
    const m = layoutBroker(inputAt('pubsub-basics', 5));
    const tok = m.tokens[0]!;
    expect(tokenPoint(tok, 0)).toEqual(tok.from);
    const end = tokenPoint(tok, 1);
    expect(end.x).toBeCloseTo(tok.to.x);
    expect(end.y).toBeCloseTo(tok.to.y);
    const mid = tokenPoint(tok, 0.5);
    expect(mid.x).toBeCloseTo((tok.from.x + tok.to.x) / 2);
    expect(mid.y).toBeCloseTo((tok.from.y + tok.to.y) / 2);
  });

  it('gives groups unique short badges and wraps captions', () => {
    expect(groupBadges(['Matching', 'Pricing', 'Payments', 'Notifications', 'Analytics'])).toEqual([
      'M',
      'P',
      'Pa',
      'N',
      'A',
    ]);
    expect(groupBadges(['a', 'a'])).toEqual(['A', 'A2']);
    expect(wrap('generation 3 · eager: all 6 partitions revoked, then reassigned', 33)).toEqual([
      'generation 3 · eager: all 6',
      'partitions revoked, then',
      'reassigned',
    ]);
  });
});
