/**
 * The run record as stored data: its schema (every record is validated when read, with the same
 * discipline as an imported scenario), the words for a damaged one, and the merge that every write
 * goes through (two tabs of one run share the record: neither may overwrite what the other stored).
 */
import { changesTheStory, type LearnerInput } from '../engine/types';
import { LearnerInputSchema, MAX_INPUTS, MAX_STEP } from '../scenarios/learnerInput';
import { z } from '../scenarios/zod';

/** A run: one scenario played with one sequence of learner inputs (docs/architecture.md, "Source of truth"). */
export interface RunRecord {
  runId: string;
  scenarioId: string;
  parentRunId: string | null;
  branchedAtStep: number | null;
  inputs: LearnerInput[];
  cursor: number;
  furthestStep: number;
  createdAt: number;
  updatedAt: number;
}

/**
 * How a run record is written inside a step's transaction: a whole record (put as it is), or a
 * merge of the stored value (read in the same transaction) with the writer's record.
 */
export type RunWrite = RunRecord | { readonly runId: string; merge(stored: unknown): RunRecord };

const Step = z.number().int().min(0).max(MAX_STEP);
/** Wall-clock milliseconds (Date.now()); the bound is the largest time a Date can hold. */
const Time = z.number().int().min(0).max(8.64e15);
const RunIdText = z.string().min(1).max(300);

/** Field by field, so that a damaged record can be salvaged field by field. */
const fields = {
  runId: RunIdText,
  scenarioId: RunIdText,
  parentRunId: RunIdText.nullable(),
  branchedAtStep: Step.nullable(),
  inputs: z.array(z.unknown()).max(MAX_INPUTS),
  cursor: Step,
  furthestStep: Step,
  createdAt: Time,
  updatedAt: Time,
} as const;
type Field = keyof typeof fields;
const FIELD_NAMES = Object.keys(fields) as Field[];

/** What a field should have held, in the learner's words. */
const kindOf: Record<Field, string> = {
  runId: 'a run id',
  scenarioId: 'a scenario id',
  parentRunId: 'a run id',
  branchedAtStep: 'a step number',
  inputs: 'a list of learner actions',
  cursor: 'a step number',
  furthestStep: 'a step number',
  createdAt: 'a time',
  updatedAt: 'a time',
};

/** Whatever could still be read from a damaged record (absent: unreadable). */
export interface RunSalvage {
  scenarioId?: string;
  parentRunId?: string | null;
  branchedAtStep?: number | null;
  /** The learner actions (answers included) that could be read, in their order. */
  inputs: LearnerInput[];
  cursor?: number;
  furthestStep?: number;
  createdAt?: number;
  updatedAt?: number;
}

export type ParsedRun = { ok: true; run: RunRecord } | { ok: false; problems: string[]; salvage: RunSalvage };

/**
 * Validates a stored run record (anything read back from IndexedDB is data from outside the running
 * code: another version of the app, another tab, a damaged profile). `runId` is the key it was read
 * under. Never throws; an invalid record comes back with its problems worded for the learner and
 * with every field that can still be trusted.
 */
export function parseRunRecord(raw: unknown, runId: string): ParsedRun {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return { ok: false, problems: ['it is not a run record'], salvage: { inputs: [] } };
  const value = raw as Record<string, unknown>;
  const problems: string[] = [];
  const salvage: RunSalvage = { inputs: [] };
  const good: Partial<Record<Field, unknown>> = {};
  for (const field of FIELD_NAMES) {
    const v = value[field];
    if (v === undefined) {
      problems.push(`${field} is missing`);
      continue;
    }
    const r = fields[field].safeParse(v);
    if (!r.success) {
      problems.push(
        field === 'inputs' && Array.isArray(v)
          ? `inputs holds more than ${MAX_INPUTS.toLocaleString('en')} learner actions`
          : `${field} is not ${kindOf[field]}`,
      );
      continue;
    }
    good[field] = r.data;
  }
  if (good.runId !== undefined && good.runId !== runId) {
    problems.push('it is filed under another run');
    delete good.runId;
  }
  // The inputs one by one: a bad entry loses only itself.
  const inputs: LearnerInput[] = [];
  if (Array.isArray(good.inputs)) {
    good.inputs.forEach((raw, i) => {
      const r = LearnerInputSchema.safeParse(raw);
      if (r.success) inputs.push(r.data);
      else problems.push(`learner action ${i + 1} of ${(good.inputs as unknown[]).length} cannot be read`);
    });
  }
  salvage.inputs = inputs;
  if (good.scenarioId !== undefined) salvage.scenarioId = good.scenarioId as string;
  if (good.parentRunId !== undefined) salvage.parentRunId = good.parentRunId as string | null;
  if (good.branchedAtStep !== undefined) salvage.branchedAtStep = good.branchedAtStep as number | null;
  for (const f of ['cursor', 'furthestStep', 'createdAt', 'updatedAt'] as const)
    if (good[f] !== undefined) salvage[f] = good[f] as number;
  if (problems.length > 0) return { ok: false, problems, salvage };
  return {
    ok: true,
    run: {
      runId,
      scenarioId: salvage.scenarioId!,
      parentRunId: salvage.parentRunId!,
      branchedAtStep: salvage.branchedAtStep!,
      inputs,
      cursor: salvage.cursor!,
      furthestStep: salvage.furthestStep!,
      createdAt: salvage.createdAt!,
      updatedAt: salvage.updatedAt!,
    },
  };
}

