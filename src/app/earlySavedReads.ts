/**
 * The early reads of a saved scenario, started by the page's entry (earlyScenario.ts) for a page opened
 * at one: its catalog entry and — from the hint its last visit left (runHints.ts) — its run's record
 * and the world checkpoints the session reads first, with the browser's own IndexedDB
 * (persistence/earlyReads.ts), while the player's code loads. earlyRun.ts and library.ts check and
 * use them; whatever could not be read early is read as before.
 */
import { readRunEarly, readSavedScenarioEarly, type EarlyRunRead } from '../persistence/earlyReads';
import { contentVersion } from '../scenarios/io/contentVersion';
import type { ScenarioDef } from '../scenarios/schema';
import { openingCheckpointSteps, SOURCE_BUILD } from '../state/checkpointKeys';
import { readRunHint } from './runHints';

export interface SavedReads {
  /** The catalog entry as stored (`value` undefined: none); null when it could not be read early. */
  scenario: Promise<{ value: unknown } | null>;
  /** The hinted run's first reads; null without a hint (or without checkpoints to read). */
  run: { runId: string; steps: number[]; read: Promise<EarlyRunRead | null> } | null;
}

/** Starts the early reads of the saved scenario `scenarioId`, for a page opening it at `step`. */
export function startSavedReads(scenarioId: string, step: number | null): SavedReads {
  const hint = readRunHint(scenarioId);
  const steps = hint && SOURCE_BUILD !== null ? openingCheckpointSteps(step, hint.lastStep) : [];
  return {
    scenario: readSavedScenarioEarly(scenarioId).then((read) => {
      hashDocument(read?.value);
      return read;
    }),
    run: hint && steps.length > 0 ? { runId: hint.runId, steps, read: readRunEarly(hint.runId, steps) } : null,
  };
}

/**
 * The document's content version, computed now (contentVersion keeps it for the same object), while
 * the main thread waits for the player's code: the check that this build has validated the document
 * before, and its checkpoints' story key, both need it (~15 ms for a 10,000-step scenario).
 */
function hashDocument(entry: unknown): void {
  const document = (entry as { document?: unknown } | undefined)?.document;
  if (SOURCE_BUILD === null || typeof document !== 'object' || document === null || Array.isArray(document)) return;
  try {
    contentVersion(document as ScenarioDef);
  } catch {
    // Not JSON (a damaged value): the check that reads it says so.
  }
}
