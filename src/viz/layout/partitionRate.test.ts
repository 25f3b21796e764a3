import { describe, expect, it } from 'vitest';
import { createBroker } from '../../engine/broker/brokerState';
import * as broker from '../../engine/broker';
import { hotPartition, recentAppends } from './partitionRate';

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

describe('hotPartition', () => {
  it('names the partition that took more than half of the writes, with its share', () => {
    expect(hotPartition([1, 6, 1, 0])).toEqual({ partition: 1, percent: 75 });
    expect(hotPartition([2, 2, 2])).toBeNull();
    expect(hotPartition([3, 3])).toBeNull();
    expect(hotPartition([0, 0])).toBeNull();
  });
});
