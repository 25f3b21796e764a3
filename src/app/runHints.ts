/**
 * Which run a saved scenario played, and how long it was, the last time this browser opened it: a
 * hint (localStorage) that lets a page opened at the scenario start reading its run before the
 * scenario's own catalog entry has been read and checked (earlyRun.ts). Only ever a hint: the entry
 * decides which run is played, and a wrong or damaged hint only means the run is read after it.
 */
const STORAGE_KEY = 'event-lab:run-hints';
/** The most recently opened saved scenarios kept (a learner opens a handful). */
const MAX_KEPT = 16;

export interface RunHint {
  runId: string;
  /** The scenario's last step then: which checkpoints the page will ask for first. */
  lastStep: number;
}

type Hints = Record<string, RunHint>;

const isHint = (v: unknown): v is RunHint =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as RunHint).runId === 'string' &&
  (v as RunHint).runId.length > 0 &&
  Number.isSafeInteger((v as RunHint).lastStep) &&
  (v as RunHint).lastStep >= 0;

function readAll(): Hints {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed).filter(([, v]) => isHint(v))) as Hints;
  } catch {
    return {};
  }
}

function writeAll(hints: Hints): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(hints));
  } catch {
    // Storage full or denied: the next page reads the run after the scenario, as without a hint.
  }
}

/** The hint for `scenarioId`, or null. */
export function readRunHint(scenarioId: string): RunHint | null {
  const all = readAll();
  return Object.hasOwn(all, scenarioId) ? (all[scenarioId] ?? null) : null;
}

/** Remembers what `scenarioId` played (the most recent first; older ones beyond the limit are forgotten). */
export function rememberRunHint(scenarioId: string, hint: RunHint): void {
  const all = readAll();
  const old = all[scenarioId];
  if (Object.hasOwn(all, scenarioId) && old?.runId === hint.runId && old.lastStep === hint.lastStep) return;
  const rest = Object.entries(all).filter(([id]) => id !== scenarioId);
  writeAll(Object.fromEntries([[scenarioId, hint], ...rest.slice(0, MAX_KEPT - 1)]));
}

/** Forgets the hint for `scenarioId` (its run is gone). */
export function forgetRunHint(scenarioId: string): void {
  const all = readAll();
  if (!Object.hasOwn(all, scenarioId)) return;
  delete all[scenarioId];
  writeAll(all);
}
