import { describe, expect, it } from 'vitest';
import type { LagRow } from '../../state/selectors';
import { lagSummary, layoutLagChart, nowWords, seriesFor } from './lagChart';

const rows = (values: readonly (number | null | 'absent')[]): LagRow[] =>
  values.map((v, step): LagRow => ({ step, lags: v === 'absent' ? {} : { g: v } }));

describe('lag chart', () => {
  it('draws gaps for no commit; a group not there yet has no commit', () => {
    const series = seriesFor(rows(['absent', null, 2, 3, null, 1, 0]), 'g');
    expect(series.map((p) => p.lag)).toEqual([null, null, 2, 3, null, 1, 0]);
    const m = layoutLagChart(series, { width: 100, height: 30, lastStep: 10, currentStep: 6 });
    // Two separate runs of the line: steps 2–3 and 5–6.
    expect(m.line.match(/M/g)).toHaveLength(2);
    expect(m.noCommit).toHaveLength(3);
    expect(m.maxLag).toBe(3);
    expect(m.current?.lag).toBe(0);
    expect(m.current?.y).toBeCloseTo(28);
    expect(m.points).toBe(4);
  });

  it('never says a bare 0 when a partition has no commit: the total is over the committed ones, the others are named', () => {
    const withGap: LagRow[] = [
      { step: 4, lags: { g: 2 } },
      { step: 5, lags: { g: 0 }, noCommit: { g: ['orders-2'] } },
    ];
    const series = seriesFor(withGap, 'g');
    const m = layoutLagChart(series, { width: 230, height: 34, lastStep: 12, currentStep: 5 });
    expect(m.current).toMatchObject({ lag: 0, noCommit: ['orders-2'] });
    expect(nowWords(m.current!)).toEqual({
      header: null,
      lines: ['now 0 on committed partitions', 'orders-2: no commit, lag unknown'],
    });
    expect(lagSummary('Billing', series, 1)).toBe(
      'Billing: total lag by step (from step 0) — step 4: 2, step 5: 0 on committed partitions (orders-2: no commit, lag unknown)',
    );
    const all = layoutLagChart(seriesFor(withGap, 'g'), { width: 230, height: 34, lastStep: 12, currentStep: 4 });
    expect(nowWords(all.current!)).toEqual({ header: 'now 2', lines: [] });
    const two = { ...m.current!, noCommit: ['orders-1', 'orders-2'] };
    expect(nowWords(two).lines[1]).toBe('2 partitions: no commit, lag unknown');
  });

  it('has no current point when the current step has no commit', () => {
    const m = layoutLagChart([{ step: 0, lag: null }], { width: 100, height: 30, lastStep: 4, currentStep: 0 });
    expect(m.current).toBeNull();
    expect(m.line).toBe('');
  });

  it('places sampled steps by their step number', () => {
    const series = [
      { step: 0, lag: 0 },
      { step: 1, lag: 4 },
      { step: 51, lag: 2 },
      { step: 70, lag: 1 },
    ];
    const m = layoutLagChart(series, { width: 104, height: 30, lastStep: 100, currentStep: 70 });
    expect(m.current?.x).toBeCloseTo(72);
    expect(m.currentX).toBeCloseTo(72);
    expect(m.line.match(/M/g)).toHaveLength(1);
  });

  it('summarises the last points as text, saying when the run is sampled', () => {
    const series = Array.from({ length: 20 }, (_, step) => ({ step, lag: step % 3 === 0 ? null : step }));
    const dense = lagSummary('billing', series, 1);
    expect(dense).toContain('billing: total lag by step (from step 0)');
    expect(dense).toContain('8 earlier points, then step 8: 8, step 9: no commit');
    expect(dense.endsWith('step 19: 19')).toBe(true);
    expect(lagSummary('billing', series.slice(0, 2), 50)).toBe(
      'billing: total lag by step (from step 0, every 50 steps) — step 0: no commit, step 1: 1',
    );
  });
});
