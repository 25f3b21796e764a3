/**
 * The shapes of the catalog's records, checked on every read: stored data is treated like any
 * input (another tab, an older version, a hand-edited profile or a bad disk may have written it).
 * Numbers and strings are bounded; every id is in the id alphabet, because ids become database
 * names and addresses.
 */
import { ID_PATTERN, isId, MAX_RUN_ID_LENGTH } from '../scenarios/idAlphabet';
import { MAX_STEP } from '../scenarios/learnerInput';
import { z } from '../scenarios/zod';

export { MAX_STEP };

/** The id alphabet (scenarios/idAlphabet.ts, as the hash routes accept), at most 128 characters. */
export { ID_PATTERN };
export const isRecordId = (v: unknown): v is string => typeof v === 'string' && isId(v, MAX_RUN_ID_LENGTH);

/** Times are milliseconds since 1970, before the year 2400. */
export const MAX_TIME = 13_569_465_600_000;

export const RecordId = z
  .string()
  .max(MAX_RUN_ID_LENGTH, 'is not an id (at most 128 characters)')
  .regex(ID_PATTERN, 'is not an id (letters, digits, ".", "_" or "-", at most 128)');
const Step = z.number().int().min(0).max(MAX_STEP);
const Time = z.number().int().min(0).max(MAX_TIME);
const Title = z.string().max(200);
/** What a backup may carry as an answer (the player stores a choice's id or a list of them). */
export const StoredAnswer: z.ZodType<unknown> = z.lazy(() =>
  z.union([
    z.string().max(4000),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(StoredAnswer).max(100),
    z.record(z.string().max(200), StoredAnswer),
  ]),
);

export const CatalogRunSchema = z.object({
  runId: RecordId,
  scenarioId: RecordId,
  parentRunId: RecordId.nullable(),
  branchedAtStep: Step.nullable(),
  title: Title,
  updatedAt: Time,
});

export const SavedScenarioSchema = z.object({
  scenarioId: RecordId,
  title: Title,
  forkedFrom: z.object({ runId: RecordId, step: Step }).nullable(),
  /** Validated as a scenario by the app (it needs the scenario validator); here only "present". */
  document: z.custom<unknown>(
    (v) => v !== null && typeof v === 'object' && !Array.isArray(v),
    'is not a scenario document',
  ),
  updatedAt: Time,
  /** Where the scenario's main run lives, when it is not the default `main-<scenarioId>` (set by a restore or a reset). */
  mainRunId: RecordId.optional(),
});

export const ProgressRecordSchema = z.object({
  scenarioId: RecordId,
  furthestStep: Step,
  completed: z.boolean(),
  answers: z.record(z.string().max(200), StoredAnswer),
  updatedAt: Time,
});

const FIELD_WORDS: Record<string, string> = {
  title: 'its name is not text of at most 200 characters',
  updatedAt: 'its date is not a valid time',
  scenarioId: 'its scenario id is not an id',
  runId: 'its run id is not an id',
  parentRunId: 'the run it branches from is not an id',
  branchedAtStep: 'the step it branches at is not a step number',
  forkedFrom: 'where it was forked from is unreadable',
  document: 'its scenario document is missing',
  mainRunId: 'the id of its run is not an id',
  furthestStep: 'how far you got is not a step number',
  completed: 'whether it is completed is not yes or no',
  answers: 'its answers are unreadable',
  // An answered question (the `questions` store).
  id: 'its id is not an id, or does not name its scenario and question',
  questionId: 'its question is not named',
  step: 'its step is not a step number',
  concepts: 'its concepts are unreadable',
  right: 'its count of right answers is not a count',
  wrong: 'its count of missed answers is not a count',
  lastCorrect: 'its last answer’s result is not right or wrong',
  lastAt: 'its last answer’s time is not a valid time',
  card: 'its review schedule is unreadable',
  // A mock interview's scorecard (the `interviews` store).
  promptId: 'its interview prompt is not an id',
  promptTitle: 'its interview prompt’s name is not text of at most 200 characters',
  length: 'its length is neither 20 nor 45 minutes',
  startedAt: 'its start time is not a valid time',
  finishedAt: 'its finish time is not a valid time, or is before its start',
  rubric: 'its rubric points are unreadable',
  runs: 'its runs are unreadable',
  whatIfs: 'its what-ifs are unreadable',
  stageTimes: 'its time per stage is unreadable',
  study: 'its list of what to study next is unreadable',
  design: 'its saved answers are too large to be kept',
};

/** What a record of each catalog store is, in the learner's words ("a damaged saved scenario"). */
export const STORE_WORDS = {
  scenarios: 'saved scenario',
  runs: 'branch',
  progress: 'progress record',
  questions: 'answered-question record',
  interviews: 'mock-interview scorecard',
} as const satisfies Record<string, string>;

/** A learner-readable reason for the first problem zod found (no raw error text). */
export function problemOf(error: z.ZodError): string {
  const first = error.issues[0];
  const field = first?.path[0];
  if (first === undefined) return 'it is unreadable';
  if (field === undefined) return 'it is not a record';
  return FIELD_WORDS[String(field)] ?? `its field “${String(field).slice(0, 40)}” is unreadable`;
}

/** A key as text a learner can read (IndexedDB keys may be numbers, dates or arrays). */
export const keyText = (key: IDBValidKey): string => {
  const s = typeof key === 'string' ? key : (JSON.stringify(key) ?? String(key));
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
};
