/** Given/when/then: the durability cases of issue 16 (acks, min.insync.replicas, failover, elections). */
import { describe, expect, it } from 'vitest';
import {
  consumerFetch,
  crashBroker,
  createCluster,
  createReplicatedTopic,
  electUncleanLeader,
  followerFetch,
  partitionOf,
  produce,
  restartBroker,
  tick,
  type Acks,
  type ClusterState,
  type TopicRequest,
} from './index';
import { kinds, only, pure } from './testing';

const T = 'payments';

function cluster(topic: Partial<TopicRequest> = {}, eligibleLeaderReplicas = false): ClusterState {
  const s = createCluster({ eligibleLeaderReplicas });
  return createReplicatedTopic(s, { name: T, replicationFactor: 3, ...topic }).state;
}

/** A tiny driver: every call runs on a frozen state and keeps every effect. */
function world(initial: ClusterState) {
  let s = initial;
  let now = 0;
  const log: ReturnType<typeof produce>['effects'] = [];
  const step = <R extends { state: ClusterState; effects: typeof log }>(op: (s: ClusterState) => R): R => {
    const r = pure(s, op);
    s = r.state;
    log.push(...r.effects);
    return r;
  };
  return {
    get state() {
      return s;
    },
    produce: (value: string, acks: Acks, producer = 'p1') =>
      step((x) => produce(x, { producer, topic: T, partition: 0, value, acks }, now)),
    fetch: (follower: number) => step((x) => followerFetch(x, { topic: T, partition: 0, follower }, now)),
    consume: (consumer = 'c1') => step((x) => consumerFetch(x, { consumer, topic: T, partition: 0 }, now)),
    crash: (b: number) => step((x) => crashBroker(x, b, now)),
    restart: (b: number) => step((x) => restartBroker(x, b, now)),
    tick: (ms: number) => {
      now += ms;
      return step((x) => tick(x, now));
    },
    part: () => partitionOf(s, T, 0),
    values: (b: number) => partitionOf(s, T, 0).logs[b]!.records.map((r) => r.value),
  };
}

describe('acks=1: the leader answers before any follower has the record', () => {
  it('loses an acknowledged record when the leader dies before the followers copy it', () => {
    const w = world(cluster());
    const sent = w.produce('charge-1', 1);
    expect(only(sent.effects, 'replica-ack-sent')).toMatchObject([{ offset: 0, acks: 1, error: null }]);
    expect(w.part().logs[1]!.highWatermark).toBe(0); // followers have not fetched: not committed

    const crash = w.crash(1);
    expect(only(crash.effects, 'leader-elected')).toMatchObject([{ leader: 2, how: 'isr', lostOffsets: [] }]);
    expect(only(w.consume().effects, 'consumer-fetched')[0]!.offsets).toEqual([]);

    w.restart(1);
    const back = w.fetch(1);
    expect(only(back.effects, 'replica-truncated')).toMatchObject([{ broker: 1, from: 1, to: 0 }]);
    expect(only(back.effects, 'replica-truncated')[0]!.removed).toEqual([{ offset: 0, leaderEpoch: 0 }]);
    expect([w.values(1), w.values(2), w.values(3)]).toEqual([[], [], []]);
  });

  it('acks=0 gets no answer at all', () => {
    const w = world(cluster());
    const r = w.produce('x', 0);
    expect(kinds(r.effects)).toContain('replica-ack-not-requested');
    expect(only(r.effects, 'replica-ack-sent')).toEqual([]);
  });
});

describe('acks=all with min.insync.replicas=2', () => {
  it('acknowledges only when every in-sync replica has the record, and it survives the leader', () => {
    const w = world(cluster({ minInsyncReplicas: 2 }));
    const sent = w.produce('charge-1', 'all');
    expect(only(sent.effects, 'replica-ack-waiting')).toMatchObject([{ offset: 0, waitingFor: [2, 3] }]);
    w.fetch(2);
    w.fetch(3); // both copied offset 0, but the leader learns it only from their next fetch
    expect(only(w.fetch(2).effects, 'replica-ack-sent')).toEqual([]);
    const acked = w.fetch(3);
    expect(only(acked.effects, 'hw-advanced')).toMatchObject([{ from: 0, to: 1 }]);
    expect(only(acked.effects, 'replica-ack-sent')).toMatchObject([{ offset: 0, acks: 'all', error: null }]);

    w.crash(1);
    expect(w.part().leader).toBe(2);
    w.consume(); // the new leader learns the followers' ends from their fetches
    w.fetch(3);
    expect(only(w.consume().effects, 'consumer-fetched').at(-1)!.offsets).toEqual([0]);
    expect(w.values(2)).toEqual(['charge-1']);
  });

  it('waits for a slow in-sync follower until replica.lag.time.max.ms drops it from the ISR', () => {
    const w = world(cluster({ minInsyncReplicas: 2 }));
    w.tick(10_000); // brokers 2 and 3 last caught up at 0 ms
    w.produce('charge-1', 'all');
    w.fetch(2);
    w.fetch(2);
    expect(w.part().pendingAcks).toHaveLength(1); // broker 3 has not copied it yet
    expect(only(w.tick(20_000).effects, 'isr-shrunk')).toEqual([]); // 30 s since 3 caught up: still in sync
    const late = w.tick(1);
    expect(only(late.effects, 'isr-shrunk')).toMatchObject([{ removed: [3], isr: [1, 2] }]);
    expect(only(late.effects, 'replica-ack-sent')).toMatchObject([{ offset: 0, error: null }]);
  });

  it('answers REQUEST_TIMED_OUT after request.timeout.ms, though the record stays in the leader log', () => {
    const slow = world(cluster({ minInsyncReplicas: 2 }));
    slow.produce('charge-1', 'all');
    const expired = slow.tick(30_000);
    expect(only(expired.effects, 'replica-ack-sent')).toMatchObject([{ offset: 0, error: 'REQUEST_TIMED_OUT' }]);
    expect(slow.values(1)).toEqual(['charge-1']);
  });
});

