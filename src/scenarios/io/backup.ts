/**
 * One backup file for everything a learner made: saved scenarios (forks and imports) and progress
 * (per scenario, and per question with its review schedule since format 2), in a versioned envelope.
 * Format 1 files (no `questions`) still restore. Format 3 adds each finished mock interview's scorecard
 * (`interviews`; formats 1 and 2 have none): their shape is the stored record's, which this layer may not
 * import, so the caller passes its checker (`checkInterviews`); without one, any interview entry is refused.
 * Parsing validates the envelope strictly and every scenario document like
 * an import, so a bad backup is refused as a whole with the JSON path of each problem.
 */
import { formatPath, type ScenarioIssue } from '../parse';
import { GradeNoteSchema, type GradeNote } from '../practiceGradeNote';
import type { ScenarioDef } from '../schema';
import { z } from '../zod';
import { importScenarioValue } from './importScenario';
import { MAX_DEPTH, parseUntrustedJson } from './untrustedJson';

export const BACKUP_KIND = 'event-lab-backup';
export const BACKUP_VERSION = 3;
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

/** The shape of persistence's QuestionProgress (one answered question and its review card). */
export interface BackupQuestion {
  id: string;
  scenarioId: string;
  questionId: string;
  step: number;
  concepts: string[];
  right: number;
  wrong: number;
  lastCorrect: boolean;
  lastAt: number;
  card: {
    due: number;
    stability: number;
    difficulty: number;
    scheduledDays: number;
    learningSteps: number;
    reps: number;
    lapses: number;
    state: number;
    lastReview: number | null;
  } | null;
  /** A design grade's help and failing checks (absent from older backups and from other questions). */
  designGrade?: GradeNote;
}

/**
 * A finished mock interview's scorecard as persistence stores it (persistence/interviewRecords.ts): only
 * what this layer reads is named here; the rest is checked by the caller's `checkInterviews`.
 */
export interface BackupInterview {
  id: string;
  [field: string]: unknown;
}

export interface Backup {
  exportedAt: number;
  scenarios: (BackupScenario & { document: ScenarioDef })[];
  progress: BackupProgress[];
  questions: BackupQuestion[];
  interviews: BackupInterview[];
}

/** Checks interview entries (persistence's shape): each problem with its path (`interviews[i]…`). */
export type InterviewChecker = (entries: readonly unknown[]) => ScenarioIssue[];

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

const Count = z.number().int().min(0).max(1_000_000);
const Real = z.number().finite().min(0).max(1e9);
const Question = z
  .strictObject({
    id: z.string().max(500),
    scenarioId: Key,
    questionId: z.string().min(1).max(200),
    step: z.number().int().min(0).max(1_000_000),
    concepts: z.array(z.string().min(1).max(200)).max(20),
    right: Count,
    wrong: Count,
    lastCorrect: z.boolean(),
    lastAt: Time,
    card: z
      .strictObject({
        due: Time,
        stability: Real,
        difficulty: Real,
        scheduledDays: Count,
        learningSteps: Count,
        reps: Count,
        lapses: Count,
        state: z.number().int().min(0).max(3),
        lastReview: Time.nullable(),
      })
      .nullable(),
    designGrade: GradeNoteSchema.optional(),
  })
  .refine((q) => q.id === `${q.scenarioId}/${q.questionId}`, {
    message: 'its key does not name its scenario and question',
    path: ['id'],
  });

const Envelope = z.strictObject({
  kind: z.literal(BACKUP_KIND),
  version: z.union([z.literal(1), z.literal(2), z.literal(BACKUP_VERSION)]),
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
  /** Format 2: progress per question (absent from format 1 files). */
  questions: z.array(Question).max(20_000).optional(),
  /** Format 3: finished mock interviews (checked by the caller's checker; absent from formats 1 and 2). */
  interviews: z.array(z.unknown()).max(1000).optional(),
});

export function exportBackup(input: {
  scenarios: readonly BackupScenario[];
  progress: readonly BackupProgress[];
  questions?: readonly BackupQuestion[];
  interviews?: readonly BackupInterview[];
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
    questions: (input.questions ?? []).map((q) => structuredClone(q)),
    interviews: (input.interviews ?? []).map((r) => structuredClone(r)),
  };
  return `${JSON.stringify(backup, null, 2)}\n`;
}

export function parseBackup(text: string, checkInterviews?: InterviewChecker): BackupResult {
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
  const questions = envelope.data.questions ?? [];
  const seenQuestions = new Set<string>();
  questions.forEach((q, i) => {
    if (seenQuestions.has(q.id)) issues.push({ path: `questions[${i}].id`, message: `duplicate question "${q.id}"` });
    seenQuestions.add(q.id);
  });
  const interviews = envelope.data.interviews ?? [];
  issues.push(
    ...(checkInterviews
      ? checkInterviews(interviews)
      : interviews.map((_, i) => ({ path: `interviews[${i}]`, message: 'mock interviews cannot be read here' }))),
  );
  if (issues.length) return { ok: false, issues: issues.slice(0, 50) };
  return {
    ok: true,
    backup: {
      exportedAt: envelope.data.exportedAt,
      scenarios,
      progress: envelope.data.progress as BackupProgress[],
      questions,
      // The checker has refused anything that is not a stored interview record.
      interviews: interviews as BackupInterview[],
    },
  };
}
