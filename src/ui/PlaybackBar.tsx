import { useId, useLayoutEffect, useRef } from 'react';
import { useSelector } from '@xstate/react';
import { usePlaybackActor, usePlaybackMode, usePlaybackSpeed, useRun } from '../state/react';
import { SPEEDS } from '../state/playbackMachine';
import { IconBack, IconForward, IconPause, IconPlay, IconRestart } from './icons';
import { ShortcutsHelp } from './ShortcutsHelp';

/**
 * Play, pause, step, restart, speed, the pace (move on once a step is read, or pause after each
 * step) and a timeline to scrub: every control has a name. When Play has stopped after a step, its
 * button says Continue.
 */
export function PlaybackBar() {
  const actor = usePlaybackActor();
  const mode = usePlaybackMode();
  const speed = usePlaybackSpeed();
  const pauseAfterStep = useSelector(actor, (s) => s.context.pauseAfterStep);
  const step = useRun((s) => s.step);
  const lastStep = useRun((s) => s.lastStep);
  const bar = useStickyHeight();
  const speedId = useId();
  const timelineId = useId();
  // Re-rendered on every step and mode change, so asking the machine here stays current.
  const snap = actor.getSnapshot();
  const can = (type: 'PLAY' | 'PAUSE' | 'STEP_FORWARD' | 'STEP_BACK' | 'RESTART') => snap.can({ type });
  const playing = mode === 'playing';
  const held = mode === 'held';
  // Why Play and Step forward are grey while a question waits: a disabled button's title is its description.
  const waitsForAnswer = mode === 'asking' ? 'Answer the question below first' : null;

  return (
    <div ref={bar} className="playback" role="group" aria-label="Playback">
      <button
        type="button"
        onClick={() => actor.send({ type: 'RESTART' })}
        disabled={!can('RESTART')}
        title="Restart (Home)"
      >
        <IconRestart /> Restart
      </button>
      <button
        type="button"
        onClick={() => actor.send({ type: 'STEP_BACK' })}
        disabled={!can('STEP_BACK')}
        title="Step back (←)"
      >
        <IconBack /> Step back
      </button>
      {playing ? (
        <button type="button" className="primary" onClick={() => actor.send({ type: 'PAUSE' })} title="Pause (Space)">
          <IconPause /> Pause
        </button>
      ) : (
        <button
          type="button"
          className="primary"
          onClick={() => actor.send({ type: 'PLAY' })}
          disabled={!can('PLAY')}
          title={waitsForAnswer ?? (held ? 'Continue with the next step (Space)' : 'Play (Space)')}
        >
          <IconPlay /> {held ? 'Continue' : 'Play'}
        </button>
      )}
      <button
        type="button"
        onClick={() => actor.send({ type: 'STEP_FORWARD' })}
        disabled={!can('STEP_FORWARD')}
        title={waitsForAnswer ?? 'Step forward (→)'}
      >
        Step forward <IconForward />
      </button>
      <label htmlFor={speedId} className="speed-label">
        Speed
      </label>
      <select
        id={speedId}
        value={speed}
        onChange={(e) => actor.send({ type: 'SET_SPEED', speed: Number(e.target.value) })}
      >
        {SPEEDS.map((s) => (
          <option key={s} value={s}>
            {s}×
          </option>
        ))}
      </select>
      <label className="pause-toggle" title="Play shows one step, then waits for Continue">
        <input
          type="checkbox"
          checked={pauseAfterStep}
          onChange={(e) => actor.send({ type: 'SET_PAUSE_AFTER_STEP', on: e.target.checked })}
        />
        Pause after each step
      </label>
      <label htmlFor={timelineId} className="visually-hidden">
        Timeline
      </label>
      <input
        id={timelineId}
        className="timeline"
        type="range"
        min={0}
        max={lastStep}
        step={1}
        value={step}
        aria-valuetext={`Step ${step} of ${lastStep}`}
        onChange={(e) => actor.send({ type: 'SEEK', step: Number(e.target.value) })}
      />
      <output className="step-count" aria-live="polite">
        Step {step} / {lastStep}
      </output>
      <ShortcutsHelp />
    </div>
  );
}

/**
 * The bar sticks to the top of the viewport and wraps to more rows on narrower screens; what sticks
 * under it (the step's text) reads its height from `--playback-h` so it is never hidden beneath it.
 * Read from a ResizeObserver, whose first answer comes after the page's first layout and before its
 * first paint: measuring in this effect instead forced a layout of the whole page in the middle of the
 * first render (~25 ms on a page opened at step 10,000, `npm run bench`), and the property it set
 * invalidated that layout straight away.
 */
function useStickyHeight() {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    const root = el?.ownerDocument.documentElement;
    if (!el || !root) return;
    let shown = '';
    const set = (height: number) => {
      const value = `${Math.ceil(height)}px`;
      if (value === shown) return;
      shown = value;
      root.style.setProperty('--playback-h', value);
    };
    if (typeof ResizeObserver === 'undefined') {
      set(el.getBoundingClientRect().height);
      return () => root.style.removeProperty('--playback-h');
    }
    const observer = new ResizeObserver(([entry]) =>
      set(entry?.borderBoxSize?.[0]?.blockSize ?? el.getBoundingClientRect().height),
    );
    observer.observe(el);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--playback-h');
    };
  }, []);
  return ref;
}
