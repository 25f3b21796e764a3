import { describe, expect, it } from 'vitest';
import { deleteKey, EMPTY_KEY_STORE, sealFields, type DataCopy } from '../../engine/privacy';
import { copyRows, keyRows } from './privacyRows';

const PERSONAL = ['name', 'phone'];

describe('personal-data rows', () => {
  const a = sealFields(EMPTY_KEY_STORE, 'rider-42', { riderId: 'rider-42', name: 'Maya', fare: 18.5 }, PERSONAL, 1, 0);
  const b = sealFields(a.store, 'rider-7', { riderId: 'rider-7', name: 'Bo' }, PERSONAL, 2, 0);
  const live: DataCopy[] = [
    { place: { in: 'event-store', streamId: 'ride-1', revision: 0 }, data: a.data },
    { place: { in: 'event-store', streamId: 'ride-2', revision: 0 }, data: b.data },
    { place: { in: 'topic', topic: 'profiles', partition: 0, offset: 0, key: 'rider-42' }, data: { name: 'Maya' } },
    { place: { in: 'topic', topic: 'profiles', partition: 0, offset: 1, key: 'rider-42' }, data: null },
  ];
  const backup = { id: 'nightly', takenAt: 0, copies: live.slice(0, 1) };

  it('lists the keys and their state', () => {
    const after = deleteKey(b.store, 'rider-42', 5).store;
    expect(keyRows(after)).toEqual([
      { keyId: 'rider-42/k1', subject: 'rider-42', state: 'deleted', sealed: 1 },
      { keyId: 'rider-7/k1', subject: 'rider-7', state: 'active', sealed: 1 },
    ]);
  });

  it('shows a subject’s copies readable, then shredded once the key is gone; plaintext stays plaintext', () => {
    const before = copyRows(b.store, 'rider-42', live, [backup], PERSONAL);
    expect(before.map((r) => [r.where, r.fields.map((f) => `${f.field}=${f.reads}:${f.text}`)])).toEqual([
      ['stream ride-1 @0', ['name=decrypted:Maya']],
      ['profiles-0 @0', ['name=plaintext:Maya']],
      ['backup nightly · stream ride-1 @0', ['name=decrypted:Maya']],
    ]);
    expect(before[0]!.others).toEqual(['riderId: rider-42', 'fare: 18.5']);
    const after = copyRows(deleteKey(b.store, 'rider-42', 5).store, 'rider-42', live, [backup], PERSONAL);
    expect(after.map((r) => r.fields[0]!.text)).toEqual(['🔒 shredded', 'Maya', '🔒 shredded']);
    // Bo's copy is not Maya's, and still reads.
    expect(copyRows(deleteKey(b.store, 'rider-42', 5).store, 'rider-7', live, [], PERSONAL)[0]!.fields[0]!.text).toBe(
      'Bo',
    );
  });
});
