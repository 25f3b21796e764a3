/**
 * Validates untrusted scenario JSON: the schema first, then the references between its parts
 * (topics, producers, groups, members, partitions). Every problem names its JSON path.
 */
import { upgradeLegacyPractice } from './practiceLegacy';
import { referenceIssues } from './references';
import { Scenario, type ScenarioDef } from './schema';

import type { ScenarioIssue } from './scenarioIssue';

export type { ScenarioIssue };

export type ParseResult = { ok: true; scenario: ScenarioDef } | { ok: false; issues: ScenarioIssue[] };

import { formatPath } from './index/jsonPath';

export { formatPath };

export function parseScenario(input: unknown): ParseResult {
  const parsed = Scenario.safeParse(upgradeLegacyPractice(input));
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })) };
  }
  const issues = referenceIssues(parsed.data);
  return issues.length ? { ok: false, issues } : { ok: true, scenario: parsed.data };
}

/** Like parseScenario, for built-in content: a broken built-in is a programming error. */
export function mustParseScenario(input: unknown): ScenarioDef {
  const r = parseScenario(input);
  if (!r.ok) throw new Error(`Invalid scenario: ${r.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  return r.scenario;
}
