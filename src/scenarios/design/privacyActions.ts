/**
 * Step actions of the erasure tools (`format/privacy.ts`): append an event with its personal fields sealed by
 * the subject's key, delete a subject's key (crypto-shredding), take a backup.
 */
import { simple } from './actionPieces';
import { eventTypeSelect } from './commonFields';
import { topicNames } from './draftNames';
import { type FieldDef, type VariantDef } from './formTypes';

const subject: FieldDef = { key: 'subject', kind: 'text' };

export const privacyActions: readonly VariantDef[] = [
  simple(
    'append-personal',
    [subject, { key: 'streamId', kind: 'text' }, eventTypeSelect(), { key: 'data', kind: 'json' }],
    () => ({ subject: 'person-1', streamId: 'person-1', eventType: 'PersonRegistered', data: { name: 'A. Person' } }),
  ),
  simple('shred-key', [subject], () => ({ subject: 'person-1' })),
  simple(
    'take-backup',
    [
      { key: 'backup', kind: 'text' },
      { key: 'topics', kind: 'names', options: ({ doc }) => topicNames(doc) },
    ],
    () => ({ backup: 'nightly-1', topics: [] }),
  ),
];
