/**
 * The learner's own scenarios (forks and imports), kept in the catalog database as validated JSON
 * documents. Everything read back is validated again: stored data is treated like any import.
 */
import type { SavedScenario } from '../persistence';
import { findBuiltin } from '../scenarios/content';
import { importScenarioValue } from '../scenarios/io/importScenario';
import type { ScenarioDef } from '../scenarios/schema';
import { mainRunId } from './openRun';
import { listSavedScenarios, withCatalog } from './savedList';

export type LoadedScenario = { ok: true; scenario: ScenarioDef; saved: boolean } | { ok: false; message: string };

export async function loadScenario(id: string): Promise<LoadedScenario> {
  const builtin = findBuiltin(id);
  if (builtin) return { ok: true, scenario: builtin, saved: false };
  const saved = await withCatalog((c) => c.getScenario(id));
  if (!saved) return { ok: false, message: `There is no scenario called “${id}” — neither built in nor saved in this browser.` };
  const r = importScenarioValue(saved.document);
  if (!r.ok) return { ok: false, message: `Your saved scenario “${saved.title}” no longer validates: ${r.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}` };
  return { ok: true, scenario: r.scenario, saved: true };
}

/** `<base>-1`, `<base>-2`… (base made a valid id): the first that `taken` does not claim. */
export function freshId(base: string, taken: (id: string) => boolean): string {
  const stem = base.replace(/[^A-Za-z0-9._-]/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 48) || 'scenario';
  for (let i = 1; ; i++) if (!taken(`${stem}-${i}`)) return `${stem}-${i}`;
}

/** A fresh id for a new saved scenario, never a built-in's or an existing one's. */
export async function freshScenarioId(base: string): Promise<string> {
  const taken = new Set((await listSavedScenarios()).map((s) => s.scenarioId));
  return freshId(base, (id) => taken.has(id) || !!findBuiltin(id));
}

export async function saveScenario(scenario: ScenarioDef, forkedFrom: SavedScenario['forkedFrom']): Promise<void> {
  await withCatalog((c) => c.putScenario({ scenarioId: scenario.id, title: scenario.title, forkedFrom, document: JSON.parse(JSON.stringify(scenario)), updatedAt: Date.now() }));
}

/** Saving an edited scenario restarts its main run: stored events of the old version would disagree. */
export async function replaceScenario(scenario: ScenarioDef): Promise<void> {
  await withCatalog(async (c) => {
    const old = await c.getScenario(scenario.id);
    await c.putScenario({ scenarioId: scenario.id, title: scenario.title, forkedFrom: old?.forkedFrom ?? null, document: JSON.parse(JSON.stringify(scenario)), updatedAt: Date.now() });
    await c.deleteRun(mainRunId(scenario.id));
  });
}

export async function renameSaved(id: string, title: string): Promise<void> {
  await withCatalog(async (c) => {
    const s = await c.getScenario(id);
    if (!s) return;
    const document = { ...(s.document as Record<string, unknown>), title };
    const r = importScenarioValue(document);
    if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
    await c.putScenario({ ...s, title, document, updatedAt: Date.now() });
  });
}

/** Offers a text as a file download. */
export function downloadText(name: string, text: string, type = 'application/json') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
