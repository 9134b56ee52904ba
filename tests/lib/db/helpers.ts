import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { KapacitetDb } from '../../../src/lib/db/index';

let n = 0;
/** A database name no other test uses. */
export function uniqueDbName(tag: string): string {
  n += 1;
  return `test-${tag}-${process.pid}-${n}-${Math.random().toString(36).slice(2)}`;
}

export async function openDb(tag: string): Promise<KapacitetDb> {
  const db = new KapacitetDb(uniqueDbName(tag));
  await db.open();
  return db;
}

export async function drop(...dbs: Dexie[]): Promise<void> {
  for (const db of dbs) db.close();
  for (const name of new Set(dbs.map((d) => d.name))) await Dexie.delete(name);
}

/** A dump of a database exactly as IndexedDB holds it: version, every store with its indexes and rows. */
export async function dumpDatabase(name: string): Promise<{ version: number; stores: Record<string, { indexes: string[]; rows: unknown[] }> }> {
  const raw = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
    req.onupgradeneeded = () => {
      req.transaction?.abort();
      reject(new Error(`${name} does not exist`));
    };
  });
  try {
    const stores: Record<string, { indexes: string[]; rows: unknown[] }> = {};
    for (const store of Array.from(raw.objectStoreNames).sort()) {
      const os = raw.transaction(store, 'readonly').objectStore(store);
      const rows = await new Promise<unknown[]>((resolve, reject) => {
        const req = os.getAll();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      stores[store] = { indexes: Array.from(os.indexNames).sort(), rows };
    }
    return { version: raw.version, stores };
  } finally {
    raw.close();
  }
}
