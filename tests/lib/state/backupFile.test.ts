import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKUP_STORES, DEMO_LISTING_SIGNATURE, dumpDatabase, readBackupFile, type BackupFile } from '../../../src/lib/db/index';
import { headerSignature } from '../../../src/lib/io/listing/listing';
import { SETTING_LAST_BACKUP } from '../../../src/lib/state/backups.svelte';
import type { AppState } from '../../../src/lib/state/app.svelte';
import { disposeApps, startApp } from './helpers';

afterEach(disposeApps);

const fixture = (name: string) => readFileSync(`tests/lib/db/fixtures/backups/${name}`, 'utf8');

/** Every store's records, sorted by their JSON (the order of a dump is the key order, the same here). */
async function dump(app: AppState): Promise<Record<string, string[]>> {
  const file = await dumpDatabase(app.db, 0, 0);
  const out: Record<string, string[]> = {};
  for (const [name, records] of Object.entries(file.stores)) {
    out[name] = (records ?? [])
      .filter((r) => !(name === 'settings' && (r as { key: string }).key === SETTING_LAST_BACKUP))
      .map((r) => JSON.stringify(r))
      .sort();
  }
  return out;
}

describe('the complete backup (kapacitet/backup)', () => {
  it('the demo holds a record in every store, and its backup file holds them all', async () => {
    const app = await startApp();
    expect(app.firstRunPending).toBe(true);
    await app.showDemo();
    expect(app.firstRunPending).toBe(false);
    expect(app.plans.length).toBe(3);
    const { file } = await app.backupFile();
    const present = app.db.tables.map((t) => t.name);
    for (const store of present) expect(file.stores[store as keyof BackupFile['stores']]?.length ?? 0, store).toBeGreaterThan(0);
    // Every table of the schema is a store of the format.
    for (const store of present) expect(BACKUP_STORES as readonly string[]).toContain(store);
    expect(DEMO_LISTING_SIGNATURE).toBe(headerSignature(['Läkare', 'Listade', 'Listningspoäng']));
    // Twelve months of snapshots, a meeting with notes and actions.
    expect(file.stores.snapshots).toHaveLength(12);
    const meeting = file.stores.workshops![0] as { items: Record<string, { kind: string }> };
    const kinds = Object.values(meeting.items).map((i) => i.kind);
    expect(kinds).toEqual(expect.arrayContaining(['note', 'obstacle', 'opportunity', 'action']));
  });

  it('backup → a browser with nothing → restore: every store identical', async () => {
    const a = await startApp();
    await a.showDemo();
    await a.updateUnit({ listed: 9900 });
    await a.setSetting('some.view', { columns: ['a'] });
    const { text } = await a.backupFile();

    const b = await startApp();
    await b.clearAllData();
    const opened = await b.openBackup(text);
    if (!opened.ok) throw new Error(JSON.stringify(opened.errors));
    expect(opened.fromVersion).toBe(1);
    const units = opened.preview.stores.find((s) => s.store === 'units')!;
    expect(units).toMatchObject({ inFile: 1, added: 1, replaced: 0 });
    expect(await b.restoreBackupFile(opened.file)).toBe(true);
    expect(await dump(b)).toEqual(await dump(a));
    expect(b.unit?.name).toBe(a.unit?.name);
    expect(b.plan?.unit.listed).toBe(9900);
  });

  it('a fresh browser (only the untouched demo of the first start) ends exactly as the backup', async () => {
    const a = await startApp();
    await a.showDemo();
    const { text } = await a.backupFile();
    const b = await startApp();
    expect(b.firstRunPending).toBe(true);
    const opened = await b.openBackup(text);
    if (!opened.ok) throw new Error('not ok');
    expect(await b.restoreBackupFile(opened.file)).toBe(true);
    expect(await dump(b)).toEqual(await dump(a));
    // Once the demo was touched, nothing of it is wiped: the file is added beside it.
    const c = await startApp();
    await c.updateUnit({ listed: 5000 });
    const again = await c.openBackup(text);
    if (!again.ok) throw new Error('not ok');
    await c.restoreBackupFile(again.file);
    expect(c.units).toHaveLength(2);
  });

  it('restoring over changed data replaces only what the file holds, backs the replaced plan up first, and adds nothing twice', async () => {
    const app = await startApp();
    const { text } = await app.backupFile();
    await app.updateUnit({ listed: 12345 });
    await app.createUnit('Annan enhet');
    const opened = await app.openBackup(text);
    if (!opened.ok) throw new Error('not ok');
    expect(opened.preview.stores.find((s) => s.store === 'plans')).toMatchObject({ replaced: 1, added: 0 });
    expect(opened.preview.units.map((u) => u.exists)).toEqual([true]);
    const backupsBefore = await app.db.backups.count();
    expect(await app.restoreBackupFile(opened.file)).toBe(true);
    const demo = app.units.find((u) => u.name !== 'Annan enhet')!;
    await app.selectUnit(demo.id);
    expect(app.plan?.unit.listed).toBe(9800);
    // The other unit is still there; the replaced plan was backed up before the restore.
    expect(app.units.map((u) => u.name)).toContain('Annan enhet');
    const reasons = (await app.db.backups.toArray()).map((b) => b.reason);
    expect(reasons).toContain('restore');
    expect(await app.db.backups.count()).toBeGreaterThan(backupsBefore);
  });

  it('a file with one broken plan restores nothing', async () => {
    const a = await startApp();
    await a.showDemo();
    const { file } = await a.backupFile();
    const broken = structuredClone(file);
    (broken.stores.doctors![0] as { data: { employment: unknown } }).data.employment = 'heltid';
    const b = await startApp();
    await b.clearAllData();
    const opened = await b.openBackup(JSON.stringify(broken));
    expect(opened.ok).toBe(false);
    if (!opened.ok) expect(opened.errors[0].path).toMatch(/^stores\.plans\[\d+\]\.doctors\[\d+\]\.employment$/);
    // A write that fails half-way takes everything back (one transaction).
    const dup = structuredClone(file);
    dup.stores.workshops = [...dup.stores.workshops!, { id: 1 }];
    expect(readBackupFile(JSON.stringify(dup)).ok).toBe(false);
    expect(await b.db.units.count()).toBe(0);
  });

  it('refuses a newer version and a file that is not a backup, in Swedish', () => {
    const newer = readBackupFile(JSON.stringify({ format: 'kapacitet/backup', version: 2, stores: {} }));
    expect(newer.ok).toBe(false);
    if (!newer.ok) expect(newer.errors[0].message).toMatch(/nyare version/);
    const other = readBackupFile('{"format":"något annat"}');
    expect(other.ok).toBe(false);
    expect(readBackupFile('inte json').ok).toBe(false);
  });
});

