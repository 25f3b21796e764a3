/**
 * Grading a design: the rubric read from the document and the runs played on it. A design that does
 * not validate is not graded (the issues say why), since the stepper only runs valid scenarios.
 */
import { parseScenario, type ScenarioIssue } from '../parse';
import type { ScenarioDef } from '../schema';
import { rubricOf } from './rubric';
import { runCheck } from './runs/runChecks';
import type { AlsoOutcome, Grade, GradingKey, Outcome, RunSpec } from './types';

/** A run's outcome in the design's names. */
export function resolveRun(run: RunSpec, names: ReadonlyMap<string, string>): RunSpec {
  const rename = <O extends Outcome | AlsoOutcome>(o: O): O =>
    'eventType' in o ? { ...o, eventType: names.get(o.eventType) ?? o.eventType } : o;
  return { ...run, outcome: rename(run.outcome), ...(run.also && { also: run.also.map(rename) }) };
}

/**
 * The key in the design's names (`names`: reference name → design name): event types renamed by the
 * learner, and, for a design built in the editor, its own commands and aggregates too.
 */
export function resolveKey(key: GradingKey, names: ReadonlyMap<string, string>): GradingKey {
  const n = (x: string) => names.get(x) ?? x;
  return {
    ...(key.race && {
      race: {
        ...key.race,
        aggregate: n(key.race.aggregate),
        command: n(key.race.command),
        accepted: n(key.race.accepted),
      },
    }),
    ...(key.payment && {
      payment: {
        ...key.payment,
        aggregate: n(key.payment.aggregate),
        command: n(key.payment.command),
        captured: n(key.payment.captured),
        failed: n(key.payment.failed),
      },
    }),
    screens: key.screens.map((s) => ({ ...s, events: s.events.map(n) })),
    runs: key.runs.map((r) => resolveRun(r, names)),
  };
}

/** `reference`: the design it was built from, where a run that never reaches its outcome finds the step that differs. */
export function gradeDesign(
  doc: unknown,
  key: GradingKey,
  reference?: ScenarioDef,
): { ok: true; grade: Grade } | { ok: false; issues: ScenarioIssue[] } {
  const parsed = parseScenario(doc);
  if (!parsed.ok) return { ok: false, issues: parsed.issues };
  const s = parsed.scenario;
  return { ok: true, grade: { rubric: rubricOf(s, key), runs: key.runs.map((r) => runCheck(s, r, reference)) } };
}
