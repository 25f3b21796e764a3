/**
 * What one step may compute. A valid scenario can still describe runaway work — an aggregate field
 * that concatenates itself doubles with every event — so the interpreter counts its work and measures
 * what it builds, and a step that goes over a limit stops with a `StepLimitError` naming the limit.
 * The stepper turns it into a refused step ("Step 6 stopped: …") instead of freezing the page.
 *
 * The limits that can be checked on the JSON itself (steps per scenario, sizes of data and
 * expressions) are in the schema, so imports and share links are refused up front; these are the
 * ones only running the scenario can reveal. All are deterministic: work is counted, never timed.
 */

export const LIMITS = {
  /** Steps in a scenario's script (schema). 10,000 publish steps are reached in well under a second. */
  maxSteps: 10_000,
  /** Characters of the JSON text of one data object (an event's or command's data, initial fields) (schema). */
  maxDataChars: 16_000,
  /** Nesting depth of JSON data (schema). */
  maxDataDepth: 8,
  /** Nodes in one value expression or guard (schema). */
  maxExprNodes: 200,
  /** Nesting depth of one value expression or guard (schema). */
  maxExprDepth: 12,
  /** Characters of one string a value expression computes (run time). */
  maxValueChars: 10_000,
  /** Characters of an aggregate's state, measured as JSON, after a command (run time). */
  maxStateChars: 100_000,
  /** Characters of one read-model row, measured as JSON, after an operation (run time). */
  maxRowChars: 100_000,
  /** Items in one list a read-model `append` builds (run time). */
  maxListItems: 1_000,
  /** Interpreter operations in one step: expression nodes, events folded, projection operations (run time). */
  maxStepOps: 1_000_000,
} as const;

export type LimitName = keyof typeof LIMITS;

/** A step would go over one of the limits; `message` says what, in the learner's words. */
export class StepLimitError extends Error {
  override name = 'StepLimitError';
  constructor(
    readonly limit: LimitName,
    message: string,
  ) {
    super(message);
  }
}

const fmt = (n: number) => n.toLocaleString('en-US');

let opsLeft = Infinity;

/**
 * Runs `fn` (one step) with a fresh work budget. Steps run synchronously, one at a time, so one
 * counter suffices; it is restored afterwards, so code outside a step (views, tests) is not metered.
 */
export function withStepBudget<T>(fn: () => T, ops: number = LIMITS.maxStepOps): T {
  const saved = opsLeft;
  opsLeft = ops;
  try {
    return fn();
  } finally {
    opsLeft = saved;
  }
}

/** Counts `n` operations of the current step. */
export function charge(n = 1): void {
  opsLeft -= n;
  if (opsLeft < 0) {
    opsLeft = Infinity; // let the stepper's own clean-up run unmetered
    throw new StepLimitError(
      'maxStepOps',
      `it needs more than ${fmt(LIMITS.maxStepOps)} operations (the limit of work per step): its rules make it grow too fast to simulate in a browser`,
    );
  }
}

/**
 * Approximate size in characters of `value` as JSON, counting at most up to `cap` (it stops early,
 * so measuring a huge value costs no more than the cap).
 */
export function sizeWithin(value: unknown, cap: number): number {
  let size = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && size <= cap) {
    const v = stack.pop();
    if (typeof v === 'string') size += v.length + 2;
    else if (typeof v === 'number') size += 8;
    else if (typeof v === 'boolean') size += 5;
    else if (v === null || v === undefined) size += 4;
    else if (Array.isArray(v)) {
      size += 2 + v.length;
      for (let i = 0; i < v.length && stack.length <= cap; i++) stack.push(v[i]);
    } else if (typeof v === 'object') {
      size += 2;
      for (const k of Object.keys(v)) {
        size += k.length + 4;
        stack.push((v as Record<string, unknown>)[k]);
        if (size > cap) break;
      }
    }
  }
  return size;
}

/** Throws when a computed string would be longer than the limit. */
export function checkValueLength(length: number, where: string): void {
  if (length > LIMITS.maxValueChars) {
    throw new StepLimitError(
      'maxValueChars',
      `${where} would compute a text of ${fmt(length)} characters (the limit for one value is ${fmt(LIMITS.maxValueChars)})`,
    );
  }
}

export function checkStateSize(state: unknown, aggregate: string, id: string): void {
  const size = sizeWithin(state, LIMITS.maxStateChars);
  if (size > LIMITS.maxStateChars) {
    throw new StepLimitError(
      'maxStateChars',
      `the ${aggregate} aggregate's state (${aggregate} ${id}) would exceed ${fmt(LIMITS.maxStateChars)} characters (the limit for one aggregate's state)`,
    );
  }
}

export function checkRowSize(row: unknown, projection: string, key: string): void {
  const size = sizeWithin(row, LIMITS.maxRowChars);
  if (size > LIMITS.maxRowChars) {
    throw new StepLimitError(
      'maxRowChars',
      `row "${key}" of the read model ${projection} would exceed ${fmt(LIMITS.maxRowChars)} characters (the limit for one read-model row)`,
    );
  }
}

export function checkListLength(length: number, projection: string, key: string, field: string): void {
  if (length > LIMITS.maxListItems) {
    throw new StepLimitError(
      'maxListItems',
      `the list "${field}" in row "${key}" of the read model ${projection} would hold ${fmt(length)} items (the limit for one list is ${fmt(LIMITS.maxListItems)})`,
    );
  }
}

/** The learner-facing sentence for a stopped step; `fix` says what to change (a limit: simplify the rules). */
export const stoppedMessage = (
  step: number,
  reason: string,
  fix = "Simplify the scenario's rules (for example, a field that concatenates itself doubles with every event).",
): string =>
  `Step ${step} stopped: ${reason}. Nothing of this step was applied; the world stays as it was after step ${step - 1}. ${fix}`;
