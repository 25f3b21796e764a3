/**
 * The scenario format's outbox tables (issue 18): a service's relational outbox and the publisher that
 * takes its rows to a topic (`topology.outboxes`), the step actions that write and commit rows in a
 * database transaction and run the publisher through `src/engine/cqrs/outboxTable.ts`, and the
 * expectation that checks a row. Part of `scenarios/schema.ts`; `actions.ts`, `expectations.ts` and
 * `scenario.ts` add these to their unions and the topology.
 */
import { z } from '../zod';
import { DataObject, EventTypeName, Id, NonNegInt, Text } from './basics';

const outbox = Id.meta({ title: 'Outbox', description: 'One of the topology’s outbox tables (its id).' });
const txn = Id.meta({
  title: 'Transaction',
  description: 'The database transaction, e.g. tx-a: open until committed.',
});

export const OutboxSpec = z.strictObject({
  id: Id.meta({ title: 'Id', description: 'The outbox table, e.g. orders-db.' }),
  label: z.string().min(1).max(200).optional().meta({ title: 'Label' }),
  publisher: z.enum(['after-last-id', 'unpublished', 'log-tailing']).meta({
    title: 'Publisher',
    description:
      'after-last-id: polls rows with an id above the last one it sent (can skip a row that commits late); unpublished: polls rows not yet marked published (late rows go out of order); log-tailing: reads the transaction log in commit order (change data capture).',
  }),
  topic: Id.meta({
    title: 'Topic',
    description: 'Where the publisher sends each row (the row’s key is the record key).',
  }),
  description: Text.optional().meta({ title: 'Description' }),
});

export const OUTBOX_ACTIONS = [
  z
    .strictObject({
      kind: z.literal('outbox-write'),
      outbox,
      txn,
      event: z
        .strictObject({
          eventType: EventTypeName.meta({ title: 'Event type' }),
          key: z.string().min(1).max(200).meta({ title: 'Key' }),
          data: DataObject.meta({ title: 'Data' }),
        })
        .meta({ title: 'Event', description: 'The outbox row: the event the state change produced.' }),
    })
    .meta({
      title: 'a service inserts an outbox row in its transaction',
      description:
        'INSERT INTO outbox in the same transaction as the state change: the row’s id is drawn from a sequence now, and nobody sees the row until the transaction commits.',
    }),
  z
    .strictObject({
      kind: z.literal('outbox-commit'),
      outbox,
      txn,
      deleteRows: z.boolean().optional().meta({
        title: 'Delete the rows in the same transaction',
        description: 'With log tailing the insert stays in the transaction log, so the table itself can stay empty.',
      }),
    })
    .meta({
      title: 'the transaction commits',
      description: 'Its rows become visible and enter the transaction log, in commit order.',
    }),
  z
    .strictObject({
      kind: z.literal('outbox-publish'),
      outbox,
      crashBeforeMark: z.boolean().optional().meta({
        title: 'Crash before marking',
        description:
          'The publisher sends the rows, then dies before it marks them published (or stores its last id or log position): they are sent again.',
      }),
    })
    .meta({
      title: 'the outbox publisher runs once',
      description: 'A poll of the table, or a read of the transaction log; every row it finds is sent to its topic.',
    }),
  z.strictObject({ kind: z.literal('outbox-cleanup'), outbox }).meta({
    title: 'published outbox rows are deleted',
    description: 'DELETE FROM outbox WHERE published: a polling publisher’s table grows until this runs.',
  }),
] as const;

export const OUTBOX_EXPECTATIONS = [
  z
    .strictObject({
      kind: z.literal('outbox-row'),
      outbox,
      id: NonNegInt.meta({ title: 'Row id' }),
      state: z.enum(['uncommitted', 'committed', 'published', 'deleted', 'absent']).meta({ title: 'State' }),
    })
    .meta({ title: 'an outbox row', description: 'Whether the row is open, committed, published or deleted.' }),
] as const;
