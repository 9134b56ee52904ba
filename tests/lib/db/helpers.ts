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
