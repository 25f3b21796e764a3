/**
 * Step actions of a transactional producer (`format/transactions.ts`): initTransactions, begin, sending
 * the consumer's offsets into the transaction, commit and abort. The transactional send is `publish`'s
 * "transactional" flag (`brokerActions.ts`).
 */
import { simple } from './actionPieces';
import { groupSelect, optInt, producerSelect } from './commonFields';
import { first, groupIds, producerIds } from './draftNames';
import { type VariantDef } from './formTypes';

const producer = (doc: unknown) => ({ producer: first(producerIds(doc), 'producer') });

export const transactionActions: readonly VariantDef[] = [
  simple('init-transactions', [producerSelect, optInt('transactionTimeoutMs')], producer),
  simple('begin-transaction', [producerSelect], producer),
  simple(
    'send-offsets-to-transaction',
    [
      producerSelect,
      groupSelect,
      { key: 'member', kind: 'text', optional: true },
      // A list of { topic, partition, offset }: edited as JSON.
      { key: 'offsets', kind: 'json' },
    ],
    (doc) => ({
      ...producer(doc),
      group: first(groupIds(doc), 'group'),
      offsets: [{ topic: 'topic', partition: 0, offset: 1 }],
    }),
  ),
  simple('commit-transaction', [producerSelect], producer),
  simple('abort-transaction', [producerSelect], producer),
];
