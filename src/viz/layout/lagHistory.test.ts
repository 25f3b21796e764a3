import { describe, expect, it } from 'vitest';
import { findBuiltin } from '../../scenarios/content/index';
import { Stepper } from '../../scenarios/stepper';
import { groupLag, layoutLagChart, recordStep, seriesFor, type LagHistory } from './lagHistory';

describe('lag history', () => {
  it('computes a group’s total lag; no commit is null, not 0', () => {
    const stepper = new Stepper(findBuiltin('pubsub-basics')!, []);
    const first = stepper.at(1).world.broker;
    for (const id of Object.keys(first.groups)) expect(groupLag(first, id).lag).toBeNull();
    const history: LagHistory = new Map();
    for (let k = 0; k <= stepper.lastStep; k++) recordStep(history, k, stepper.at(k).world.broker, ['billing', 'analytics']);
    const billing = seriesFor(history, 'billing', stepper.lastStep);
    expect(billing.some((p) => p.lag === null)).toBe(true);
    expect(billing.some((p) => typeof p.lag === 'number')).toBe(true);
  });

  it('draws gaps for unvisited steps and for no commit', () => {
    const history: LagHistory = new Map([
      [0, { g: null }],
      [1, { g: 2 }],
      [2, { g: 3 }],
      [5, { g: 1 }],
      [6, { g: 0 }],
    ]);
    const series = seriesFor(history, 'g', 6);
    expect(series.map((p) => p.lag)).toEqual([null, 2, 3, undefined, undefined, 1, 0]);
    const m = layoutLagChart(series, { width: 100, height: 30, lastStep: 10, currentStep: 6 });
    // Two separate runs of the line: steps 1–2 and 5–6.
    expect(m.line.match(/M/g)).toHaveLength(2);
    expect(m.noCommit).toHaveLength(1);
    expect(m.maxLag).toBe(3);
    expect(m.current?.lag).toBe(0);
    expect(m.current?.y).toBeCloseTo(28);
    expect(m.points).toBe(4);
  });

  it('has no current point when the current step has no commit', () => {
    const m = layoutLagChart([{ step: 0, lag: null }], { width: 100, height: 30, lastStep: 4, currentStep: 0 });
    expect(m.current).toBeNull();
    expect(m.line).toBe('');
  });
});
