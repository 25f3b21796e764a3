/**
 * What names a run's world checkpoints (runCheckpoint.ts keeps them): the build, the story they belong
 * to, and which steps get one. Apart from runCheckpoint.ts because a page opened at a saved scenario
 * reads its checkpoints before the engine has loaded (app/earlyRun.ts): this file imports no engine code.
 */
import { changesTheStory, type LearnerInput } from '../engine/types';
import { contentVersion, cyrb53 } from '../scenarios/io/contentVersion';
import type { ScenarioDef } from '../scenarios/schema';

declare const __EVENT_LAB_SOURCE__: string | undefined;

/**
 * The build: a hash of the app's source, set by vite.config.ts. Null under the dev server (its
 * source changes without the hash changing) and wherever it is not set: no checkpoints then.
 */
export const SOURCE_BUILD: string | null =
  typeof __EVENT_LAB_SOURCE__ === 'string' && import.meta.env.MODE !== 'development' ? __EVENT_LAB_SOURCE__ : null;

/** Steps below this replay in a few milliseconds: they get no checkpoint. */
export const MIN_CHECKPOINT_STEP = 100;

/** The story a checkpoint belongs to (answers do not change any world, so they are left out). */
export function checkpointKey(build: string, scenario: ScenarioDef, inputs: readonly LearnerInput[]): string {
  const story = JSON.stringify(inputs.filter(changesTheStory));
  return `${build}:${contentVersion(scenario)}:${cyrb53(story).toString(36)}:${story.length}`;
}

/** Of `steps`, those a run of `lastStep` steps may have a checkpoint for (a read asks for these only). */
export const checkpointSteps = (steps: readonly number[], lastStep: number): number[] =>
  steps.filter((s) => s >= MIN_CHECKPOINT_STEP && s <= lastStep);

/**
 * The steps a session opening at `step` (null: where the learner left off, which is unknown until the
 * run record is read) of a run of `lastStep` steps reads checkpoints at first (runSession.ts's
 * restore): the step and the last step.
 */
export const openingCheckpointSteps = (step: number | null, lastStep: number): number[] =>
  step === null ? [] : checkpointSteps([Math.min(step, lastStep), lastStep], lastStep);
