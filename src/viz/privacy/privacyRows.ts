/**
 * What the personal-data panel shows, as plain rows (pure, tested): the key store's keys, and for each subject
 * every copy of data about them — stored events, topic records, read-model rows, backups — with each personal
 * field as a reader with the key store sees it: readable (decrypted), shredded, or plaintext (which no key covers).
 */
import { keyIdOf, open, placeText, type Backup, type DataCopy, type KeyStore } from '../../engine/privacy';

export interface KeyRow {
  readonly keyId: string;
  readonly subject: string;
  readonly state: 'active' | 'deleted';
  readonly sealed: number;
}

export const keyRows = (store: KeyStore): KeyRow[] =>
  Object.values(store.keys).map((k) => ({
    keyId: k.keyId,
    subject: k.subject,
    state: k.material === null ? 'deleted' : 'active',
    sealed: k.sealed,
  }));

export type FieldView =
  | { readonly field: string; readonly reads: 'decrypted' | 'plaintext'; readonly text: string }
  | { readonly field: string; readonly reads: 'shredded'; readonly text: '🔒 shredded' };

export interface CopyRow {
  /** "stream rider-42 @0", "backup nightly-1 · rides-0 @1". */
  readonly where: string;
  readonly fields: readonly FieldView[];
  /** The other fields, readable whatever happens to the key (amounts, ids). */
  readonly others: readonly string[];
}

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** Whether a copy is about `subject`: a field sealed with one of its keys, or the copy's key or stream is the subject. */
function about(copy: DataCopy, subject: string): boolean {
  const p = copy.place;
  const named = p.in === 'event-store' ? p.streamId : p.in === 'topic' ? p.key : p.key;
  if (named === subject) return true;
  const data = copy.data;
  if (data === null || typeof data !== 'object') return false;
  return Object.values(data).some((v) => keyIdOf(v)?.startsWith(`${subject}/`) ?? false);
}

function row(store: KeyStore, where: string, copy: DataCopy, personal: readonly string[]): CopyRow | null {
  const data = copy.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return null;
  const entries = Object.entries(data as Record<string, unknown>);
  const fields: FieldView[] = [];
  const others: string[] = [];
  for (const [field, v] of entries) {
    const o = open(store, v);
    if (o.kind === 'shredded') fields.push({ field, reads: 'shredded', text: '🔒 shredded' });
    else if (o.kind === 'decrypted') fields.push({ field, reads: 'decrypted', text: show(o.value) });
    else if (personal.includes(field)) fields.push({ field, reads: 'plaintext', text: show(o.value) });
    else others.push(`${field}: ${show(o.value)}`);
  }
  return fields.length ? { where, fields, others } : null;
}

/** Every copy of `subject`'s personal fields, live first, then in each backup. */
export function copyRows(
  store: KeyStore,
  subject: string,
  live: readonly DataCopy[],
  backups: readonly Backup[],
  personal: readonly string[],
): CopyRow[] {
  const out: CopyRow[] = [];
  for (const c of live) {
    const r = about(c, subject) ? row(store, placeText(c.place), c, personal) : null;
    if (r) out.push(r);
  }
  for (const b of backups)
    for (const c of b.copies) {
      const r = about(c, subject) ? row(store, `backup ${b.id} · ${placeText(c.place)}`, c, personal) : null;
      if (r) out.push(r);
    }
  return out;
}
