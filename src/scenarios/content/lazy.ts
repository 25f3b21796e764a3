/**
 * The built-ins one at a time, each its own chunk: the player opens one scenario, so it loads that
 * scenario's file, not all of them (~450 KB of JSON in the player's chunk before). `index.ts` has the
 * same files eagerly, for what needs them all (tests, backups, share links' compact form).
 */
import type { ScenarioDef } from '../schema';

const loaders = import.meta.glob<ScenarioDef>('./*.json', { import: 'default' });
const byId = new Map(Object.entries(loaders).map(([path, load]) => [path.slice(2, -'.json'.length), load]));

/** Whether `id` names a built-in (no file is loaded to answer). */
export const isBuiltinId = (id: string): boolean => byId.has(id);

/**
 * The built-in `id`, or undefined when there is none. Not checked again: `builtinsParsed.test.ts` proves
 * every file is its own parsed scenario.
 */
export async function loadBuiltin(id: string): Promise<ScenarioDef | undefined> {
  const load = byId.get(id);
  if (!load) return undefined;
  const s = await load();
  if (s.id !== id) throw new Error(`built-in ${id}.json has id "${s.id}": a built-in file is named by its id`);
  return s;
}
