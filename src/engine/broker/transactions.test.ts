/** Given/when/then: transactional producers, markers, the last stable offset and isolation levels. */
import { describe, expect, it } from 'vitest';
import type { BrokerEffect } from '../types';
import { createBroker, type BrokerState } from './brokerState';
import { createProducer, produce, restartProducer, ProducerConfigError } from './producer';
import { createTopic } from './topic';
import { joinGroup } from './group';
import { poll } from './consumer';
import { committedOffset } from './offsets';
import { recordsOf } from './log';
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
import { lastStableOffset } from './txnLog';
import type { TxnEffect } from './txnEffects';

type Any = BrokerEffect | TxnEffect;
const only = <K extends Any['kind']>(effects: readonly Any[], kind: K) =>
  effects.filter((e): e is Extract<Any, { kind: K }> => e.kind === kind);

/** A driver: every operation runs on a frozen state, so a mutation of the input throws. */
function world() {
  let s: BrokerState = createBroker({ seed: 1 });
  for (const name of ['orders', 'payments', 'ledger']) s = createTopic(s, { name, partitions: 2 }, 0).state;
  let now = 0;
  const run = <R extends { state: BrokerState; effects: Any[] }>(op: (x: BrokerState, now: number) => R): R => {
    const r = op(deepFreeze(s), ++now);
    s = r.state;
    return r;
  };
  return {
    get s() {
      return s;
    },
    run,
    producer: (producerId: string, transactionalId = 'payments-tx') =>
      run((x, t) => createProducer(x, { producerId, transactionalId }, t)),
    init: (producerId: string) => run((x, t) => initTransactions(x, { producerId }, t)),
    begin: (producerId: string) => run((x, t) => beginTransaction(x, { producerId }, t)),
    send: (producerId: string, topic: string, partition: number, value: unknown) =>
      run((x, t) => sendInTransaction(x, { producerId, topic, partition, key: null, value }, t)),
    commit: (producerId: string) => run((x, t) => commitTransaction(x, { producerId }, t)),
    abort: (producerId: string) => run((x, t) => abortTransaction(x, { producerId }, t)),
    reader: (groupId: string, isolationLevel: 'read_committed' | 'read_uncommitted', topics = ['payments']) =>
      run((x, t) =>
        joinGroup(x, { groupId, memberId: `${groupId}-1`, topics, autoOffsetReset: 'earliest', isolationLevel }, t),
      ),
    poll: (groupId: string) => run((x, t) => poll(x, { groupId, memberId: `${groupId}-1` }, t)),
  };
}

const values = (r: { records: { value: unknown }[] }) => r.records.map((x) => x.value);

describe('a transaction across two partitions', () => {
  it('is invisible to read_committed until it commits; the markers take offsets', () => {
    const w = world();
    w.producer('pay');
    expect(only(w.init('pay').effects, 'txn-initialized')).toMatchObject([
      { transactionalId: 'payments-tx', epoch: 0 },
    ]);
    w.begin('pay');
    const first = w.send('pay', 'payments', 0, 'charge');
    expect(only(first.effects, 'txn-partition-added')).toMatchObject([{ topic: 'payments', partition: 0 }]);
    w.send('pay', 'ledger', 1, 'entry');
    w.reader('committed', 'read_committed');
    w.reader('everything', 'read_uncommitted');
    expect(lastStableOffset(w.s, 'payments', 0)).toBe(0);
    expect(values(w.poll('committed'))).toEqual([]);
    expect(values(w.poll('everything'))).toEqual(['charge']);

    const done = w.commit('pay');
    expect(only(done.effects, 'txn-marker-written').map((e) => [e.topic, e.partition, e.offset, e.marker])).toEqual([
      ['payments', 0, 1, 'COMMIT'],
      ['ledger', 1, 1, 'COMMIT'],
    ]);
    expect(lastStableOffset(w.s, 'payments', 0)).toBe(2);
    const read = w.poll('committed');
    expect(values(read)).toEqual(['charge']);
    expect(only(read.effects, 'records-fetched')[0]).toMatchObject({ offsets: [0] });
    expect(only(read.effects, 'records-fetched')[0]!.reason).toMatch(/marker at 1/);
    // The next record lands after the marker: the consumer sees offsets 0, 2 (a gap at 1).
    w.begin('pay');
    w.send('pay', 'payments', 0, 'refund');
    w.commit('pay');
    expect(only(w.poll('committed').effects, 'records-fetched')[0]).toMatchObject({ offsets: [2] });
    expect(recordsOf(w.s, 'payments', 0).map((r) => r.control ?? r.value)).toEqual([
      'charge',
      'COMMIT',
      'refund',
      'COMMIT',
    ]);
  });

  it('an aborted transaction is skipped by read_committed and seen by read_uncommitted', () => {
    const w = world();
    w.producer('pay');
    w.init('pay');
    w.begin('pay');
    w.send('pay', 'payments', 0, 'charge');
    const ab = w.abort('pay');
    expect(only(ab.effects, 'txn-aborted')).toMatchObject([{ cause: 'application' }]);
    w.reader('committed', 'read_committed');
    w.reader('everything', 'read_uncommitted');
    const c = w.poll('committed');
    expect(values(c)).toEqual([]);
    expect(only(c.effects, 'records-fetched')[0]!.reason).toMatch(/skipped aborted offsets 0/);
    expect(values(w.poll('everything'))).toEqual(['charge']); // the marker is never handed over
  });

  it('the last stable offset stops read_committed at the earliest open transaction, plain records included', () => {
    const w = world();
    w.producer('pay');
    w.init('pay');
    w.begin('pay');
    w.run((x, t) => produce(x, { topic: 'payments', partition: 0, key: null, value: 'plain-0' }, t));
    w.send('pay', 'payments', 0, 'in-txn');
    w.run((x, t) => produce(x, { topic: 'payments', partition: 0, key: null, value: 'plain-2' }, t));
    w.reader('committed', 'read_committed');
    expect(values(w.poll('committed'))).toEqual(['plain-0']);
    w.commit('pay');
    expect(values(w.poll('committed'))).toEqual(['in-txn', 'plain-2']);
  });
});

