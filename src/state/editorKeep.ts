/**
 * What the scenario editor keeps in this browser between page loads (localStorage, read defensively):
 * - the unsaved draft of a saved scenario, so a reload or a closed tab does not lose the learner's work
 *   (offered back to resume or discard);
 * - the steps whose action the learner changed while their narration stayed as written for the old
 *   action, so the editor and the player can say the text may describe the step before the change,
 *   until the learner edits the text or confirms it.
 * Light on purpose (no schema, no validator): the player reads it on every page of a saved scenario.
 */
import type { StepDef } from '../scenarios/schema';

export interface KeptDraft {
  /** The whole scenario as the learner left it, as JSON text. */
  text: string;
  /** A fingerprint of the saved scenario the draft was made from (see `fingerprint`). */
  base: string;
  /** When it was kept (ms since the epoch), for "your unsaved changes from 16:20". */
  keptAt: number;
}

/** One step whose action changed under unchanged text: both as fingerprints, so any edit of either ends it. */
export interface StaleNarration {
  action: string;
  narration: string;
}

const draftKey = (scenarioId: string) => `event-lab:editor-draft:${scenarioId}`;
const staleKey = (scenarioId: string) => `event-lab:stale-narration:${scenarioId}`;

function store(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage disabled: nothing is kept, the beforeunload prompt still guards
  }
}

/** FNV-1a over the text: a short, stable fingerprint (not security, only "is it the same text"). */
export function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${text.length.toString(36)}-${(h >>> 0).toString(36)}`;
}

export function readDraft(scenarioId: string): KeptDraft | null {
  try {
    const v: unknown = JSON.parse(store()?.getItem(draftKey(scenarioId)) ?? 'null');
    if (!v || typeof v !== 'object') return null;
    const { text, base, keptAt } = v as Record<string, unknown>;
    return typeof text === 'string' && typeof base === 'string' && typeof keptAt === 'number'
      ? { text, base, keptAt }
      : null;
  } catch {
    return null;
  }
}

/** Keeps the draft; false when it could not be kept (storage full or disabled). */
export function keepDraft(scenarioId: string, draft: KeptDraft): boolean {
  try {
    const s = store();
    s?.setItem(draftKey(scenarioId), JSON.stringify(draft));
    return !!s;
  } catch {
    return false;
  }
}

export function dropDraft(scenarioId: string): void {
  try {
    store()?.removeItem(draftKey(scenarioId));
  } catch {
    // nothing kept, nothing to drop
  }
}

export function readStale(scenarioId: string): StaleNarration[] {
  try {
    const v: unknown = JSON.parse(store()?.getItem(staleKey(scenarioId)) ?? '[]');
    return Array.isArray(v)
      ? v.filter(
          (e): e is StaleNarration =>
            !!e && typeof e === 'object' && typeof e.action === 'string' && typeof e.narration === 'string',
        )
      : [];
  } catch {
    return [];
  }
}

export function writeStale(scenarioId: string, entries: readonly StaleNarration[]): void {
  try {
    if (entries.length === 0) store()?.removeItem(staleKey(scenarioId));
    else store()?.setItem(staleKey(scenarioId), JSON.stringify(entries));
  } catch {
    // not kept: the editor still flags it while the draft is open
  }
}

export const staleOf = (step: Pick<StepDef, 'action' | 'narration'>): StaleNarration => ({
  action: fingerprint(JSON.stringify(step.action)),
  narration: fingerprint(step.narration),
});

/** Whether a step's text is flagged: its action and its text are exactly those of a flagged change. */
export const isStale = (entries: readonly StaleNarration[], step: Pick<StepDef, 'action' | 'narration'>): boolean => {
  if (entries.length === 0) return false;
  const s = staleOf(step);
  return entries.some((e) => e.action === s.action && e.narration === s.narration);
};

/**
 * The steps of `draft` whose action differs from the same step of `saved` while their narration is
 * the same text: the text was written for the step before the change. Matched by position (inserting
 * or moving a step moves its text with it, so that is not flagged).
 */
export function changedUnderText(
  saved: readonly Pick<StepDef, 'action' | 'narration'>[],
  draft: readonly Pick<StepDef, 'action' | 'narration'>[],
): number[] {
  const out: number[] = [];
  draft.forEach((d, i) => {
    const s = saved[i];
    if (s && s.narration === d.narration && JSON.stringify(s.action) !== JSON.stringify(d.action)) out.push(i);
  });
  return out;
}
