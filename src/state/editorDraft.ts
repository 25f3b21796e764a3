/**
 * The JSON editor's model: a draft text, validated as the learner types (schema + references, with
 * paths) and linted for event design; undo/redo over the drafts that were typed.
 */
import { importScenarioText } from '../scenarios/io/importScenario';
import { lintScenario, type LintFinding } from '../scenarios/lint';
import type { ScenarioDef } from '../scenarios/schema';

export interface DraftCheck {
  issues: { path: string; message: string }[];
  findings: LintFinding[];
  /** The draft as a scenario, when it validates. */
  scenario?: ScenarioDef;
}

export function checkDraft(text: string): DraftCheck {
  const r = importScenarioText(text);
  return r.ok
    ? { issues: [], findings: lintScenario(r.scenario), scenario: r.scenario }
    : { issues: r.issues, findings: [] };
}

/** Undo history of drafts: `past` before the present, `future` after an undo. */
export interface History {
  past: string[];
  present: string;
  future: string[];
  /** What the last edit changed (a form field's path), so typing in one field is one undo step. */
  lastKey?: string;
}

export const historyOf = (text: string): History => ({ past: [], present: text, future: [] });

/**
 * Records a new draft. Consecutive edits with the same `coalesce` key (keystrokes in one form
 * field) replace the present instead of stacking, so Undo takes back the whole word typed.
 */
export function edit(h: History, text: string, coalesce?: string): History {
  if (text === h.present) return h;
  if (coalesce !== undefined && coalesce === h.lastKey && h.past.length > 0)
    return { past: h.past, present: text, future: [], lastKey: coalesce };
  return { past: [...h.past, h.present].slice(-200), present: text, future: [], lastKey: coalesce };
}

export function undo(h: History): History {
  const prev = h.past.at(-1);
  return prev === undefined ? h : { past: h.past.slice(0, -1), present: prev, future: [h.present, ...h.future] };
}

export function redo(h: History): History {
  const [next, ...rest] = h.future;
  return next === undefined ? h : { past: [...h.past, h.present], present: next, future: rest };
}

/** The draft as a JSON value for the design forms, or why it cannot be one. */
export function draftDocument(
  text: string,
): { ok: true; doc: Record<string, unknown> } | { ok: false; message: string } {
  try {
    const doc: unknown = JSON.parse(text);
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
      return { ok: false, message: 'The scenario must be a JSON object.' };
    return { ok: true, doc: doc as Record<string, unknown> };
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}

/** Problems and design findings indexed by JSON path, for showing each next to its field. */
export interface MessagesByPath {
  get(path: string): { issues: { path: string; message: string }[]; findings: LintFinding[] };
  /** Everything at `path` or below it (for editors of a whole value: an expression, a JSON field). */
  under(path: string): { issues: { path: string; message: string }[]; findings: LintFinding[] };
}

export function messagesByPath(check: DraftCheck): MessagesByPath {
  const empty = { issues: [], findings: [] };
  const at = new Map<string, { issues: { path: string; message: string }[]; findings: LintFinding[] }>();
  const slot = (p: string) => at.get(p) ?? (at.set(p, { issues: [], findings: [] }), at.get(p)!);
  for (const i of check.issues) slot(i.path).issues.push(i);
  for (const f of check.findings) slot(f.path).findings.push(f);
  return {
    get: (p) => at.get(p) ?? empty,
    under: (p) => {
      const issues: { path: string; message: string }[] = [];
      const findings: LintFinding[] = [];
      for (const [k, v] of at) {
        if (k === p || k.startsWith(`${p}.`) || k.startsWith(`${p}[`)) {
          issues.push(...v.issues);
          findings.push(...v.findings);
        }
      }
      return { issues, findings };
    },
  };
}
