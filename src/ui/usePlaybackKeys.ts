import { useEffect } from 'react';
import { usePlaybackActor } from '../state/react';

/** Space plays or pauses, arrows step, Home restarts — unless the learner is typing in a field, or `enabled` is false. */
export function usePlaybackKeys(enabled = true) {
  const actor = usePlaybackActor();
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      // Text fields, selects and sliders keep their own keys; on a button only Space is its own.
      if (
        e.altKey ||
        e.ctrlKey ||
        e.metaKey ||
        (t && t.closest('input, select, textarea, dialog, [contenteditable="true"]'))
      )
        return;
      if (e.key === ' ' && t?.closest('button, a, summary, [role="button"]')) return;
      const snap = actor.getSnapshot();
      const send = (type: 'PLAY' | 'PAUSE' | 'STEP_FORWARD' | 'STEP_BACK' | 'RESTART') => {
        e.preventDefault();
        actor.send({ type });
      };
      if (e.key === ' ') send(snap.matches('playing') ? 'PAUSE' : 'PLAY');
      else if (e.key === 'ArrowRight') send('STEP_FORWARD');
      else if (e.key === 'ArrowLeft') send('STEP_BACK');
      else if (e.key === 'Home') send('RESTART');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actor, enabled]);
}
