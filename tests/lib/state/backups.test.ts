import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parsePlan, serializePlan, type Plan } from '../../../src/lib/engine/index';
import { deletePlanRows, deleteUnitRows, diffPlans, insertPlan, planOfBackup, readPlan, readStoredBackup, takeBackup, writeOps, type BackupRecord } from '../../../src/lib/db/index';
import oldStored from '../db/fixtures/backups/stored-v0-rolling-backup.json';

/** A rolling backup as the app stored it before backups were v1 documents (a plan-file text). */
const oldRecord = oldStored as BackupRecord;
import { BackupsState, type BackupHost } from '../../../src/lib/state/backups.svelte';
import { splitPlanFile } from '../../../src/lib/state/planBackup';
import { Catalog } from '../../../src/lib/state/catalog.svelte';
import { PlanSession } from '../../../src/lib/state/session.svelte';
import { SettingsState } from '../../../src/lib/state/settings.svelte';
import { DATA_SV } from '../../../src/lib/strings/data.sv';
import { TODAY } from './helpers';
import { coreWithPlan, demoPlan, dropParts } from './parts';

const made: { b: BackupsState; c: Catalog; s: PlanSession }[] = [];
afterEach(async () => {
  for (const m of made.splice(0)) {
    m.b.dispose();
    m.c.dispose();
    m.s.dispose();
  }
  await dropParts();
});

/** The backups part on its own, with the other parts' commands as recording stubs. */
async function backups(replaceOk = true) {
  const parts = await coreWithPlan();
  const session = new PlanSession(parts.core);
  const follow = { to: (_id: string | null) => undefined as void };
  const catalog = new Catalog(parts.core, session, new SettingsState(parts.core), (id) => follow.to(id));
  const calls: string[] = [];
  const host: BackupHost = {
    replacePlan: vi.fn(async (_plan: Plan, reason) => (calls.push(`replace:${reason}`), replaceOk)),
    createUnitFromPlan: vi.fn(async () => (calls.push('createUnit'), 'unit-new')),
    deleteUnit: vi.fn(async (id: string) => (calls.push(`deleteUnit:${id}`), true)),
  };
  const b = new BackupsState(parts.core, catalog, session, host);
  follow.to = (id) => b.follow(id);
  made.push({ b, c: catalog, s: session });
  await Promise.all([catalog.watch(), b.watch()]);
  await catalog.selectUnit(parts.unitId);
  return { ...parts, b, catalog, session, host, calls };
}

