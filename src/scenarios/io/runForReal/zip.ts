/** The exported project as a .zip (fflate), every file inside one folder named like the zip. */
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { ExportedProject } from './project';
import type { Target } from './runFile';

/** A fixed date in the entries, so the same project always gives the same bytes. */
const MTIME = new Date('2026-01-01T00:00:00Z');

export const zipFileName = (scenarioId: string, target: Target): string => `${scenarioId}-${target}.zip`;

export function zipProject(project: ExportedProject, scenarioId: string, target: Target): Uint8Array {
  const folder = `${scenarioId}-${target}`;
  const entries: Zippable = {};
  for (const [path, text] of Object.entries(project.files))
    entries[`${folder}/${path}`] = [strToU8(text), { mtime: MTIME }];
  return zipSync(entries, { level: 6 });
}
