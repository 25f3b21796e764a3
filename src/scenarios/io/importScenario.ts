/**
 * Import and export of one scenario as a JSON file. Imported text is untrusted: size and depth
 * limits and prototype keys are checked on the raw text/value first, then the strict schema
 * (unknown keys rejected) and the references between parts. Every issue names its JSON path.
 */
import { parseScenario, type ScenarioIssue } from '../parse';
import type { ScenarioDef } from '../schema';
import { parseUntrustedJson, type JsonLimits } from './untrustedJson';

export type ImportResult = { ok: true; scenario: ScenarioDef } | { ok: false; issues: ScenarioIssue[] };
export type ImportOptions = JsonLimits;

/** The editors' hint written at the top of exported files (the JSON Schema sits beside the app). */
export const SCENARIO_SCHEMA_HINT = './scenario.schema.json';
const MAX_ISSUES = 50;

/** Validates an already parsed value as untrusted scenario input; `$schema` (an editors' hint) is dropped. */
export function importScenarioValue(value: unknown): ImportResult {
  const r = parseScenario(value);
  if (!r.ok) return { ok: false, issues: r.issues.slice(0, MAX_ISSUES) };
  return { ok: true, scenario: withoutSchemaHint(r.scenario) };
}

export function importScenarioText(text: string, options: ImportOptions = {}): ImportResult {
  const json = parseUntrustedJson(text, options);
  return json.ok ? importScenarioValue(json.value) : json;
}

function withoutSchemaHint(s: ScenarioDef): ScenarioDef {
  if (!('$schema' in s)) return s;
  const { $schema: _ignored, ...rest } = s;
  return rest;
}

/** Pretty, stable JSON (the schema's key order) with the `$schema` hint first; ends with a newline. */
export function exportScenarioText(s: ScenarioDef): string {
  // A built-in is handed out as its file (content/index.ts), in the file's key order: parsing puts the
  // keys in the schema's order, so every export of the same scenario is the same text.
  const parsed = parseScenario(s);
  const canonical = parsed.ok ? parsed.scenario : s;
  return `${JSON.stringify({ $schema: SCENARIO_SCHEMA_HINT, ...withoutSchemaHint(canonical) }, null, 2)}\n`;
}

/** A file name for the download: the scenario id, which the schema limits to safe characters. */
export const exportFileName = (s: ScenarioDef): string => `${s.id}.scenario.json`;
