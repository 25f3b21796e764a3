/**
 * Saved scenario documents this build has validated, remembered by their content hash (localStorage),
 * so reopening a saved scenario of 10,000 steps does not run the ~110 ms of schema and reference
 * checks again. Like a world checkpoint (state/runCheckpoint.ts) it is a cache keyed by what
 * decides the answer: the build (the validator's code) and the exact content (the hash of its JSON,
 * which is the scenario's content version). A document is remembered only when the checks passed
 * AND their output is the document itself, key for key (no `$schema` hint, nothing reordered), so
 * the stored value can be used as the checked scenario. A changed or damaged document hashes
 * differently and is checked again; unreadable storage only means checking every time.
 */
import { contentVersion } from '../scenarios/io/contentVersion';
import type { ScenarioDef } from '../scenarios/schema';
import { SOURCE_BUILD } from '../state/checkpointKeys';

const STORAGE_KEY = 'event-lab:validated-documents';
/** The most recently validated documents kept (a learner opens a handful of saved scenarios). */
const MAX_KEPT = 32;

interface Remembered {
  build: string;
  versions: string[];
}

const isPlainDocument = (value: unknown): value is ScenarioDef =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !Object.hasOwn(value, '$schema');

/** The document's key for this build, or null when there is no build hash (dev server) or it cannot be hashed. */
function keyOf(document: unknown): { build: string; version: string } | null {
  if (SOURCE_BUILD === null || !isPlainDocument(document)) return null;
  try {
    return { build: SOURCE_BUILD, version: contentVersion(document) };
  } catch {
    return null; // not JSON (a damaged value): it is checked, and never remembered
  }
}

function read(build: string): string[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<Remembered> | null;
    return parsed?.build === build && Array.isArray(parsed.versions)
      ? parsed.versions.filter((v) => typeof v === 'string')
      : [];
  } catch {
    return [];
  }
}

/** The document as a checked scenario, if this build has validated exactly this content before; else null. */
export function alreadyValidated(document: unknown): ScenarioDef | null {
  const key = keyOf(document);
  return key && read(key.build).includes(key.version) ? (document as ScenarioDef) : null;
}

/** Remembers `document` as valid when the checks gave back exactly it (`checked`, their output). */
export function rememberValidated(document: unknown, checked: ScenarioDef): void {
  const key = keyOf(document);
  if (!key) return;
  try {
    if (JSON.stringify(document) !== JSON.stringify(checked)) return;
    const versions = [key.version, ...read(key.build).filter((v) => v !== key.version)].slice(0, MAX_KEPT);
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ build: key.build, versions } satisfies Remembered));
  } catch {
    // Storage full or denied: the next open checks the document again.
  }
}
