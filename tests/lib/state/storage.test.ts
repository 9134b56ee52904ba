import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { LATEST_VERSION, SCHEMA_VERSIONS, declareVersions } from '../../../src/lib/db/index';
import { AppCore, type StorageLike } from '../../../src/lib/state/core.svelte';
import { StorageState } from '../../../src/lib/state/storage.svelte';
import { DATA_SV } from '../../../src/lib/strings/data.sv';
import { uniqueDbName } from '../db/helpers';
import { clock, fakeStorage } from './helpers';

const cores: AppCore[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) {
    c.close();
    await Dexie.delete(c.dbName);
  }
});

function make(storage: StorageLike | null, askOnStart = true, now = clock().now) {
  const core = new AppCore({ dbName: uniqueDbName('storage'), now });
  cores.push(core);
  return { core, storage: new StorageState(core, storage, askOnStart) };
}

describe('StorageState: the database connection', () => {
  it('opens the database at the latest version and hands it to the core', async () => {
    const { core, storage } = make(null);
    const db = await storage.open();
    expect(core.db).toBe(db);
    expect(db.verno).toBe(LATEST_VERSION);
    expect(core.readOnly).toBeNull();
  });

  it('opens a database of a newer version read-only and says so in Swedish', async () => {
    const { core, storage } = make(null);
    const newer = new Dexie(core.dbName);
    declareVersions(newer);
    newer.version(LATEST_VERSION + 1).stores({ ...SCHEMA_VERSIONS[0].stores, kommande: 'id' });
    await newer.open();
    newer.close();
    const db = await storage.open();
    expect(db.readOnly).toBe(true);
    expect(core.readOnly).toBe(DATA_SV.errors.readOnly);
    expect(core.readOnly).toMatch(/^Den här webbläsaren har data från en nyare version av Kapacitet/);
    expect(db.backendDB().version).toBe((LATEST_VERSION + 1) * 10);
  });

  it('an older tab that lets go after a moment: "blocked" is said while waiting and taken back once open', async () => {
    const { core, storage } = make(null);
    const old = new Dexie(core.dbName);
    declareVersions(old, 1);
    await old.open();
    const said: (string | null)[] = [];
    old.on('versionchange', () => {
      said.push(core.startError);
      setTimeout(() => old.close(), 50);
      return false;
    });
    const db = await storage.open();
    expect(db.verno).toBe(LATEST_VERSION);
    expect(said).toEqual([null]);
    expect(core.startError).toBeNull();
  });

  it('when another tab upgrades the database, this tab closes it and says why', async () => {
    const { core, storage } = make(null);
    await storage.open();
    const newer = new Dexie(core.dbName);
    declareVersions(newer);
    newer.version(LATEST_VERSION + 1).stores({ kommande: 'id' });
    await newer.open(); // would be blocked forever if this tab did not let go
    newer.close();
    expect(core.startError).toBe(DATA_SV.errors.upgradedElsewhere);
  });
});

describe('StorageState: durability', () => {
  it('asks for persistence once at start when not yet persistent, and shows the answer', async () => {
    const fake = fakeStorage(false, true);
    const { storage } = make(fake);
    await storage.init();
    expect(fake.asked).toBe(1);
    expect(storage.status).toEqual({ supported: true, persisted: true, mayEvict: false, estimate: { usage: 123_456, quota: 10_000_000 } });
  });

  it('a refusal keeps the warning; not asking at start leaves it to the user', async () => {
    const refused = make(fakeStorage(false, false)).storage;
    await refused.init();
    expect(refused.status.mayEvict).toBe(true);
    const fake = fakeStorage(false, true);
    const quiet = make(fake, false).storage;
    await quiet.init();
    expect(fake.asked).toBe(0);
    expect(quiet.status.mayEvict).toBe(true);
    expect(await quiet.requestPersist()).toBe(true);
    expect(quiet.status.mayEvict).toBe(false);
  });

  it('without navigator.storage: unknown and not supported; persist() answers null', async () => {
    const { storage } = make(null);
    await storage.init();
    expect(storage.status).toEqual({ supported: false, persisted: null, mayEvict: false });
    expect(await storage.requestPersist()).toBeNull();
  });

  it('a failing API means "may evict" (warn rather than promise too much)', async () => {
    const { storage } = make({ persisted: () => Promise.reject(new Error('nej')) });
    await storage.refresh();
    expect(storage.status).toEqual({ supported: true, persisted: null, mayEvict: true });
  });

  it('re-reads the usage figure at most every 30 s while editing', async () => {
    const c = clock();
    let reads = 0;
    const fake = { ...fakeStorage(true), estimate: async () => ((reads += 1), { usage: reads, quota: 100 }) };
    const { storage } = make(fake, true, c.now);
    storage.maybeRefreshEstimate();
    storage.maybeRefreshEstimate();
    await new Promise((r) => setTimeout(r, 0));
    expect(reads).toBe(1);
    c.advance(30_000);
    storage.maybeRefreshEstimate();
    await new Promise((r) => setTimeout(r, 0));
    expect(reads).toBe(2);
    expect(storage.status.estimate).toEqual({ usage: 2, quota: 100 });
  });
});

describe('StorageState: why the database did not open', () => {
  it('names the stored plan an upgrade could not migrate (through Dexie\'s wrapping)', async () => {
    const { StoredPlanMigrationError } = await import('../../../src/lib/db/index');
    const refused = new StoredPlanMigrationError('Nuläge', 'versionen är ogiltig');
    expect(StorageState.startErrorOf({ name: 'UpgradeError', inner: refused })).toBe(DATA_SV.errors.planNotMigrated('Nuläge', 'versionen är ogiltig'));
    expect(StorageState.startErrorOf(new Error('annat'))).toBeNull();
  });
});
