/**
 * Personal fields of an event: sealing them with the subject's key before the event is written anywhere, and
 * reading any copy of the event's data back through the key store.
 */
import type { PrivacyEffect } from './effects';
import { isSealed, open, seal, type Opened } from './cipher';
import { countUse, ensureKey, type KeyStore } from './keyStore';

/**
 * Encrypts the `personal` fields `data` has with `subject`'s key (created now, from `material`, when the
 * subject has no usable key); every other field is left as it is, readable and usable (amounts, times, ids).
 */
export function sealFields(
  store: KeyStore,
  subject: string,
  data: Readonly<Record<string, unknown>>,
  personal: readonly string[],
  material: number,
  now: number,
): { store: KeyStore; data: Record<string, unknown>; sealed: string[]; effects: PrivacyEffect[] } {
  const fields = personal.filter((f) => Object.prototype.hasOwnProperty.call(data, f) && !isSealed(data[f]));
  if (fields.length === 0) return { store, data: { ...data }, sealed: [], effects: [] };
  const k = ensureKey(store, subject, material, now);
  const out: Record<string, unknown> = { ...data };
  for (const f of fields) out[f] = seal(k.key, data[f]);
  const effects: PrivacyEffect[] = [
    ...k.effects,
    {
      kind: 'privacy-changed',
      step: 'sealed',
      subject,
      keyId: k.key.keyId,
      reason: `${fields.join(', ')} encrypted with ${k.key.keyId} before the event was written; ${
        Object.keys(data)
          .filter((f) => !fields.includes(f))
          .join(', ') || 'no other field'
      } left readable`,
    },
  ];
  return { store: countUse(k.store, k.key.keyId, fields.length), data: out, sealed: fields, effects };
}

export interface FieldReading {
  readonly field: string;
  readonly opened: Opened;
}

/** Each field of one copy of an event's data as a reader with access to the key store sees it. */
export function readFields(store: KeyStore, data: unknown): FieldReading[] {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return [];
  return Object.entries(data as Record<string, unknown>).map(([field, v]) => ({ field, opened: open(store, v) }));
}
