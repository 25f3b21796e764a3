/**
 * Model-based property test of transactions: any sequence of init / begin / send / sendOffsets / commit /
 * abort / restart / timeout by two instances sharing one transactional.id (so zombies happen), plain
 * sends, and polls by a read_committed and a read_uncommitted consumer keeps:
 * - read_committed never receives a record of an aborted or still-open transaction;
 * - no consumer ever receives a transaction marker;
 * - the group's committed offset changes exactly when a transaction carrying offsets commits, to them.
 */
import { describe, it } from 'vitest';
import fc from 'fast-check';
import type { BrokerEffect } from '../types';
import { createBroker, type BrokerState, type LogRecord } from './brokerState';
import { createProducer, produce, restartProducer } from './producer';
import { createTopic } from './topic';
import { joinGroup } from './group';
import { poll } from './consumer';
import { committedOffset } from './offsets';
import { deepFreeze } from './testing';
import {
  abortTransaction,
  beginTransaction,
  commitTransaction,
  initTransactions,
  sendInTransaction,
  sendOffsetsToTransaction,
} from './transactions';
import { expireTransactions } from './txnEnd';
import type { TxnEffect } from './txnEffects';

type Who = 'a' | 'b';
type Cmd =
  | { k: 'init' | 'begin' | 'commit' | 'abort' | 'restart'; who: Who }
  | { k: 'send'; who: Who; partition: number }
  | { k: 'offsets'; who: Who; offset: number }
  | { k: 'plain'; partition: number }
  | { k: 'poll'; group: 'rc' | 'ru' }
  | { k: 'time'; ms: number };

const who = fc.constantFrom<Who>('a', 'b');
const cmd: fc.Arbitrary<Cmd> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ k: fc.constantFrom('init' as const, 'restart' as const), who }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('begin' as const), who }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constantFrom('commit' as const, 'abort' as const), who }) },
  {
    weight: 6,
    arbitrary: fc.record({ k: fc.constant('send' as const), who, partition: fc.integer({ min: 0, max: 1 }) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ k: fc.constant('offsets' as const), who, offset: fc.integer({ min: 0, max: 50 }) }),
  },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('plain' as const), partition: fc.integer({ min: 0, max: 1 }) }) },
  {
    weight: 4,
    arbitrary: fc.record({ k: fc.constant('poll' as const), group: fc.constantFrom('rc' as const, 'ru' as const) }),
  },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('time' as const), ms: fc.constantFrom(1_000, 30_000, 61_000) }) },
);

type Any = BrokerEffect | TxnEffect;
const fail = (what: string): never => {
  throw new Error(what);
};
const seen = new Set<string>();

function run(cmds: Cmd[]) {
  let s: BrokerState = createBroker({ seed: 3 });
  s = createTopic(s, { name: 'out', partitions: 2 }, 0).state;
  s = createTopic(s, { name: 'in', partitions: 1 }, 0).state;
  for (const id of ['a', 'b']) s = createProducer(s, { producerId: id, transactionalId: 'tx' }, 0).state;
  for (const g of ['rc', 'ru'] as const)
    s = joinGroup(
      s,
      {
        groupId: g,
        memberId: g,
        topics: ['out'],
        autoOffsetReset: 'earliest',
        isolationLevel: g === 'rc' ? 'read_committed' : 'read_uncommitted',
      },
      0,
    ).state;
  let now = 0;
  let n = 0;
  let ongoing: string[] = []; // values written by the coordinator's current transaction
  let pending: number | null = null; // offsets carried by it
  let committed: number | null = null;
  const fate = new Map<string, 'committed' | 'aborted'>();
  for (const c of cmds) {
    now += c.k === 'time' ? c.ms : 1;
    const frozen = deepFreeze(s);
    let r: { state: BrokerState; effects: Any[]; records?: LogRecord[] };
    switch (c.k) {
      case 'init':
        r = initTransactions(frozen, { producerId: c.who }, now);
        break;
      case 'restart':
        r = restartProducer(frozen, c.who, now);
        break;
      case 'begin':
        r = beginTransaction(frozen, { producerId: c.who }, now);
        break;
      case 'commit':
        r = commitTransaction(frozen, { producerId: c.who }, now);
        break;
      case 'abort':
        r = abortTransaction(frozen, { producerId: c.who }, now);
        break;
      case 'send':
        r = sendInTransaction(
          frozen,
          { producerId: c.who, topic: 'out', partition: c.partition, key: null, value: `t${n++}` },
          now,
        );
        break;
      case 'offsets':
        r = sendOffsetsToTransaction(
          frozen,
          { producerId: c.who, groupId: 'svc', offsets: [{ topic: 'in', partition: 0, offset: c.offset }] },
          now,
        );
        break;
      case 'plain':
        r = produce(frozen, { topic: 'out', partition: c.partition, key: null, value: `p${n++}` }, now);
        break;
      case 'poll':
        r = poll(frozen, { groupId: c.group, memberId: c.group }, now);
        break;
      case 'time':
        r = expireTransactions(frozen, now);
        break;
    }
    s = r.state;
    for (const e of r.effects) {
      seen.add(
        e.kind === 'txn-aborted'
          ? `txn-aborted:${e.cause}`
          : e.kind === 'txn-fenced'
            ? `txn-fenced:${e.error}`
            : e.kind,
      );
      if (e.kind === 'record-appended' && c.k === 'send') ongoing.push(`t${n - 1}`);
      if (e.kind === 'txn-offsets-sent') pending = e.offsets[0]!.offset;
      if (e.kind === 'txn-committed' || e.kind === 'txn-aborted') {
        for (const v of ongoing) fate.set(v, e.kind === 'txn-committed' ? 'committed' : 'aborted');
        if (e.kind === 'txn-committed' && pending !== null) committed = pending;
        ongoing = [];
        pending = null;
      }
    }
    for (const rec of r.records ?? []) {
      if (rec.control) fail(`a consumer received the ${rec.control} marker at ${rec.offset}`);
      const v = String(rec.value);
      if (c.k === 'poll' && c.group === 'rc' && v.startsWith('t') && fate.get(v) !== 'committed')
        fail(`read_committed received ${v}, which is ${fate.get(v) ?? 'in an open transaction'}`);
    }
    const actual = committedOffset(s, 'svc', 'in', 0);
    if (actual !== committed) fail(`group offset is ${actual}, expected ${committed}`);
  }
}

describe('transactions model', () => {
  it('read_committed never sees aborted or open records; offsets are committed iff their transaction commits', () => {
    fc.assert(
      fc.property(fc.array(cmd, { minLength: 30, maxLength: 120 }), (cmds) => run(cmds)),
      { numRuns: 400 },
    );
    for (const k of [
      'txn-committed',
      'txn-aborted:application',
      'txn-aborted:fenced',
      'txn-aborted:timeout',
      'txn-fenced:PRODUCER_FENCED',
      'txn-fenced:INVALID_PRODUCER_EPOCH',
      'offset-committed',
      'txn-marker-written',
      'records-fetched',
    ])
      if (!seen.has(k)) throw new Error(`no generated run reached ${k}`);
  });
});
