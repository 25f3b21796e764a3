/** A part of the page in a chunk of its own: loaded once, a failed load tried again. */
import { describe, expect, it } from 'vitest';
import { lazyPart } from './lazyPart';

describe('lazyPart', () => {
  it('loads once, however often it is asked for, and keeps what it loaded', async () => {
    let imports = 0;
    const part = lazyPart(async () => ({ n: ++imports }));
    expect(part.loaded()).toBeNull();
    const [a, b] = await Promise.all([part.load(), part.load()]);
    expect(a).toBe(b);
    expect(await part.load()).toBe(a);
    expect(part.loaded()).toBe(a);
    expect(imports).toBe(1);
  });

  it('a failed load is not kept: the next ask loads again', async () => {
    let imports = 0;
    const part = lazyPart(async () => {
      if (++imports === 1) throw new Error('offline');
      return { ok: true };
    });
    await expect(part.load()).rejects.toThrow('offline');
    expect(part.loaded()).toBeNull();
    expect(await part.load()).toEqual({ ok: true });
    expect(imports).toBe(2);
  });
});
