/**
 * The design being edited, when it is valid: written by the editor as the learner types, read by the
 * design comparison, so a design can be compared before it is saved. One per page (one editor open).
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { ScenarioDef } from '../scenarios/schema';

interface DraftState {
  /** The valid draft of the scenario with this id; null when the draft does not validate or nothing is edited. */
  scenarioId: string | null;
  draft: ScenarioDef | null;
}

export const designDraftStore = createStore<DraftState>()(() => ({ scenarioId: null, draft: null }));

export const publishDesignDraft = (scenarioId: string, draft: ScenarioDef | null) =>
  designDraftStore.setState({ scenarioId, draft });

/** The valid unsaved draft of this scenario, if the editor holds one. */
export const useDesignDraft = (scenarioId: string): ScenarioDef | null =>
  useStore(designDraftStore, (s) => (s.scenarioId === scenarioId ? s.draft : null));