describe('too few in-sync replicas', () => {
  it('refuses acks=all with NOT_ENOUGH_REPLICAS while acks=1 still succeeds (and stays invisible)', () => {
    const w = world(cluster({ minInsyncReplicas: 2 }));
    w.crash(2);
    w.crash(3);
    expect(w.part().isr).toEqual([1]);
    const refused = w.produce('charge-1', 'all');
    expect(only(refused.effects, 'replica-produce-refused')).toMatchObject([{ error: 'NOT_ENOUGH_REPLICAS' }]);
    expect(w.values(1)).toEqual([]);
    const one = w.produce('charge-2', 1);
    expect(only(one.effects, 'replica-ack-sent')).toMatchObject([{ offset: 0, error: null }]);
    expect(kinds(one.effects)).toContain('hw-held'); // Kafka 3.7+: no HW advance below min ISR
    expect(only(w.consume().effects, 'consumer-fetched')[0]!.offsets).toEqual([]);
  });
});

describe('leader election', () => {
  /** x committed on all three; broker 3 drops out; y and z committed on 1 and 2 only. */
  function committedThenStale(unclean: boolean) {
    const w = world(cluster({ uncleanLeaderElection: unclean }));
    w.produce('x', 'all');
    for (const b of [2, 3, 2, 3]) w.fetch(b);
    w.crash(3);
    w.produce('y', 'all');
    w.produce('z', 'all');
    w.fetch(2);
    const acked = w.fetch(2);
    expect(only(acked.effects, 'replica-ack-sent').map((e) => e.offset)).toEqual([1, 2]);
    w.crash(2);
    const off = w.crash(1);
    expect(kinds(off.effects)).toContain('partition-offline');
    expect(w.part().isr).toEqual([1]); // the last in-sync replica stays in the ISR while down
    return w;
  }

  it('unclean election brings back a stale replica and loses acknowledged records', () => {
    const w = committedThenStale(true);
    const back = w.restart(3);
    expect(only(back.effects, 'leader-elected')).toMatchObject([{ leader: 3, how: 'unclean', lostOffsets: [1, 2] }]);
    w.restart(1);
    const cut = w.fetch(1);
    expect(only(cut.effects, 'replica-truncated')[0]!.removed.map((r) => r.offset)).toEqual([1, 2]);
    expect(w.values(1)).toEqual(['x']);
  });

  it('an unclean leader whose log is as long as the committed one but diverged still loses what differs', () => {
    const w = world(cluster({ uncleanLeaderElection: true }));
    w.produce('x', 'all');
    for (const b of [2, 3, 2, 3]) w.fetch(b);
    w.produce('w', 1); // offset 1 in epoch 0, on broker 1 …
    w.fetch(3); // … and copied by broker 3 only: never committed
    w.crash(1); // broker 2 leads in epoch 1 without it
    w.crash(3);
    w.produce('y', 'all'); // offset 1 in epoch 1, committed by the ISR [2]
    expect(w.part().logs[2]!.highWatermark).toBe(2);
    w.crash(2);
    const back = w.restart(3); // unclean: broker 3's [x, w] is as long as the committed [x, y]
    expect(w.values(3)).toEqual(['x', 'w']);
    const elected = only(back.effects, 'leader-elected');
    expect(elected).toMatchObject([{ leader: 3, how: 'unclean', lostOffsets: [1] }]);
    expect(elected[0]!.reason).toContain('differs from the committed one, so committed offset 1 is lost');
  });

  it('without unclean election the partition waits for the last in-sync replica', () => {
    const w = committedThenStale(false);
    expect(kinds(w.restart(3).effects)).not.toContain('leader-elected');
    expect(w.part().leader).toBeNull();
    const back = w.restart(1);
    expect(only(back.effects, 'leader-elected')).toMatchObject([{ leader: 1, how: 'isr', lostOffsets: [] }]);
    w.fetch(3);
    expect(w.values(3)).toEqual(['x', 'y', 'z']);
  });

  it('an admin can force an unclean election even when the topic does not allow it', () => {
    const w = committedThenStale(false);
    w.restart(3);
    const forced = pure(w.state, (s) => electUncleanLeader(s, T, 0, 0));
    expect(only(forced.effects, 'leader-elected')).toMatchObject([{ leader: 3, how: 'unclean' }]);
  });

  it('with Eligible Leader Replicas (KIP-966) a replica that left a too-small ISR can still lead', () => {
    const w = world(cluster({ minInsyncReplicas: 2 }, true));
    w.produce('x', 'all');
    for (const b of [2, 3, 2, 3]) w.fetch(b);
    w.produce('y', 1);
    w.tick(20_000);
    w.fetch(2);
    w.fetch(2);
    w.tick(15_000); // 3 has not caught up for 35 s (a follower at the leader's end would stay)
    expect(w.part()).toMatchObject({ isr: [1, 2], elr: [] });
    w.produce('z', 1);
    w.tick(31_000); // now 2 is behind too: the ISR falls below min ISR
    expect(w.part()).toMatchObject({ isr: [1], elr: [2] });
    const crash = w.crash(1);
    expect(only(crash.effects, 'leader-elected')).toMatchObject([{ leader: 2, how: 'elr', lostOffsets: [] }]);
  });
});

