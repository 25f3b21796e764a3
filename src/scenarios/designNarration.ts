/**
 * A learner's design opened in the player (a mock interview's answers patched into its prompt's reference
 * design) keeps the reference's authored text: step titles, narration, takeaways. That text is true of the
 * reference's run, not necessarily of the design's ("the second accept is decided again" while the store
 * holds both). So each script step is compared with the same step of the reference's run: where the two
 * runs' effects differ (other events stored, a refusal, other records published or consumed, other
 * read-model rows), the step is told from what the design did, the reference's text kept beside it and
 * labelled as the reference's; a step that played out exactly as in the reference keeps the authored text (also
 * after a fault or a learner's action: its effects are the reference's, so its text is true).
 */
import type { Narration } from '../engine/types';
import { toldDifferently, toldFromEffects } from './branchNarration';
import { playedTheSame, type StepOutcome } from './sameStory';
import type { ScenarioDef, StepDef } from './schema';

/** The design is the reference with nothing changed but its id and title (how it was saved). */
export function sameDesign(design: ScenarioDef, reference: ScenarioDef): boolean {
  const plain = (s: ScenarioDef) => JSON.stringify({ ...s, id: '', title: '' });
  return plain(design) === plain(reference);
}

/**
 * For each of the design's script steps, the reference's step it stands for (the same title and text), or
 * null for a step the reference lacks (a run adds steps, e.g. a phone's late retry): paired in order.
 */
export function pairSteps(design: readonly StepDef[], reference: readonly StepDef[]): (number | null)[] {
  let j = 0;
  return design.map((s) => {
    const at = reference.findIndex((r, i) => i >= j && r.title === s.title && r.narration === s.narration);
    if (at < 0) return null;
    j = at + 1;
    return at;
  });
}

/**
 * A script step of a design's run. `reference` is the reference's step and its effects (null: the reference
 * has no such step); `afterInput`: a learner's input or a fault came before this step, so the world may differ
 * whatever the design (then the step is told from its effects, as any branch's).
 */
export function narrateDesignStep(
  step: StepDef,
  here: StepOutcome,
  reference: ({ step: StepDef } & StepOutcome) | null,
  afterInput: boolean,
): Narration {
  // The same comparison as a branch's (`sameStory.ts`): where the step did what the reference's did, its text is true.
  if (reference && playedTheSame(here, reference)) return { title: step.title, text: step.narration, generated: false };
  const toldBecause = afterInput ? 'design-branch' : 'design';
  if (!reference) return { title: step.title, ...toldFromEffects(here.effects), generated: true, toldBecause };
  return { ...toldDifferently(reference.step, here, reference, 'reference'), toldBecause };
}

/** Step 0 of a design that is not its reference: the intro says whose design it is and how it is told. */
export function designIntro(intro: ScenarioDef['intro']): Narration {
  return {
    title: intro.title.replace(/,? the reference design$/, ', your design'),
    text: `${intro.narration} This is the reference design with your answers in it: each step that plays out differently from the reference is told from what your design did.`,
    generated: false,
  };
}

/**
 * Whether the scenario may be a learner's design: its intro is a prompt's reference design's (patches change
 * the system, never the text). Cheap, so the player loads the references only for such a scenario.
 */
export const mayBeDesign = (s: ScenarioDef): boolean => /,? the reference design$/.test(s.intro.title);
