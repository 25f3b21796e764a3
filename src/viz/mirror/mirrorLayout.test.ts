import { describe, expect, it } from 'vitest';
import { consumeIn, emitCheckpoints, failover, mirror, produceIn, regionDown } from '../../engine/mirror';
import { T0, twoRegions } from '../../engine/mirror/mirror.testkit';
import { layoutMirror } from './mirrorLayout';

function run() {
  let s = twoRegions();
  for (let i = 1; i <= 5; i++)
    s = produceIn(s, { region: 'us', topic: 'rides', key: `ride-${i}`, value: {}, eventId: `rc-${i}` }, T0).state;
  s = mirror(s, { source: 'us', target: 'eu', commit: true }, T0).state;
  s = consumeIn(s, { region: 'us', group: 'billing', topics: ['rides'], max: 3 }, T0).state;
  return emitCheckpoints(s, { source: 'us', target: 'eu' }, T0).state;
}

describe('the two-regions view layout', () => {
  it('shows each copy with the offset it came from, and the checkpoint before the true position', () => {
    const { regions, flows } = layoutMirror(run());
    const copy = regions.find((r) => r.alias === 'eu')!.topics.find((t) => t.topic === 'us.rides')!;
    expect(copy.source).toBe('us');
    expect(copy.cells.map((c) => [c.offset, c.eventId, c.from?.offset])).toEqual([
      [0, 'rc-1', 3],
      [1, 'rc-2', 4],
      [2, 'rc-3', 5],
      [3, 'rc-4', 6],
      [4, 'rc-5', 7],
    ]);
    expect(copy.cells[1]!.marks).toEqual([{ kind: 'checkpoint', service: 'billing' }]);
    expect(copy.cells[3]!.marks).toEqual([{ kind: 'true-position', service: 'billing' }]);
    const us = regions.find((r) => r.alias === 'us')!.topics[0]!;
    expect(us.logStart).toBe(3);
    expect(us.cells.find((c) => c.offset === 6)!.marks).toEqual([{ kind: 'committed', service: 'billing' }]);
    expect(flows[0]!.syncs[0]!.syncs.map((x) => [x.upstream, x.downstream])).toEqual([
      [3, 0],
      [7, 4],
    ]);
  });

  it('after a failover shows the committed offset in eu and the duplicates', () => {
    let s = regionDown(run(), 'us').state;
    s = failover(s, { group: 'billing', from: 'us', to: 'eu' }, T0).state;
    s = consumeIn(s, { region: 'eu', group: 'billing', topics: ['us.rides'] }, T0).state;
    const { regions, services } = layoutMirror(s);
    expect(regions.find((r) => r.alias === 'us')!.down).toBe(true);
    const copy = regions.find((r) => r.alias === 'eu')!.topics.find((t) => t.topic === 'us.rides')!;
    expect(copy.endMarks).toContainEqual({ kind: 'committed', service: 'billing' });
    expect(services[0]!.duplicates).toBe(2);
    expect(services[0]!.processed.filter((p) => p.duplicate).map((p) => p.eventId)).toEqual(['rc-2', 'rc-3']);
  });
});
