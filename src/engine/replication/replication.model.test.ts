/**
 * Model-based property test: any sequence of produce / follower fetch / consumer fetch / crash / restart /
 * unclean election / time keeps Kafka's replication guarantees:
 * - a record acknowledged with acks=all (only possible while the ISR is at least min ISR) is never lost
 *   without an unclean election, and neither is any record a consumer has read;
 * - consumers never read at or past the high watermark;
 * - on a leader, within one leader epoch, the high watermark never goes back (it may be lower on a newly
 *   elected leader, which learns the followers' ends from their next fetches, but that leader still holds
 *   every committed record; it drops below committed records only through an unclean election);
 * - two replicas with a record of the same epoch at the same offset hold the same record (log matching);
 * - the leader is up and in the ISR; without ELR the ISR is never empty.
 */
import { describe, it } from 'vitest';
import fc from 'fast-check';
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
  type ClusterState,
  type ReplicationStep,
} from './index';
import { only, pure } from './testing';

type Cmd =
  | { k: 'produce'; acks: 0 | 1 | 'all'; producer: 'p1' | 'p2' }
  | { k: 'fetch'; b: number }
  | { k: 'consume'; c: 'c1' | 'c2' }
  | { k: 'crash'; b: number }
  | { k: 'restart'; b: number }
  | { k: 'tick'; ms: number }
  | { k: 'unclean' };

const broker = fc.integer({ min: 1, max: 3 });
const cmd: fc.Arbitrary<Cmd> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      k: fc.constant('produce' as const),
      acks: fc.constantFrom<0 | 1 | 'all'>(0, 1, 'all'),
      producer: fc.constantFrom('p1' as const, 'p2' as const),
    }),
  },
  { weight: 6, arbitrary: fc.record({ k: fc.constant('fetch' as const), b: broker }) },
  {
    weight: 2,
    arbitrary: fc.record({ k: fc.constant('consume' as const), c: fc.constantFrom('c1' as const, 'c2' as const) }),
  },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('crash' as const), b: broker }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('restart' as const), b: broker }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('tick' as const), ms: fc.constantFrom(1_000, 10_000, 31_000) }) },
  { weight: 1, arbitrary: fc.constant({ k: 'unclean' as const }) },
);

const T = 't';

function fail(what: string): never {
  throw new Error(what);
}

function check(
  s: ClusterState,
  acked: Map<number, string>,
  read: Map<number, string>,
  hwByEpoch: Map<number, number>,
  lossy: boolean,
) {
  const p = partitionOf(s, T, 0);
  if (p.leader !== null) {
    if (s.online[p.leader] !== true) fail(`leader ${p.leader} is down`);
    if (!p.isr.includes(p.leader)) fail(`leader ${p.leader} not in ISR ${p.isr}`);
    const log = p.logs[p.leader]!;
    if (log.highWatermark > log.records.length) fail('HW past the log end');
    const prev = hwByEpoch.get(p.leaderEpoch);
    if (prev !== undefined && log.highWatermark < prev)
      fail(`HW went back in epoch ${p.leaderEpoch}: ${prev} → ${log.highWatermark}`);
    hwByEpoch.set(p.leaderEpoch, log.highWatermark);
    if (!lossy) {
      for (const [o, v] of acked) if (log.records[o]?.value !== v) fail(`acks=all record ${v}@${o} lost`);
      for (const [o, v] of read) if (log.records[o]?.value !== v) fail(`record ${v}@${o} a consumer read is lost`);
    }
  }
  if (!s.options.eligibleLeaderReplicas && p.isr.length === 0) fail('empty ISR without ELR');
  const logs = p.replicas.map((b) => p.logs[b]!.records);
  for (let i = 0; i < logs.length; i++)
    for (let j = i + 1; j < logs.length; j++)
      for (let o = 0; o < Math.min(logs[i]!.length, logs[j]!.length); o++) {
        const a = logs[i]![o]!;
        const b = logs[j]![o]!;
        if (a.leaderEpoch === b.leaderEpoch && a.value !== b.value) fail(`log matching broken at ${o}`);
      }
}

