/**
 * The learner's playback preferences (speed, pause after each step), remembered across visits in
 * localStorage. Read defensively: storage may be absent or refuse access (privacy modes), and what is
 * stored may be from an older version or edited by hand, so anything unexpected falls back to the
 * defaults (1×, move on once each step is read).
 */
import { SPEEDS } from '../state/playbackMachine';

export interface PlaybackPrefs {
  speed: number;
  pauseAfterStep: boolean;
}

export const PREFS_KEY = 'event-lab:playback';
export const DEFAULT_PREFS: PlaybackPrefs = { speed: 1, pauseAfterStep: false };

/** Stored text → preferences; each field kept only when it is one the controls can show. */
export function parsePlaybackPrefs(raw: string | null): PlaybackPrefs {
  if (!raw) return DEFAULT_PREFS;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return DEFAULT_PREFS;
  }
  if (typeof value !== 'object' || value === null) return DEFAULT_PREFS;
  const { speed, pauseAfterStep } = value as Record<string, unknown>;
  return {
    speed: typeof speed === 'number' && (SPEEDS as readonly number[]).includes(speed) ? speed : DEFAULT_PREFS.speed,
    pauseAfterStep: typeof pauseAfterStep === 'boolean' ? pauseAfterStep : DEFAULT_PREFS.pauseAfterStep,
  };
}

type PrefsStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** The browser's localStorage, or null when reading it throws (blocked cookies and site data). */
function storage(): PrefsStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function loadPlaybackPrefs(store: PrefsStorage | null = storage()): PlaybackPrefs {
  try {
    return parsePlaybackPrefs(store?.getItem(PREFS_KEY) ?? null);
  } catch {
    return DEFAULT_PREFS;
  }
}

/** Remembers the preferences; a full or blocked storage only means they are not remembered. */
export function savePlaybackPrefs(prefs: PlaybackPrefs, store: PrefsStorage | null = storage()): void {
  try {
    store?.setItem(PREFS_KEY, JSON.stringify({ speed: prefs.speed, pauseAfterStep: prefs.pauseAfterStep }));
  } catch {
    // Not remembered this time; playback itself is unaffected.
  }
}
