/**
 * Test helpers (fake-indexeddb): a deep, comparable dump of every IndexedDB database and store,
 * and a way to start from nothing. Used to prove that a refused import or restore changes nothing.
 */
import { openDB } from 'idb';

export type StoredData = Record<string, Record<string, { keys: unknown[]; values: unknown[] }>>;

export async function dumpAllDatabases(): Promise<StoredData> {
  const out: StoredData = {};
  const names = (await indexedDB.databases()).map((d) => d.name!).sort();
  for (const name of names) {
    const db = await openDB(name);
    try {
      const stores: StoredData[string] = {};
      for (const store of [...db.objectStoreNames].sort()) {
        const tx = db.transaction(store);
        stores[store] = { keys: await tx.store.getAllKeys(), values: await tx.store.getAll() };
        await tx.done;
      }
      out[name] = stores;
    } finally {
      db.close();
    }
  }
  return out;
}

export async function deleteAllDatabases(): Promise<void> {
  for (const d of await indexedDB.databases()) {
    await new Promise<void>((resolve, reject) => {
      const r = indexedDB.deleteDatabase(d.name!);
      r.onsuccess = () => resolve();
      r.onerror = () => reject(r.error);
    });
  }
}
