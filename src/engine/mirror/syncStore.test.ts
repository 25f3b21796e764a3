import { describe, expect, it } from 'vitest';
import { addSync, distinctSyncs, translateDownstream, type SyncArray } from './syncStore';
import { NEW_WRITER, updateWriter } from './syncWriter';

const store = (...pairs: [number, number][]): SyncArray =>
  pairs.reduce<SyncArray | undefined>((s, [u, d]) => addSync(s, { upstream: u, downstream: d }), undefined)!;

describe('OffsetSyncStore.translateDownstream (ported)', () => {
  it('translates as OffsetSyncStoreTest.testOffsetTranslation', () => {
    let s = store([100, 200]);
    expect(translateDownstream(s, 150)).toBe(201); // past the sync: + 1, never more
    s = addSync(s, { upstream: 150, downstream: 251 });
    expect(translateDownstream(s, 150)).toBe(251); // exactly on a sync
    expect(translateDownstream(s, 5)).toBe(-1); // before every sync: cannot translate
    s = addSync(s, { upstream: 200, downstream: 10 }); // downstream reset
    expect(translateDownstream(s, 200)).toBe(10);
    s = addSync(s, { upstream: 20, downstream: 20 }); // upstream rewind clears the store
    expect(translateDownstream(s, 20)).toBe(20);
  });

  it('has nothing to translate without a sync', () => {
    expect(translateDownstream(undefined, 0)).toBeNull();
  });

  it('keeps older syncs spaced out so old offsets still translate (at or before)', () => {
    let s: SyncArray | undefined;
    for (let o = 0; o <= 1000; o += 10) s = addSync(s, { upstream: o, downstream: o });
    const kept = distinctSyncs(s).map((x) => x.upstream);
    expect(kept[0]).toBe(1000);
    expect(kept.length).toBeLessThan(101);
    for (let u = 0; u <= 1000; u += 7) expect(translateDownstream(s, u)).toBeLessThanOrEqual(u);
  });
});

describe('OffsetSyncWriter.PartitionState.update (ported)', () => {
  it('syncs the first record, then only once offset.lag.max is reached (counting from last sync + 1)', () => {
    let w = NEW_WRITER;
    const rules: (string | null)[] = [];
    for (let i = 0; i < 6; i++) {
      const u = updateWriter(w, 10 + i, i, 3);
      w = u.state;
      rules.push(u.now);
    }
    // last sync at 0: a sync when downstream − 1 ≥ 3, i.e. at downstream 4; then at 4 + 1 + 3 = 8.
    expect(rules).toEqual(['first', null, null, null, 'lag', null]);
  });

  it('syncs at once when an upstream offset was skipped', () => {
    const a = updateWriter(NEW_WRITER, 0, 0, 100);
    const b = updateWriter(a.state, 1, 1, 100);
    expect(b.now).toBeNull();
    expect(updateWriter(b.state, 3, 2, 100).now).toBe('skipped');
  });
});
