import { describe, expect, it } from 'vitest';
import { alertFigures, lagTrend, type AlertRules } from './alerts';
import { addObservation, addSample, EMPTY_TRACING, type TracingState } from './metrics';

const rules: AlertRules = {
  windowMs: 60_000,
  maxLag: 4,
  lagCommits: 3,
  maxDeadLetters: 0,
  maxRebalances: 1,
  maxLatencyMs: 5000,
  maxErrorRate: 0.2,
};

/** One sample per second: [lag, committed] for group g (generation 1, no dead letters unless given). */
function sampled(points: [number, number][], extra: Partial<{ generation: number; deadLetters: number }>[] = []) {
  return points.reduce<TracingState>(
    (s, [lag, committed], i) =>
      addSample(s, {
        time: 1000 * i,
        groups: { g: { lag, committed, generation: 1, deadLetters: 0, ...(extra[i] ?? {}) } },
      }),
    EMPTY_TRACING,
  );
}

const figure = (s: TracingState, alert: string, now: number) =>
  alertFigures(s, rules, now).find((f) => f.alert === alert)!;

describe('lag: a threshold alone vs Burrow’s trend', () => {
  it('a burst a healthy consumer drains fires the threshold, never the trend', () => {
    const s = sampled([
      [0, 0],
      [6, 0], // six records arrive at once
      [0, 6], // one poll takes them all and commits
    ]);
    expect(
      figure(
        sampled([
          [0, 0],
          [6, 0],
        ]),
        'lag',
        1000,
      ).firing,
    ).toBe(true);
    expect(figure(s, 'lag', 2000).firing).toBe(false);
    expect(lagTrend(s.samples, 'g', 3, 60_000).trend).toBe('too-few-commits');
    expect(figure(s, 'lag-trend', 2000).firing).toBe(false);
  });

  it('a consumer that commits but falls further behind at every commit fires the trend while lag is still small', () => {
    // two records arrive per commit, one is processed: lag after each commit 1, 2, 3
    const s = sampled([
      [0, 0],
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    expect(lagTrend(s.samples, 'g', 3, 60_000)).toEqual({ trend: 'falling-behind', lags: [1, 2, 3] });
    const trend = figure(s, 'lag-trend', 3000);
    expect(trend.firing).toBe(true);
    expect(trend.value).toBe(2); // lag grew by 2 across the three commits
    expect(trend.reason).toMatch(/1 → 2 → 3/);
    expect(figure(s, 'lag', 3000).firing).toBe(false); // 3 is within the threshold of 4
  });

  it('a lag of zero anywhere in the window is OK (Burrow rule 1)', () => {
    const s = sampled([
      [0, 0],
      [1, 1],
      [0, 2],
      [3, 3],
    ]);
    expect(lagTrend(s.samples, 'g', 3, 60_000).trend).toBe('ok');
  });

  it('no commit for a whole window while records wait is stalled (Burrow rule 2), not a few quiet samples', () => {
    const s = sampled([
      [1, 1],
      [2, 1],
      [3, 1],
      [4, 1],
    ]);
    expect(lagTrend(s.samples, 'g', 3, 60_000).trend).toBe('too-few-commits'); // 3 s without a commit
    expect(lagTrend(s.samples, 'g', 3, 2000).trend).toBe('stalled'); // no commit for the whole 2 s window
    expect(alertFigures(s, { ...rules, windowMs: 2000 }, 3000).find((f) => f.alert === 'lag-trend')!.reason).toMatch(
      /stalled/,
    );
  });
});

describe('rates over the window', () => {
  it('dead letters and rebalances count what happened since the window’s start', () => {
    const s = sampled(
      [
        [0, 0],
        [0, 0],
        [0, 0],
      ],
      [{}, { generation: 2 }, { generation: 4, deadLetters: 1 }],
    );
    expect(figure(s, 'dead-letters', 2000)).toMatchObject({ value: 1, firing: true });
    expect(figure(s, 'rebalances', 2000)).toMatchObject({ value: 3, firing: true });
  });

  it('latency and error rate come from the processing attempts in the window', () => {
    let s = sampled([[0, 0]]);
    s = addObservation(s, { time: 1000, group: 'g', latencyMs: 2000, failed: false });
    s = addObservation(s, { time: 2000, group: 'g', latencyMs: 7000, failed: true });
    expect(figure(s, 'latency', 2000)).toMatchObject({ value: 7000, firing: true });
    expect(figure(s, 'error-rate', 2000)).toMatchObject({ value: 0.5, firing: true });
    // a minute later both have left the window
    expect(figure(s, 'latency', 70_000)).toMatchObject({ value: null, firing: false });
    expect(figure(s, 'error-rate', 70_000)).toMatchObject({ value: null, firing: false });
  });

  it('nothing sampled yet: no figures', () => {
    expect(alertFigures(EMPTY_TRACING, rules, 0)).toEqual([]);
  });
});
