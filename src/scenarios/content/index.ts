/**
 * The built-in scenarios: one JSON file each in this folder, validated when loaded. Adding a file
 * adds a scenario (and its test, see builtins.test.ts).
 */
import { mustParseScenario } from '../parse';
import type { ScenarioDef } from '../schema';

const files = import.meta.glob<unknown>('./*.json', { eager: true, import: 'default' });

export const builtinScenarios: readonly ScenarioDef[] = Object.values(files)
  .map((json) => mustParseScenario(json))
  .sort((a, b) => (a.order ?? 1000) - (b.order ?? 1000) || a.title.localeCompare(b.title));

export const findBuiltin = (id: string): ScenarioDef | undefined => builtinScenarios.find((s) => s.id === id);
