/**
 * Migrations refuse what they cannot keep (issue 12.6), driven by fixtures in fixtures/cases/:
 * - v1-duplicate-doctor-ids.json: the v1 → v2 upgrade keeps every doctor of a plan whose doctors share
 *   an id (the later one gets a new id, never one another doctor has) and tells the user once;
 * - newer-schema.json: a database written by a newer version is opened read-only, and nothing this
 *   version does writes to it (a dump of every store, its indexes and the version is unchanged).
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KapacitetDb, LATEST_VERSION, NOTICES_KEY, declareVersions, installedVersion, openKapacitetDb, readNotices, readPlan, uniqueDoctorIds } from '../../../src/lib/db/index';
import { createDemoPlan, parsePlan, serializePlan } from '../../../src/lib/engine/index';
import { AppState } from '../../../src/lib/state/app.svelte';
import { DATA_SV } from '../../../src/lib/strings/data.sv';
import { dumpDatabase, uniqueDbName } from './helpers';

const fixture = <T>(name: string): T => JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'cases', name), 'utf8')) as T;

interface DuplicatesFixture {
  version: number;
  tables: Record<string, unknown[]>;
  expected: Record<string, { doctorIds: string[]; doctorNames: string[]; listed: number[]; unreadableDoctors?: unknown[] }>;
  expectedNotices: string[];
}
interface NewerFixture {
  /** The stores the newer version adds or changes (declared as LATEST_VERSION + 1). */
  stores: Record<string, string>;
  tables: Record<string, unknown[]>;
  selectedPlan: string;
}

const names: string[] = [];
const apps: AppState[] = [];
const dbs: Dexie[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) a.dispose();
  for (const d of dbs.splice(0)) d.close();
  for (const n of names.splice(0)) await Dexie.delete(n);
});

/** A database as an app of that version left it (a newer version declares its own extra stores). */
async function databaseAt(version: number, tables: Record<string, unknown[]>, newerStores?: Record<string, string>): Promise<string> {
  const name = uniqueDbName(`v${version}`);
  names.push(name);
  const old = new Dexie(name);
  declareVersions(old, Math.min(version, LATEST_VERSION));
  if (newerStores) old.version(version).stores(newerStores);
  await old.open();
  for (const [table, rows] of Object.entries(tables)) await old.table(table).bulkAdd(rows);
  old.close();
  return name;
}

function startApp(dbName: string): Promise<AppState> {
  const app = new AppState({ dbName, today: '2026-11-23', storage: null });
  apps.push(app);
  return app.start().then(() => app);
}

describe('v1 → v2: doctors that share an id are all kept', () => {
  const f = fixture<DuplicatesFixture>('v1-duplicate-doctor-ids.json');

  it('every doctor becomes a row, the later duplicate under a new id that no other doctor has', async () => {
    const name = await databaseAt(f.version, f.tables);
    const db = new KapacitetDb(name);
    dbs.push(db);
    await db.open();
    for (const [planId, want] of Object.entries(f.expected)) {
      const plan = (await readPlan(db, planId))!;
      expect(plan.doctors.map((d) => d.id), planId).toEqual(want.doctorIds);
      expect(plan.doctors.map((d) => d.name), planId).toEqual(want.doctorNames);
      expect(plan.doctors.map((d) => d.listed), planId).toEqual(want.listed);
      // Kept in the plan, and in its file (where a plan file keeps unknown fields).
      expect(JSON.parse(serializePlan(plan)).unreadableDoctors, planId).toEqual(want.unreadableDoctors);
      // The plan is usable as it is: parsePlan accepts it (unique ids, the kept entry an unknown field).
      expect(parsePlan(plan).ok, planId).toBe(true);
    }
    const plans = f.tables.plans as { body: { doctors: unknown[] } }[];
    const before = plans.reduce((n, p) => n + p.body.doctors.filter((d) => typeof d === 'object').length, 0);
    expect(await db.doctors.count()).toBe(before);
    const notices = readNotices((await db.settings.get(NOTICES_KEY))?.value);
    expect(notices.map((n) => n.message)).toEqual(f.expectedNotices);
    // No internal key reaches the user.
    for (const n of notices) expect(n.message).not.toMatch(/\bd\d|d3-|plan-|unit-/);
  });

  it('the user sees the notice once: shown after the upgrade, gone for good when closed', async () => {
    const name = await databaseAt(f.version, f.tables);
    const app = await startApp(name);
    expect(app.notices.map((n) => n.message)).toEqual(f.expectedNotices);
    for (const n of [...app.notices]) await app.dismissNotice(n.id);
    await vi.waitFor(() => expect(app.notices).toEqual([]));
    app.dispose();
    const again = await startApp(name);
    expect(again.notices).toEqual([]);
    expect(again.plan!.doctors.map((d) => d.id)).toEqual(f.expected['plan-dup'].doctorIds);
  });

  it('uniqueDoctorIds: the first keeps its id; renamed ids skip ids taken later in the list', () => {
    const { doctors, renamed } = uniqueDoctorIds([{ id: 'a' }, { id: 'a', name: 'B' }, { id: 'a-2' }, { id: 'a' }, { name: 'C' }, { id: 7 }]);
    expect(doctors.map((d) => d.id)).toEqual(['a', 'a-3', 'a-2', 'a-4', 'd-2', '7']);
    expect(renamed).toEqual([
      { name: 'B', from: 'a', to: 'a-3' },
      { name: '', from: 'a', to: 'a-4' },
      { name: 'C', from: '', to: 'd-2' },
    ]);
  });
});

