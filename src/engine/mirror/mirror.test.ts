import { describe, expect, it } from 'vitest';
import { logEndOffset, logStartOffset } from '../broker';
import { deepFreeze } from '../broker/testing';
import { consumeIn, failover, produceIn, regionDown, regionUp } from './clients';
import { emitCheckpoints } from './checkpoints';
import { mirror } from './replicate';
import { createMirror, type MirrorState } from './mirrorState';
import { T0, twoRegions } from './mirror.testkit';

const ops = (effects: { op: string }[]) => effects.map((e) => e.op);

function seven(): MirrorState {
  let s = twoRegions();
  for (let i = 0; i < 7; i++)
    s = produceIn(s, { region: 'us', topic: 'rides', key: `ride-${i}`, value: { i }, eventId: `e${i}` }, T0).state;
  return s;
}

describe('two regions under MirrorMaker 2', () => {
  it('starts us at offset 3 (retention) and creates us.rides in eu, empty', () => {
    const s = twoRegions();
    expect(logStartOffset(s.regions.us!.broker, 'rides', 0)).toBe(3);
    expect(logEndOffset(s.regions.eu!.broker, 'us.rides', 0)).toBe(0);
  });

  it('copies to us.rides at other offsets, syncs the first record, keeps the rest back until the commit', () => {
    const s = deepFreeze(seven());
    const a = mirror(s, { source: 'us', target: 'eu', max: 4 }, T0);
    expect(logEndOffset(a.state.regions.eu!.broker, 'us.rides', 0)).toBe(4);
    expect(a.state.flows[0]!.syncs['rides:0']).toEqual([{ upstream: 3, downstream: 0 }]);
    expect(ops(a.effects)).toEqual(['mirrored', 'offset-sync', 'sync-delayed']);
    const b = mirror(a.state, { source: 'us', target: 'eu', commit: true }, T0);
    expect(b.state.flows[0]!.syncs['rides:0']).toEqual([
      { upstream: 3, downstream: 0 },
      { upstream: 9, downstream: 6 },
    ]);
    expect(b.state.flows[0]!.copied['rides:0']!.map((p) => p.upstream - p.downstream)).toEqual(Array(7).fill(3));
  });

  it('translates a group offset between syncs to the sync + 1: before the true position', () => {
    let s = mirror(seven(), { source: 'us', target: 'eu', commit: true }, T0).state;
    s = consumeIn(s, { region: 'us', group: 'billing', topics: ['rides'], max: 4 }, T0).state;
    const c = emitCheckpoints(s, { source: 'us', target: 'eu' }, T0);
    expect(c.state.flows[0]!.checkpoints).toEqual([
      { group: 'billing', topic: 'us.rides', partition: 0, upstream: 7, downstream: 1 },
    ]);
    // Again with nothing new: not more recent, nothing written.
    expect(emitCheckpoints(c.state, { source: 'us', target: 'eu' }, T0).state.flows[0]!.checkpoints).toHaveLength(1);
    const down = regionDown(c.state, 'us');
    const f = failover(down.state, { group: 'billing', from: 'us', to: 'eu' }, T0);
    expect(f.effects[0]!.reason).toContain('3 records will be read again');
    const r = consumeIn(f.state, { region: 'eu', group: 'billing', topics: ['us.rides'] }, T0);
    expect(r.effects.filter((e) => e.op === 'duplicate')).toHaveLength(3);
    expect(r.state.apps.billing!.processed.filter((p) => p.duplicate).map((p) => p.eventId)).toEqual([
      'e1',
      'e2',
      'e3',
    ]);
    const idem = consumeIn(f.state, { region: 'eu', group: 'billing', topics: ['us.rides'], idempotent: true }, T0);
    expect(idem.state.apps.billing!.processed.filter((p) => p.skipped)).toHaveLength(3);
  });

  it('loses for eu what was not mirrored when us goes down (asynchronous replication)', () => {
    let s = mirror(seven(), { source: 'us', target: 'eu', max: 5, commit: true }, T0).state;
    const d = regionDown(s, 'us');
    expect(d.effects[0]!.reason).toContain('2 records of rides-0 not yet in eu');
    s = mirror(d.state, { source: 'us', target: 'eu' }, T0).state;
    expect(logEndOffset(s.regions.eu!.broker, 'us.rides', 0)).toBe(5);
    const back = mirror(regionUp(s, 'us').state, { source: 'us', target: 'eu' }, T0).state;
    expect(logEndOffset(back.regions.eu!.broker, 'us.rides', 0)).toBe(7);
    expect(ops(produceIn(s, { region: 'us', topic: 'rides', key: 'x', value: 1, eventId: 'x' }, T0).effects)).toEqual([
      'unavailable',
    ]);
  });

  it('syncs group offsets into the target only with sync.group.offsets.enabled', () => {
    const def = { flows: [{ source: 'us', target: 'eu', topics: ['rides'], syncGroupOffsets: true }] };
    let s = twoRegions(def);
    for (let i = 0; i < 3; i++)
      s = produceIn(s, { region: 'us', topic: 'rides', key: 'k', value: i, eventId: `e${i}` }, T0).state;
    s = mirror(s, { source: 'us', target: 'eu', commit: true }, T0).state;
    s = consumeIn(s, { region: 'us', group: 'billing', topics: ['rides'] }, T0).state;
    const c = emitCheckpoints(s, { source: 'us', target: 'eu' }, T0);
    expect(ops(c.effects)).toEqual(['checkpoint', 'group-offsets-synced']);
    expect(c.state.regions.eu!.broker.groups.billing!.committed['us.rides:0']!.offset).toBe(3);
  });

  it('active-active: each region reads its own write first, so the same ride ends differently', () => {
    let s = createMirror(
      {
        regions: [
          { alias: 'us', topics: [{ name: 'rides' }] },
          { alias: 'eu', topics: [{ name: 'rides' }] },
        ],
        flows: [
          { source: 'us', target: 'eu', topics: ['rides', 'eu.rides'] },
          { source: 'eu', target: 'us', topics: ['rides', 'us.rides'] },
        ],
      },
      T0,
    );
    s = produceIn(s, { region: 'us', topic: 'rides', key: 'ride-7', value: 'cancelled', eventId: 'a' }, T0).state;
    s = produceIn(s, { region: 'eu', topic: 'rides', key: 'ride-7', value: 'completed', eventId: 'b' }, T0).state;
    s = mirror(s, { source: 'us', target: 'eu' }, T0).state;
    s = mirror(s, { source: 'eu', target: 'us' }, T0).state;
    expect(ops(mirror(s, { source: 'eu', target: 'us' }, T0).effects)).toContain('cycle-skipped');
    expect(Object.keys(s.regions.us!.broker.topics).sort()).toEqual(['eu.rides', 'rides']); // no eu.us.rides
    s = consumeIn(s, { region: 'us', group: 'view-us', topics: ['rides', 'eu.rides'] }, T0).state;
    s = consumeIn(s, { region: 'eu', group: 'view-eu', topics: ['rides', 'us.rides'] }, T0).state;
    expect(s.apps['view-us']!.rows['ride-7']).toBe('completed');
    expect(s.apps['view-eu']!.rows['ride-7']).toBe('cancelled');
  });

  it('Identity both ways copies a record back and forth (a loop)', () => {
    let s = createMirror(
      {
        regions: [
          { alias: 'us', topics: [{ name: 'rides' }] },
          { alias: 'eu', topics: [{ name: 'rides' }] },
        ],
        flows: [
          { source: 'us', target: 'eu', topics: ['rides'], policy: 'identity' },
          { source: 'eu', target: 'us', topics: ['rides'], policy: 'identity' },
        ],
      },
      T0,
    );
    s = produceIn(s, { region: 'us', topic: 'rides', key: 'r', value: 1, eventId: 'a' }, T0).state;
    for (let i = 0; i < 2; i++) {
      s = mirror(s, { source: 'us', target: 'eu' }, T0).state;
      s = mirror(s, { source: 'eu', target: 'us' }, T0).state;
    }
    expect(logEndOffset(s.regions.us!.broker, 'rides', 0)).toBe(3);
    expect(logEndOffset(s.regions.eu!.broker, 'rides', 0)).toBe(2);
  });
});
