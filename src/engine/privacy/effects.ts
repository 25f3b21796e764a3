/**
 * What the key store and the backups did, as data; each says why in `reason`. `PrivacyEffect` joins
 * `types.ts`'s `Effect` union, so this file imports only `effectBase.ts` (a type cycle otherwise). One kind
 * with a `step`, like `outbox-changed`: the views tell the steps apart, "What happened" shows the reason.
 */
import type { EffectBase } from '../effectBase';

export type PrivacyStep =
  /** A key was created for a subject (its first personal field to seal, or a new key after a deletion). */
  | 'key-created'
  /** Personal fields of one event were encrypted with the subject's key. */
  | 'sealed'
  /** The subject's key was deleted: every copy sealed with it is unreadable from now on (crypto-shredding). */
  | 'key-deleted'
  /** A copy of the stores was taken as they are now (a backup). */
  | 'backup'
  /** Asked for something the key store cannot do (deleting a key it does not hold). */
  | 'refused';

export type PrivacyEffect = EffectBase & {
  kind: 'privacy-changed';
  step: PrivacyStep;
  /** The data subject (e.g. rider-42); null for a backup. */
  subject: string | null;
  /** The key's id, when the step concerns one. */
  keyId?: string;
};
