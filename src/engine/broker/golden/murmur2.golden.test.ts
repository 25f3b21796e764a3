/** Golden vectors: Kafka's own Utils.murmur2 / Utils.toPositive on odd keys (see generate.mjs). */
import { describe, expect, it } from 'vitest';
import { murmur2, toPositive, utf8 } from '../partitioner';
import fixture from './murmur2.json';

describe("murmur2 golden vectors from Kafka's own Utils", () => {
  it(`matches all ${fixture.cases.length} keys (every length 0–24, multi-byte UTF-8, surrogate pairs)`, () => {
    expect(fixture.cases.length).toBeGreaterThanOrEqual(60);
    for (const c of fixture.cases) {
      const h = murmur2(utf8(c.key));
      expect([c.key, h, toPositive(h)]).toEqual([c.key, c.murmur2, c.positive]);
    }
  });
});
