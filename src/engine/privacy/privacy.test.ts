import { describe, expect, it } from 'vitest';
import { deleteKey, EMPTY_KEY_STORE, ensureKey, keyState } from './keyStore';
import { isSealed, keyIdOf, open, seal } from './cipher';
import { readFields, sealFields } from './fields';
import { placeText, takeBackup } from './backup';

const PERSONAL = ['name', 'phone'];

describe('key store', () => {
  it('creates one key per subject at first use and reuses it', () => {
    const a = ensureKey(EMPTY_KEY_STORE, 'rider-42', 7, 100);
    expect(a.key.keyId).toBe('rider-42/k1');
    expect(a.effects.map((e) => e.step)).toEqual(['key-created']);
    const again = ensureKey(a.store, 'rider-42', 99, 200);
    expect(again.key).toBe(a.key);
    expect(again.effects).toEqual([]);
    expect(keyState(a.store, 'rider-42')).toBe('active');
    expect(keyState(a.store, 'rider-7')).toBe('none');
  });

  it('deletes a key: its material is gone, its row stays; a second delete is refused', () => {
    const a = ensureKey(EMPTY_KEY_STORE, 'rider-42', 7, 100).store;
    const d = deleteKey(a, 'rider-42', 500);
    expect(keyState(d.store, 'rider-42')).toBe('deleted');
    expect(d.store.keys['rider-42/k1']).toMatchObject({ material: null, deletedAt: 500 });
    expect(d.effects[0]).toMatchObject({ step: 'key-deleted', keyId: 'rider-42/k1' });
    expect(deleteKey(d.store, 'rider-42', 600).effects[0]!.step).toBe('refused');
    expect(deleteKey(EMPTY_KEY_STORE, 'nobody', 600).effects[0]!.reason).toContain('holds no key');
  });

  it('a returning subject gets a new key; the old ciphertexts stay shredded', () => {
    const a = ensureKey(EMPTY_KEY_STORE, 'rider-42', 7, 100);
    const old = seal(a.key, 'Ada');
    const d = deleteKey(a.store, 'rider-42', 200).store;
    const b = ensureKey(d, 'rider-42', 8, 300);
    expect(b.key.keyId).toBe('rider-42/k2');
    expect(open(b.store, old)).toEqual({ kind: 'shredded', keyId: 'rider-42/k1' });
    expect(open(b.store, seal(b.key, 'Ada'))).toMatchObject({ kind: 'decrypted', value: 'Ada' });
  });
});

describe('cipher (a toy standing in for AES-GCM)', () => {
  it('round-trips any JSON value and hides the text', () => {
    const { key, store } = ensureKey(EMPTY_KEY_STORE, 'rider-42', 12345, 0);
    for (const v of ['Ada Lovelace', '+44 7700 900123', 18.5, { lat: 53.8 }, null]) {
      const s = seal(key, v);
      expect(isSealed(s)).toBe(true);
      expect(keyIdOf(s)).toBe('rider-42/k1');
      if (typeof v === 'string') expect(s).not.toContain(v);
      expect(open(store, s)).toEqual({ kind: 'decrypted', value: v, keyId: 'rider-42/k1' });
    }
  });

  it('is deterministic: the same key and value give the same ciphertext', () => {
    const { key } = ensureKey(EMPTY_KEY_STORE, 's', 1, 0);
    expect(seal(key, 'x')).toBe(seal(key, 'x'));
  });

  it('anything else reads as plaintext', () => {
    expect(open(EMPTY_KEY_STORE, 'Ada')).toEqual({ kind: 'plaintext', value: 'Ada' });
    expect(open(EMPTY_KEY_STORE, 3)).toEqual({ kind: 'plaintext', value: 3 });
  });
});

describe('personal fields', () => {
  it('seals only the personal fields; amounts and ids stay readable', () => {
    const r = sealFields(EMPTY_KEY_STORE, 'rider-42', { riderId: 'rider-42', name: 'Ada', fare: 18.5 }, PERSONAL, 7, 0);
    expect(r.sealed).toEqual(['name']);
    expect(r.data.fare).toBe(18.5);
    expect(isSealed(r.data.name)).toBe(true);
    expect(r.effects.map((e) => e.step)).toEqual(['key-created', 'sealed']);
    expect(r.store.keys['rider-42/k1']!.sealed).toBe(1);
    const before = readFields(r.store, r.data).map((f) => [f.field, f.opened.kind]);
    expect(before).toEqual([
      ['riderId', 'plaintext'],
      ['name', 'decrypted'],
      ['fare', 'plaintext'],
    ]);
    const after = deleteKey(r.store, 'rider-42', 1).store;
    expect(readFields(after, r.data).map((f) => f.opened.kind)).toEqual(['plaintext', 'shredded', 'plaintext']);
  });

  it('an event without personal fields uses no key', () => {
    const r = sealFields(EMPTY_KEY_STORE, 'rider-42', { riderId: 'rider-42' }, PERSONAL, 7, 0);
    expect(r.effects).toEqual([]);
    expect(keyState(r.store, 'rider-42')).toBe('none');
  });
});

describe('backups', () => {
  it('keep their copies as they were, and say where each is', () => {
    const b = takeBackup(
      'nightly',
      [
        { place: { in: 'event-store', streamId: 'rider-42', revision: 0 }, data: { a: 1 } },
        { place: { in: 'topic', topic: 'rides', partition: 0, offset: 3, key: 'rider-42' }, data: { a: 1 } },
      ],
      10,
    );
    expect(b.backup.copies).toHaveLength(2);
    expect(b.effects[0]!.reason).toContain('2 copies');
    expect(b.backup.copies.map((c) => placeText(c.place))).toEqual(['stream rider-42 @0', 'rides-0 @3']);
  });
});
