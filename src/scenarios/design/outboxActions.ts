/**
 * Step actions on an outbox table (`format/outbox.ts`): a transaction inserts a row and commits, the
 * publisher runs, published rows are deleted.
 */
import { simple } from './actionPieces';
import { getIn } from './paths';
import { first } from './draftNames';
import { type FieldDef, type VariantDef } from './formTypes';

const outboxIds = (doc: unknown): string[] => {
  const list = getIn(doc, ['topology', 'outboxes']);
  return Array.isArray(list) ? list.flatMap((o) => (typeof o?.id === 'string' ? [o.id as string] : [])) : [];
};
const outboxSelect: FieldDef = { key: 'outbox', kind: 'select', options: ({ doc }) => outboxIds(doc), free: true };
const txn: FieldDef = { key: 'txn', kind: 'text' };
const outbox = (doc: unknown) => ({ outbox: first(outboxIds(doc), 'outbox') });

export const outboxActions: readonly VariantDef[] = [
  simple('outbox-write', [outboxSelect, txn, { key: 'event', kind: 'json' }], (doc) => ({
    ...outbox(doc),
    txn: 'tx-1',
    event: { eventType: 'SomethingHappened', key: 'thing-1', data: {} },
  })),
  simple('outbox-commit', [outboxSelect, txn, { key: 'deleteRows', kind: 'bool' }], (doc) => ({
    ...outbox(doc),
    txn: 'tx-1',
  })),
  simple('outbox-publish', [outboxSelect, { key: 'crashBeforeMark', kind: 'bool' }], outbox),
  simple('outbox-cleanup', [outboxSelect], outbox),
];
