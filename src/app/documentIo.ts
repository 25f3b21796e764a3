/**
 * Reading, checking and writing scenario documents — the zod schema of the whole format, share links,
 * AsyncAPI — as chunks loaded when an action or a shared link needs them: a page opened at a built-in
 * or saved scenario never builds the schema (~50 ms at start-up; bench/browser/openAtStep.bench.spec.ts).
 */
import type { ScenarioDef } from '../scenarios/schema';
import { downloadText } from './library';

export const documentChecks = () => import('../scenarios/io/importScenario');
export const shareLinks = () => import('../scenarios/io/shareLink');

/** Downloads the scenario as its JSON file or as an AsyncAPI 3 document; returns what to tell the learner. */
export async function downloadScenario(scenario: ScenarioDef, format: 'scenario' | 'asyncapi'): Promise<string> {
  if (format === 'asyncapi') {
    const { toAsyncApi } = await import('../scenarios/io/asyncapi');
    downloadText(`${scenario.id}.asyncapi.json`, JSON.stringify(toAsyncApi(scenario), null, 2) + '\n');
    return 'Downloaded the AsyncAPI 3 document.';
  }
  const { exportFileName, exportScenarioText } = await documentChecks();
  downloadText(exportFileName(scenario), exportScenarioText(scenario));
  return 'Downloaded the scenario as a JSON file.';
}