describe('files written by the app before the complete backup (version 0)', () => {
  it('a plan file restores as a new unit, never over the open one', async () => {
    const app = await startApp();
    const before = await dump(app);
    const opened = await app.openBackup(fixture('v0-plan.kapacitet.json'));
    if (!opened.ok) throw new Error(JSON.stringify(opened.errors));
    expect(opened.fromVersion).toBe(0);
    expect(opened.preview.units).toEqual([expect.objectContaining({ exists: false })]);
    expect(await app.restoreBackupFile(opened.file)).toBe(true);
    expect(app.units).toHaveLength(2);
    const after = await dump(app);
    // Everything that was there is still there, unchanged.
    for (const store of ['units', 'plans', 'doctors', 'workshops', 'snapshots']) {
      for (const r of before[store] ?? []) expect(after[store]).toContain(r);
    }
  });

  it('an "alla planer" file restores its current plan and its scenarios as a new unit', async () => {
    const app = await startApp();
    await app.clearAllData();
    const opened = await app.openBackup(fixture('v0-all-plans.kapacitet.json'));
    if (!opened.ok) throw new Error(JSON.stringify(opened.errors));
    expect(await app.restoreBackupFile(opened.file)).toBe(true);
    expect(app.units).toHaveLength(1);
    expect(app.plans.map((p) => [p.name, p.kind])).toEqual([
      ['Nuläge', 'current'],
      ['Två nya ST', 'scenario'],
    ]);
    expect(app.plan?.doctors.length).toBe(10);
    // The scenarios field is never stored inside a plan.
    expect(JSON.stringify(await app.db.plans.toArray())).not.toContain('"scenarios"');
  });
});
