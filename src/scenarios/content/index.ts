/**
 * The built-in scenarios: one JSON file each in this folder (named by the scenario's id), validated
 * when first used. Adding a file adds a scenario (and its test, see builtins.test.ts).
 *
 * Parsing is lazy and per scenario: a page that opens one scenario validates that one, not all of them
 * (about 85 ms at start-up before); `allBuiltins()` parses the rest when something needs them all.
 */
import { mustParseScenario } from '../parse';
import type { ScenarioDef } from '../schema';

const files = import.meta.glob<unknown>('./*.json', { eager: true, import: 'default' });
const byId = new Map(Object.entries(files).map(([path, json]) => [path.slice(2, -'.json'.length), json]));
const parsed = new Map<string, ScenarioDef>();

export const findBuiltin = (id: string): ScenarioDef | undefined => {
  if (!byId.has(id)) return undefined;
  let s = parsed.get(id);
  if (!s) {
    s = mustParseScenario(byId.get(id));
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
