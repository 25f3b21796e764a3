import { useEffect, useId, useState, useSyncExternalStore, type RefObject } from 'react';
import { usePlaybackMode, useRun } from '../state/react';
import { ToldNote } from './NarrationParts';

/** One column: the width below which the step's text sits above the views instead of beside them (styles.css). */
const ONE_COLUMN = '(max-width: 1100px)';

const subscribe = (onChange: () => void) => {
  const mql = window.matchMedia(ONE_COLUMN);
  mql.addEventListener('change', onChange);
  return () => mql.removeEventListener('change', onChange);
};
// A browser without matchMedia (none the app supports, but test DOMs) is taken to be wide: no bar.
const hasMatchMedia = () => typeof window.matchMedia === 'function';
const useOneColumn = (): boolean =>
  useSyncExternalStore(
    (onChange) => (hasMatchMedia() ? subscribe(onChange) : () => {}),
    () => hasMatchMedia() && window.matchMedia(ONE_COLUMN).matches,
    () => false,
  );

/**
 * In one column the step's card (its text and question) stays where it is, just above the diagram, so it never
 * covers a view the learner scrolls to. Once its title has scrolled away above, this one-line bar stays under the
 * playback bar instead: the step, its title, and a button that opens the step's text under it (and closes it
 * again). It is fixed there (styles.css), so it takes no room in the page and showing it moves nothing. Wide
 * screens keep the card beside the views and never show it.
 */
export function StepBar({ card }: { card: RefObject<HTMLElement | null> }) {
  const oneColumn = useOneColumn();
  const away = useScrolledAway(card, oneColumn);
  const [open, setOpen] = useState(false);
  const textId = useId();
  const step = useRun((s) => s.step);
  const lastStep = useRun((s) => s.lastStep);
  const narration = useRun((s) => s.narration);
  const hasQuestion = useRun((s) => s.question !== null);
  const asking = usePlaybackMode() === 'asking';
  // Back at the card, the bar is gone; it comes back closed.
  useEffect(() => {
    if (!away) setOpen(false);
  }, [away]);
  if (!oneColumn || !away) return null;
  return (
    <section className="step-bar" aria-label="The step on screen">
      <p className="step-bar-line">
        <span className="step-bar-step">{step === 0 ? 'Before the first step' : `Step ${step} of ${lastStep}`}</span>{' '}
        <strong>{narration.title}</strong>
        {asking && <span className="step-bar-asking"> · a question is waiting</span>}
      </p>
      <button type="button" aria-expanded={open} aria-controls={textId} onClick={() => setOpen(!open)}>
        {open ? 'Hide the step’s text' : 'Show the step’s text'}
      </button>
      {open && (
        <div id={textId} className="step-bar-text">
          <p>{narration.text}</p>
          <ToldNote narration={narration} />
          {hasQuestion && (
            <button
              type="button"
              onClick={() => {
                // The question's own panel in the card (QuestionPanel), landing below the bars (styles.css).
                (card.current?.querySelector('.question') ?? card.current)?.scrollIntoView({ block: 'start' });
                setOpen(false);
              }}
            >
              Go to the step’s question
            </button>
          )}
        </div>
      )}
    </section>
  );
}

/**
 * Whether the card's title has scrolled (even partly) under the playback bar (whose height the bar publishes as
 * --playback-h). Read once a frame at most, on scroll, on resize and when the card's height changes (another step).
 */
function useScrolledAway(card: RefObject<HTMLElement | null>, enabled: boolean): boolean {
  const [away, setAway] = useState(false);
  useEffect(() => {
    const el = card.current;
    if (!enabled || !el) {
      setAway(false);
      return;
    }
    let frame = 0;
    const check = () => {
      frame = 0;
      const bar = parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--playback-h')) || 0;
      // The card's first heading is the step's title: once it starts under the playback bar, the bar names the step.
      const title = el.querySelector('h2') ?? el;
      setAway(title.getBoundingClientRect().top < bar);
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(check);
    };
    check();
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    const resized = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(schedule);
    resized?.observe(el);
    return () => {
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
      resized?.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [card, enabled]);
  return away;
}
