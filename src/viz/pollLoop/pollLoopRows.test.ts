import { describe, expect, it } from 'vitest';
import {
  createBroker,
  createTopic,
  pausePartitions,
  pollAndProcess,
  produce,
  startConsumer,
} from '../../engine/broker';
import { pollLoopRows } from './pollLoopRows';

const G = 'packing';
function world() {
  let s = createTopic(createBroker({ seed: 1 }), { name: 'orders', partitions: 2 }, 0).state;
  for (let i = 0; i < 12; i++)
    s = produce(s, { topic: 'orders', key: null, value: i, partition: i % 2, producerId: 'shop' }, 0).state;
  const opts = { groupId: G, topics: ['orders'], autoOffsetReset: 'earliest' as const, maxPollIntervalMs: 30_000 };
  s = startConsumer(s, { ...opts, memberId: 'packer-a', maxPollRecords: 5 }, 1).state;
  s = startConsumer(s, { ...opts, memberId: 'packer-b', groupInstanceId: 'b', maxPollRecords: 5 }, 1).state;
  return s;
}

describe('poll loop rows', () => {
  it('a batch within its deadline: a bar short of the line, committed', () => {
    const s = pollAndProcess(world(), { groupId: G, memberId: 'packer-a', perRecordMs: 2000 }, 2).state;
    const [a, b] = pollLoopRows(s);
    expect(a!.batch).toMatchObject({ records: 5, ms: 10_000, missed: false, committed: true });
    expect(a!.batch!.barEnd).toBeLessThan(a!.batch!.deadlineAt);
    expect(a!.batch!.text).toBe('5 records × 2 s = 10 s: within the 30 s poll deadline; committed');
    expect(a!.partitions).toEqual([{ name: 'orders-0', paused: false, lag: 1 }]);
    expect(b!.kind).toBe('static (group.instance.id b)');
    expect(b!.batch).toBeNull();
  });

  it('a batch past its deadline: the bar crosses the line, and the static member is said to wait unread', () => {
    const s = pollAndProcess(world(), { groupId: G, memberId: 'packer-b', perRecordMs: 8000 }, 2).state;
    const b = pollLoopRows(s)[1]!;
    expect(b.batch!.missed).toBe(true);
    expect(b.batch!.barEnd).toBe(1);
    expect(b.batch!.deadlineAt).toBeCloseTo(0.75);
    expect(b.batch!.text).toMatch(/missed the 30 s poll deadline by 10 s; commit failed/);
    expect(b.status).toMatch(/no LeaveGroup \(static\)/);
    expect(b.problem).toBe(true);
  });

  it('a paused partition is marked', () => {
    const s = pausePartitions(
      world(),
      { groupId: G, memberId: 'packer-a', partitions: [{ topic: 'orders', partition: 0 }] },
      3,
    ).state;
    expect(pollLoopRows(s)[0]!.partitions[0]).toMatchObject({ name: 'orders-0', paused: true, lag: null });
  });
  it('a batch timed as a whole (no whole number of ms per record) says its records and total, never a long decimal', () => {
    const s = pollAndProcess(
      world(),
      { groupId: G, memberId: 'packer-a', perRecordMs: 3_000 / 7, batchMs: 3_000 },
      2,
    ).state;
    const text = pollLoopRows(s)[0]!.batch!.text;
    expect(text).toBe('5 records in 3 s: within the 30 s poll deadline; committed');
  });
});
