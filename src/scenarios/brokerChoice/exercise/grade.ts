/**
 * Grading, derived from the cited verdicts only: a broker that fails any requirement is a poor fit (and
 * the failing requirement is named with its reason); among the rest, those with the fewest costs are the
 * best fit; the others are workable, with their costs named. Several brokers can share a grade.
 */
import { PROFILES } from '../runs';
import type { ProfileId } from '../types';
import type { Requirement, RequirementSet, Verdict } from './types';

export type Grade = 'best' | 'workable' | 'poor';

export interface Judged {
  readonly requirement: Requirement;
  readonly verdict: Verdict;
}

export interface ProfileGrade {
  readonly profile: ProfileId;
  readonly name: string;
  readonly grade: Grade;
  /** Every requirement of the set with this broker's verdict, in the set's order. */
  readonly judged: readonly Judged[];
  readonly costs: readonly Judged[];
  readonly failures: readonly Judged[];
  /** One sentence on what decides the grade: which requirements fail, or which need a workaround. */
  readonly summary: string;
}

const nameOf = (id: ProfileId) => PROFILES.find((p) => p.id === id)!.name;
const labels = (js: readonly Judged[]) => `“${js.map((j) => j.requirement.label).join('”, “')}”`;

function summary(grade: Grade, name: string, costs: readonly Judged[], failures: readonly Judged[]): string {
  if (grade === 'poor') return `${name} does not meet ${labels(failures)}.`;
  if (costs.length === 0) return `${name} meets every requirement by itself.`;
  const workaround = `needs a workaround for ${labels(costs)}`;
  return grade === 'best'
    ? `No broker meets every requirement by itself; ${name} ${workaround}, the fewest of all.`
    : `${name} can do it, but ${workaround}.`;
}

/** Every broker's grade on one set, in the profiles' order. */
export function gradeSet(set: RequirementSet): readonly ProfileGrade[] {
  const base = PROFILES.map((p) => {
    const judged = set.requirements.map((r) => ({ requirement: r, verdict: r.verdicts[p.id] }));
    return {
      profile: p.id,
      judged,
      costs: judged.filter((j) => j.verdict.fit === 'cost'),
      failures: judged.filter((j) => j.verdict.fit === 'fails'),
    };
  });
  const fewest = Math.min(...base.filter((b) => b.failures.length === 0).map((b) => b.costs.length));
  return base.map((b) => {
    const grade: Grade = b.failures.length > 0 ? 'poor' : b.costs.length === fewest ? 'best' : 'workable';
    const name = nameOf(b.profile);
    return { ...b, name, grade, summary: summary(grade, name, b.costs, b.failures) };
  });
}

export function gradeOf(set: RequirementSet, profile: ProfileId): ProfileGrade {
  return gradeSet(set).find((g) => g.profile === profile)!;
}

/** The best fits of a set (one or more; a set whose every broker failed something would have none). */
export function bestFits(set: RequirementSet): readonly ProfileId[] {
  return gradeSet(set)
    .filter((g) => g.grade === 'best')
    .map((g) => g.profile);
}
