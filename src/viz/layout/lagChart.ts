/**
 * The small lag-over-time chart in each group box: a group's total lag at every step from 0 to the
 * current one (the rows come from the state layer's lag series, computed from the world, so the chart
 * is the same however the learner reached the step). A step where the group had no commit at all is
 * "no commit", not 0: the line breaks there and a mark sits on the baseline.
 */
import { scaleLinear } from 'd3-scale';
import { area, line } from 'd3-shape';
import type { LagRow } from '../../state/selectors';

export interface LagPoint {
  step: number;
  /** null = no commit. */
  lag: number | null;
  /** Partitions without a commit while others have one: `lag` is the total over the others, theirs is unknown. */
  noCommit?: readonly string[];
}

export interface LagChartModel {
  width: number;
  height: number;
  /** Line and area path data; gaps where there is no value. */
  line: string;
  area: string;
  /** Steps with no commit at all, drawn as marks on the baseline (x positions). */
  noCommit: number[];
  /** The current step's point, when it has a value (its total covers only the committed partitions). */
  current: { x: number; y: number; lag: number; noCommit: readonly string[] } | null;
  currentX: number;
  maxLag: number;
  /** Points with a value. */
  points: number;
}

/** One group's points out of the series' rows (a group not there yet has no commit). */
export const seriesFor = (rows: readonly LagRow[], groupId: string): LagPoint[] =>
  rows.map((r) => {
    const noCommit = r.noCommit?.[groupId];
    return { step: r.step, lag: r.lags[groupId] ?? null, ...(noCommit ? { noCommit } : {}) };
  });

/** Lays out a small lag chart: x = step (0…lastStep), y = total lag (0 at the bottom). */
export function layoutLagChart(
  series: readonly LagPoint[],
  opts: { width: number; height: number; lastStep: number; currentStep: number },
): LagChartModel {
  const { width, height } = opts;
  const values = series.flatMap((p) => (p.lag === null ? [] : [p.lag]));
  const maxLag = Math.max(1, ...values);
  const x = scaleLinear()
    .domain([0, Math.max(1, opts.lastStep)])
    .range([2, width - 2]);
  const y = scaleLinear()
    .domain([0, maxLag])
    .range([height - 2, 3])
    .nice();
  const has = (p: LagPoint): p is LagPoint & { lag: number } => p.lag !== null;
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
    current: cur && has(cur) ? { x: x(cur.step), y: y(cur.lag), lag: cur.lag, noCommit: cur.noCommit ?? [] } : null,
    currentX: x(opts.currentStep),
    maxLag,
    points: values.length,
  };
}

/** Text equivalent of a group's chart: its last few points (and the sampling, on a long run). */
export function lagSummary(label: string, series: readonly LagPoint[], stride: number): string {
  const last = series.slice(-12);
  const every = stride > 1 ? `, every ${stride} steps` : '';
  const n = series.length - last.length;
  const earlier = n > 0 ? `${n} earlier point${n === 1 ? '' : 's'}, then ` : '';
  return `${label}: total lag by step (from step 0${every}) — ${earlier}${last.map((p) => `step ${p.step}: ${pointWords(p)}`).join(', ')}`;
}

/** "3", "no commit", or "0 on committed partitions (orders-2: no commit, lag unknown)" — never a bare 0 then. */
export function pointWords(p: LagPoint): string {
  if (p.lag === null) return 'no commit';
  if (!p.noCommit?.length) return String(p.lag);
  return `${p.lag} on committed partitions (${p.noCommit.join(', ')}: no commit, lag unknown)`;
}

/**
 * The current figure's words: the header's "now 3" when every partition has a commit; otherwise two lines shown in
 * the chart, the total over the committed partitions and which have none (lag unknown, as Kafka's tools print "-").
 */
export function nowWords(current: NonNullable<LagChartModel['current']>): { header: string | null; lines: string[] } {
  const n = current.noCommit.length;
  if (n === 0) return { header: `now ${current.lag}`, lines: [] };
  const which = n === 1 ? current.noCommit[0]! : `${n} partitions`;
  return { header: null, lines: [`now ${current.lag} on committed partitions`, `${which}: no commit, lag unknown`] };
}
