/**
 * Opening the database, refusing what this version cannot keep (issue 12.6).
 *
 * A database written by a NEWER version of Kapacitet (its schema version is above LATEST_VERSION, e.g.
 * the site went back to an older release, or an old tab is still open) is never upgraded, patched or
 * written: Dexie would otherwise open it anyway (it retries a VersionError at the installed version),
 * add what our schema declares and let every write through into data it does not understand. Such a
 * database is opened read-only instead: no versions declared (so no upgrade can run) and a DBCore
 * middleware that refuses every write (schema.ts).
 */
import Dexie from 'dexie';
import { KapacitetDb, LATEST_VERSION } from './schema';

export type OpenedDb =
  | { db: KapacitetDb; readOnly: false }
  /** `storedVersion`: the schema version the database is at (above LATEST_VERSION). */
  | { db: KapacitetDb; readOnly: true; storedVersion: number };

/** Dexie counts versions in tenths of IndexedDB's (version 2 is stored as 20). */
const dexieVersion = (nativeVersion: number) => nativeVersion / 10;

/**
 * The schema version a database is at, without creating, upgrading or writing it: 0 when there is
 * none. `indexedDB.databases()` answers without opening a connection (an open one, even closed at once,
 * would make the upgrade that follows report "blocked" while its last transaction ends). Where that is
 * missing, Dexie without declared versions opens the database as it is (one that does not exist is not
 * created but reported as NoSuchDatabaseError).
 */
export async function installedVersion(name: string): Promise<number> {
  const factory = (globalThis as { indexedDB?: { databases?: () => Promise<{ name?: string; version?: number }[]> } }).indexedDB;
  if (typeof factory?.databases === 'function') {
    const found = (await factory.databases()).find((d) => d.name === name);
    return found?.version ? dexieVersion(found.version) : 0;
  }
  const probe = new Dexie(name);
  try {
    await probe.open();
    return probe.verno;
  } catch (e) {
    if ((e as { name?: string }).name === 'NoSuchDatabaseError') return 0;
    throw e;
  } finally {
    probe.close();
  }
}

/**
 * Opens the app's database. `beforeOpen` runs on the instance before it opens (event handlers: blocked,
 * versionchange), so it also covers the upgrade.
 */
export async function openKapacitetDb(name: string, beforeOpen: (db: KapacitetDb) => void = () => undefined): Promise<OpenedDb> {
  const stored = await installedVersion(name);
  if (stored > LATEST_VERSION) return openReadOnly(name, beforeOpen);
  const db = new KapacitetDb(name);
  beforeOpen(db);
  await db.open();
  // Another tab of a newer version upgraded it between the probe and the open: read-only after all.
  if (dexieVersion(db.backendDB().version) > LATEST_VERSION) {
    db.close();
    return openReadOnly(name, beforeOpen);
  }
  return { db, readOnly: false };
}

async function openReadOnly(name: string, beforeOpen: (db: KapacitetDb) => void): Promise<OpenedDb> {
  const db = new KapacitetDb(name, { readOnly: true });
  beforeOpen(db);
  await db.open();
  // Without declared versions Dexie does not put the tables on the instance: do it, so the app reads
  // a newer database with the same code. A table the newer version no longer has stays absent (reading
  // it fails, and the app says it cannot show this data).
  const tables = db as unknown as Record<string, unknown>;
  for (const table of db.tables) tables[table.name] = table;
  return { db, readOnly: true, storedVersion: db.verno };
}
