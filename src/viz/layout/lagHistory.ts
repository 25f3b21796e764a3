/**
 * Lag over time per consumer group, for the small chart in each group box.
 *
 * The view records a group's total lag for every step it shows (nothing is added to the run's state
 * and no world is recomputed), so the chart covers the visited steps only. A step where the group had
 * no commit at all is "no commit", not 0: the line breaks there, as it does over steps not visited.
 */
import { scaleLinear } from 'd3-scale';
import { area, line } from 'd3-shape';
import type { BrokerState } from '../../engine/broker';

export interface GroupLag {
  /** Sum of (log-end − committed) over the group's partitions that have a commit; null when none has. */
  lag: number | null;
  /** Partitions the group reads that have no commit yet. */
  uncommitted: number;
}

/** Total lag of a group right now, over every partition of the topics it reads. */
export function groupLag(broker: BrokerState, groupId: string): GroupLag {
  const g = broker.groups[groupId];
  if (!g) return { lag: null, uncommitted: 0 };
  let lag: number | null = null;
  let uncommitted = 0;
  for (const topic of g.topics) {
    const t = broker.topics[topic];
    if (!t) continue;
    t.partitions.forEach((log, p) => {
      const c = g.committed[`${topic}:${p}`];
      if (!c) uncommitted++;
      else lag = (lag ?? 0) + Math.max(0, log.logEndOffset - c.offset);
    });
  }
  return { lag, uncommitted };
}

/** step → group id → lag (null = no commit). */
export type LagHistory = Map<number, Readonly<Record<string, number | null>>>;

/** Records the lag of every group at `step` (idempotent: a step's world never changes within a run). */
export function recordStep(history: LagHistory, step: number, broker: BrokerState, groupIds: readonly string[]): void {
  if (history.has(step)) return;
  history.set(step, Object.fromEntries(groupIds.map((id) => [id, groupLag(broker, id).lag])));
}

export interface LagPoint {
  step: number;
  /** undefined = step not visited; null = no commit. */
  lag: number | null | undefined;
}

export interface LagChartModel {
  width: number;
  height: number;
  /** Line and area path data; gaps where there is no value. */
  line: string;
  area: string;
  /** Steps with no commit at all, drawn as marks on the baseline (x positions). */
  noCommit: number[];
  /** The current step's point, when it has a value. */
  current: { x: number; y: number; lag: number } | null;
  currentX: number;
  maxLag: number;
  /** Visited steps with a value. */
  points: number;
}

export function seriesFor(history: LagHistory, groupId: string, upTo: number): LagPoint[] {
  const out: LagPoint[] = [];
  for (let s = 0; s <= upTo; s++) {
    const row = history.get(s);
    out.push({ step: s, lag: row ? (row[groupId] ?? null) : undefined });
  }
  return out;
}

/** Lays out a small lag chart: x = step (0…lastStep), y = total lag (0 at the bottom). */
export function layoutLagChart(series: readonly LagPoint[], opts: { width: number; height: number; lastStep: number; currentStep: number }): LagChartModel {
  const { width, height } = opts;
  const values = series.flatMap((p) => (typeof p.lag === 'number' ? [p.lag] : []));
  const maxLag = Math.max(1, ...values);
  const x = scaleLinear().domain([0, Math.max(1, opts.lastStep)]).range([2, width - 2]);
  const y = scaleLinear().domain([0, maxLag]).range([height - 2, 3]).nice();
  const has = (p: LagPoint): p is LagPoint & { lag: number } => typeof p.lag === 'number';
  const l = line<LagPoint>()
    .defined(has)
    .x((p) => x(p.step))
    .y((p) => y(p.lag as number));
  const a = area<LagPoint>()
    .defined(has)
    .x((p) => x(p.step))
    .y0(height - 2)
    .y1((p) => y(p.lag as number));
  const cur = series.find((p) => p.step === opts.currentStep);
  return {
    width,
    height,
    line: l(series as LagPoint[]) ?? '',
    area: a(series as LagPoint[]) ?? '',
    noCommit: series.filter((p) => p.lag === null).map((p) => x(p.step)),
    current: cur && has(cur) ? { x: x(cur.step), y: y(cur.lag), lag: cur.lag } : null,
    currentX: x(opts.currentStep),
    maxLag,
    points: values.length,
  };
}
