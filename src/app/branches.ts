/**
 * Creating and listing branches. A branch is written whole before it is opened: its run record (in
 * its own database) and its entry in the catalog, so a reload at any moment finds it or nothing.
 */
import type { LearnerInput } from '../engine/types';
import { openCatalog, openRunDatabase, type CatalogRun } from '../persistence';
import type { ScenarioDef } from '../scenarios/schema';
import { branchInputs, describeInput } from '../state/branch';
import { freshRunId } from './runIds';

export async function createBranch(
  scenario: ScenarioDef,
  parent: { runId: string; inputs: readonly LearnerInput[]; step: number },
  action: LearnerInput,
): Promise<string> {
  const runId = freshRunId('b');
  const now = Date.now();
  const inputs = branchInputs(parent.inputs, parent.step, action);
  const db = await openRunDatabase(runId);
  try {
    await db.saveRun({
      runId,
      scenarioId: scenario.id,
      parentRunId: parent.runId,
      branchedAtStep: parent.step,
      inputs,
      cursor: parent.step + 1,
      furthestStep: 0,
      createdAt: now,
      updatedAt: now,
    });
  } finally {
    db.close();
  }
  const catalog = await openCatalog();
  try {
    await catalog.putRun({
      runId,
      scenarioId: scenario.id,
      parentRunId: parent.runId,
      branchedAtStep: parent.step,
      title: `At step ${parent.step}: ${describeInput(action)}`.slice(0, 200),
      updatedAt: now,
    });
  } finally {
    catalog.close();
  }
  return runId;
}

export async function listBranches(scenarioId: string): Promise<CatalogRun[]> {
  const catalog = await openCatalog();
  try {
    return (await catalog.listRuns(scenarioId)).filter((r) => r.parentRunId !== null);
  } finally {
    catalog.close();
  }
}

export async function findBranch(runId: string): Promise<CatalogRun | undefined> {
  const catalog = await openCatalog();
  try {
    return await catalog.getRun(runId);
  } finally {
    catalog.close();
  }
}
