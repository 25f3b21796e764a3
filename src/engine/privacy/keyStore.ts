/**
 * A key store for crypto-shredding: one data key per data subject (a person), created when the subject's
 * first personal field is encrypted, used to encrypt and decrypt, and deleted when the subject asks to be
 * erased (GDPR Art. 17). Deleting the key makes every copy of the fields it encrypted unreadable: in the
 * event store, on topics, in replicas and in backups, wherever the copy is, without touching the copy.
 *
 * A real system keeps these keys in a key management service or a vault (AWS KMS, Google Cloud KMS,
 * HashiCorp Vault) and encrypts with them by envelope encryption (e.g. AES-256-GCM data keys wrapped by a
 * master key). Here a key is a 32-bit number drawn from the run's seeded generator and the cipher is a toy
 * (`cipher.ts`): the shape of the idea, not real cryptography.
 *
 * After a deletion the subject may get a new key (a returning customer): it has a new id, so what was sealed
 * with the old key stays unreadable.
 */
import type { PrivacyEffect } from './effects';

export interface SubjectKey {
  /** `<subject>/k<n>`: the n-th key this subject has had. Ciphertexts name it, as an envelope names its key. */
  readonly keyId: string;
  readonly subject: string;
  /** The key material; null once deleted (nothing of it is kept). */
  readonly material: number | null;
  readonly createdAt: number;
  readonly deletedAt?: number;
  /** How many fields it has encrypted. */
  readonly sealed: number;
}

export interface KeyStore {
  /** Every key ever created, by key id (a deleted key keeps its row, without its material). */
  readonly keys: Readonly<Record<string, SubjectKey>>;
  /** The subject's current key id (absent: none yet). */
  readonly current: Readonly<Record<string, string>>;
}

export const EMPTY_KEY_STORE: KeyStore = { keys: {}, current: {} };

export type KeyState = 'active' | 'deleted' | 'none';

/** Whether the subject has a usable key now, had one that was deleted, or never had one. */
export function keyState(store: KeyStore, subject: string): KeyState {
  const id = store.current[subject];
  if (id === undefined) return 'none';
  return store.keys[id]!.material === null ? 'deleted' : 'active';
}

/** The subject's usable key, or null. */
export function activeKey(store: KeyStore, subject: string): SubjectKey | null {
  const id = store.current[subject];
  const key = id === undefined ? undefined : store.keys[id];
  return key && key.material !== null ? key : null;
}

const effect = (step: PrivacyEffect['step'], subject: string, keyId: string, reason: string): PrivacyEffect => ({
  kind: 'privacy-changed',
  step,
  subject,
  keyId,
  reason,
});

/**
 * The subject's usable key, created now (with `material`) when it has none: a first key, or a new one after
 * a deletion. `material` is only read when a key is created.
 */
export function ensureKey(
  store: KeyStore,
  subject: string,
  material: number,
  now: number,
): { store: KeyStore; key: SubjectKey; effects: PrivacyEffect[] } {
  const found = activeKey(store, subject);
  if (found) return { store, key: found, effects: [] };
  const n = Object.values(store.keys).filter((k) => k.subject === subject).length + 1;
  const key: SubjectKey = { keyId: `${subject}/k${n}`, subject, material: material >>> 0, createdAt: now, sealed: 0 };
  const next: KeyStore = {
    keys: { ...store.keys, [key.keyId]: key },
    current: { ...store.current, [subject]: key.keyId },
  };
  const reason =
    n === 1
      ? `the key store created ${key.keyId}, ${subject}'s own data key: only it can decrypt ${subject}'s personal fields`
      : `the key store created ${key.keyId}, a new key for ${subject}: what was sealed with the deleted key stays unreadable`;
  return { store: next, key, effects: [effect('key-created', subject, key.keyId, reason)] };
}

/** Counts `fields` encryptions with the key (the store's record of use). */
export function countUse(store: KeyStore, keyId: string, fields: number): KeyStore {
  const key = store.keys[keyId];
  return key ? { ...store, keys: { ...store.keys, [keyId]: { ...key, sealed: key.sealed + fields } } } : store;
}

/**
 * Deletes the subject's key: its material is gone, so no copy sealed with it can be decrypted again. The row
 * stays (the key's id, when it was created and deleted): a record that the erasure was carried out.
 */
export function deleteKey(
  store: KeyStore,
  subject: string,
  now: number,
): { store: KeyStore; effects: PrivacyEffect[] } {
  const key = activeKey(store, subject);
  if (!key) {
    const had = store.current[subject];
    return {
      store,
      effects: [
        effect(
          'refused',
          subject,
          had ?? '',
          had
            ? `${subject}'s key ${had} was deleted already: nothing left to delete`
            : `the key store holds no key for ${subject}: nothing of theirs was encrypted`,
        ),
      ],
    };
  }
  const gone: SubjectKey = { ...key, material: null, deletedAt: now };
  return {
    store: { ...store, keys: { ...store.keys, [key.keyId]: gone } },
    effects: [
      effect(
        'key-deleted',
        subject,
        key.keyId,
        `the key store deleted ${key.keyId}: the ${key.sealed} personal field${key.sealed === 1 ? '' : 's'} it encrypted can no longer be decrypted, in every copy (event store, topics, replicas, backups); the copies themselves are unchanged`,
      ),
    ],
  };
}
