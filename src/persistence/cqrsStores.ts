/**
 * IndexedDB implementations of the CQRS ports, in the run's database. A checkpoint and its read
 * model are one record, and `save` writes every record of a batch in one readwrite transaction:
 * a reload sees all of a batch or none of it, so no event is applied twice or skipped.
 */
import type { IDBPDatabase } from 'idb';
import type { CheckpointStore, SnapshotStore } from '../engine/cqrs';
import { translateTxError } from './errors';
import type { RunDbSchema } from './schema';

const noop = () => {};

export function createIdbCheckpointStore(
  db: IDBPDatabase<RunDbSchema>,
  assertOpen: () => void = noop,
): CheckpointStore {
  return {
    async load(name) {
      assertOpen();
      return db.get('checkpoints', name);
    },
    async save(records) {
      assertOpen();
      if (records.length === 0) return;
      const tx = db.transaction('checkpoints', 'readwrite');
      tx.done.catch(noop);
      try {
        for (const r of records) tx.store.put(r).catch(noop);
        await tx.done;
      } catch (err) {
        try {
          tx.abort();
        } catch {
          /* already finished */
        }
        throw translateTxError(err, tx.error);
      }
    },
  };
}

export function createIdbSnapshotStore(db: IDBPDatabase<RunDbSchema>, assertOpen: () => void = noop): SnapshotStore {
  return {
    async load(streamId) {
      assertOpen();
      return db.get('snapshots', streamId);
    },
    async save(snapshot) {
      assertOpen();
      try {
        await db.put('snapshots', snapshot);
      } catch (err) {
        throw translateTxError(err);
      }
    },
    async delete(streamId) {
      assertOpen();
      await db.delete('snapshots', streamId);
    },
  };
}