/** A stored run record that does not pass validation (or is missing next to stored events). */
export class DamagedRunRecordError extends Error {
  override readonly name = 'DamagedRunRecordError';
  constructor(
    readonly problems: readonly string[],
    readonly salvage: RunSalvage,
  ) {
    super(
      `This run's saved record is damaged (${problems.slice(0, 3).join('; ')}${problems.length > 3 ? `; and ${problems.length - 3} more` : ''}).`,
    );
  }
}

/**
 * A write whose run identity or story (the learner actions that change the world) differs from
 * the stored one. Nothing was written.
 */
export class RunDivergedError extends Error {
  override readonly name = 'RunDivergedError';
  constructor() {
    super(
      'Another tab changed the story of this run, so this tab’s step was not stored. Reload this tab to continue the stored run; to try something else, start a branch from there.',
    );
  }
}

/** JSON with object keys sorted: equal inputs give equal strings whatever their key order. */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(
          Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : x,
  );

export const sameInput = (a: LearnerInput, b: LearnerInput): boolean => canonical(a) === canonical(b);

/** True when both input logs tell the same story (their world-changing inputs are equal, in order). */
export function sameStory(a: readonly LearnerInput[], b: readonly LearnerInput[]): boolean {
  const sa = a.filter(changesTheStory);
  const sb = b.filter(changesTheStory);
  return sa.length === sb.length && sa.every((x, i) => sameInput(x, sb[i]!));
}

/**
 * Merges two logs of one run's inputs: the stored log stays as it is (a prefix of the result) and
 * every input of `incoming` that the stored log does not already hold (counted as a multiset, so an
 * answer given twice stays twice) is appended in its order. Nothing of either side is lost; the
 * latest answer to a question (the last in the log) is the one that counts.
 * Over MAX_INPUTS, earlier answers to a question that was answered again are dropped first (they no
 * longer count).
 */
export function mergeInputs(stored: readonly LearnerInput[], incoming: readonly LearnerInput[]): LearnerInput[] {
  const left = new Map<string, number>();
  for (const s of stored) {
    const k = canonical(s);
    left.set(k, (left.get(k) ?? 0) + 1);
  }
  const out = [...stored];
  for (const i of incoming) {
    const k = canonical(i);
    const n = left.get(k) ?? 0;
    if (n > 0) left.set(k, n - 1);
    else out.push(i);
  }
  return out.length > MAX_INPUTS ? compactAnswers(out) : out;
}

/** Drops answers superseded by a later answer to the same question. */
function compactAnswers(inputs: readonly LearnerInput[]): LearnerInput[] {
  const last = new Map<string, number>();
  inputs.forEach((i, n) => i.kind === 'answer' && last.set(i.questionId, n));
  return inputs.filter((i, n) => i.kind !== 'answer' || last.get(i.questionId) === n).slice(-MAX_INPUTS);
}

/**
 * The record to store when a tab writes `incoming` over what is `stored` (inside one readwrite
 * transaction). Shared state is merged, never overwritten:
 *  - furthestStep is a maximum (the events up to it are stored; a tab that stepped less must not
 *    pull it back, or the next open would find more events than the run accounts for);
 *  - inputs are a log both tabs append to (answers from either tab are kept; see mergeInputs);
 *  - cursor is where the writing tab now is (where "continue where I left off" should land);
 *  - createdAt is the earliest, updatedAt the latest.
 * A learner action that changes the story never edits a run: it starts a branch, which is a new
 * run with its own record (see state/branch.ts). So two tabs of one run cannot legitimately hold
 * different stories; a write that does (a stale or foreign writer) is refused with RunDivergedError
 * rather than merged, because the stored events were computed from the stored story and a learner
 * expects what they stored to stay as it is. The refused tab is told to reload, and can branch
 * from there to try its alternative.
 */
export function mergeRunRecords(stored: RunRecord | undefined, incoming: RunRecord): RunRecord {
  if (!stored) return incoming;
  if (
    stored.scenarioId !== incoming.scenarioId ||
    stored.parentRunId !== incoming.parentRunId ||
    stored.branchedAtStep !== incoming.branchedAtStep ||
    !sameStory(stored.inputs, incoming.inputs)
  )
    throw new RunDivergedError();
  return {
    ...incoming,
    runId: stored.runId,
    inputs: mergeInputs(stored.inputs, incoming.inputs),
    furthestStep: Math.max(stored.furthestStep, incoming.furthestStep),
    createdAt: Math.min(stored.createdAt, incoming.createdAt),
    updatedAt: Math.max(stored.updatedAt, incoming.updatedAt),
  };
}
