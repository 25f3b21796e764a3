/**
 * A key-value state store with its changelog, as Kafka Streams keeps one: every write to the local store
 * (RocksDB or in memory) is also sent to a compacted changelog topic named `<application.id>-<store>-changelog`,
 * partition = the task's partition; a delete is a tombstone. A new instance (or one whose disk was lost) restores
 * the store by reading the changelog from the beginning (ProcessorStateManager / StoreChangelogReader), so the
 * restored store equals the lost one. Compaction keeps the changelog from growing without bound.
 */

export interface ChangelogRecord {
  readonly offset: number;
  readonly partition: number;
  readonly key: string;
  /** null: a tombstone (the key was deleted). */
  readonly value: unknown;
}

export interface StateStore {
  readonly name: string;
  readonly entries: Readonly<Record<string, unknown>>;
  readonly changelog: readonly ChangelogRecord[];
}

export const changelogTopic = (applicationId: string, store: string) => `${applicationId}-${store}-changelog`;

export const createStore = (name: string): StateStore => ({ name, entries: {}, changelog: [] });

function write(store: StateStore, key: string, value: unknown, partition: number): StateStore {
  const entries = { ...store.entries };
  if (value === null) delete entries[key];
  else entries[key] = value;
  const record: ChangelogRecord = { offset: store.changelog.length, partition, key, value };
  return { name: store.name, entries, changelog: [...store.changelog, record] };
}

/** Put a value: the store and its changelog both get it. */
export const put = (store: StateStore, key: string, value: unknown, partition: number): StateStore =>
  write(store, key, value, partition);

/** Delete a key: gone from the store, a tombstone in the changelog. */
export const remove = (store: StateStore, key: string, partition: number): StateStore =>
  write(store, key, null, partition);

/** Rebuild a store by replaying its changelog in offset order: the latest value per key, tombstones delete. */
export function restore(name: string, changelog: readonly ChangelogRecord[]): StateStore {
  const entries: Record<string, unknown> = {};
  for (const r of changelog) {
    if (r.value === null) delete entries[r.key];
    else entries[r.key] = r.value;
  }
  return { name, entries, changelog };
}

/** What log compaction would keep of a changelog: the last record per key (tombstones included). */
export function compacted(changelog: readonly ChangelogRecord[]): ChangelogRecord[] {
  const last = new Map<string, number>();
  changelog.forEach((r, i) => last.set(r.key, i));
  return changelog.filter((r, i) => last.get(r.key) === i);
}
