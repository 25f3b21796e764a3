/**
 * The built-in scenarios: one JSON file each in this folder, validated when loaded. Adding a file
 * adds a scenario (and its test, see builtins.test.ts).
 */
import { mustParseScenario } from '../parse';
import type { ScenarioDef } from '../schema';

const files = import.meta.glob<unknown>('./*.json', { eager: true, import: 'default' });

export const builtinScenarios: readonly ScenarioDef[] = Object.entries(files)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([, json]) => mustParseScenario(json));

export const findBuiltin = (id: string): ScenarioDef | undefined => builtinScenarios.find((s) => s.id === id);
