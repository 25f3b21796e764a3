/**
 * The JSON editor's model: a draft text, validated as the learner types (schema + references, with
 * paths) and linted for event design; undo/redo over the drafts that were typed.
 */
import { importScenarioText } from '../scenarios/io/importScenario';
import { lintScenario, type LintFinding } from '../scenarios/lint';

export interface DraftCheck {
  issues: { path: string; message: string }[];
  findings: LintFinding[];
}

export function checkDraft(text: string): DraftCheck {
  const r = importScenarioText(text);
  return r.ok ? { issues: [], findings: lintScenario(r.scenario) } : { issues: r.issues, findings: [] };
}

/** Undo history of drafts: `past` before the present, `future` after an undo. */
export interface History {
  past: string[];
  present: string;
  future: string[];
}

export const historyOf = (text: string): History => ({ past: [], present: text, future: [] });

export function edit(h: History, text: string): History {
  if (text === h.present) return h;
  return { past: [...h.past, h.present].slice(-200), present: text, future: [] };
}

export function undo(h: History): History {
  const prev = h.past.at(-1);
  return prev === undefined ? h : { past: h.past.slice(0, -1), present: prev, future: [h.present, ...h.future] };
}

export function redo(h: History): History {
  const [next, ...rest] = h.future;
  return next === undefined ? h : { past: [...h.past, h.present], present: next, future: rest };
}
