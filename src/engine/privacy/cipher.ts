/**
 * A TOY cipher that stands in for envelope encryption (e.g. AES-256-GCM with a per-subject data key): a
 * sealed field is the string `enc:<key id>:<hex>`, the value's JSON text with each UTF-16 unit XORed with a
 * keystream drawn from the key's material (mulberry32, `sim/random.ts`). It is deterministic, so a replay
 * gives the same ciphertexts, and it is NOT cryptography: it only gives the run the shape that matters here —
 * the copies hold an opaque value and the key's id, only the key store holds what turns it back into the field.
 */
import { nextRandom } from '../sim/random';
import type { KeyStore, SubjectKey } from './keyStore';

const PREFIX = 'enc:';
const SEALED = /^enc:([a-z0-9][a-z0-9._-]*\/k[0-9]+):((?:[0-9a-f]{4})*)$/;

/** Whether a value is a sealed field (this cipher's envelope). */
export const isSealed = (v: unknown): v is string => typeof v === 'string' && SEALED.test(v);

/** The key id a sealed field names, or null for any other value. */
export function keyIdOf(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  return SEALED.exec(v)?.[1] ?? null;
}

function xorStream(material: number, units: readonly number[]): number[] {
  let state = material >>> 0;
  return units.map((u) => {
    const [r, next] = nextRandom(state);
    state = next;
    return (u ^ Math.floor(r * 0x10000)) & 0xffff;
  });
}

/** Seals one value with the key (its JSON text, so numbers and objects come back as they were). */
export function seal(key: SubjectKey, value: unknown): string {
  if (key.material === null) throw new Error(`key ${key.keyId} was deleted: nothing can be sealed with it`);
  const text = JSON.stringify(value ?? null);
  const units = Array.from({ length: text.length }, (_, i) => text.charCodeAt(i));
  const hex = xorStream(key.material, units)
    .map((u) => u.toString(16).padStart(4, '0'))
    .join('');
  return `${PREFIX}${key.keyId}:${hex}`;
}

export type Opened =
  /** Not a sealed field: whatever it holds is readable as it is (plaintext). */
  | { kind: 'plaintext'; value: unknown }
  /** Sealed, and its key is in the store: decrypted. */
  | { kind: 'decrypted'; value: unknown; keyId: string }
  /** Sealed with a key that was deleted (or that this store never held): unreadable. */
  | { kind: 'shredded'; keyId: string };

/** Reads one value through the key store: the only way back from a sealed field to the data. */
export function open(store: KeyStore, value: unknown): Opened {
  if (typeof value !== 'string') return { kind: 'plaintext', value };
  const m = SEALED.exec(value);
  if (!m) return { kind: 'plaintext', value };
  const keyId = m[1]!;
  const key = store.keys[keyId];
  if (!key || key.material === null) return { kind: 'shredded', keyId };
  const units = (m[2]!.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16));
  const text = String.fromCharCode(...xorStream(key.material, units));
  return { kind: 'decrypted', value: JSON.parse(text) as unknown, keyId };
}
