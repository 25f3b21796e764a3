import { describe, expect, it } from 'vitest';
import { createBroker } from '../../engine/broker/brokerState';
import * as broker from '../../engine/broker';
import { rateLine, recentAppends } from './partitionRate';

function topicWith(sends: { key: string | null; at: number }[], partitions = 3) {
  let s = broker.createTopic(createBroker({ seed: 1 }), { name: 't', partitions }, 0).state;
  for (const x of sends) s = broker.produce(s, { topic: 't', key: x.key, value: 'v', partition: 0 }, x.at).state;
  return s.topics.t!;
}

describe('recentAppends', () => {
  it('counts only records written in the last minute before now', () => {
    const t = topicWith([
      { key: 'a', at: 1_000 },
      { key: 'a', at: 30_000 },
      { key: 'a', at: 70_000 },
    ]);
    expect(recentAppends(t, 70_000)).toEqual([2, 0, 0]);
    expect(recentAppends(t, 200_000)).toEqual([0, 0, 0]);
    expect(recentAppends(t, 60_999)).toEqual([2, 0, 0]);
  });
});

describe('rateLine', () => {
  it('names the hot partition’s share when it takes more than half of the writes', () => {
    expect(rateLine([1, 6, 1, 0])).toBe('written in the last minute: P0 1 · P1 6 (75%) · P2 1 · P3 0');
    expect(rateLine([2, 2, 2])).toBe('written in the last minute: P0 2 · P1 2 · P2 2');
    expect(rateLine([0, 0])).toBeNull();
  });
});
