import { useCallback, useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { publishDesignDraft } from '../state/validDesignDraft';
import { checkDraft, draftDocument, edit, historyOf, messagesByPath, redo, undo } from '../state/editorDraft';
import { dropDraft, fingerprint, keepDraft } from '../state/editorKeep';
import { EditorStaleList, staleOnSave, useStaleSteps } from './EditorStale';
import { useRun, useRunChrome } from '../state/react';
import { DesignEditor } from './design/DesignEditor';

type Tab = 'design' | 'json';

/**
 * The editor itself: one draft of the whole scenario as JSON, one undo history, the Design and JSON
 * tabs, validation as the learner types. A chunk of its own (EditorPanel.tsx loads it when the panel is
 * first opened): it brings the scenario schema and the forms, which a page opened to play never needs.
 */
export default function EditorBody({ resumed = null }: { resumed?: string | null }) {
  const chrome = useRunChrome();
  const scenario = useRun((s) => s.scenario);
  const initial = useMemo(() => JSON.stringify(scenario, null, 2), [scenario]);
  // A draft kept from an earlier visit, resumed: one edit on top of the saved version, so Undo goes back to it.
  const [history, setHistory] = useState(() => (resumed ? edit(historyOf(initial), resumed) : historyOf(initial)));
  const [saving, setSaving] = useState<string | null>(null);
  const [tab, setTab] = useState<Tab>('design');
  const id = useId();
  // Validation trails the typing (deferred), so a large scenario stays responsive to edit.
  const draft = useDeferredValue(history.present);
  const check = useMemo(() => checkDraft(draft), [draft]);
  const messages = useMemo(() => messagesByPath(check), [check]);
  const doc = useMemo(() => draftDocument(history.present), [history.present]);
  const checking = draft !== history.present;
  // The comparison panel compares what is being edited, saved or not.
  const edited = history.present !== initial;
  useEffect(() => {
    publishDesignDraft(scenario.id, edited ? (check.scenario ?? null) : null);
    return () => publishDesignDraft(scenario.id, null);
  }, [scenario.id, edited, check.scenario]);
  const onDesignChange = useCallback(
    (next: unknown, coalesce?: string) => setHistory((h) => edit(h, JSON.stringify(next, null, 2), coalesce)),
    [],
  );
  const stale = useStaleSteps(scenario, check.scenario);
  const leaving = useUnsavedGuard(scenario.id, initial, history.present, edited);
  const save = async () => {
    setSaving('Saving…');
    // Saving reloads the page: neither the prompt nor the kept draft is for work that is being saved.
    leaving.current = true;
    dropDraft(scenario.id);
    staleOnSave(scenario.id, stale);
    const r = await chrome.saveEdited(history.present).catch((err: unknown) => ({
      ok: false as const,
      message: err instanceof Error ? err.message : String(err),
    }));
    if (!r.ok) {
      leaving.current = false;
      keepDraft(scenario.id, { text: history.present, base: fingerprint(initial), keptAt: Date.now() });
    }
    setSaving(r.ok ? 'Saved.' : `Not saved — ${r.message}`);
  };
  const tabs: { id: Tab; label: string }[] = [
    { id: 'design', label: 'Design' },
    { id: 'json', label: 'JSON' },
  ];
  return (
    <>
      <div className="editor-bar">
        <button type="button" onClick={() => setHistory(undo)} disabled={history.past.length === 0}>
          Undo
        </button>
        <button type="button" onClick={() => setHistory(redo)} disabled={history.future.length === 0}>
          Redo
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => void save()}
          disabled={checking || check.issues.length > 0 || history.present === initial}
        >
          Save
        </button>
        {saving && <span role="status">{saving}</span>}
        {!saving && history.present !== initial && <span className="hint">Unsaved changes</span>}
      </div>
      <EditorStaleList stale={stale} />
      <div className="editor-tabs" role="tablist" aria-label="Editor view">
        {tabs.map((t, i) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`${id}-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`${id}-panel`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => setTab(t.id)}
            onKeyDown={(e) => {
              if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
              e.preventDefault();
              const next = tabs[(i + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length]!;
              setTab(next.id);
              document.getElementById(`${id}-tab-${next.id}`)?.focus();
            }}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${tab}`}>
        {tab === 'design' ? (
          doc.ok ? (
            <DesignEditor doc={doc.doc} onChange={onDesignChange} messages={messages} />
          ) : (
            <p role="alert" className="editor-issues">
              The JSON cannot be read as a scenario ({doc.message}). Fix it in the JSON tab, or Undo, to use the forms
              again.
            </p>
          )
        ) : (
          <>
            <label htmlFor={`${id}-json`} className="visually-hidden">
              Scenario JSON
            </label>
            <textarea
              id={`${id}-json`}
              className="json-editor mono"
              spellCheck={false}
              value={history.present}
              onChange={(e) => setHistory((h) => edit(h, e.target.value))}
              rows={24}
            />
          </>
        )}
      </div>
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
    </>
  );
}

/**
 * Unsaved changes are kept in this browser (a moment after the last edit) and guarded by the browser's
 * "leave this page?" prompt, so a reload or a closed tab does not silently lose them. Returns the flag
 * that turns both off while a save reloads the page.
 */
function useUnsavedGuard(scenarioId: string, initial: string, present: string, edited: boolean) {
  const leaving = useRef(false);
  const keptHere = useRef(false);
  const latest = useRef(present);
  latest.current = present;
  useEffect(() => {
    if (!edited) {
      // Undone back to the saved version: a draft this editor kept is no longer work to lose.
      if (keptHere.current) dropDraft(scenarioId);
      keptHere.current = false;
      return;
    }
    const t = setTimeout(() => {
      if (leaving.current) return;
      keptHere.current = keepDraft(scenarioId, { text: present, base: fingerprint(initial), keptAt: Date.now() });
    }, 300);
    return () => clearTimeout(t);
  }, [scenarioId, initial, present, edited]);
  useEffect(() => {
    if (!edited) return;
    const guard = (e: BeforeUnloadEvent) => {
      if (leaving.current) return;
      // The last keystrokes too, had the learner left within the moment before they were kept.
      keepDraft(scenarioId, { text: latest.current, base: fingerprint(initial), keptAt: Date.now() });
      e.preventDefault();
      e.returnValue = ''; // older browsers show the prompt only when this is set
    };
    window.addEventListener('beforeunload', guard);
    return () => window.removeEventListener('beforeunload', guard);
  }, [scenarioId, initial, edited]);
  return leaving;
}