describe('auto.offset.reset=latest', () => {
  it('starts a read_committed consumer at the last stable offset, a read_uncommitted one at the log end', () => {
    const w = world();
    w.producer('pay');
    w.init('pay');
    w.begin('pay');
    w.send('pay', 'payments', 0, 'open');
    for (const [g, iso] of [
      ['rc', 'read_committed'],
      ['ru', 'read_uncommitted'],
    ] as const)
      w.run((x, t) => joinGroup(x, { groupId: g, memberId: `${g}-1`, topics: ['payments'], isolationLevel: iso }, t));
    expect(only(w.poll('rc').effects, 'offset-reset-applied').find((e) => e.partition === 0)).toMatchObject({ to: 0 });
    expect(only(w.poll('ru').effects, 'offset-reset-applied').find((e) => e.partition === 0)).toMatchObject({ to: 1 });
    w.commit('pay');
    expect(values(w.poll('rc'))).toEqual(['open']);
  });
});

describe('retries inside a transaction', () => {
  it('a send retried with the next one still joins the transaction and gets its marker', () => {
    const w = world();
    w.producer('pay');
    w.init('pay');
    w.begin('pay');
    w.run((x, t) =>
      sendInTransaction(
        x,
        { producerId: 'pay', topic: 'payments', partition: 1, key: null, value: 'retried', failOnce: true },
        t,
      ),
    );
    const next = w.send('pay', 'payments', 0, 'second');
    expect(only(next.effects, 'txn-partition-added').map((e) => e.partition)).toEqual([1, 0]);
    const done = w.commit('pay');
    expect(only(done.effects, 'txn-marker-written').map((e) => e.partition)).toEqual([1, 0]);
    expect(lastStableOffset(w.s, 'payments', 1)).toBe(2);
  });
});

