/**
 * Kafka transactions in a scenario: each step goes through `src/engine/broker/transactions.ts` (nothing
 * here decides a rule), and the coordinator's timer (`expireTransactions`, transaction.timeout.ms) runs
 * after every step. A transactional send is a `publish` with `transactional: true` (`steps/publish.ts`).
 */
import * as broker from '../../engine/broker';
import type { Effect } from '../../engine/types';
import type { ActionDef } from '../schema';
import type { World } from '../world';

type TxnAction = Extract<
  ActionDef,
  {
    kind:
      | 'init-transactions'
      | 'begin-transaction'
      | 'send-offsets-to-transaction'
      | 'commit-transaction'
      | 'abort-transaction';
  }
>;

export interface Applied {
  world: World;
  effects: Effect[];
}

const applied = (world: World, r: { state: broker.BrokerState; effects: Effect[] }): Applied => ({
  world: { ...world, broker: r.state },
  effects: r.effects,
});

export function transactionStep(world: World, a: TxnAction): Applied {
  const now = world.time;
  const producerId = a.producer;
  switch (a.kind) {
    case 'init-transactions':
      return applied(
        world,
        broker.initTransactions(
          world.broker,
          {
            producerId,
            ...(a.transactionTimeoutMs !== undefined ? { transactionTimeoutMs: a.transactionTimeoutMs } : {}),
          },
          now,
        ),
      );
    case 'begin-transaction':
      return applied(world, broker.beginTransaction(world.broker, { producerId }, now));
    case 'send-offsets-to-transaction': {
      // With a member, KIP-447's check: its member id and the group's current generation, as the consumer's
      // groupMetadata() would carry them.
      const generation = world.broker.groups[a.group]?.generation;
      return applied(
        world,
        broker.sendOffsetsToTransaction(
          world.broker,
          {
            producerId,
            groupId: a.group,
            offsets: a.offsets.map((o) => ({ topic: o.topic, partition: o.partition, offset: o.offset })),
            ...(a.member !== undefined ? { memberId: a.member } : {}),
            ...(a.member !== undefined && generation !== undefined ? { generation } : {}),
          },
          now,
        ),
      );
    }
    case 'commit-transaction':
      return applied(world, broker.commitTransaction(world.broker, { producerId }, now));
    case 'abort-transaction':
      return applied(world, broker.abortTransaction(world.broker, { producerId }, now));
  }
}

/** The coordinator's timer after every step: an open transaction older than its timeout is aborted. */
export function tickTransactions(world: World): Applied {
  const r = broker.expireTransactions(world.broker, world.time);
  return r.state === world.broker ? { world, effects: r.effects } : applied(world, r);
}
