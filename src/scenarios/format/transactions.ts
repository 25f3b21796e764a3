/**
 * The scenario format's Kafka transactions (issue 16): the step actions of a transactional producer —
 * initTransactions, beginTransaction, sendOffsetsToTransaction, commitTransaction, abortTransaction —
 * applied through `src/engine/broker/transactions.ts` (a transactional send is a `publish` with
 * `transactional: true`). Part of `scenarios/schema.ts`; `actions.ts` adds these to its union.
 */
import { z } from '../zod';
import { Id, NonNegInt } from './basics';

const producer = Id.meta({ title: 'Producer', description: 'A producer of the topology with a transactional.id.' });

export const TxnOffset = z.strictObject({
  topic: Id.meta({ title: 'Topic' }),
  partition: NonNegInt.meta({ title: 'Partition' }),
  offset: NonNegInt.meta({
    title: 'Offset',
    description: 'The next offset the group should read there: one past the last record processed.',
  }),
});

export const TRANSACTION_ACTIONS = [
  z
    .strictObject({
      kind: z.literal('init-transactions'),
      producer,
      transactionTimeoutMs: z.number().int().min(1).max(900_000).optional().meta({
        title: 'transaction.timeout.ms',
        description:
          'The coordinator aborts a transaction left open longer than this (and fences its producer). 60000 when omitted.',
      }),
    })
    .meta({
      title: 'a transactional producer calls initTransactions',
      description:
        'The producer registers its transactional.id with the transaction coordinator: it gets that id’s producer id with the epoch bumped, which fences every older instance and aborts a transaction it left open.',
    }),
  z.strictObject({ kind: z.literal('begin-transaction'), producer }).meta({
    title: 'a transactional producer begins a transaction',
    description:
      'Only the producer client notes it: the coordinator hears of the transaction with its first send (AddPartitionsToTxn).',
  }),
  z
    .strictObject({
      kind: z.literal('send-offsets-to-transaction'),
      producer,
      group: Id.meta({ title: 'Consumer group', description: 'The group whose offsets the transaction carries.' }),
      member: Id.optional().meta({
        title: 'Member',
        description:
          'The consumer’s member id: with it the group coordinator checks its member id and generation (KIP-447).',
      }),
      offsets: z.array(TxnOffset).min(1).max(16).meta({ title: 'Offsets' }),
    })
    .meta({
      title: 'the producer sends the consumer’s offsets into the transaction',
      description:
        'The group coordinator holds these offsets and commits them only if the transaction commits: the output records and the input position are written together or not at all.',
    }),
  z.strictObject({ kind: z.literal('commit-transaction'), producer }).meta({
    title: 'a transactional producer commits',
    description:
      'The coordinator writes a COMMIT marker in every partition of the transaction and commits its offsets: read_committed consumers now read its records.',
  }),
  z.strictObject({ kind: z.literal('abort-transaction'), producer }).meta({
    title: 'a transactional producer aborts',
    description:
      'The coordinator writes an ABORT marker in every partition of the transaction and drops its offsets: the records stay in the log, read_committed consumers skip them.',
  }),
] as const;
