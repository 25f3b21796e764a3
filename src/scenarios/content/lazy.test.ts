import { describe, expect, it } from 'vitest';
import { allBuiltins } from './index';
import { isBuiltinId, loadBuiltin } from './lazy';

describe('the built-ins one at a time', () => {
  it('loads each built-in as the same scenario the eager list has', async () => {
    for (const s of allBuiltins()) {
      expect(isBuiltinId(s.id)).toBe(true);
      expect(await loadBuiltin(s.id)).toEqual(s);
    }
  });

  it('knows no other id', async () => {
    expect(isBuiltinId('my-own-design')).toBe(false);
    expect(await loadBuiltin('my-own-design')).toBeUndefined();
  });
});
