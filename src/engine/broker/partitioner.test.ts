import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Partitioners } from 'kafkajs';
import { InvalidKeyError, keyChoice, murmur2, partitionForKey, toPositive, utf8 } from './partitioner';

const enc = (s: string) => new TextEncoder().encode(s);

describe('murmur2 (Kafka Utils.murmur2)', () => {
  it('matches the published vectors', () => {
    expect(murmur2(enc('21'))).toBe(-973932308);
    expect(murmur2(enc('foobar'))).toBe(-790332482);
    expect(murmur2(enc(''))).toBe(275646681);
  });

  it("matches more vectors from Kafka's UtilsTest", () => {
    // Kafka's clients/src/test/java/org/apache/kafka/common/utils/UtilsTest#testMurmur2
    expect(murmur2(enc('a-little-bit-long-string'))).toBe(-985981536);
    expect(murmur2(enc('a-little-bit-longer-string'))).toBe(-1486304829);
    expect(murmur2(enc('lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8'))).toBe(-58897971);
    expect(murmur2(new Uint8Array([97, 98, 99]))).toBe(479470107);
  });

  it('toPositive clears the sign bit (not Math.abs)', () => {
    expect(toPositive(-1)).toBe(0x7fffffff);
    expect(toPositive(-2147483648)).toBe(0);
    expect(toPositive(5)).toBe(5);
  });
});

describe('partitionForKey', () => {
  const kafkajs = Partitioners.DefaultPartitioner() as unknown as (args: {
    topic: string;
    partitionMetadata: { partitionId: number; leader: number }[];
    message: { key: string | Buffer };
  }) => number;
  const meta = Array.from({ length: 64 }, (_, i) =>
    Array.from({ length: i + 1 }, (_, p) => ({ partitionId: p, leader: 0 })),
  );

  it('equals kafkajs DefaultPartitioner on 10,000 random well-formed keys for 1–64 partitions', () => {
    const keys = fc.sample(
      fc.oneof(
        fc.string({ maxLength: 24 }),
        fc.string({ unit: 'binary', maxLength: 24 }),
        fc.string({ unit: 'grapheme', maxLength: 12 }),
      ),
      { numRuns: 10_000, seed: 20261128 },
    );
    const mismatches: string[] = [];
    for (const [i, key] of keys.entries()) {
      // Counts cycle 1..64, so each count is checked on ~156 keys (and every key hashes differently).
      const n = (i % 64) + 1;
      const theirs = kafkajs({ topic: 't', partitionMetadata: meta[n - 1]!, message: { key } });
      if (partitionForKey(key, n) !== theirs) mismatches.push(`${JSON.stringify(key)} over ${n}`);
    }
    expect(keys).toHaveLength(10_000);
    expect(mismatches).toEqual([]);
  }, 60_000);

  it('equals kafkajs for every count 1..64 on a set of fixed keys, bytes included', () => {
    for (const key of ['', 'a', 'ride-42', 'ünïcödé', '🚗 ride', 'c10', 'c2', 'x'.repeat(1000)]) {
      for (let n = 1; n <= 64; n++) {
        const expected = kafkajs({ topic: 't', partitionMetadata: meta[n - 1]!, message: { key } });
        expect(partitionForKey(key, n)).toBe(expected);
        expect(partitionForKey(enc(key), n)).toBe(expected);
      }
    }
  });

  it('hashes the empty string (a key), e.g. "" over 6 partitions', () => {
    expect(partitionForKey('', 6)).toBe(275646681 % 6);
  });

  it('encodes UTF-8 like TextEncoder for well-formed strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect([...utf8(s)]).toEqual([...enc(s)]);
      }),
      { numRuns: 300 },
    );
  });

  it('rejects a lone surrogate with a clear error', () => {
    expect(() => partitionForKey('ab\ud800', 3)).toThrow(InvalidKeyError);
    expect(() => partitionForKey('ab\ud800', 3)).toThrow(/lone surrogate U\+D800 at index 2/);
    expect(() => partitionForKey('\udc00x', 3)).toThrow(/lone surrogate U\+DC00 at index 0/);
    expect(() => partitionForKey('\ud83d\ude97', 3)).not.toThrow();
  });

  it('rejects a partition count that is not a positive integer', () => {
    expect(() => partitionForKey('k', 0)).toThrow(RangeError);
    expect(() => partitionForKey('k', 1.5)).toThrow(RangeError);
  });

  it('keyChoice exposes every step', () => {
    const c = keyChoice('foobar', 6);
    expect(c).toEqual({
      kind: 'key',
      key: 'foobar',
      murmur2: -790332482,
      positive: -790332482 & 0x7fffffff,
      partitionCount: 6,
      partition: (-790332482 & 0x7fffffff) % 6,
    });
  });
});
