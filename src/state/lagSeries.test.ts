import { describe, expect, it } from 'vitest';
import { allBuiltins, findBuiltin } from '../scenarios/content/index';
import { Stepper } from '../scenarios/stepper';
import { longScenario as longRun } from '../../bench/longRun';
import { groupLag, isLagSample, lagRowOf, lagSeriesOf, lagStride, LagSeries, type LagRow } from './lagSeries';

/** The lag of every step 0…k computed the slow, obvious way. */
const naive = (stepper: Stepper, steps: readonly number[]): LagRow[] => steps.map((s) => lagRowOf(stepper.at(s).world));
const range = (k: number) => Array.from({ length: k + 1 }, (_, i) => i);

/** A long run: pubsub-basics' topology with its publish/poll pattern repeated, on 50 keys (as in the stepper benchmark). */
const longScenario = (steps: number) => longRun(findBuiltin('pubsub-basics')!, steps, 'long', 50);

describe('group lag', () => {
  it('sums log-end − committed over committed partitions; no commit is null, not 0', () => {
    const stepper = new Stepper(findBuiltin('pubsub-basics')!, []);
    const first = stepper.at(1).world.broker;
    for (const id of Object.keys(first.groups)) expect(groupLag(first, id).lag).toBeNull();
    expect(groupLag(first, 'no-such-group')).toEqual({ lag: null, uncommitted: 0, noCommit: [] });
    const rows = naive(stepper, range(stepper.lastStep));
    expect(rows.some((r) => r.lags.billing === null)).toBe(true);
    expect(rows.some((r) => typeof r.lags.billing === 'number')).toBe(true);
  });
});

describe('a group with a commit on some partitions only', () => {
  // Publish/subscribe basics, step 5: billing-1 committed orders-0 and orders-1; billing-2 has not polled orders-2,
  // which holds an unread record. Kafka's tools print LAG "-" there, so the total is over the committed ones only.
  it('names the partitions without a commit beside the total, in the row of that step', () => {
    const stepper = new Stepper(findBuiltin('pubsub-basics')!, []);
    const world = stepper.at(5).world;
    expect(groupLag(world.broker, 'billing')).toEqual({ lag: 0, uncommitted: 1, noCommit: ['orders-2'] });
    expect(world.broker.topics.orders!.partitions[2]!.logEndOffset).toBeGreaterThan(0);
    const row = lagRowOf(world);
    expect(row.lags.billing).toBe(0);
    expect(row.noCommit?.billing).toEqual(['orders-2']);
    // A group with no commit at all is just null (nothing to name beside a total).
    expect(row.noCommit?.analytics).toBeUndefined();
  });

  it('the current step keeps what it says about partitions without a commit even when its row was restored lags-only', () => {
    const stepper = new Stepper(findBuiltin('pubsub-basics')!, []);
    const series = new LagSeries(stepper, stepper.lastStep);
    series.seed([{ step: 5, lags: { billing: 0, analytics: null } }]);
    const rows = series.upTo(5, stepper.at(5).world);
    expect(rows.at(-1)!.noCommit?.billing).toEqual(['orders-2']);
  });
});

describe('lag series', () => {
  it('keeps every step of a short run, sampled steps of a long one (just after the run stepper’s snapshots)', () => {
    expect(lagStride(20)).toBe(1);
    expect(lagStride(240)).toBe(1);
    expect(lagStride(241)).toBe(25);
    expect(lagStride(6000)).toBe(25);
    expect(lagStride(10_000)).toBe(50);
    expect(lagStride(10_000, 100)).toBe(100);
    expect(range(80).filter((s) => isLagSample(s, 25))).toEqual([0, 1, 26, 51, 76]);
  });

  it('jumping straight to step k gives the same series as stepping to k, for every built-in scenario and k', () => {
    let checked = 0;
    for (const scenario of allBuiltins()) {
      const walk = new Stepper(scenario, []);
      if (Object.keys(walk.at(walk.lastStep).world.broker.groups).length === 0) continue;
      const stepped = lagSeriesOf(walk);
      const all = naive(walk, range(walk.lastStep));
      for (let k = 0; k <= walk.lastStep; k++) {
        const shown = walk.at(k).world;
        const byStepping = stepped.upTo(k, shown);
        // A fresh run opened at step k (a link, or a jump with nothing seen before).
        const jumper = new Stepper(scenario, []);
        const jumped = lagSeriesOf(jumper).upTo(k, jumper.at(k).world);
        expect(jumped, `${scenario.id} at ${k}`).toEqual(byStepping);
        expect(byStepping).toEqual(all.slice(0, k + 1));
        checked++;
      }
      // Scrubbing back costs nothing more; every step was seen while stepping, so none was computed.
      expect(stepped.upTo(3, walk.at(3).world)).toEqual(all.slice(0, 4));
      expect(stepped.lookups).toBe(0);
    }
    expect(checked).toBeGreaterThan(100);
  }, 60_000);

  it('computes each step of a short run at most once, whatever the order of the jumps', () => {
    const scenario = findBuiltin('consumer-groups-rebalancing')!;
    const run = new Stepper(scenario, []);
    const series = lagSeriesOf(run);
    const last = run.lastStep;
    for (const k of [last, 3, 9, 0, last, 12]) expect(series.upTo(k)).toEqual(naive(run, range(k)));
    expect(series.lookups).toBe(last + 1);
  });

  it('samples a long run: a bounded number of points, the same series by stepping or jumping', () => {
    const scenario = longScenario(280);
    const options = { maxPoints: 10 };
    // What the learner is shown while stepping (kept at every step, so the walk itself stays quick).
    const walk = new Stepper(scenario, [], 1);
    expect(walk.lastStep).toBe(280);
    const stepped = new LagSeries(walk, walk.lastStep, options);
    expect(stepped.stride).toBe(50);
    const samples = [0, 1, 51, 101, 151, 201, 251];
    for (let k = 0; k <= walk.lastStep; k++) {
      const rows = stepped.upTo(k, walk.at(k).world);
      expect(rows.length).toBeLessThanOrEqual(options.maxPoints + 2);
      expect(rows.at(-1)!.step).toBe(k);
      if (k === 260) expect(rows.map((r) => r.step)).toEqual([...samples.slice(0, 7), 260]);
    }
    // Every sample was a step the walk showed: nothing computed.
    expect(stepped.lookups).toBe(0);

    // A session that jumps straight to 260: its stepper is there first, then the chart asks.
    const session = new Stepper(scenario, []);
    const shown = session.at(260).world;
    const jumped = new LagSeries(session, session.lastStep, options);
    const rows = jumped.upTo(260, shown);
    expect(rows).toEqual(stepped.upTo(260, shown));
    expect(rows).toEqual(naive(walk, [...samples.slice(0, 7), 260]));
    expect(rows.some((r) => (r.lags.billing ?? 0) > 0)).toBe(true);
    // One look-up per sample, none for the current step; scrubbing back within them costs nothing.
    expect(jumped.lookups).toBe(7);
    jumped.upTo(120, session.at(120).world);
    expect(jumped.lookups).toBe(7);
  }, 30_000);
});
