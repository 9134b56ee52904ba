import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEmptyPlan } from '../../../src/lib/engine/index';
import { deleteUnitRows, insertPlan, insertUnitWithPlan } from '../../../src/lib/db/index';
import { Catalog, lastPlanKey } from '../../../src/lib/state/catalog.svelte';
import { PlanSession } from '../../../src/lib/state/session.svelte';
import { SettingsState } from '../../../src/lib/state/settings.svelte';
import { DATA_SV } from '../../../src/lib/strings/data.sv';
import { coreWithPlan, demoPlan, dropParts } from './parts';

const made: { catalog: Catalog; session: PlanSession }[] = [];
afterEach(async () => {
  for (const m of made.splice(0)) {
    m.catalog.dispose();
    m.session.dispose();
  }
  await dropParts();
});

async function catalog() {
  const parts = await coreWithPlan();
  const { db, unitId, time } = parts;
  // A second unit (sorted first by name) and a scenario of the first unit.
  const other = await db.transaction('rw', [db.units, db.plans, db.doctors], () =>
    insertUnitWithPlan(db, { name: 'Alfa hälsocentral', plan: createEmptyPlan('Alfa hälsocentral'), planName: 'Nuläge', now: time.now() }),
  );
  const scenarioId = await db.transaction('rw', [db.plans, db.doctors], () =>
    insertPlan(db, { unitId, name: 'Fyra läkare', kind: 'scenario', plan: demoPlan(), now: time.now() }),
  );
  const session = new PlanSession(parts.core);
  const settings = new SettingsState(parts.core);
  const shown: (string | null)[] = [];
  const c = new Catalog(parts.core, session, settings, (id) => shown.push(id));
  made.push({ catalog: c, session });
  await c.watch();
  return { ...parts, c, session, shown, other, scenarioId };
}

describe('Catalog', () => {
  it('the latest pick wins: a plan picked while a unit switch is still reading is not put back afterwards', async () => {
    const { c, session, other, unitId, scenarioId } = await catalog();
    await c.selectUnit(other.unitId);
    // Back to the first unit (reads its remembered plan …) and, meanwhile, its scenario picked.
    const switching = c.selectUnit(unitId);
    const picked = c.selectPlan(scenarioId);
    await Promise.all([switching, picked]);
    expect(c.unitId).toBe(unitId);
    expect(session.planId).toBe(scenarioId);
    // And the other way round: the unit picked last wins over a plan still being read.
    const plan = c.selectPlan(scenarioId);
    const unit = c.selectUnit(other.unitId);
    await Promise.all([plan, unit]);
    expect(c.unitId).toBe(other.unitId);
    expect(session.planId).toBe(other.planId);
  });

  it('lists the units by name with their current plan', async () => {
    const { c, unitId, planId, other } = await catalog();
    expect(c.units.map((u) => [u.name, u.currentPlanId])).toEqual([
      ['Alfa hälsocentral', other.planId],
      ['Vårdcentralen Exempel', planId],
    ]);
    expect(c.units[1].id).toBe(unitId);
  });

  it('opens the last selected unit at start, else the first by name', async () => {
    const { c, db, unitId, other } = await catalog();
    await c.selectInitial();
    expect(c.unitId).toBe(other.unitId);
    await db.settings.put({ key: 'lastUnitId', value: unitId });
    await c.selectInitial();
    expect(c.unitId).toBe(unitId);
  });

  it('selecting a unit shows its remembered plan, else its current plan, and tells who follows', async () => {
    const { c, session, shown, unitId, planId, scenarioId } = await catalog();
    await c.selectUnit(unitId);
    expect(session.planId).toBe(planId);
    expect(c.plans.map((p) => [p.name, p.kind, p.doctorCount])).toEqual([
      ['Nuläge', 'current', demoPlan().doctors.length],
      ['Fyra läkare', 'scenario', demoPlan().doctors.length],
    ]);
    await c.selectPlan(scenarioId);
    expect(c.planSummary?.name).toBe('Fyra läkare');
    expect(session.plan).toEqual(demoPlan());
    expect(shown).toEqual([planId, scenarioId]);
    c.clearSelection();
    await c.selectUnit(unitId);
    expect(session.planId).toBe(scenarioId); // remembered (settings lastPlan:<unit>)
  });

  it('selecting a plan of another unit switches the unit too', async () => {
    const { c, session, unitId, other } = await catalog();
    await c.selectUnit(unitId);
    await c.selectPlan(other.planId);
    expect(c.unitId).toBe(other.unitId);
    expect(session.planId).toBe(other.planId);
  });

  it('a selected plan or unit removed in another tab moves the selection on', async () => {
    const { c, db, session, unitId, planId, scenarioId, other } = await catalog();
    await c.selectPlan(scenarioId);
    await db.transaction('rw', [db.plans, db.doctors], async () => {
      await db.doctors.where('planId').equals(scenarioId).delete();
      await db.plans.delete(scenarioId);
    });
    await vi.waitFor(() => expect(session.planId).toBe(planId));
    await db.transaction('rw', [db.units, db.plans, db.doctors, db.workshops, db.snapshots], () => deleteUnitRows(db, unitId));
    await vi.waitFor(() => expect(c.unitId).toBe(other.unitId));
    expect(session.planId).toBe(other.planId);
  });

  it('refuses a unit or plan that is gone, in Swedish', async () => {
    const { c, core } = await catalog();
    await c.selectUnit('unit-none');
    expect(core.lastError?.message).toBe(DATA_SV.errors.unitGone);
    await c.selectPlan('plan-none');
    expect(core.lastError?.message).toBe(DATA_SV.errors.planGone);
    await expect(c.getPlanSnapshot('plan-none')).rejects.toThrow(DATA_SV.errors.planGone);
  });

  it('a read-only tab still selects, without remembering the selection', async () => {
    const { c, core, db, unitId } = await catalog();
    core.readOnly = DATA_SV.errors.readOnly;
    await c.selectUnit(unitId);
    expect(c.unitId).toBe(unitId);
    expect(await db.settings.get('lastUnitId')).toBeUndefined();
    expect(await db.settings.get(lastPlanKey(unitId))).toBeUndefined();
  });

  it('livePlan follows any plan; getPlanSnapshot waits for queued writes', async () => {
    const { c, core, db, scenarioId } = await catalog();
    const live = c.livePlan(scenarioId);
    await live.firstValue;
    expect(live.current?.unit.listed).toBe(demoPlan().unit.listed);
    void core.enqueue(async () => {
      await new Promise((r) => setTimeout(r, 10));
      await db.plans.update(scenarioId, { 'body.unit.listed': 4321 });
    });
    expect((await c.getPlanSnapshot(scenarioId)).unit.listed).toBe(4321);
    await vi.waitFor(() => expect(live.current?.unit.listed).toBe(4321));
    live.dispose();
  });
});
