/**
 * Import and rename, loaded on demand (they need the validator). An import is validated whole
 * before anything is written; a rejected file changes nothing that is stored.
 */
import { importScenarioText } from '../scenarios/io/importScenario';
import { describeFailure, sentences } from '../persistence/errors';
import { freshScenarioId, renameSaved, saveScenario } from './library';
import { takenScenarioIds } from './savedList';
import { findBuiltin } from '../scenarios/content';
import { BACKUP_KIND, MAX_BACKUP_BYTES } from '../scenarios/io/backup';
import { MAX_DEPTH, parseUntrustedJson } from '../scenarios/io/untrustedJson';

export type ImportOutcome =
  { ok: true; id: string; title: string; renamedFrom: string | null } | { ok: false; message: string };

/** The button that reads a backup back, named as the start page names it. */
export const RESTORE_BUTTON = 'Restore backup';

/**
 * Whether a refused file is one of the app's own backups (its format marker): a learner who picked
 * it under "Import" is told which button reads it, not the scenario schema's complaints about it.
 */
function isBackup(text: string): boolean {
  const json = parseUntrustedJson(text, { maxBytes: MAX_BACKUP_BYTES, maxDepth: MAX_DEPTH + 3 });
  const v = json.ok ? (json.value as { kind?: unknown } | null) : null;
  return !!v && typeof v === 'object' && v.kind === BACKUP_KIND;
}

/** What a learner who picked a backup under "Import" is told. */
export const BACKUP_UNDER_IMPORT = sentences(
  `This is a backup of your work, not a scenario: use ${RESTORE_BUTTON} to read it back`,
  'Nothing was changed',
);

export async function importFile(text: string): Promise<ImportOutcome> {
  const r = importScenarioText(text);
  if (!r.ok && isBackup(text)) return { ok: false, message: BACKUP_UNDER_IMPORT };
  if (!r.ok)
    return {
      ok: false,
      message: sentences(
        `Not imported — ${r.issues
          .slice(0, 8)
          .map((i) => `${i.path}: ${i.message}`)
          .join('; ')}${r.issues.length > 8 ? ` (and ${r.issues.length - 8} more)` : ''}`,
        'Nothing was changed',
      ),
    };
  try {
    const taken = new Set(await takenScenarioIds());
    const clash = taken.has(r.scenario.id) || !!findBuiltin(r.scenario.id);
    const id = clash ? await freshScenarioId(r.scenario.id) : r.scenario.id;
    const scenario = { ...r.scenario, id };
    await saveScenario(scenario, null);
    return { ok: true, id, title: scenario.title, renamedFrom: clash ? r.scenario.id : null };
  } catch (err) {
    return { ok: false, message: describeFailure(`Importing “${r.scenario.title}”`, err) };
  }
}

export const rename = renameSaved;
