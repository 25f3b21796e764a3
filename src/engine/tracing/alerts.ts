/**
 * What to alert on, computed from the run's samples and observations (`metrics.ts`), as figures an operator
 * reads: each with its value, its threshold and whether it fires, and why.
 *
 * Lag is judged two ways, to show why the first misleads. A threshold on lag alone fires on a burst that a
 * healthy consumer is already draining. The trend rule is Burrow's (LinkedIn's lag monitor, wiki "Consumer Lag
 * Evaluation Rules"): over the group's last N commits, if any lag is zero it is OK; if the committed offset did not
 * move and lag is not zero the consumer is stalled; if lag grew at every commit it is falling behind (WARNING).
 */
import type { GroupSample, Observation, Sample, TracingState } from './metrics';

export interface AlertRules {
  /** The window rates are computed over (ms). */
  readonly windowMs: number;
  /** The naive rule: lag above this fires. */
  readonly maxLag: number;
  /** Burrow's window: the group's last N commits (Burrow's `intervals`, default 10). */
  readonly lagCommits: number;
  /** Dead letters in the window above this fire (0: any dead letter). */
  readonly maxDeadLetters: number;
  /** Rebalances in the window above this fire. */
  readonly maxRebalances: number;
  /** End-to-end latency (processed − produced) above this fires. */
  readonly maxLatencyMs: number;
  /** Failed attempts / attempts in the window above this fires (0..1). */
  readonly maxErrorRate: number;
}

export type AlertKind = 'lag' | 'lag-trend' | 'dead-letters' | 'rebalances' | 'latency' | 'error-rate';

export interface AlertFigure {
  readonly alert: AlertKind;
  readonly group: string;
  /** The figure now (null: nothing to measure yet). */
  readonly value: number | null;
  readonly threshold: number;
  readonly firing: boolean;
  /** Why it fires or not, in words true of the numbers. */
  readonly reason: string;
}

export type LagTrend = 'ok' | 'falling-behind' | 'stalled' | 'too-few-commits';

/**
 * Burrow's rules over the lag after each of the group's last `n` commits: any zero lag is OK, lag that grew at every
 * commit is falling behind; and no commit during the whole window (`windowMs`) while lag is above zero is stalled.
 */
export function lagTrend(
  samples: readonly Sample[],
  group: string,
  n: number,
  windowMs: number,
): { trend: LagTrend; lags: number[] } {
  const mine = samples.flatMap((s) => (s.groups[group] ? [{ time: s.time, g: s.groups[group] }] : []));
  // A commit point: a sample whose committed offsets differ from the one before.
  const commits: GroupSample[] = [];
  for (let i = 1; i < mine.length; i++) if (mine[i]!.g.committed !== mine[i - 1]!.g.committed) commits.push(mine[i]!.g);
  const lags = commits.slice(-n).map((c) => c.lag);
  const last = mine[mine.length - 1];
  if (last && last.g.lag > 0 && mine[0]!.time <= last.time - windowMs) {
    const inWindow = mine.filter((s) => s.time >= last.time - windowMs);
    if (inWindow.every((s) => s.g.committed === last.g.committed)) return { trend: 'stalled', lags };
  }
  if (lags.length < n) return { trend: 'too-few-commits', lags };
  if (lags.some((l) => l === 0)) return { trend: 'ok', lags };
  return { trend: lags.every((l, i) => i === 0 || l > lags[i - 1]!) ? 'falling-behind' : 'ok', lags };
}

/** The sample a window's rate starts from: the newest at or before `since`, else the oldest. */
const baseline = (samples: readonly Sample[], since: number) =>
  [...samples].reverse().find((s) => s.time <= since) ?? samples[0];

const inWindow = (o: Observation, group: string, now: number, windowMs: number) =>
  o.group === group && o.time > now - windowMs && o.time <= now;

/** Every figure for every group the samples know, at `now`. */
export function alertFigures(state: TracingState, rules: AlertRules, now: number): AlertFigure[] {
  const latest = state.samples[state.samples.length - 1];
  if (!latest) return [];
  const base = baseline(state.samples, now - rules.windowMs)!;
  const minutes = `${rules.windowMs / 60_000} min`;
  const figures: AlertFigure[] = [];
  for (const [group, g] of Object.entries(latest.groups)) {
    const b = base.groups[group] ?? { generation: g.generation, deadLetters: 0 };
    figures.push({
      alert: 'lag',
      group,
      value: g.lag,
      threshold: rules.maxLag,
      firing: g.lag > rules.maxLag,
      reason: `lag is ${g.lag} record(s), ${g.lag > rules.maxLag ? 'above' : 'not above'} the threshold ${rules.maxLag}, whatever its direction`,
    });
    const { trend, lags } = lagTrend(state.samples, group, rules.lagCommits, rules.windowMs);
    const trendWords: Record<LagTrend, string> = {
      ok: `lag after the last ${rules.lagCommits} commits was ${lags.join(', ')}: not growing at every commit (or zero once), so it keeps up`,
      'falling-behind': `lag after each of the last ${rules.lagCommits} commits grew: ${lags.join(' → ')}; it commits, but falls further behind`,
      stalled: `no commit in the last ${minutes} while ${g.lag} record(s) wait: stalled`,
      'too-few-commits': `only ${lags.length} commit(s) so far, ${rules.lagCommits} needed to judge the trend`,
    };
    figures.push({
      alert: 'lag-trend',
      group,
      // How much lag grew across the commits judged (null: too few commits to judge).
      value: trend === 'too-few-commits' ? null : lags.length >= 2 ? lags[lags.length - 1]! - lags[0]! : 0,
      threshold: 0,
      firing: trend === 'falling-behind' || trend === 'stalled',
      reason: trendWords[trend],
    });
    const dead = g.deadLetters - b.deadLetters;
    figures.push({
      alert: 'dead-letters',
      group,
      value: dead,
      threshold: rules.maxDeadLetters,
      firing: dead > rules.maxDeadLetters,
      reason: `${dead} record(s) dead-lettered in the last ${minutes}`,
    });
    const rebalances = g.generation - b.generation;
    figures.push({
      alert: 'rebalances',
      group,
      value: rebalances,
      threshold: rules.maxRebalances,
      firing: rebalances > rules.maxRebalances,
      reason: `${rebalances} rebalance(s) in the last ${minutes}`,
    });
    const seen = state.observations.filter((o) => inWindow(o, group, now, rules.windowMs));
    const worst = seen.length ? Math.max(...seen.map((o) => o.latencyMs)) : null;
    figures.push({
      alert: 'latency',
      group,
      value: worst,
      threshold: rules.maxLatencyMs,
      firing: worst !== null && worst > rules.maxLatencyMs,
      reason:
        worst === null
          ? `nothing processed in the last ${minutes}: no latency to measure (lag tells about records still waiting)`
          : `the slowest record processed in the last ${minutes} waited ${worst / 1000} s from produce to processed`,
    });
    const failed = seen.filter((o) => o.failed).length;
    const rate = seen.length ? failed / seen.length : null;
    figures.push({
      alert: 'error-rate',
      group,
      value: rate,
      threshold: rules.maxErrorRate,
      firing: rate !== null && rate > rules.maxErrorRate,
      reason: seen.length
        ? `${failed} of ${seen.length} processing attempt(s) failed in the last ${minutes}`
        : `no processing attempt in the last ${minutes}`,
    });
  }
  return figures;
}
