import { lazy, Suspense, useRef, useState } from 'react';
import { dropDraft, fingerprint, readDraft, type KeptDraft } from '../state/editorKeep';
import { useRun, useRunChrome } from '../state/react';

// The editor (forms, JSON, the scenario schema that checks them) is a chunk of its own, loaded when the
// panel is first opened: most pages are opened to play, and building the schema costs ~50 ms at start-up.
const EditorBody = lazy(() => import('./EditorBody'));

/**
 * The learner's own scenario, edited as forms (Design) or as JSON — one draft, one undo history —
 * validated as they type (every problem with its JSON path, shown next to its field) and reviewed
 * for event design; saving restarts the run with the new version.
 */
export function EditorPanel() {
  const chrome = useRunChrome();
  // The editor's work (the whole scenario as JSON, validated and linted) starts the first time the
  // learner opens it, not with every page: a 10,000-step scenario opened far more often than edited.
  // Once opened it stays mounted, so closing the panel never drops an unsaved draft.
  const [opened, setOpened] = useState(false);
  const scenario = useRun((s) => s.scenario);
  const saved = chrome.ownership === 'saved';
  // Unsaved changes kept from an earlier visit (a reload, a closed tab): offered back, never applied unasked.
  const [kept, setKept] = useState<KeptDraft | null>(() => (saved ? readDraft(scenario.id) : null));
  const [resumed, setResumed] = useState<string | null>(null);
  const details = useRef<HTMLDetailsElement>(null);
  if (!saved) return null;
  const current = kept ? JSON.stringify(scenario, null, 2) : '';
  const offered = kept && !resumed && kept.text !== current ? kept : null;
  return (
    <>
      {offered && (
        <div className="panel editor-kept" role="group" aria-label="Unsaved changes">
          <p>
            You have unsaved changes to this scenario from {new Date(offered.keptAt).toLocaleString()}, kept in this
            browser.
            {offered.base !== fingerprint(current) &&
              ' They were made from an earlier version of it: resuming replaces this version with them once you save.'}
          </p>
          <div className="editor-bar">
            <button
              type="button"
              className="primary"
              onClick={() => {
                setResumed(offered.text);
                setOpened(true);
                if (details.current) details.current.open = true;
              }}
            >
              Resume editing
            </button>
            <button
              type="button"
              onClick={() => {
                dropDraft(scenario.id);
                setKept(null);
              }}
            >
              Discard them
            </button>
          </div>
        </div>
      )}
      <EditorDetails details={details} opened={opened} onOpen={() => setOpened(true)} resumed={resumed} />
    </>
  );
}

function EditorDetails({
  details,
  opened,
  onOpen,
  resumed,
}: {
  details: React.RefObject<HTMLDetailsElement | null>;
  opened: boolean;
  onOpen(): void;
  resumed: string | null;
}) {
  return (
    <details ref={details} className="panel editor" onToggle={(e) => e.currentTarget.open && onOpen()}>
      <summary>
        <h2>Edit this scenario</h2>
        <span className="hint">
          Your own scenario: design its events, topics, consumers, aggregates and script in forms, or edit the JSON;
          saving restarts its run.
        </span>
      </summary>
      {opened && (
        <Suspense fallback={<p className="loading">Loading the editor…</p>}>
          <EditorBody key={resumed ?? ''} resumed={resumed} />
        </Suspense>
      )}
    </details>
  );
}
