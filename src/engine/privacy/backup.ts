/**
 * Copies of personal data: where a copy of an event's data lives, and backups — a copy of the stores taken at
 * one moment. A backup is never rewritten after it is taken, which is why deleting rows or compacting a topic
 * does not reach it, and deleting a key does: its sealed fields are opened through the same key store.
 */
import type { PrivacyEffect } from './effects';
import type { KeyStore } from './keyStore';

export type CopyPlace =
  | { readonly in: 'event-store'; readonly streamId: string; readonly revision: number }
  | {
      readonly in: 'topic';
      readonly topic: string;
      readonly partition: number;
      readonly offset: number;
      readonly key: string | null;
    }
  | { readonly in: 'read-model'; readonly projection: string; readonly key: string };

/** One copy of an event's data (or of a row made from events), and where it is. */
export interface DataCopy {
  readonly place: CopyPlace;
  readonly data: unknown;
}

export interface Backup {
  readonly id: string;
  readonly takenAt: number;
  readonly copies: readonly DataCopy[];
}

/** Where a copy is, as a learner reads it: "stream rider-42 @0", "rider-profiles-0 @1", "rider-directory row rider-42". */
export function placeText(p: CopyPlace): string {
  switch (p.in) {
    case 'event-store':
      return `stream ${p.streamId} @${p.revision}`;
    case 'topic':
      return `${p.topic}-${p.partition} @${p.offset}`;
    case 'read-model':
      return `${p.projection} row ${p.key}`;
  }
}

/** A backup of `copies` as they are `now`: later changes to the stores never reach it. */
export function takeBackup(
  id: string,
  copies: readonly DataCopy[],
  now: number,
): { backup: Backup; effects: PrivacyEffect[] } {
  const stores = new Set(copies.map((c) => (c.place.in === 'topic' ? c.place.topic : c.place.in)));
  return {
    backup: { id, takenAt: now, copies },
    effects: [
      {
        kind: 'privacy-changed',
        step: 'backup',
        subject: null,
        reason: `backup ${id} taken: ${copies.length} cop${copies.length === 1 ? 'y' : 'ies'} of event data from ${[...stores].join(', ') || 'nothing'}, as they are now; nothing done to the stores later changes it`,
      },
    ],
  };
}

/** What a run keeps of its erasure tools: the key store and the backups taken, by name. */
export interface PrivacyState {
  readonly keys: KeyStore;
  readonly backups: Readonly<Record<string, Backup>>;
}