describe('BackupsState: rolling backups', () => {
  it('lists the backups of the plan in view, newest first', async () => {
    const { b, db, planId, time } = await backups();
    await db.transaction('rw', db.planTables, async () => {
      await takeBackup(db, planId, 'manual', time.now());
      time.advance(1000);
      await takeBackup(db, planId, 'import', time.now());
    });
    await vi.waitFor(() => expect(b.backups.map((x) => x.reason)).toEqual(['import', 'manual']));
    expect(b.backups[0]).toMatchObject({ planId, planName: 'Nuläge', unitName: 'Vårdcentralen Exempel', doctorCount: demoPlan().doctors.length });
    b.follow(null);
    expect(b.backups).toEqual([]);
  });

  it('a new rolling backup is a kapacitet/backup v1 document; restoring it is the preview and restore of a file', async () => {
    const { b, db, planId, unitId, time, host, core } = await backups();
    const record = (await db.transaction('rw', db.planTables, () => takeBackup(db, planId, 'manual', time.now())))!;
    const doc = JSON.parse(record.text);
    expect(doc).toMatchObject({ format: 'kapacitet/backup', version: 1, plan: planId });
    expect(doc.stores.plans.map((p: { id: string }) => p.id)).toEqual([planId]);
    expect(doc.stores.units.map((u: { id: string }) => u.id)).toEqual([unitId]);
    expect(doc.stores.doctors).toHaveLength(demoPlan().doctors.length);
    // Later: a doctor removed, one added, a number changed, the plan and the unit renamed.
    const before = await readPlan(db, planId);
    const changed = structuredClone(before!);
    changed.doctors.splice(0, 1);
    changed.doctors.push({ ...structuredClone(changed.doctors[0]), id: 'doc-later', name: 'Tillagd senare' });
    changed.unit.listed = 1234;
    changed.unit.name = 'Nytt namn';
    time.advance(1000);
    await db.transaction('rw', db.planTables, () => writeOps(db, planId, diffPlans(before!, changed), time.now()));
    await db.plans.update(planId, { name: 'Omdöpt' });
    await db.units.update(unitId, { name: 'Nytt namn' });

    const opened = await b.openStoredBackup(record.id);
    if (!opened.ok) throw new Error('not opened');
    expect(opened.preview.stores.find((s) => s.store === 'plans')).toMatchObject({ inFile: 1, replaced: 1 });
    expect(opened.preview.stores.find((s) => s.store === 'units')).toBeUndefined(); // the unit stays as it is
    expect(await b.restoreBackupFile(opened.file)).toBe(true);
    expect(host.replacePlan).not.toHaveBeenCalled();
    const after = (await readPlan(db, planId))!;
    expect(after).toEqual({ ...before, unit: { ...before!.unit, name: 'Nytt namn' } });
    expect(await db.doctors.get([planId, 'doc-later'])).toBeUndefined();
    expect(await db.plans.get(planId)).toMatchObject({ name: 'Omdöpt', kind: 'current' });
    // What was replaced is itself backed up first, so the restore can be taken back.
    const latest = (await db.backups.where('planId').equals(planId).toArray()).find((x) => x.reason === 'restore')!;
    const undo = readStoredBackup(latest);
    expect(undo.ok && planOfBackup(undo.file)!.doctors.map((d) => d.id)).toContain('doc-later');
    expect(core.lastError).toBeNull();
  });

  it('an old stored backup (a plan-file text, written before v1) restores the same plan through the one chain', async () => {
    const { b, db, planId, unitId } = await backups();
    const old = { ...oldRecord, planId, unitId, id: 'backup-old' };
    await db.backups.add(old);
    const read = readStoredBackup(old);
    if (!read.ok) throw new Error('not read');
    expect(read.file).toMatchObject({ format: 'kapacitet/backup', version: 1, plan: planId });
    expect((read.file.stores.plans as { id: string }[]).map((p) => p.id)).toEqual([planId]);
    const opened = await b.openStoredBackup('backup-old');
    if (!opened.ok) throw new Error('not opened');
    expect(opened.preview.stores.find((s) => s.store === 'plans')).toMatchObject({ inFile: 1, added: 0, replaced: 1 });
    const units = await db.units.count();
    expect(await b.restoreBackup('backup-old')).toBe(true);
    expect(await db.units.count()).toBe(units); // never a new unit
    const restored = (await readPlan(db, planId))!;
    const fromText = parsePlan(oldRecord.text);
    if (!fromText.ok) throw new Error('fixture');
    expect(restored.doctors.map((d) => d.name)).toEqual(fromText.plan.doctors.map((d) => d.name));
    expect(restored.unit.listed).toBe(fromText.plan.unit.listed);
  });

  it('a deleted scenario comes back as a scenario; a deleted unit comes back with its notes and snapshots', async () => {
    const { b, db, unitId, planId, time, session } = await backups();
    const scenario = await db.transaction('rw', [db.plans, db.doctors], () =>
      insertPlan(db, { unitId, name: 'Fyra läkare', kind: 'scenario', plan: demoPlan(), now: time.now() }),
    );
    const gone = await db.transaction('rw', db.planTables, async () => {
      const r = await takeBackup(db, scenario, 'delete-plan', time.now());
      await deletePlanRows(db, scenario);
      return r!;
    });
    await vi.waitFor(() => expect(b.orphanBackups.map((o) => o.planId)).toEqual([scenario]));
    expect(await b.restoreBackup(gone.id)).toBe(true);
    expect(await db.plans.get(scenario)).toMatchObject({ kind: 'scenario', name: DATA_SV.restoredPlan('Fyra läkare', TODAY) });
    expect(session.planId).toBe(scenario);

    const workshop = { id: 'w1', unitId, meetingDate: '2026-11-01', title: 'APT', areas: [], createdAt: 1, updatedAt: 1 };
    await db.workshops.add(workshop);
    const unitBackup = await db.transaction('rw', [...db.planTables, db.workshops, db.snapshots], async () => {
      const r = (await takeBackup(db, planId, 'delete-unit', time.now(), undefined, { workshops: [workshop], snapshots: [] }))!;
      await deleteUnitRows(db, unitId);
      return r;
    });
    expect(JSON.parse(unitBackup.text).stores.workshops).toEqual([workshop]);
    expect(await b.restoreBackup(unitBackup.id)).toBe(true);
    expect(await db.units.get(unitId)).toMatchObject({ name: 'Vårdcentralen Exempel' });
    expect(await db.plans.get(planId)).toMatchObject({ kind: 'current', name: DATA_SV.defaultPlanName });
    expect(await db.workshops.get('w1')).toEqual(workshop);
  });

  it('an old stored backup of a deleted unit (plan text + unitData) brings the unit, its plan and its meetings back', async () => {
    const { b, db, unitId, planId } = await backups();
    const workshop = { id: 'w2', unitId, meetingDate: '2026-10-01', title: 'APT', areas: [], createdAt: 1, updatedAt: 1 };
    await db.transaction('rw', [...db.planTables, db.workshops, db.snapshots], () => deleteUnitRows(db, unitId));
    await db.backups.add({ ...oldRecord, id: 'backup-old-unit', planId, unitId, reason: 'delete-unit', unitData: { workshops: [workshop], snapshots: [] } });
    expect(await b.restoreBackup('backup-old-unit')).toBe(true);
    expect(await db.units.get(unitId)).toMatchObject({ name: oldRecord.unitName });
    expect(await db.plans.get(planId)).toMatchObject({ kind: 'current', unitId });
    expect(await db.workshops.get('w2')).toEqual(workshop);
  });

  it('a missing or broken backup is refused in Swedish', async () => {
    const { b, core, db, planId, unitId } = await backups();
    expect(await b.restoreBackup('backup-none')).toBe(false);
    expect(core.lastError?.message).toBe(DATA_SV.errors.backupGone);
    await db.backups.add({ id: 'bad', planId, unitId, planName: 'x', unitName: 'y', planKind: 'current', reason: 'manual', createdAt: 1, doctorCount: 0, text: '{"format": "kapacitet/backup", "version": 99}' });
    expect(await b.restoreBackup('bad')).toBe(false);
    expect(core.lastError).toMatchObject({ kind: 'file', message: DATA_SV.errors.backupBroken });
    expect(core.lastError!.details[0]).toMatch(/^Filversion – /);
  });
});

