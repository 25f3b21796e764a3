/**
 * The built-in scenarios: one JSON file each in this folder (named by the scenario's id). Adding a file
 * adds a scenario (and its test, see builtins.test.ts).
 *
 * They are not validated again in the browser: `builtinsParsed.test.ts` proves every file is a valid
 * scenario that parses to exactly itself (no defaults filled in, no upgrade applied), so the file is the
 * parsed scenario. That keeps the scenario schema (zod, ~50 ms to build and check) off the path that
 * opens a built-in; documents from anywhere else (imports, share links, stored scenarios) are checked.
 */
import type { ScenarioDef } from '../schema';

const files = import.meta.glob<unknown>('./*.json', { eager: true, import: 'default' });
const byId = new Map(Object.entries(files).map(([path, json]) => [path.slice(2, -'.json'.length), json]));
const parsed = new Map<string, ScenarioDef>();

export const findBuiltin = (id: string): ScenarioDef | undefined => {
  if (!byId.has(id)) return undefined;
  let s = parsed.get(id);
  if (!s) {
    s = byId.get(id) as ScenarioDef;
    if (s.id !== id) throw new Error(`built-in ${id}.json has id "${s.id}": a built-in file is named by its id`);
    parsed.set(id, s);
  }
  return s;
};

let all: readonly ScenarioDef[] | null = null;

/** Every built-in, in the picker's order (their `order`, then title). */
export function allBuiltins(): readonly ScenarioDef[] {
  all ??= [...byId.keys()]
    .map((id) => findBuiltin(id)!)
    .sort((a, b) => (a.order ?? 1000) - (b.order ?? 1000) || a.title.localeCompare(b.title));
  return all;
}