describe('a database written by a newer version is opened read-only, never written', () => {
  const f = fixture<NewerFixture>('newer-schema.json');
  const NEWER = LATEST_VERSION + 1;

  it('installedVersion reads the version without creating or changing anything', async () => {
    const none = uniqueDbName('none');
    expect(await installedVersion(none)).toBe(0);
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(none);
    const name = await databaseAt(NEWER, f.tables, f.stores);
    const before = await dumpDatabase(name);
    expect(await installedVersion(name)).toBe(NEWER);
    const opened = await openKapacitetDb(name);
    dbs.push(opened.db);
    expect(opened).toMatchObject({ readOnly: true, storedVersion: NEWER });
    await expect(opened.db.plans.put({ ...(await opened.db.plans.get(f.selectedPlan))!, name: 'x' })).rejects.toThrow(/skrivskyddad/);
    opened.db.close();
    expect(await dumpDatabase(name)).toEqual(before);
  });

  it('the app shows the data with a Swedish message, refuses every change, and the database stays byte for byte', async () => {
    const name = await databaseAt(NEWER, f.tables, f.stores);
    const before = await dumpDatabase(name);
    const app = await startApp(name);
    expect(app.ready).toBe(true);
    expect(app.startError).toBeNull();
    expect(app.readOnly).toBe(DATA_SV.errors.readOnly);
    expect(app.readOnly).toMatch(/^Den här webbläsaren har data från en nyare version av Kapacitet/);
    // What it holds can be seen (and saved as a file).
    expect(app.planId).toBe(f.selectedPlan);
    expect(app.plan!.doctors.length).toBeGreaterThan(0);
    expect(app.result!.unit.capacity).toBeGreaterThan(0);
    expect((await app.planFile()).text).toContain('"v3Field"');
    // Every kind of change is refused with the same message.
    const refused = [
      () => app.updateUnit({ listed: 1 }),
      () => app.addDoctor('st'),
      () => app.undo(),
      () => app.renameUnit(app.unitId!, 'Nytt namn'),
      () => app.renamePlan(app.planId!, 'Nytt namn'),
      () => app.deleteUnit(app.unitId!),
      () => app.promotePlan(app.plans.find((p) => p.kind === 'scenario')!.id),
      () => app.deletePlan(app.plans.find((p) => p.kind === 'scenario')!.id),
      () => app.restoreFromFile(serializePlan(createDemoPlan())).then((r) => r.ok),
    ];
    for (const change of refused) {
      app.clearError();
      expect(await change()).toBeFalsy();
      expect(app.lastError?.kind).toBe('read-only');
      expect(app.lastError?.message).toBe(DATA_SV.errors.readOnly);
    }
    await expect(app.createUnit('Ny')).rejects.toThrow();
    await expect(app.duplicatePlan(app.planId!, 'Kopia')).rejects.toThrow();
    await app.setSetting('kolumner', ['namn']); // for this session only
    expect(app.settings.kolumner).toEqual(['namn']);
    await expect(app.clearAllData()).rejects.toThrow();
    // Switching units and plans works (and is not remembered: nothing is written).
    const other = app.units.find((u) => u.id !== app.unitId)!;
    await app.selectUnit(other.id);
    expect(app.unitId).toBe(other.id);
    await app.flush();
    app.dispose();
    expect(await dumpDatabase(name)).toEqual(before);
  });

  it('a newer database whose tables this version cannot read gives a clear start error, and is left alone', async () => {
    const name = uniqueDbName('v9');
    names.push(name);
    const newer = new Dexie(name);
    newer.version(9).stores({ everything: 'id' });
    await newer.open();
    await newer.table('everything').add({ id: 'x', data: 'ny form' });
    newer.close();
    const before = await dumpDatabase(name);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const app = new AppState({ dbName: name, storage: null });
    apps.push(app);
    await app.start();
    error.mockRestore();
    expect(app.ready).toBe(false);
    expect(app.startError).toBe(DATA_SV.errors.readOnlyUnreadable);
    app.dispose();
    expect(await dumpDatabase(name)).toEqual(before);
  });
});