describe('what clients see during a failover', () => {
  it('a producer with stale metadata gets NOT_LEADER_OR_FOLLOWER, refreshes and retries on the new leader', () => {
    const w = world(cluster());
    w.produce('a', 1);
    for (const b of [2, 3, 2, 3]) w.fetch(b);
    w.crash(1);
    w.restart(1); // up again, but broker 2 leads now
    const r = w.produce('b', 1);
    expect(kinds(r.effects)).toEqual([
      'replica-produce-refused',
      'client-metadata-refreshed',
      'replica-appended',
      'replica-ack-sent',
    ]);
    expect(only(r.effects, 'replica-appended')[0]).toMatchObject({ broker: 2, offset: 1, leaderEpoch: 1 });
  });

  it("a new leader's high watermark can lag the old one's until followers fetch: consumers wait, nothing is lost", () => {
    const w = world(cluster());
    w.produce('a', 'all');
    for (const b of [2, 3, 2, 3]) w.fetch(b);
    expect(w.part().logs[1]!.highWatermark).toBe(1);
    expect(w.part().logs[2]!.highWatermark).toBe(0); // broker 2 fetched before the leader's HW moved
    const crash = w.crash(1);
    expect(only(crash.effects, 'leader-elected')).toMatchObject([{ leader: 2, lostOffsets: [] }]);
    expect(only(w.consume().effects, 'consumer-fetched')[0]).toMatchObject({
      offsets: [],
      highWatermark: 0,
      logEndOffset: 1,
    });
    expect(only(w.fetch(3).effects, 'hw-advanced')).toMatchObject([{ broker: 2, from: 0, to: 1 }]);
    expect(only(w.consume().effects, 'consumer-fetched')[0]!.offsets).toEqual([0]);
  });

  it('a consumer fails one fetch against the dead leader, then continues on the new one', () => {
    const w = world(cluster());
    w.produce('a', 'all');
    for (const b of [2, 3, 2, 3]) w.fetch(b);
    expect(only(w.consume().effects, 'consumer-fetched')[0]!.offsets).toEqual([0]);
    w.crash(1);
    expect(only(w.consume().effects, 'consumer-fetch-failed')).toMatchObject([{ error: 'NETWORK_EXCEPTION' }]);
    w.produce('b', 'all');
    for (const b of [3, 3]) w.fetch(b);
    expect(only(w.consume().effects, 'consumer-fetched')[0]!.offsets).toEqual([1]);
  });

  it('after an unclean election a consumer that read lost records detects the truncation (KIP-320)', () => {
    const w = world(cluster({ uncleanLeaderElection: true }));
    w.produce('a', 1);
    w.fetch(2);
    w.fetch(3);
    w.crash(3);
    w.produce('b', 1);
    w.fetch(2);
    w.fetch(2); // HW = 2 on leader 1 (ISR 1, 2)
    expect(only(w.consume().effects, 'consumer-fetched')[0]!.offsets).toEqual([0, 1]);
    w.crash(2);
    w.crash(1);
    w.restart(3); // unclean: log [a]
    w.produce('c', 1);
    w.consume(); // NETWORK_EXCEPTION against broker 1, refresh
    const r = w.consume();
    expect(only(r.effects, 'consumer-truncation-detected')).toMatchObject([{ from: 2, to: 1 }]);
    expect(only(r.effects, 'consumer-fetched')[0]!.offsets).toEqual([1]);
    expect(w.values(3)).toEqual(['a', 'c']);
  });
});
