import { lazy, Suspense, useState } from 'react';
import { useRunChrome } from '../state/react';

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
  if (chrome.ownership !== 'saved') return null;
  return (
    <details className="panel editor" onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary>
        <h2>Edit this scenario</h2>
        <span className="hint">
          Your own scenario: design its events, topics, consumers, aggregates and script in forms, or edit the JSON;
          saving restarts its run.
        </span>
      </summary>
      {opened && (
        <Suspense fallback={<p className="loading">Loading the editor…</p>}>
          <EditorBody />
        </Suspense>
      )}
    </details>
  );
}
