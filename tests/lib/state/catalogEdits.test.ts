import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDemoPlan, createEmptyPlan } from '../../../src/lib/engine/index';
import { readPlan } from '../../../src/lib/db/index';
import { DATA_SV } from '../../../src/lib/strings/data.sv';
import { TODAY, disposeApps, startApp } from './helpers';

afterEach(disposeApps);

async function setup() {
  const app = await startApp();
  return { app, edits: app.parts.catalogEdits, catalog: app.parts.catalog, db: app.db };
}

describe('CatalogEdits: units', () => {
  it('seeds the demo once, even when asked again', async () => {
    const { edits, db } = await setup();
    expect(await db.units.count()).toBe(1);
    await edits.seed();
    expect(await db.units.count()).toBe(1);
  });

  it('creates an empty or a demo unit under the given name and selects it', async () => {
    const { edits, catalog, app } = await setup();
    const empty = await edits.createUnit('  Hälsocentralen Norr ');
    expect(catalog.unitId).toBe(empty);
    expect(app.plan).toMatchObject({ unit: { name: 'Hälsocentralen Norr' }, doctors: [] });
    await edits.createUnit('Demo Söder', true);
    expect(app.plan!.unit.name).toBe('Demo Söder');
    expect(app.plan!.doctors.length).toBe(createDemoPlan().doctors.length);
  });

  it('refuses an invalid plan as a new unit and writes nothing', async () => {
    const { edits, app, db } = await setup();
    const bad = { ...createEmptyPlan('X'), unit: { ...createEmptyPlan('X').unit, listed: -1 } };
    await expect(edits.createUnitFromPlan(bad)).rejects.toThrow(DATA_SV.errors.invalidEdit);
    expect(app.lastError?.details.join(' ')).toMatch(/Enheten: Listade invånare – /);
    expect(await db.units.count()).toBe(1);
  });

  it('renames the unit and the unit name in every plan of it', async () => {
    const { edits, app, db } = await setup();
    const copy = await edits.duplicatePlan(app.planId!, 'Kopia');
    expect(await edits.renameUnit(app.unitId!, ' VC Norr ')).toBe(true);
    expect((await db.units.get(app.unitId!))!.name).toBe('VC Norr');
    expect((await readPlan(db, copy))!.unit.name).toBe('VC Norr');
    expect(await edits.renameUnit(app.unitId!, '   ')).toBe(false);
    expect(await edits.renameUnit(app.unitId!, '19121212-1212')).toBe(false);
    expect(app.lastError?.message).toBe(DATA_SV.errors.personnummer);
    expect(await edits.renameUnit('unit-none', 'X')).toBe(false);
    expect(app.lastError?.message).toBe(DATA_SV.errors.unitGone);
  });

  it('deleting a unit backs up each plan first, forgets its history and selects another unit', async () => {
    const { edits, app, db } = await setup();
    const first = app.unitId!;
    await app.updateUnit({ listed: 10_001 });
    const second = await edits.createUnit('Andra');
    await app.selectUnit(first);
    expect(app.canUndo).toBe(true);
    expect(await edits.deleteUnit(first)).toBe(true);
    expect(app.unitId).toBe(second);
    expect(await db.plans.where('unitId').equals(first).count()).toBe(0);
    const backups = await db.backups.where('unitId').equals(first).toArray();
    expect(backups.map((b) => b.reason).sort()).toEqual(['auto', 'delete-unit']);
    await vi.waitFor(() => expect(app.orphanBackups.map((b) => b.unitId)).toEqual([first]));
    // Brought back from its backup (same plan id), it has no undo history of the deleted plan.
    expect(await app.restoreBackup(app.orphanBackups[0].id)).toBe(true);
    expect(app.unitId).toBe(first);
    expect(app.canUndo).toBe(false);
  });

  it('clears all data; the demo does not come back', async () => {
    const { edits, app, db } = await setup();
    await edits.clearAllData();
    expect(app.unitId).toBeNull();
    expect(app.plan).toBeUndefined();
    for (const t of db.tables) if (t.name !== 'settings') expect(await t.count(), t.name).toBe(0);
    await edits.seed();
    expect(await db.units.count()).toBe(0);
  });
});

describe('CatalogEdits: plans', () => {
  it('a copy is a scenario, not selected, named as asked or "Kopia av …"', async () => {
    const { edits, app } = await setup();
    const current = app.planId!;
    const named = await edits.duplicatePlan(current, ' Fyra läkare ');
    const unnamed = await edits.duplicatePlan(current, '');
    expect(app.planId).toBe(current);
    await vi.waitFor(() => expect(app.plans.find((p) => p.id === named)?.name).toBe('Fyra läkare'));
    await vi.waitFor(() => expect(app.plans.find((p) => p.id === unnamed)?.name).toBe(DATA_SV.copyOf('Nuläge')));
    await expect(edits.duplicatePlan('plan-none', 'x')).rejects.toThrow();
    expect(app.lastError?.kind).toBe('conflict');
  });

  it('renames a plan; refuses an empty name, a personnummer and a missing plan', async () => {
    const { edits, app, db } = await setup();
    expect(await edits.renamePlan(app.planId!, 'Nuläge 2027')).toBe(true);
    expect((await db.plans.get(app.planId!))!.name).toBe('Nuläge 2027');
    expect(await edits.renamePlan(app.planId!, '')).toBe(false);
    expect(await edits.renamePlan(app.planId!, '19121212-1212')).toBe(false);
    expect(await edits.renamePlan('plan-none', 'X')).toBe(false);
    expect(app.lastError?.message).toBe(DATA_SV.errors.planGone);
  });

  it('deletes a scenario (backup first) and moves to the current plan; the current plan is refused', async () => {
    const { edits, app, db } = await setup();
    const current = app.planId!;
    const copy = await edits.duplicatePlan(current, 'Bort');
    await app.selectPlan(copy);
    expect(await edits.deletePlan(copy)).toBe(true);
    expect(app.planId).toBe(current);
    expect((await db.backups.where('planId').equals(copy).toArray()).map((b) => b.reason)).toEqual(['delete-plan']);
    expect(await edits.deletePlan(current)).toBe(false);
    expect(app.lastError?.message).toBe(DATA_SV.errors.deleteCurrentPlan);
  });

  it('promotes a scenario to "Nuläge (från …)" and the old current to "Tidigare nuläge <date>"', async () => {
    const { edits, app, db } = await setup();
    const current = app.planId!;
    const copy = await edits.duplicatePlan(current, 'Fyra läkare');
    expect(await edits.promotePlan(copy)).toBe(true);
    expect(await db.plans.get(copy)).toMatchObject({ kind: 'current', name: DATA_SV.promotedCurrent('Fyra läkare') });
    expect(await db.plans.get(current)).toMatchObject({ kind: 'scenario', name: DATA_SV.formerCurrent(TODAY) });
    // Back again: a former current plan simply becomes "Nuläge".
    expect(await edits.promotePlan(current)).toBe(true);
    expect((await db.plans.get(current))!.name).toBe(DATA_SV.defaultPlanName);
    expect(await edits.promotePlan(current)).toBe(false);
    expect(app.lastError?.message).toBe(DATA_SV.errors.promoteCurrent);
  });
});
