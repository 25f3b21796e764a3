/**
 * Lag over time: every consumer group's total lag at every step from 0 to the current one, computed
 * from the pure world, whatever way the learner got to the current step (stepping, scrubbing, a link).
 *
 * A series belongs to one run's stepper (same scenario and inputs, so a step's world never changes)
 * and caches the lag of each step it has computed. Filling it costs little and never grows with
 * the way the learner moves:
 * - runs up to `maxPoints` steps keep every step, computed forward on a stepper of their own that keeps
 *   every world (about two engine steps per new step, each step computed once);
 * - longer runs keep a sample every `stride` steps (a multiple of the run stepper's snapshot interval),
 *   at the step just after each snapshot, so each sample is one engine step from a stored world once
 *   the run stepper has been there — the chart then has at most `maxPoints` points plus the current step.
 * The current step's lag comes from the world already shown.
 */
import type { BrokerState } from '../engine/broker';
import { Stepper } from '../scenarios/stepper';
import type { World } from '../scenarios/world';

export interface GroupLag {
  /** Sum of (log-end − committed) over the group's partitions that have a commit; null when none has. */
  lag: number | null;
  /** Partitions the group reads that have no commit yet. */
  uncommitted: number;
  /**
   * Those partitions by name ("orders-2"): their lag is unknown, not 0 — kafka-consumer-groups.sh prints LAG "-" for
   * a partition without a committed offset (apache/kafka ConsumerGroupCommand: `getLag` is empty unless there is an
   * offset, printed as MISSING_COLUMN_VALUE "-"), so `lag` is a total over the committed partitions only.
   */
  noCommit: string[];
}

/** Total lag of a group right now, over every partition of the topics it reads. */
export function groupLag(broker: BrokerState, groupId: string): GroupLag {
  const g = broker.groups[groupId];
  if (!g) return { lag: null, uncommitted: 0, noCommit: [] };
  let lag: number | null = null;
  const noCommit: string[] = [];
  for (const topic of g.topics) {
    const t = broker.topics[topic];
    if (!t) continue;
    t.partitions.forEach((log, p) => {
      const c = g.committed[`${topic}:${p}`];
      if (!c) noCommit.push(`${topic}-${p}`);
      else lag = (lag ?? 0) + Math.max(0, log.logEndOffset - c.offset);
    });
  }
  return { lag, uncommitted: noCommit.length, noCommit };
}

/** Every group's total lag at one step (null = no commit, or no such group yet). */
export interface LagRow {
  step: number;
  lags: Readonly<Record<string, number | null>>;
  /**
   * For a group whose total covers only some partitions: the ones without a commit (lag unknown). Absent for rows
   * restored from a world checkpoint, which keep only `lags`; the current step's row is always computed afresh.
   */
  noCommit?: Readonly<Record<string, readonly string[]>>;
}

export function lagRowOf(world: World): LagRow {
  const lags: Record<string, number | null> = {};
  const noCommit: Record<string, readonly string[]> = {};
  for (const id of Object.keys(world.broker.groups)) {
    const g = groupLag(world.broker, id);
    lags[id] = g.lag;
    if (g.lag !== null && g.noCommit.length > 0) noCommit[id] = g.noCommit;
  }
  return { step: world.step, lags, ...(Object.keys(noCommit).length > 0 ? { noCommit } : {}) };
}

/** Where a series gets the world at a step from. */
export interface WorldSource {
  at(step: number): { world: World };
}

export interface LagSeriesOptions {
  /** Most steps a chart keeps (beyond it the run is sampled). Default 240. */
  maxPoints?: number;
  /** The run stepper's snapshot interval (sampled steps sit just after its snapshots). Default 25. */
  snapshotEvery?: number;
}

export const DEFAULT_MAX_POINTS = 240;
export const DEFAULT_SNAPSHOT_EVERY = 25;

