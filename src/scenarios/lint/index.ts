/**
 * The event-design linter: checks a scenario's events, commands, keys, consumers and schema changes
 * and explains each finding with a suggested fix. Pure: scenario in, findings out (errors first).
 * Rules: event-past-tense, command-imperative, schema-version, breaking-change, partition-key,
 * idempotent-consumer, reaction-chain (see each file for what it checks and why).
 */
import type { ScenarioDef } from '../schema';
import { namingFindings } from './naming';
import { orderingFindings } from './ordering';
import { reactionFindings } from './reactions';
import type { LintFinding, LintSeverity } from './types';
import { versionFindings } from './versions';

export type { LintFinding, LintSeverity } from './types';

const rank: Record<LintSeverity, number> = { error: 0, warning: 1, info: 2 };

export function lintScenario(s: ScenarioDef): LintFinding[] {
  const findings = [...namingFindings(s), ...versionFindings(s), ...orderingFindings(s), ...reactionFindings(s)];
  return findings
    .map((f, i) => [f, i] as const)
    .sort(([a, i], [b, j]) => rank[a.severity] - rank[b.severity] || i - j)
    .map(([f]) => f);
}

/** Findings about one JSON path or anything inside it (for showing them next to an editor field). */
export const findingsAt = (findings: readonly LintFinding[], path: string): LintFinding[] =>
  findings.filter((f) => f.path === path || f.path.startsWith(`${path}.`) || f.path.startsWith(`${path}[`));
