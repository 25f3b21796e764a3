/**
 * Storage ports of the CQRS core. The in-memory implementations live beside them; the IndexedDB
 * ones in src/persistence (same database as the run's event store).
 */

/** A projection's (or the relay's) checkpoint, stored together with its read model in one record. */
export interface CheckpointRecord {
  name: string;
  /** The last global position applied (0: nothing yet). */
  position: number;
  /** The definition's version: a different version means the state is rebuilt from position 1. */
  version: number;
  state: unknown;
}

export interface CheckpointStore {
  load(name: string): Promise<CheckpointRecord | undefined>;
  /** Saves every record in one transaction: all or nothing. */
  save(records: CheckpointRecord[]): Promise<void>;
}

export interface SnapshotRecord {
  streamId: string;
  /** The revision of the last event folded into `state`. */
  revision: number;
  /** The aggregate definition's version; a snapshot of another version is discarded. */
  version: number;
  state: unknown;
}

export interface SnapshotStore {
  load(streamId: string): Promise<SnapshotRecord | undefined>;
  save(snapshot: SnapshotRecord): Promise<void>;
  delete(streamId: string): Promise<void>;
}

/** In-memory checkpoints (structured clones, as IndexedDB keeps them). */
export function createInMemoryCheckpointStore(): CheckpointStore & { readonly saves: number } {
  const records = new Map<string, CheckpointRecord>();
  let saves = 0;
  return {
    get saves() {
      return saves;
    },
    async load(name) {
      const r = records.get(name);
      return r && structuredClone(r);
    },
    async save(batch) {
      const copies = batch.map((r) => structuredClone(r));
      for (const r of copies) records.set(r.name, r);
      saves++;
    },
  };
}

export function createInMemorySnapshotStore(): SnapshotStore & { readonly size: number } {
  const records = new Map<string, SnapshotRecord>();
  return {
    get size() {
      return records.size;
    },
    async load(streamId) {
      const r = records.get(streamId);
      return r && structuredClone(r);
    },
    async save(snapshot) {
      records.set(snapshot.streamId, structuredClone(snapshot));
    },
    async delete(streamId) {
      records.delete(streamId);
    },
  };
}
