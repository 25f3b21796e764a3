import { useDeferredValue, useId, useMemo, useState } from 'react';
import { checkDraft, edit, historyOf, redo, undo } from '../state/editorDraft';
import { useRun, useRunChrome } from '../state/react';

/**
 * The learner's own scenario as JSON, validated as they type (every problem with its JSON path)
 * and linted for event design; undo/redo; saving restarts the run with the new version.
 */
export function EditorPanel() {
  const chrome = useRunChrome();
  const scenario = useRun((s) => s.scenario);
  const initial = useMemo(() => JSON.stringify(scenario, null, 2), [scenario]);
  const [history, setHistory] = useState(() => historyOf(initial));
  const [saving, setSaving] = useState<string | null>(null);
  const id = useId();
  // Validation trails the typing (deferred), so a large scenario stays responsive to edit.
  const draft = useDeferredValue(history.present);
  const check = useMemo(() => checkDraft(draft), [draft]);
  const checking = draft !== history.present;
  if (chrome.ownership !== 'saved') return null;
  const save = async () => {
    setSaving('Saving…');
    const r = await chrome.saveEdited(history.present);
    setSaving(r.ok ? 'Saved.' : `Not saved — ${r.message}`);
  };
  return (
    <details className="panel editor">
      <summary>
        <h2>Edit this scenario (JSON)</h2>
        <span className="hint">Your own scenario: change events, topics, steps; saving restarts its run.</span>
      </summary>
      <div className="editor-bar">
        <button type="button" onClick={() => setHistory(undo)} disabled={history.past.length === 0}>
          Undo
        </button>
        <button type="button" onClick={() => setHistory(redo)} disabled={history.future.length === 0}>
          Redo
        </button>
        <button type="button" className="primary" onClick={() => void save()} disabled={checking || check.issues.length > 0 || history.present === initial}>
          Save
        </button>
        {saving && <span role="status">{saving}</span>}
      </div>
      <label htmlFor={`${id}-json`} className="visually-hidden">
        Scenario JSON
      </label>
      <textarea id={`${id}-json`} className="json-editor mono" spellCheck={false} value={history.present} onChange={(e) => setHistory((h) => edit(h, e.target.value))} rows={24} />
      {check.issues.length > 0 ? (
        <div role="alert" className="editor-issues">
          <h3>{check.issues.length} problem(s) — not saved until fixed</h3>
          <ul>
            {check.issues.slice(0, 20).map((i, k) => (
              <li key={k}>
                <code>{i.path}</code>: {i.message}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="ok-line">Valid scenario.</p>
      )}
      {check.findings.length > 0 && (
        <div className="lint">
          <h3>Event design review</h3>
          <ul>
            {check.findings.map((f, k) => (
              <li key={k} className={`lint-${f.severity}`}>
                <strong>{f.severity}</strong> <code>{f.path}</code> — {f.message} <em>Fix: {f.fix}</em>
              </li>
            ))}
          </ul>
        </div>
      )}
    </details>
  );
}