/** Steps between samples: 1 for runs of at most `maxPoints` steps, else a multiple of the snapshot interval. */
export function lagStride(
  lastStep: number,
  maxPoints = DEFAULT_MAX_POINTS,
  snapshotEvery = DEFAULT_SNAPSHOT_EVERY,
): number {
  if (lastStep <= maxPoints) return 1;
  return snapshotEvery * Math.ceil(lastStep / (snapshotEvery * maxPoints));
}

/** The sampled steps are 0 and 1, 1 + stride, 1 + 2·stride, … */
export const isLagSample = (step: number, stride: number): boolean => step === 0 || (step - 1) % stride === 0;

export class LagSeries {
  readonly stride: number;
  private readonly rows = new Map<number, LagRow>();
  /** Engine look-ups made so far (for tests and measurements). */
  lookups = 0;

  constructor(
    private readonly source: WorldSource,
    readonly lastStep: number,
    options: LagSeriesOptions = {},
  ) {
    this.stride = lagStride(lastStep, options.maxPoints, options.snapshotEvery);
  }

  /** Remembers a world the caller already has (free); only sampled steps are kept. */
  note(world: World): void {
    if (isLagSample(world.step, this.stride) && !this.rows.has(world.step)) this.rows.set(world.step, lagRowOf(world));
  }

  /**
   * Every sampled step from 0 to `step`, in order, then `step` itself when it is not a sample.
   * `current` is the world at `step` when the caller has it (saves computing it).
   */
  upTo(step: number, current?: World): LagRow[] {
    const k = Math.max(0, Math.min(Math.trunc(step), this.lastStep));
    if (current && current.step === k) this.note(current);
    const out: LagRow[] = [];
    for (let s = 0; s <= k; s = s === 0 ? 1 : s + this.stride) out.push(this.rowAt(s));
    if (!isLagSample(k, this.stride)) out.push(current && current.step === k ? lagRowOf(current) : this.compute(k));
    // The current step's row from the world on screen, even when a restored row (lags only) sits at that step, so
    // what it says about partitions without a commit is never missing.
    else if (current && current.step === k && out.at(-1)?.noCommit === undefined)
      out[out.length - 1] = lagRowOf(current);
    return out;
  }

  private rowAt(s: number): LagRow {
    let row = this.rows.get(s);
    if (!row) {
      row = this.compute(s);
      this.rows.set(s, row);
    }
    return row;
  }

  /** Rows computed so far, in step order (a world checkpoint keeps them: state/runCheckpoint.ts). */
  knownRows(): LagRow[] {
    return [...this.rows.values()].sort((a, b) => a.step - b.step);
  }

  /** Rows computed earlier for this same run (same scenario, inputs and build), kept as if computed here. */
  seed(rows: readonly LagRow[]): void {
    for (const row of rows)
      if (row.step <= this.lastStep && isLagSample(row.step, this.stride) && !this.rows.has(row.step))
        this.rows.set(row.step, row);
  }

  private compute(s: number): LagRow {
    this.lookups++;
    return lagRowOf(this.source.at(s).world);
  }
}

/**
 * The series of a run's stepper (one per stepper, so a branch or a reloaded run starts afresh). Short
 * runs compute their steps on a stepper of their own that keeps every world, so filling a gap walks
 * forward from the nearest world instead of from the run stepper's last snapshot each time.
 */
const seriesByStepper = new WeakMap<Stepper, LagSeries>();

export function lagSeriesOf(stepper: Stepper, options: LagSeriesOptions = {}): LagSeries {
  let series = seriesByStepper.get(stepper);
  if (!series) {
    const dense = lagStride(stepper.lastStep, options.maxPoints, options.snapshotEvery) === 1;
    let own: Stepper | null = null;
    const source: WorldSource = dense
      ? { at: (s) => (own ??= new Stepper(stepper.scenario, stepper.inputs, 1)).at(s) }
      : stepper;
    series = new LagSeries(source, stepper.lastStep, options);
    seriesByStepper.set(stepper, series);
  }
  return series;
}
