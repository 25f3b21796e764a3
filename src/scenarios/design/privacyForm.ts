/**
 * The form of the key store for crypto-shredding (`topology.privacy`, `format/privacy.ts`): its name and the
 * fields that are personal (sealed with the subject's key by append-personal).
 */
import { type FieldDef } from './formTypes';

export const privacyGroup: FieldDef = {
  key: 'privacy',
  kind: 'group',
  optional: true,
  make: () => ({ keyStore: 'subject-keys', personalFields: ['name'] }),
  fields: [
    { key: 'keyStore', kind: 'text' },
    { key: 'label', kind: 'text', optional: true },
    { key: 'personalFields', kind: 'names' },
    { key: 'description', kind: 'text', multiline: true, optional: true },
  ],
};
