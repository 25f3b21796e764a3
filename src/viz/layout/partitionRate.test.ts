import { describe, expect, it } from 'vitest';
import { createBroker } from '../../engine/broker/brokerState';
import * as broker from '../../engine/broker';
import { HOT_MIN_WRITES, hotPartition, hotWords, recentAppends } from './partitionRate';

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
  it('names the partition that took more than half of the writes, with its share and the count it is measured over', () => {
    expect(hotPartition([1, 6, 1, 0])).toEqual({ partition: 1, percent: 75, writes: 6, total: 8 });
    expect(hotPartition([2, 2, 2, 2])).toBeNull();
    expect(hotPartition([4, 4])).toBeNull();
    expect(hotPartition([0, 0])).toBeNull();
  });

  it('needs a sample: one write is not a hot partition, nor is 5 of 7', () => {
    expect(hotPartition([0, 1, 0])).toBeNull();
    expect(hotPartition([2, 0])).toBeNull();
    expect(hotPartition([1, 5, 1])).toBeNull();
    expect(HOT_MIN_WRITES).toBe(8);
    expect(hotPartition([1, 6, 1])).toMatchObject({ partition: 1, total: 8 });
  });

  it('says what it is measured over, shorter where the topic box is narrow', () => {
    expect(hotWords({ partition: 0, percent: 67, total: 9 })).toEqual([
      "hot: P0, 67% of the last minute's 9 writes",
      'hot: P0, 67% of 9 writes in 1 min',
      'hot: P0',
    ]);
  });
});
