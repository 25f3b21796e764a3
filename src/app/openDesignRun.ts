/**
 * A design graded in the mock interview, opened in the player: saved as a scenario of the learner's own
 * (a fresh id, listed under My scenarios), and a failing run's faults replayed as a branch of it, opened
 * at the step the run failed. Loaded on demand from the interview page.
 */
import type { LearnerInput } from '../engine/types';
import type { ScenarioDef } from '../scenarios/schema';
import { formatRoute } from '../state/route';
import { createBranch } from './branches';
import { freshScenarioId, loadScenario, saveScenario } from './library';

export async function openDesignRun(
  design: ScenarioDef,
  inputs: readonly LearnerInput[],
  step: number,
  /** The saved scenario's title (the practice names its own); the mock interview's by default. */
  title?: string,
): Promise<void> {
  const id = await freshScenarioId(title ? 'my-graded-run' : 'my-interview-design');
  const prompt = design.title.replace(/^Mock interview: /, '').replace(/ \(reference design\)$/, '');
  const scenario: ScenarioDef = {
    ...design,
    id,
    title: (title ?? `My mock-interview design (${prompt})`).slice(0, 200),
  };
  await saveScenario(scenario, null);
  if (inputs.length === 0) {
    window.location.hash = formatRoute({ page: 'scenario', scenarioId: id, step });
    return;
  }
  const loaded = await loadScenario(id);
  if (!loaded.ok) throw new Error(loaded.message);
  // Each fault is one branch step on top of the ones before it (createBranch adds one input).
  let parent = { runId: loaded.mainRunId, inputs: [] as LearnerInput[] };
  let runId = parent.runId;
  for (const input of inputs) {
    runId = await createBranch(scenario, { ...parent, step: input.atStep }, input);
    parent = { runId, inputs: [...parent.inputs, input] };
  }
  window.location.hash = formatRoute({ page: 'run', runId, step });
}
