/**
 * "What goes wrong": the learner's broker's run of the order story next to a best fit's, at the step that
 * exercises the requirement in question. Every sentence is a cell of the comparison table computed from
 * that run (`compare`, from `observe`), and the deliveries are the run's own; a requirement no step of the
 * story exercises is said to be so, never illustrated with an unrelated run.
 */
import { compare, type RowId } from '../table';
import type { Observations } from '../observe';
import { BEATS, NEW_SERVICE, type BeatId } from '../story';
import type { Delivery, GaveUp, ProfileId, ProfileRun } from '../types';
import { bestFits, gradeOf } from './grade';
import type { Aspect, Requirement, RequirementSet, Verdict } from './types';

export interface RunFact {
  readonly profile: ProfileId;
  readonly name: string;
  /** The comparison table's cell for this run: computed from what the run did. */
  readonly text: string;
  /** What the broker set aside in the step, in its own words. */
  readonly gaveUp: readonly GaveUp[];
  /** What the service in question handled in the step. */
  readonly deliveries: readonly Delivery[];
}

export type Shown =
  | {
      readonly exercised: true;
      readonly requirement: Requirement;
      readonly verdict: Verdict;
      /** The table row the facts come from, e.g. "The poison message". */
      readonly question: string;
      readonly beat: BeatId;
      readonly beatTitle: string;
      /** The service whose deliveries are shown, or null when the fact is configuration (fan-out). */
      readonly service: string | null;
      /** What the story can and cannot show about this requirement. */
      readonly limits: string | null;
      readonly pick: RunFact;
      readonly best: RunFact | null;
    }
  | { readonly exercised: false; readonly requirement: Requirement; readonly verdict: Verdict; readonly note: string };

export interface WhatGoesWrong {
  /** The best fit shown next to the pick (null when the pick is the only best fit). */
  readonly comparedWith: ProfileId | null;
  /** Why these requirements are shown: the ones the pick fails, else the ones it pays for, else all. */
  readonly focus: 'fails' | 'cost' | 'all';
  readonly shown: readonly Shown[];
}

const ROW: Record<Aspect, RowId> = {
  replay: 'replay',
  order: 'order',
  poison: 'poison',
  crash: 'duplicates',
  fanOut: 'fanOut',
};

const LIMITS: Partial<Record<Aspect, string>> = {
  order:
    'In the story every service runs one consumer, so a run shows the order the broker itself keeps, not what several instances of one service would do.',
  fanOut:
    'The story’s services are simulated consumers: the run shows how the broker copied each event to them, not which cloud services it could invoke.',
};

const titleOf = (beat: BeatId) => BEATS.find((b) => b.id === beat)!.title;

/** The step and service a requirement is seen at: for order, where this pick (or else the best fit) broke it. */
function focusOf(aspect: Aspect, runs: readonly ProfileRun[]): { beat: BeatId; service: string | null } {
  if (aspect === 'replay') return { beat: 'replay', service: NEW_SERVICE };
  if (aspect === 'poison') return { beat: 'poison', service: 'billing' };
  if (aspect === 'crash') return { beat: 'crash', service: 'shipping' };
  if (aspect === 'fanOut') return { beat: 'orders', service: null };
  const table = compare(runs);
  for (const r of runs) {
    const first = table.observations[r.profile]!.outOfOrder[0];
    if (first) return { beat: first.beat, service: first.service };
  }
  return { beat: 'spike', service: 'shipping' };
}

/** For a replay, whether each order's replayed events came in publish order: from the run's observations. */
function replayOrder(o: Observations): string {
  if (o.replayed === 0) return '';
  const late = o.outOfOrder.filter((x) => x.service === NEW_SERVICE && x.beat === 'replay');
  const first = late[0];
  if (!first) return ' In the replay, each order’s events came in the order they were published.';
  const more = late.length > 1 ? ` (${late.length} times in all)` : '';
  return ` In the replay, ${NEW_SERVICE} got ${first.late} after ${first.after}${more}.`;
}

function factOf(run: ProfileRun, row: RowId, beat: BeatId, service: string | null): RunFact {
  const table = compare([run]);
  const cell = table.rows.find((r) => r.id === row)!.cells[run.profile]!;
  const step = run.steps.find((s) => s.beat === beat)!;
  return {
    profile: run.profile,
    name: run.name,
    text: row === 'replay' ? cell.text + replayOrder(table.observations[run.profile]!) : cell.text,
    gaveUp: step.gaveUp.filter((g) => service === null || g.service === service),
    deliveries: service === null ? [] : step.deliveries.filter((d) => d.service === service),
  };
}

export function whatGoesWrong(set: RequirementSet, pick: ProfileId, runs: readonly ProfileRun[]): WhatGoesWrong {
  const grade = gradeOf(set, pick);
  const comparedWith = bestFits(set).find((b) => b !== pick) ?? null;
  const focus = grade.failures.length > 0 ? 'fails' : grade.costs.length > 0 ? 'cost' : 'all';
  const chosen = focus === 'fails' ? grade.failures : focus === 'cost' ? grade.costs : grade.judged;
  const runOf = (id: ProfileId) => runs.find((r) => r.profile === id)!;
  const shown = chosen.map(({ requirement, verdict }): Shown => {
    const aspect = requirement.aspect;
    if (aspect === null)
      return {
        exercised: false,
        requirement,
        verdict,
        note:
          requirement.storyNote ??
          `The order story does not exercise “${requirement.label}”: no step of it needs it, so no run can show it. The grade rests on the documentation cited above.`,
      };
    const both = comparedWith ? [runOf(pick), runOf(comparedWith)] : [runOf(pick)];
    const { beat, service } = focusOf(aspect, both);
    const row = compare([runOf(pick)]).rows.find((r) => r.id === ROW[aspect])!;
    return {
      exercised: true,
      requirement,
      verdict,
      question: row.label,
      beat,
      beatTitle: titleOf(beat),
      service,
      limits: [LIMITS[aspect], requirement.storyNote].filter(Boolean).join(' ') || null,
      pick: factOf(runOf(pick), ROW[aspect], beat, service),
      best: comparedWith ? factOf(runOf(comparedWith), ROW[aspect], beat, service) : null,
    };
  });
  return { comparedWith, focus, shown };
}
