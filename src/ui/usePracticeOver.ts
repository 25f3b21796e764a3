import { useEffect, useState, useSyncExternalStore } from 'react';
import { practiceRevealed, subscribeRevealed } from './practiceOver';

/**
 * Whether the start page may show what answers a built-in's practice (`practiceOver.ts`): at once for a scenario
 * without one; for a practice, once its progress on this device says it is over (read in a chunk of its own after
 * the first paint), or as soon as the learner skips it on this page. Until then, and when progress cannot be
 * read, it is not.
 */
export function usePracticeOver(id: string, practice: boolean): boolean {
  const skipped = () => practiceRevealed(id);
  // The same snapshot when rendered to a string (tests): the app is never hydrated from server markup.
  const revealed = useSyncExternalStore(subscribeRevealed, skipped, skipped);
  const [stored, setStored] = useState(false);
  useEffect(() => {
    if (!practice) return;
    let live = true;
    import('./practiceProgress')
      .then((m) => m.practiceOverOnDevice(id))
      .then(
        (over) => live && setStored(over),
        () => undefined, // unreadable progress: the tags stay hidden, which gives nothing away
      );
    return () => {
      live = false;
    };
  }, [id, practice]);
  return !practice || revealed || stored;
}
