/**
 * Kafka's key partitioner: `toPositive(murmur2(utf8(key))) % partitionCount`, bit for bit as the Java
 * client's `Utils.murmur2` (seed 0x9747b28c) and kafkajs's `DefaultPartitioner`.
 */
import type { PartitionChoice } from '../types';

const SEED = 0x9747b28c;
const M = 0x5bd1e995;

/** Kafka's murmur2 over `length` bytes of `data` (signed 32-bit, as Java's `Utils.murmur2`). */
function murmur2Bytes(data: Uint8Array, length: number): number {
  let h = SEED ^ length;
  const length4 = length >> 2;
  for (let i = 0; i < length4; i++) {
    const i4 = i << 2;
    let k = data[i4]! | (data[i4 + 1]! << 8) | (data[i4 + 2]! << 16) | (data[i4 + 3]! << 24);
    k = Math.imul(k, M);
    k ^= k >>> 24;
    k = Math.imul(k, M);
    h = Math.imul(h, M) ^ k;
  }
  const rest = length & 3;
  const base = length & ~3;
  if (rest === 3) h ^= data[base + 2]! << 16;
  if (rest >= 2) h ^= data[base + 1]! << 8;
  if (rest >= 1) h = Math.imul(h ^ data[base]!, M);
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h | 0;
}

/** Kafka's `Utils.murmur2`: a signed 32-bit hash of the bytes. */
export const murmur2 = (bytes: Uint8Array): number => murmur2Bytes(bytes, bytes.length);

/** Kafka's `Utils.toPositive`: clears the sign bit (not `Math.abs`). */
export const toPositive = (n: number): number => n & 0x7fffffff;

/** Thrown for a key that is not well-formed Unicode. */
export class InvalidKeyError extends Error {
  override name = 'InvalidKeyError';
}

// Scratch buffer reused by every hash: no observable state, it only avoids one allocation per key.
let scratch = new Uint8Array(256);

/**
 * Encodes `key` as UTF-8 into the scratch buffer and returns the byte length. A lone surrogate throws:
 * Java encodes it as '?' and JavaScript as U+FFFD, so such a key has no single Kafka partition.
 */
function encodeUtf8(key: string): number {
  if (scratch.length < key.length * 3) scratch = new Uint8Array(key.length * 3);
  const out = scratch;
  let n = 0;
  for (let i = 0; i < key.length; i++) {
    let c = key.charCodeAt(i);
    if (c < 0x80) {
      out[n++] = c;
    } else if (c < 0x800) {
      out[n++] = 0xc0 | (c >> 6);
      out[n++] = 0x80 | (c & 63);
    } else if (c >= 0xd800 && c <= 0xdfff) {
      const next = i + 1 < key.length ? key.charCodeAt(i + 1) : 0;
      if (c > 0xdbff || next < 0xdc00 || next > 0xdfff) {
        const hex = c.toString(16).toUpperCase();
        throw new InvalidKeyError(
          `Key ${quoteKey(key)} is not well-formed Unicode: lone surrogate U+${hex} at index ${i}. ` +
            'Java and JavaScript encode it differently, so it has no well-defined Kafka partition.',
        );
      }
      c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
      i++;
      out[n++] = 0xf0 | (c >> 18);
      out[n++] = 0x80 | ((c >> 12) & 63);
      out[n++] = 0x80 | ((c >> 6) & 63);
      out[n++] = 0x80 | (c & 63);
    } else {
      out[n++] = 0xe0 | (c >> 12);
      out[n++] = 0x80 | ((c >> 6) & 63);
      out[n++] = 0x80 | (c & 63);
    }
  }
  return n;
}

/** UTF-8 bytes of a well-formed string (throws `InvalidKeyError` on a lone surrogate). */
export function utf8(key: string): Uint8Array {
  return scratch.slice(0, encodeUtf8(key));
}

/** murmur2 of a key: strings are hashed as their UTF-8 bytes. */
export function hashKey(key: string | Uint8Array): number {
  return typeof key === 'string' ? murmur2Bytes(scratch, encodeUtf8(key)) : murmur2(key);
}

function checkCount(partitionCount: number): void {
  if (!Number.isInteger(partitionCount) || partitionCount < 1) {
    throw new RangeError(`partitionCount must be a positive integer, got ${partitionCount}`);
  }
}

/** The partition Kafka's default partitioner picks for a key. */
export function partitionForKey(key: string | Uint8Array, partitionCount: number): number {
  checkCount(partitionCount);
  return toPositive(hashKey(key)) % partitionCount;
}

/** The partition for a key with every intermediate value, so a view can say why. */
export function keyChoice(key: string, partitionCount: number): PartitionChoice & { kind: 'key' } {
  checkCount(partitionCount);
  const hash = hashKey(key);
  const positive = toPositive(hash);
  return { kind: 'key', key, murmur2: hash, positive, partitionCount, partition: positive % partitionCount };
}

/** "murmur2('ride-42') = -1234, toPositive = 2147482414, 2147482414 mod 6 = 4" */
export function explainKeyChoice(c: PartitionChoice & { kind: 'key' }): string {
  // The key was hashed, so it is well-formed: no escaping needed, only shortening.
  const key = c.key.length > 40 ? `${c.key.slice(0, 37)}…` : c.key;
  return `murmur2('${key}') = ${c.murmur2}, toPositive = ${c.positive}, ${c.positive} mod ${c.partitionCount} = ${c.partition}`;
}

/** A key as narration shows it: quoted, shortened when long, lone surrogates escaped. */
export function quoteKey(key: string): string {
  const short = key.length > 40 ? `${key.slice(0, 37)}…` : key;
  return `'${short.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, (s) => `\\u${s.charCodeAt(0).toString(16)}`)}'`;
}
