/**
 * Loads the export code on demand (it brings the zip library and the project's sources) and makes one
 * target's project from the run: the facts of the scenario played to its last step, then the files.
 */
import type { LearnerInput } from '../../engine/types';
import type { RunFacts, RunFile, Target } from '../../scenarios/io/runForReal';
import type { ScenarioDef } from '../../scenarios/schema';

export type { Target };

export interface Prepared {
  readonly run: RunFile;
  readonly files: readonly string[];
  readonly fileName: string;
  /** The .zip bytes, made when asked (on download). */
  zip(): Uint8Array;
}

let last: { scenario: ScenarioDef; inputs: readonly LearnerInput[]; facts: RunFacts } | null = null;

export async function prepareExport(
  scenario: ScenarioDef,
  inputs: readonly LearnerInput[],
  target: Target,
): Promise<Prepared> {
  const m = await import('../../scenarios/io/runForReal');
  // Switching broker reuses the run's facts: the scenario is played to its end once per run.
  if (last?.scenario !== scenario || last.inputs !== inputs)
    last = { scenario, inputs, facts: m.runFacts(scenario, inputs) };
  const project = m.exportProject(last.facts, target);
  return {
    run: JSON.parse(project.files['run.json']!) as RunFile,
    files: Object.keys(project.files),
    fileName: m.zipFileName(scenario.id, target),
    zip: () => m.zipProject(project, scenario.id, target),
  };
}