/** What the generated runs reached, so the property is known to cover the interesting cases. */
const seen = new Map<string, number>();
const count = (k: string) => seen.set(k, (seen.get(k) ?? 0) + 1);

function run(cmds: Cmd[], opts: { minIsr: number; unclean: boolean; elr: boolean }) {
  let s = createCluster({ eligibleLeaderReplicas: opts.elr });
  s = createReplicatedTopic(s, {
    name: T,
    replicationFactor: 3,
    minInsyncReplicas: opts.minIsr,
    uncleanLeaderElection: opts.unclean,
  }).state;
  let now = 0;
  let n = 0;
  let lossy = false;
  const acked = new Map<number, string>();
  const read = new Map<number, string>();
  const hwByEpoch = new Map<number, number>();
  for (const c of cmds) {
    const op = (x: ClusterState): ReplicationStep => {
      switch (c.k) {
        case 'produce':
          return produce(x, { producer: c.producer, topic: T, partition: 0, value: `v${n++}`, acks: c.acks }, now);
        case 'fetch':
          return followerFetch(x, { topic: T, partition: 0, follower: c.b }, now);
        case 'consume':
          return consumerFetch(x, { consumer: c.c, topic: T, partition: 0 }, now);
        case 'crash':
          return crashBroker(x, c.b, now);
        case 'restart':
          return restartBroker(x, c.b, now);
        case 'tick':
          now += c.ms;
          return tick(x, now);
        case 'unclean':
          return electUncleanLeader(x, T, 0, now);
      }
    };
    const r = pure(s, op);
    s = r.state;
    for (const e of r.effects)
      count(
        e.kind === 'leader-elected' ? `leader-elected:${e.how}${e.lostOffsets.length > 0 ? ':lossy' : ''}` : e.kind,
      );
    for (const e of only(r.effects, 'leader-elected')) {
      if (e.how === 'unclean') lossy = true;
      else if (!lossy && e.lostOffsets.length > 0) fail(`a ${e.how} election lost offsets ${e.lostOffsets}`);
    }
    const p = partitionOf(s, T, 0);
    for (const e of only(r.effects, 'replica-ack-sent'))
      if (e.acks === 'all' && e.error === null)
        acked.set(e.offset, String(p.logs[p.leader!]!.records[e.offset]!.value));
    for (const e of only(r.effects, 'consumer-fetched')) {
      for (const o of e.offsets) {
        if (o >= e.highWatermark) fail(`consumer read ${o} at or past the high watermark ${e.highWatermark}`);
        read.set(o, String(p.logs[e.broker]!.records[o]!.value));
      }
    }
    if (only(r.effects, 'consumer-truncation-detected').length > 0 && !lossy)
      fail('truncation seen without an unclean election');
    check(s, acked, read, hwByEpoch, lossy);
  }
}

describe('replication model', () => {
  it('keeps its guarantees under any sequence of produce, fetch, crash, restart, election and time', () => {
    fc.assert(
      fc.property(
        fc.array(cmd, { minLength: 20, maxLength: 100 }),
        fc.record({ minIsr: fc.integer({ min: 1, max: 3 }), unclean: fc.boolean(), elr: fc.boolean() }),
        (cmds, opts) => run(cmds, opts),
      ),
      { numRuns: 400 },
    );
    for (const k of [
      'hw-advanced',
      'hw-held',
      'isr-expanded',
      'isr-shrunk',
      'elr-changed',
      'leader-elected:isr',
      'leader-elected:elr',
      'leader-elected:unclean:lossy',
      'replica-truncated',
      'replica-ack-lost',
      'replica-produce-refused',
    ])
      if (!seen.has(k)) throw new Error(`no generated run reached ${k}: ${JSON.stringify([...seen])}`);
  });
});
