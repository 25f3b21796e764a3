/**
 * The CQRS overview: command → aggregate → event store → relay → topics → projections → queries,
 * with the stages this step touched lit, from the kinds of its effects.
 */
import { scaleBand } from 'd3-scale';
import type { Effect } from '../../engine/types';

export type StageId = 'command' | 'aggregate' | 'store' | 'relay' | 'topics' | 'projections' | 'queries';

export const STAGES: readonly { id: StageId; label: string }[] = [
  { id: 'command', label: 'Command' },
  { id: 'aggregate', label: 'Aggregate' },
  { id: 'store', label: 'Event store' },
  { id: 'relay', label: 'Relay' },
  { id: 'topics', label: 'Topics' },
  { id: 'projections', label: 'Projections' },
  { id: 'queries', label: 'Queries' },
];

export interface StageVM {
  id: StageId;
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
  lit: boolean;
  /** Something was refused, conflicted or answered stale at this stage in this step. */
  problem: boolean;
  /** How many of the effects here were such problems. */
  problemCount: number;
  /** How many of this step's effects touched the stage. */
  count: number;
  /** The step's stage on screen is here (while a step plays, the path lights up in order). */
  current: boolean;
}

export interface ArrowVM {
  id: string;
  d: string;
  lit: boolean;
}

export interface CqrsOverviewModel {
  width: number;
  height: number;
  stages: StageVM[];
  arrows: ArrowVM[];
  /** "this step: command → aggregate → event store", or "this step: nothing on the CQRS path". */
  summary: string;
}

/** Which stages an effect touches, and whether it is a problem there. */
export function stagesOf(e: Effect): { stages: StageId[]; problem: boolean } {
  switch (e.kind) {
    case 'command-accepted':
      return { stages: ['command', 'aggregate'], problem: false };
    case 'command-rejected':
      return { stages: ['command', 'aggregate'], problem: true };
    case 'append-conflict':
      return { stages: ['aggregate', 'store'], problem: true };
    case 'event-stored':
    case 'snapshot-taken':
    case 'event-upcast':
      return { stages: ['store'], problem: false };
    case 'event-relayed':
      return { stages: ['relay'], problem: false };
    case 'record-appended':
    case 'records-fetched':
    case 'record-processed':
    case 'reaction-triggered':
      return { stages: ['topics'], problem: false };
    case 'projection-applied':
    case 'projection-skipped':
      return { stages: ['projections'], problem: false };
    case 'query-answered':
      return { stages: ['queries'], problem: e.stale };
    case 'fault-injected':
      if (e.fault === 'rebuild') return { stages: ['store', 'projections'], problem: false };
      if (e.fault === 'load') return { stages: ['store', 'aggregate'], problem: false };
      return { stages: [], problem: false };
    default:
      return { stages: [], problem: false };
  }
}

/** What a problem is called at a stage: a stale answer at the query side, a refusal elsewhere. */
export const problemWord = (id: StageId): string =>
  id === 'queries' ? 'stale' : id === 'store' ? 'conflict' : 'refused';

const WIDTH = 900;
const HEIGHT = 64;
const BOX_H = 40;

/**
 * `effects`: those of the step shown so far (all of them once it is fully shown); `current`: those
 * of the stage on screen, marked as where the step is now.
 */
export function layoutCqrsOverview(effects: readonly Effect[], current: readonly Effect[] = []): CqrsOverviewModel {
  const here = new Set(current.flatMap((e) => stagesOf(e).stages));
  const counts = new Map<StageId, number>();
  const problems = new Map<StageId, number>();
  for (const e of effects) {
    const { stages, problem } = stagesOf(e);
    for (const s of stages) {
      counts.set(s, (counts.get(s) ?? 0) + 1);
      if (problem) problems.set(s, (problems.get(s) ?? 0) + 1);
    }
  }
  const band = scaleBand<StageId>()
    .domain(STAGES.map((s) => s.id))
    .range([4, WIDTH - 4])
    .paddingInner(0.18);
  const y = (HEIGHT - BOX_H) / 2;
  const stages = STAGES.map((s): StageVM => ({
    ...s,
    x: band(s.id)!,
    y,
    width: band.bandwidth(),
    height: BOX_H,
    lit: counts.has(s.id),
    problem: problems.has(s.id),
    problemCount: problems.get(s.id) ?? 0,
    count: counts.get(s.id) ?? 0,
    current: here.has(s.id),
  }));
  const arrows = stages.slice(1).map((to, i): ArrowVM => {
    const from = stages[i]!;
    const x1 = from.x + from.width + 2;
    const x2 = to.x - 3;
    const my = y + BOX_H / 2;
    return { id: `${from.id}-${to.id}`, d: `M${x1},${my} H${x2} m-6,-5 l6,5 l-6,5`, lit: from.lit && to.lit };
  });
  const lit = stages
    .filter((s) => s.lit)
    .map((s) =>
      s.problem ? `${s.label.toLowerCase()} (${s.problemCount} ${problemWord(s.id)})` : s.label.toLowerCase(),
    );
  const summary = lit.length ? `this step: ${lit.join(' → ')}` : 'this step: nothing on the CQRS path';
  return { width: WIDTH, height: HEIGHT, stages, arrows, summary };
}
