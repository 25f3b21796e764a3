/**
 * The ride-sharing practice graded by the simulator: a design the learner built in the editor, graded
 * by the ride-sharing prompt's rubric and runs. Its names are read first (`practiceNames.ts`), so a
 * learner's RideMatched is graded as the reference's RideAccepted; what the design lacks is named as
 * missing, never passed: a point with nothing to check yet (no consumer that acts, no aggregate that
 * stores) is not a pass either. The runs play the learner's own script (`practiceRuns.ts`).
 */
import { blankScenario } from '../blank';
import { indexScenario } from '../index/scenarioIndex';
import { parseScenario, type ScenarioIssue } from '../parse';
import type { ScenarioDef } from '../schema';
import { resolveKey } from './grade';
import { findNames, namesMap, type NameMatch, type RoleId } from './practiceNames';
import { placeRun, type PracticeRun } from './practiceRuns';
import type { InterviewPrompt } from './prompt';
import { rideSharing } from './prompts/rideSharing';
import { rubricOf } from './rubric';
import type { RubricPointId, RubricResult } from './types';

export type { NameMatch } from './practiceNames';
export type { PracticeRun } from './practiceRuns';

export interface PracticePoint extends RubricResult {
  /** Not graded: the design lacks what the point checks (`feedback` names it). */
  missing: boolean;
}

export interface PracticeGrade {
  rubric: PracticePoint[];
  runs: PracticeRun[];
  /** How the key's events and commands were found in the design (or that they were not). */
  names: NameMatch[];
  score: { passed: number; total: number };
}

/** The roles each point and run needs; without them it says what is missing instead of grading. */
const NEEDS: Partial<Record<RubricPointId, RoleId[]>> = {
  race: ['race-command'],
  'payment-failure': ['charge-command', 'failed'],
  'read-models': ['accepted', 'failed', 'captured'],
};

/**
 * The runs in the practice's words. A title names the fault played, never the outcome hoped for: it is also
 * the title of the branch a failing run opens as, where "the rider is charged once" would be false.
 */
const RUN_TITLES: Record<string, string> = {
  race: 'Two drivers accept the same ride at once',
  'duplicate-payments': 'Duplicate delivery of the charge',
  'crash-payments': 'A crash after charging, before the commit',
  declined: 'A payment declined',
};

const PLACEHOLDERS = new Set(indexScenario(blankScenario({ id: 'blank', title: 'blank' })).eventTypeNames);

/** Why a point has nothing to check in this design yet, or null. */
function nothingYet(s: ScenarioDef, id: RubricPointId): string | null {
  const idx = indexScenario(s);
  const own = idx.eventTypeNames.filter((n) => !PLACEHOLDERS.has(n));
  if ((id === 'past-tense' || id === 'keys') && own.length === 0)
    return 'Your design has no events of its own yet (only the blank design’s placeholder), so there is nothing to check.';
  if (id === 'idempotent' && !(s.topology.services ?? []).some((sv) => sv.on.some((r) => r.do.length > 0)))
    return 'No consumer in your design acts on an event yet (the reference’s payments service charges the fare), so there is nothing to check.';
  if (id === 'outbox' && idx.stored.length === 0)
    return 'No aggregate in your design stores events yet, so nothing reaches a topic through an outbox.';
  return null;
}

function missingPoint(p: RubricResult, missing: NameMatch[], s: ScenarioDef): PracticePoint {
  if (missing.length > 0) {
    const what = missing.map((m) => `${m.what} (${m.reference} in the reference)`).join('; ');
    return { ...p, pass: false, missing: true, feedback: `Not found in your design: ${what}.` };
  }
  const why = nothingYet(s, p.id);
  return why ? { ...p, pass: false, missing: true, feedback: why } : { ...p, missing: false };
}

/** Grades a design document (the editor's draft or a saved scenario); one that does not validate is not graded. */
export function gradePracticeDesign(
  doc: unknown,
  prompt: InterviewPrompt = rideSharing,
): { ok: true; grade: PracticeGrade } | { ok: false; issues: ScenarioIssue[] } {
  const parsed = parseScenario(doc);
  if (!parsed.ok) return { ok: false, issues: parsed.issues };
  const s = parsed.scenario;
  const names = findNames(s, prompt.key);
  const key = resolveKey(prompt.key, namesMap(s, prompt.key, names));
  const absent = (roles: RoleId[] = []) => names.filter((m) => roles.includes(m.role) && m.yours === null);
  const rubric = rubricOf(s, key).map((p) => missingPoint(p, absent(NEEDS[p.id]), s));
  const byReference = new Map(names.map((m) => [m.reference, m.yours]));
  const events = new Set(indexScenario(s).eventTypeNames);
  const yours = (ref: string) => (byReference.has(ref) ? byReference.get(ref)! : events.has(ref) ? ref : null);
  const what = (ref: string) => names.find((m) => m.reference === ref)?.what ?? `the reference’s ${ref}`;
  const runs = prompt.key.runs.map((r) => placeRun(s, r, prompt.key, { yours, what }, RUN_TITLES[r.id] ?? r.title));
  const passed = rubric.filter((p) => p.pass).length + runs.filter((r) => r.pass).length;
  return { ok: true, grade: { rubric, runs, names, score: { passed, total: rubric.length + runs.length } } };
}
