/**
 * The one clock of progress and review: every "now" they use comes from here. In an e2e build a
 * test may set the time (localStorage `event-lab-test-now`, ms since 1970) to see the queue after a
 * scheduled day without waiting; other builds read the real clock and never look at that key.
 */
export const TEST_NOW_KEY = 'event-lab-test-now';

export function progressNow(): number {
  if (import.meta.env.MODE === 'e2e') {
    try {
      const set = Number(localStorage.getItem(TEST_NOW_KEY));
      if (Number.isSafeInteger(set) && set > 0) return set;
    } catch {
      // Storage blocked: the real clock.
    }
  }
  return Date.now();
}
