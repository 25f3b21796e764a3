import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFS, loadPlaybackPrefs, parsePlaybackPrefs, PREFS_KEY, savePlaybackPrefs } from './playbackPrefs';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    items,
  };
}

describe('playback preferences', () => {
  it('default to 1× and moving on once each step is read', () => {
    expect(parsePlaybackPrefs(null)).toEqual({ speed: 1, pauseAfterStep: false });
  });

  it('come back as they were saved', () => {
    const store = memoryStorage();
    savePlaybackPrefs({ speed: 2, pauseAfterStep: true }, store);
    expect(loadPlaybackPrefs(store)).toEqual({ speed: 2, pauseAfterStep: true });
  });

  it('fall back field by field on anything unexpected', () => {
    expect(parsePlaybackPrefs('not json')).toEqual(DEFAULT_PREFS);
    expect(parsePlaybackPrefs('null')).toEqual(DEFAULT_PREFS);
    expect(parsePlaybackPrefs('[1]')).toEqual(DEFAULT_PREFS);
    expect(parsePlaybackPrefs('{"speed":3,"pauseAfterStep":true}')).toEqual({ speed: 1, pauseAfterStep: true });
    expect(parsePlaybackPrefs('{"speed":4,"pauseAfterStep":"yes"}')).toEqual({ speed: 4, pauseAfterStep: false });
    expect(parsePlaybackPrefs('{"speed":"2"}')).toEqual(DEFAULT_PREFS);
  });

  it('a storage that throws or is missing only means nothing is remembered', () => {
    const refusing = {
      getItem: (): string | null => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(loadPlaybackPrefs(refusing)).toEqual(DEFAULT_PREFS);
    expect(() => savePlaybackPrefs({ speed: 2, pauseAfterStep: true }, refusing)).not.toThrow();
    expect(loadPlaybackPrefs(null)).toEqual(DEFAULT_PREFS);
    const store = memoryStorage();
    savePlaybackPrefs({ speed: 8, pauseAfterStep: false }, store);
    expect(JSON.parse(store.items.get(PREFS_KEY)!)).toEqual({ speed: 8, pauseAfterStep: false });
  });
});