describe('consume, transform, produce', () => {
  function pipeline() {
    const w = world();
    for (let i = 0; i < 2; i++)
      w.run((x, t) => produce(x, { topic: 'orders', partition: 0, key: null, value: `order-${i}` }, t));
    w.producer('pay');
    w.init('pay');
    w.reader('pay-svc', 'read_committed', ['orders']);
    expect(values(w.poll('pay-svc'))).toEqual(['order-0', 'order-1']);
    w.begin('pay');
    w.send('pay', 'payments', 0, 'charged order-0 and order-1');
    const sent = w.run((x, t) =>
      sendOffsetsToTransaction(
        x,
        { producerId: 'pay', groupId: 'pay-svc', offsets: [{ topic: 'orders', partition: 0, offset: 2 }] },
        t,
      ),
    );
    expect(only(sent.effects, 'txn-offsets-sent')).toHaveLength(1);
    expect(committedOffset(w.s, 'pay-svc', 'orders', 0)).toBeNull(); // held until the commit
    return w;
  }

  it('commits the output and the consumed offsets at once', () => {
    const w = pipeline();
    const done = w.commit('pay');
    expect(only(done.effects, 'offset-committed')).toMatchObject([{ groupId: 'pay-svc', offset: 2 }]);
    expect(committedOffset(w.s, 'pay-svc', 'orders', 0)).toBe(2);
  });

  it('a crash mid-transaction: the restarted instance aborts it, and no offset is committed', () => {
    const w = pipeline();
    w.run((x, t) => restartProducer(x, 'pay', t));
    expect(only(w.begin('pay').effects, 'txn-rejected')[0]!.error).toMatch(/initTransactions/);
    const init = w.init('pay');
    expect(only(init.effects, 'txn-aborted')).toMatchObject([{ cause: 'fenced', epoch: 1 }]);
    expect(only(init.effects, 'txn-initialized')).toMatchObject([{ epoch: 2 }]);
    expect(committedOffset(w.s, 'pay-svc', 'orders', 0)).toBeNull();
    w.reader('audit', 'read_committed');
    expect(values(w.poll('audit'))).toEqual([]);
  });
});

describe('zombies', () => {
  function twoInstances() {
    const w = world();
    w.producer('pay-a');
    w.producer('pay-b');
    w.init('pay-a');
    w.begin('pay-a');
    w.send('pay-a', 'payments', 0, 'from a');
    w.init('pay-b'); // a new instance with the same transactional.id: a is now a zombie
    return w;
  }

  it('a zombie writing to a partition of its aborted transaction gets INVALID_PRODUCER_EPOCH', () => {
    const w = twoInstances();
    const r = w.send('pay-a', 'payments', 0, 'late write');
    expect(only(r.effects, 'txn-fenced')).toMatchObject([{ error: 'INVALID_PRODUCER_EPOCH', epoch: 0, current: 2 }]);
    expect(recordsOf(w.s, 'payments', 0).map((x) => x.control ?? x.value)).toEqual(['from a', 'ABORT']);
    expect(only(w.commit('pay-a').effects, 'txn-rejected')[0]!.error).toMatch(/fenced/);
  });

  it('a zombie adding a new partition gets PRODUCER_FENCED from the coordinator', () => {
    const w = twoInstances();
    expect(only(w.send('pay-a', 'ledger', 0, 'x').effects, 'txn-fenced')).toMatchObject([{ error: 'PRODUCER_FENCED' }]);
    expect(recordsOf(w.s, 'ledger', 0)).toEqual([]);
  });

  it('a transaction open longer than transaction.timeout.ms is aborted and its producer fenced', () => {
    const w = world();
    w.producer('pay');
    w.init('pay');
    w.begin('pay');
    w.send('pay', 'payments', 0, 'slow');
    const none = w.run((x) => expireTransactions(x, 60_000));
    expect(none.effects).toEqual([]);
    const expired = w.run((x) => expireTransactions(x, 70_000));
    expect(only(expired.effects, 'txn-aborted')).toMatchObject([{ cause: 'timeout' }]);
    expect(only(w.commit('pay').effects, 'txn-fenced')).toMatchObject([{ error: 'PRODUCER_FENCED' }]);
  });
});

describe('rules of the transactional producer', () => {
  it('transactional.id needs idempotence (ProducerConfig)', () => {
    expect(() =>
      createProducer(createBroker({ seed: 1 }), { producerId: 'p', transactionalId: 't', idempotent: false }, 0),
    ).toThrow(ProducerConfigError);
    expect(() =>
      createProducer(createBroker({ seed: 1 }), { producerId: 'p', transactionalId: 't', acks: 1 }, 0),
    ).toThrow(/without also enabling idempotence/);
  });

  it('refuses sends outside a transaction, and plain produce calls', () => {
    const w = world();
    w.producer('pay');
    expect(only(w.send('pay', 'payments', 0, 'x').effects, 'txn-rejected')[0]!.error).toMatch(/state UNINITIALIZED/);
    w.init('pay');
    expect(only(w.send('pay', 'payments', 0, 'x').effects, 'txn-rejected')[0]!.error).toMatch(/state READY/);
    const plain = w.run((x, t) =>
      produce(x, { topic: 'payments', partition: 0, key: null, value: 'x', producerId: 'pay' }, t),
    );
    expect(only(plain.effects, 'produce-rejected')[0]!.error).toMatch(/transactional/);
    expect(recordsOf(w.s, 'payments', 0)).toEqual([]);
  });
});
