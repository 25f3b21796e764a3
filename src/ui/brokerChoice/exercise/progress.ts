/**
 * Where the learner is in the exercise, kept for as long as the page is open (module state, no storage):
 * following the link to the comparison page and coming back keeps the answers. A reload starts afresh.
 */
import { useEffect, useState } from 'react';
import type { ProfileId } from '../../../scenarios/brokerChoice';

export interface Progress {
  readonly index: number;
  readonly atScore: boolean;
  /** Selected but not yet checked, per set. */
  readonly drafts: Readonly<Record<string, ProfileId>>;
  /** Checked picks, per set: they count in the score and cannot be changed. */
  readonly picks: Readonly<Record<string, ProfileId>>;
}

let kept: Progress = { index: 0, atScore: false, drafts: {}, picks: {} };

export function useProgress(): [Progress, (change: (p: Progress) => Progress) => void] {
  const [progress, setProgress] = useState(kept);
  useEffect(() => {
    kept = progress;
  }, [progress]);
  return [progress, setProgress];
}