describe('BackupsState: plan files', () => {
  it('names the file after the unit (and the scenario) and today', async () => {
    const { b, db, unitId, planId, time } = await backups();
    const file = await b.planFile();
    expect(file).toEqual({ filename: `Vårdcentralen Exempel ${TODAY}.kapacitet.json`, text: serializePlan(demoPlan()) });
    const scenario = await db.transaction('rw', [db.plans, db.doctors], () =>
      insertPlan(db, { unitId, name: 'Utan: en läkare', kind: 'scenario', plan: demoPlan(), now: time.now() }),
    );
    expect((await b.planFile(scenario)).filename).toBe(`Vårdcentralen Exempel – Utan en läkare ${TODAY}.kapacitet.json`);
    expect(planId).toBeTruthy();
  });

  it('the unit\'s plans in one file read back as the current plan with its scenarios', async () => {
    const { b, db, unitId, time, catalog } = await backups();
    await db.transaction('rw', [db.plans, db.doctors], () =>
      insertPlan(db, { unitId, name: 'Fyra läkare', kind: 'scenario', plan: { ...demoPlan(), doctors: demoPlan().doctors.slice(0, 4) }, now: time.now() }),
    );
    await vi.waitFor(() => expect(catalog.plans).toHaveLength(2));
    const file = await b.unitPlansFile();
    expect(file.filename).toBe('Vårdcentralen Exempel – alla planer.kapacitet.json');
    const parsed = parsePlan(file.text);
    const split = parsed.ok ? splitPlanFile(parsed.plan) : parsed;
    expect(split.ok && split.scenarios.map((s) => [s.name, s.plan.doctors.length])).toEqual([['Fyra läkare', 4]]);
    expect(split.ok && split.main).toEqual(demoPlan());
  });

  it('unknown fields of a scenario are in the file where a plan file of its own would have them', async () => {
    const { b, db, unitId, time, catalog } = await backups();
    const file = JSON.parse(serializePlan(demoPlan()));
    file.regionNote = 'regionens fält';
    file.doctors[0].regionCode = 'X-17';
    const parsed = parsePlan(JSON.stringify(file));
    if (!parsed.ok) throw new Error('invalid');
    await db.transaction('rw', [db.plans, db.doctors], () => insertPlan(db, { unitId, name: 'Med okända fält', kind: 'scenario', plan: parsed.plan, now: time.now() }));
    await vi.waitFor(() => expect(catalog.plans).toHaveLength(2));
    const all = JSON.parse((await b.unitPlansFile()).text);
    expect(all.scenarios[0].plan.regionNote).toBe('regionens fält');
    expect(all.scenarios[0].plan.doctors[0].regionCode).toBe('X-17');
    expect(all.scenarios[0].plan).toEqual(JSON.parse(serializePlan(parsed.plan)));
  });

  it('opening a file: scenarios first, then the plan in view replaced; a refused replacement takes them back', async () => {
    const ok = await backups(true);
    const text = serializePlan({ ...demoPlan(), scenarios: [{ name: 'Fyra läkare', plan: demoPlan() }] } as Plan);
    expect(await ok.b.restoreFromFile(text)).toEqual({ ok: true, scenarios: ['Fyra läkare'] });
    expect(ok.calls).toEqual(['replace:file']);
    expect(await ok.db.plans.where('unitId').equals(ok.unitId).count()).toBe(2);

    const refused = await backups(false);
    const r = await refused.b.restoreFromFile(text);
    expect(r.ok).toBe(false);
    expect(await refused.db.plans.where('unitId').equals(refused.unitId).count()).toBe(1);
  });

  it('as a new unit when asked; nothing at all for a broken file or in a read-only tab', async () => {
    const { b, core, calls, db } = await backups();
    expect((await b.restoreFromFile(serializePlan(demoPlan()), { asNewUnit: true })).ok).toBe(true);
    expect(calls).toEqual(['createUnit']);
    const broken = await b.restoreFromFile('{"format":"kapacitet/plan","version":1,"unit":{}}');
    expect(broken.ok).toBe(false);
    expect(core.lastError?.message).toBe(DATA_SV.errors.fileInvalid);
    core.readOnly = DATA_SV.errors.readOnly;
    const before = await db.plans.count();
    expect(await b.restoreFromFile(serializePlan(demoPlan()))).toEqual({ ok: false, errors: [{ path: '', message: DATA_SV.errors.readOnly }] });
    expect(await db.plans.count()).toBe(before);
    expect(calls).toEqual(['createUnit']);
  });
});
