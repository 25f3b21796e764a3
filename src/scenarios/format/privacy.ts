/**
 * The scenario format's erasure tools (issue 18, "The right to be forgotten"): a key store for
 * crypto-shredding (`topology.privacy`: which fields are personal), the step actions that append an event
 * with its personal fields sealed by the subject's key, delete a subject's key and take a backup, and the
 * expectations that check a key and one personal field in any copy (event store, topic, read model, backup).
 * The engine is `src/engine/privacy`. Part of `scenarios/schema.ts`; `actions.ts`, `expectations.ts` and
 * `scenario.ts` add these to their unions and the topology.
 */
import { z } from '../zod';
import { DataObject, EventTypeName, FieldName, Id, Json, NonNegInt, ShortText, Text } from './basics';

const subject = Id.meta({
  title: 'Data subject',
  description: 'The person the personal fields are about (e.g. rider-42): each subject has a key of their own.',
});

export const PrivacySpec = z.strictObject({
  keyStore: Id.meta({
    title: 'Key store',
    description: 'Its name (e.g. rider-keys): a key management service holding one data key per subject.',
  }),
  label: ShortText.optional().meta({ title: 'Label' }),
  personalFields: z.array(FieldName).min(1).max(20).meta({
    title: 'Personal fields',
    description:
      'Fields encrypted with the subject’s key by append-personal (names, phone numbers, places); every other field is written readable.',
  }),
  description: Text.optional().meta({ title: 'Description' }),
});

export const PRIVACY_ACTIONS = [
  z
    .strictObject({
      kind: z.literal('append-personal'),
      subject,
      streamId: Id.meta({ title: 'Stream', description: 'The event store stream the event is appended to.' }),
      eventType: EventTypeName.meta({ title: 'Event type' }),
      data: DataObject.meta({
        title: 'Data',
        description: 'The event’s fields, in plaintext as the service has them.',
      }),
    })
    .meta({
      title: 'an event with personal fields is appended',
      description:
        'The service encrypts the event’s personal fields with the subject’s key (the key store creates one at first use), then appends the event to its stream: only the ciphertext is ever written.',
    }),
  z.strictObject({ kind: z.literal('shred-key'), subject }).meta({
    title: 'a subject’s key is deleted (crypto-shredding)',
    description:
      'The key store deletes the subject’s key: every copy of the fields it encrypted becomes unreadable, wherever it is; the other fields stay readable.',
  }),
  z
    .strictObject({
      kind: z.literal('take-backup'),
      backup: Id.meta({ title: 'Backup', description: 'Its name, e.g. nightly-1.' }),
      topics: z
        .array(Id)
        .max(10)
        .meta({ title: 'Topics', description: 'The topics it copies, besides the event store.' }),
    })
    .meta({
      title: 'a backup is taken',
      description:
        'A copy of the event store, the read models and these topics as they are now. Nothing done to the stores later changes it.',
    }),
] as const;

export const PRIVACY_EXPECTATIONS = [
  z
    .strictObject({
      kind: z.literal('subject-key'),
      subject,
      state: z.enum(['active', 'deleted', 'none']).meta({ title: 'State' }),
    })
    .meta({ title: 'a subject’s key', description: 'Whether the key store holds a usable key for the subject.' }),
  z
    .strictObject({
      kind: z.literal('personal-field'),
      backup: Id.optional().meta({
        title: 'In backup',
        description: 'The copy inside this backup (taken by an earlier step); omitted: the copy as it is now.',
      }),
      event: z
        .strictObject({ streamId: Id.meta({ title: 'Stream' }), revision: NonNegInt.meta({ title: 'Revision' }) })
        .optional()
        .meta({ title: 'Stored event', description: 'The copy in the event store.' }),
      record: z
        .strictObject({
          topic: Id.meta({ title: 'Topic' }),
          partition: NonNegInt.meta({ title: 'Partition' }),
          offset: NonNegInt.meta({ title: 'Offset' }),
        })
        .optional()
        .meta({ title: 'Topic record', description: 'The copy in a topic’s record.' }),
      row: z
        .strictObject({
          projection: Id.meta({ title: 'Projection' }),
          key: z.string().max(200).meta({ title: 'Row key' }),
        })
        .optional()
        .meta({ title: 'Read-model row', description: 'The copy in a projection’s row.' }),
      field: FieldName.meta({ title: 'Field' }),
      reads: z.enum(['plaintext', 'decrypted', 'shredded', 'absent']).meta({
        title: 'Reads as',
        description:
          'plaintext: written unencrypted; decrypted: sealed and its key is held; shredded: sealed with a deleted key; absent: no such copy or field.',
      }),
      equals: Json.optional().meta({ title: 'Equals', description: 'The value read (plaintext or decrypted).' }),
    })
    .meta({
      title: 'a personal field in one copy',
      description:
        'One field of one copy — a stored event, a topic record or a read-model row, now or in a backup — as a reader with the key store sees it. Name exactly one of event, record, row.',
    }),
] as const;
