/**
 * One backup file for everything a learner made: saved scenarios (forks and imports) and progress,
 * in a versioned envelope. Parsing validates the envelope strictly and every scenario document like
 * an import, so a bad backup is refused as a whole with the JSON path of each problem.
 */
import { formatPath, type ScenarioIssue } from '../parse';
import type { ScenarioDef } from '../schema';
import { z } from '../zod';
import { importScenarioValue } from './importScenario';
import { MAX_DEPTH, parseUntrustedJson } from './untrustedJson';

export const BACKUP_KIND = 'event-lab-backup';
export const BACKUP_VERSION = 1;
export const MAX_BACKUP_BYTES = 50_000_000;

/** The shape of persistence's SavedScenario (this layer may not import persistence). */
export interface BackupScenario {
  scenarioId: string;
  title: string;
  forkedFrom: { runId: string; step: number } | null;
  document: unknown;
  updatedAt: number;
}

/** The shape of persistence's ProgressRecord. */
export interface BackupProgress {
  scenarioId: string;
  furthestStep: number;
  completed: boolean;
  answers: Record<string, unknown>;
  updatedAt: number;
}

export interface Backup {
  exportedAt: number;
  scenarios: (BackupScenario & { document: ScenarioDef })[];
  progress: BackupProgress[];
}

export type BackupResult = { ok: true; backup: Backup } | { ok: false; issues: ScenarioIssue[] };

const Key = z.string().min(1).max(200);
const Time = z.number().int().min(0);
const Answer: z.ZodType<unknown> = z.lazy(() =>
  z.union([
    z.string().max(4000),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(Answer).max(100),
    z.record(z.string().max(200), Answer),
  ]),
);

const Envelope = z.strictObject({
  kind: z.literal(BACKUP_KIND),
  version: z.literal(BACKUP_VERSION),
  exportedAt: Time,
  scenarios: z
    .array(
      z.strictObject({
        scenarioId: Key,
        title: z.string().max(200),
        forkedFrom: z.strictObject({ runId: Key, step: z.number().int().min(0) }).nullable(),
        document: z.unknown(),
        updatedAt: Time,
      }),
    )
    .max(1000),
  progress: z
    .array(
      z.strictObject({
        scenarioId: Key,
        furthestStep: z.number().int().min(0),
        completed: z.boolean(),
        answers: z.record(z.string().max(200), Answer),
        updatedAt: Time,
      }),
    )
    .max(1000),
});

export function exportBackup(input: {
  scenarios: readonly BackupScenario[];
  progress: readonly BackupProgress[];
  exportedAt: number;
}): string {
  const backup = {
    kind: BACKUP_KIND,
    version: BACKUP_VERSION,
    exportedAt: input.exportedAt,
    scenarios: input.scenarios.map(({ scenarioId, title, forkedFrom, document, updatedAt }) => ({
      scenarioId,
      title,
      forkedFrom,
      document,
      updatedAt,
    })),
    progress: input.progress.map(({ scenarioId, furthestStep, completed, answers, updatedAt }) => ({
      scenarioId,
      furthestStep,
      completed,
      answers,
      updatedAt,
    })),
  };
  return `${JSON.stringify(backup, null, 2)}\n`;
}

export function parseBackup(text: string): BackupResult {
  // A scenario document sits 3 levels down (scenarios[i].document): same depth budget as a file.
  const json = parseUntrustedJson(text, { maxBytes: MAX_BACKUP_BYTES, maxDepth: MAX_DEPTH + 3 });
  if (!json.ok) return json;
  const v = json.value as { kind?: unknown; version?: unknown } | null;
  if (
    v &&
    typeof v === 'object' &&
    v.kind === BACKUP_KIND &&
    typeof v.version === 'number' &&
    v.version > BACKUP_VERSION
  ) {
    return {
      ok: false,
      issues: [
        {
          path: 'version',
          message: `this backup was made by a newer Event Lab (format ${v.version}); this one reads format ${BACKUP_VERSION}`,
        },
      ],
    };
  }
  const envelope = Envelope.safeParse(json.value);
  if (!envelope.success)
    return {
      ok: false,
      issues: envelope.error.issues.slice(0, 50).map((i) => ({ path: formatPath(i.path), message: i.message })),
    };
  const issues: ScenarioIssue[] = [];
  const scenarios: Backup['scenarios'] = [];
  const seen = new Set<string>();
  envelope.data.scenarios.forEach((s, i) => {
    if (seen.has(s.scenarioId))
      issues.push({ path: `scenarios[${i}].scenarioId`, message: `duplicate saved scenario "${s.scenarioId}"` });
    seen.add(s.scenarioId);
    const r = importScenarioValue(s.document);
    if (r.ok) scenarios.push({ ...s, document: r.scenario });
    else
      issues.push(
        ...r.issues.map((x) => ({
          path: `scenarios[${i}].document${x.path === '(root)' ? '' : x.path.startsWith('[') ? x.path : `.${x.path}`}`,
          message: x.message,
        })),
      );
  });
  const seenProgress = new Set<string>();
  envelope.data.progress.forEach((p, i) => {
    if (seenProgress.has(p.scenarioId))
      issues.push({ path: `progress[${i}].scenarioId`, message: `duplicate progress for "${p.scenarioId}"` });
    seenProgress.add(p.scenarioId);
  });
  if (issues.length) return { ok: false, issues: issues.slice(0, 50) };
  return {
    ok: true,
    backup: { exportedAt: envelope.data.exportedAt, scenarios, progress: envelope.data.progress as BackupProgress[] },
  };
}
