import { useState, useSyncExternalStore } from 'react';
import './updateNotice.css';
import { updateState } from './updateState';

/**
 * "A new version of Event Lab is ready." — a small, polite notice shown when a new service worker is
 * waiting (production builds only; see register.ts). "Reload to update" switches to it; "Not now"
 * hides the notice, and the new version is then used on the next visit. The live region is always
 * present so screen readers announce the message when it appears.
 */
export function UpdateNotice() {
  const { needRefresh, applyUpdate } = useSyncExternalStore(updateState.subscribe, updateState.get, updateState.get);
  const [dismissed, setDismissed] = useState(false);
  const [updating, setUpdating] = useState(false);
  const shown = needRefresh && !dismissed;
  return (
    <div className="update-notice" role="status" data-shown={shown || undefined}>
      {shown && (
        <>
          <p>A new version of Event Lab is ready.</p>
          <button
            type="button"
            className="primary"
            disabled={updating}
            onClick={() => {
              setUpdating(true);
              void applyUpdate?.();
            }}
          >
            {updating ? 'Updating…' : 'Reload to update'}
          </button>
          <button type="button" onClick={() => setDismissed(true)}>
            Not now
          </button>
        </>
      )}
    </div>
  );
}
