import type { KeyboardEvent } from 'react';

/** Shortens text to `n` characters with an ellipsis (the whole text stays in the element's title). */
export const short = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Enter or Space on an SVG element acting as a button (role="button") does what a click does. */
export const activate = (fn: () => void) => (e: KeyboardEvent) => {
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    fn();
  }
};
