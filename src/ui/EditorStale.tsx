import { useMemo, useState } from 'react';
import type { ScenarioDef, StepDef } from '../scenarios/schema';
import { changedUnderText, isStale, readStale, staleOf, writeStale, type StaleNarration } from '../state/editorKeep';
import { useRun, useRunChrome } from '../state/react';

const CHECK = 'This text was written for the step before your change: check it.';

export interface StaleSteps {
  /** The draft's steps whose text was written for their action before the learner changed it. */
  steps: { index: number; step: Pick<StepDef, 'title' | 'action' | 'narration'> }[];
  /** The learner says the text is still right: no longer flagged, here or in the player. */
  confirm(step: Pick<StepDef, 'action' | 'narration'>): void;
}

const same = (a: StaleNarration, b: StaleNarration) => a.action === b.action && a.narration === b.narration;

/**
 * Steps to flag in the editor: those whose action the draft changed under unchanged text, and those
 * flagged at an earlier save whose action and text are still exactly as they were then.
 */
export function useStaleSteps(scenario: ScenarioDef, draft: ScenarioDef | undefined): StaleSteps {
  const [stored, setStored] = useState(() => readStale(scenario.id));
  const [confirmed, setConfirmed] = useState<StaleNarration[]>([]);
  const steps = useMemo(() => {
    const now = draft?.steps ?? scenario.steps;
    const changed = new Set(draft ? changedUnderText(scenario.steps, draft.steps) : []);
    return now
      .map((step, index) => ({ index, step }))
      .filter(({ index, step }) => changed.has(index) || isStale(stored, step))
      .filter(({ step }) => !confirmed.some((c) => same(c, staleOf(step))));
  }, [scenario, draft, stored, confirmed]);
  return {
    steps,
    confirm: (step) => {
      const s = staleOf(step);
      const rest = stored.filter((e) => !same(e, s));
      writeStale(scenario.id, rest);
      setStored(rest);
      setConfirmed((c) => [...c, s]);
    },
  };
}

/** Kept with the save: what is still flagged then is what the player tells of (by fingerprints). */
export const staleOnSave = (scenarioId: string, stale: StaleSteps) =>
  writeStale(
    scenarioId,
    stale.steps.map(({ step }) => staleOf(step)),
  );

/** In the editor, above its tabs: each flagged step, with "The text is still right". */
export function EditorStaleList({ stale }: { stale: StaleSteps }) {
  if (stale.steps.length === 0) return null;
  return (
    <ul className="editor-stale" aria-label="Step text to check">
      {stale.steps.map(({ index, step }) => (
        <li key={index}>
          <strong>
            Step {index + 1} “{step.title}”:
          </strong>{' '}
          {CHECK} Edit its narration in Script, or{' '}
          <button type="button" className="link-button" onClick={() => stale.confirm(step)}>
            The text of step {index + 1} is still right
          </button>
        </li>
      ))}
    </ul>
  );
}

/**
 * In the player, under the step's text: one line saying that the text may describe the step before
 * the learner's edit of its action, while the step's action and text are exactly those flagged.
 */
export function EditorStaleNotice() {
  const chrome = useRunChrome();
  const scenarioId = useRun((s) => s.scenario.id);
  // The script step on screen, while its text is the script's own (not told from effects).
  const step = useRun((s) => {
    const entry = s.narration.generated ? undefined : s.stepper.entries[s.step - 1];
    return entry?.kind === 'script' ? entry.step : null;
  });
  const [entries, setEntries] = useState(() => (chrome.ownership === 'saved' ? readStale(scenarioId) : []));
  if (!step || !isStale(entries, step)) return null;
  return (
    <p className="hint stale-narration">
      This text may describe the step before your edit of its action.{' '}
      <button
        type="button"
        className="link-button"
        onClick={() => {
          const s = staleOf(step);
          const rest = entries.filter((e) => !same(e, s));
          writeStale(scenarioId, rest);
          setEntries(rest);
        }}
      >
        The text is still right
      </button>
    </p>
  );
}
