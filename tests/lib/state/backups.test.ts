import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parsePlan, serializePlan, type Plan } from '../../../src/lib/engine/index';
import { deletePlanRows, deleteUnitRows, insertPlan, takeBackup } from '../../../src/lib/db/index';
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

  it('restoring a backup of a plan that exists goes through replacePlan (one undoable step)', async () => {
    const { b, db, planId, time, host } = await backups();
    const record = await db.transaction('rw', db.planTables, () => takeBackup(db, planId, 'manual', time.now()));
    expect(await b.restoreBackup(record!.id)).toBe(true);
    expect(host.replacePlan).toHaveBeenCalledWith(demoPlan(), 'restore');
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
      const r = (await takeBackup(db, planId, 'delete-unit', time.now()))!;
      await db.backups.update(r.id, { unitData: { workshops: [workshop], snapshots: [] } });
      await deleteUnitRows(db, unitId);
      return r;
    });
    expect(await b.restoreBackup(unitBackup.id)).toBe(true);
    expect(await db.units.get(unitId)).toMatchObject({ name: 'Vårdcentralen Exempel' });
    expect(await db.plans.get(planId)).toMatchObject({ kind: 'current', name: DATA_SV.defaultPlanName });
    expect(await db.workshops.get('w1')).toEqual(workshop);
  });

  it('a missing or broken backup is refused in Swedish', async () => {
    const { b, core, db, planId, unitId } = await backups();
    expect(await b.restoreBackup('backup-none')).toBe(false);
    expect(core.lastError?.message).toBe(DATA_SV.errors.backupGone);
    await db.backups.add({ id: 'bad', planId, unitId, planName: 'x', unitName: 'y', planKind: 'current', reason: 'manual', createdAt: 1, doctorCount: 0, text: '{"version": 99}' });
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
