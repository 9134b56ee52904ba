import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDemoPlan, fmt, parsePlan, type Plan } from '../../../src/lib/engine/index';
import { dumpDatabase } from '../../../src/lib/db/index';
import { app } from '../../../src/lib/state/app.svelte';
import { importChoice, waitForPlanInView } from '../../../src/lib/state/importChoice.svelte';
import { IMPORT_SV } from '../../../src/lib/strings/io.sv';
import { importPreview } from '../../../src/lib/state/importPreview';

beforeAll(async () => {
  await app.start();
  await app.showDemo();
});
afterAll(() => app.dispose());

function otherUnit(): Plan {
  const p = parsePlan(createDemoPlan());
  if (!p.ok) throw new Error('demo');
  const plan = structuredClone(p.plan);
  plan.unit.name = 'Vårdcentralen Norr';
  plan.unit.listed = 7000;
  plan.doctors = plan.doctors.slice(0, 3);
  plan.doctors[0] = { ...plan.doctors[0], employment: 0.5 };
  plan.doctors.push({ id: 'd42', name: 'Ny Läkare', category: 'specialist', employment: 1, duties: [], absenceWeeks: 0 });
  return plan;
}

/** The records of one unit, as stored (its unit row, plans, doctors, meetings, snapshots). */
async function unitDump(unitId: string): Promise<string> {
  const { stores } = await dumpDatabase(app.db, 0, 0);
  const plans = (stores.plans as { id: string; unitId: string }[]).filter((p) => p.unitId === unitId);
  const ids = new Set(plans.map((p) => p.id));
  return JSON.stringify({
    unit: (stores.units as { id: string }[]).find((u) => u.id === unitId),
    plans,
    doctors: (stores.doctors as { planId: string }[]).filter((d) => ids.has(d.planId)),
    workshops: (stores.workshops as { unitId: string }[]).filter((w) => w.unitId === unitId),
    snapshots: (stores.snapshots as { unitId: string }[]).filter((s) => s.unitId === unitId),
  });
}

describe('imports never overwrite', () => {
  it('the preview names every field that would change, in Swedish with fmt numbers', () => {
    const v = importPreview(app.plan!, otherUnit(), { unitName: 'A', planName: 'Nuläge', isScenario: false });
    expect(v.changes).toContainEqual({ label: 'Listade invånare', from: fmt.patients(9800), to: fmt.patients(7000) });
    expect(v.doctorsAdded).toEqual(['Ny Läkare']);
    expect(v.doctorsRemoved).toHaveLength(7);
    expect(v.doctorsChanged).toEqual([{ name: 'Anna Lindqvist', fields: [{ label: 'Tjänstgöringsgrad', from: fmt.percent(1), to: fmt.percent(0.5) }] }]);
  });

  it('as a new unit (the default) leaves the open unit byte-identical', async () => {
    const first = app.unitId!;
    const before = await unitDump(first);
    const done = importChoice.apply({ plan: otherUnit(), source: 'norr.xlsx' });
    expect(importChoice.pending?.preview.unitName).toBe('Vårdcentralen Exempel');
    importChoice.choose('new');
    expect(await done).toBe(true);
    expect(app.unit?.name).toBe('Vårdcentralen Norr');
    expect(await unitDump(first)).toBe(before);
    await app.selectUnit(first);
  });

  it('cancelling writes nothing', async () => {
    const before = JSON.stringify((await dumpDatabase(app.db, 0, 0)).stores);
    const done = importChoice.apply({ plan: otherUnit(), source: 'norr.xlsx' });
    importChoice.choose(null);
    expect(await done).toBeNull();
    expect(JSON.stringify((await dumpDatabase(app.db, 0, 0)).stores)).toBe(before);
  });

  it('replacing keeps the unit (name, scenarios, meetings, snapshots), backs up first and is one undo step', async () => {
    const unitId = app.unitId!;
    const plansBefore = app.plans.map((p) => p.id);
    const meetings = await app.db.workshops.where('unitId').equals(unitId).count();
    const snapshots = await app.db.snapshots.where('unitId').equals(unitId).count();
    const backups = await app.db.backups.count();
    const done = importChoice.apply({ plan: otherUnit(), source: 'norr.xlsx' });
    importChoice.choose('replace');
    expect(await done).toBe(true);
    expect(app.unit?.name).toBe('Vårdcentralen Exempel');
    expect(app.plan?.unit.name).toBe('Vårdcentralen Exempel');
    expect(app.plan?.unit.listed).toBe(7000);
    expect(app.plans.map((p) => p.id)).toEqual(plansBefore);
    expect(await app.db.workshops.where('unitId').equals(unitId).count()).toBe(meetings);
    expect(await app.db.snapshots.where('unitId').equals(unitId).count()).toBe(snapshots);
    expect((await app.db.backups.toArray()).filter((b) => b.reason === 'import')).toHaveLength(1);
    expect(await app.db.backups.count()).toBe(backups + 1);
    expect(app.undoLabel).toBe('Ångra: Import');
    await app.undo();
    expect(app.plan?.unit.listed).toBe(9800);
    expect(app.plan?.doctors).toHaveLength(10);
  });
});

describe('a file chosen while the plan is still loading (issue 11.2)', () => {
  it('waits for the plan, then asks the usual question: never a silent new unit', async () => {
    const core = app.parts.core;
    const units = app.units.length;
    core.ready = false; // the app is still starting: the plan in view is not read yet
    const done = importChoice.apply({ plan: otherUnit(), source: 'norr.xlsx' });
    await new Promise((r) => setTimeout(r, 150));
    expect(importChoice.pending).toBeNull(); // nothing asked, nothing written while loading
    expect(app.units.length).toBe(units);
    core.ready = true; // the plan has come in
    await new Promise((r) => setTimeout(r, 120));
    expect(importChoice.pending?.preview.unitName).toBe(app.unit!.name);
    importChoice.choose(null);
    expect(await done).toBeNull();
    expect(app.units.length).toBe(units);
  });

  it('a plan selected but not read yet: no new unit is made; the question comes once it is there', async () => {
    const session = app.parts.session;
    const loaded = session.plan!;
    const units = app.units.length;
    session.plan = undefined;
    const done = importChoice.apply({ plan: otherUnit(), source: 'norr.xlsx' });
    await new Promise((r) => setTimeout(r, 150));
    expect(app.units.length).toBe(units); // before: 'new' at once, a unit made without asking
    if (!session.plan) session.plan = loaded;
    await vi.waitFor(() => expect(importChoice.pending).not.toBeNull());
    importChoice.choose(null);
    expect(await done).toBeNull();
    expect(app.units.length).toBe(units);
  });

  it('a unit just chosen whose plans are not listed yet (the unit before still in view): no new unit, then the question', async () => {
    const catalog = app.parts.catalog;
    const listed = catalog.plans;
    const units = app.units.length;
    catalog.plans = [];
    const done = importChoice.apply({ plan: otherUnit(), source: 'norr.xlsx' });
    await new Promise((r) => setTimeout(r, 150));
    expect(app.units.length).toBe(units); // before: 'new' at once, a unit made without asking
    if (catalog.plans.length === 0) catalog.plans = listed;
    await vi.waitFor(() => expect(importChoice.pending?.preview.unitName).toBe(app.unit!.name));
    importChoice.choose(null);
    expect(await done).toBeNull();
    expect(app.units.length).toBe(units);
  });

  it('says in Swedish to wait when the plan does not come in time (nothing written)', async () => {
    const session = app.parts.session;
    const loaded = session.plan!;
    const units = app.units.length;
    session.plan = undefined;
    try {
      expect(await waitForPlanInView(120)).toBe(false);
      expect(app.lastError).toMatchObject({ kind: 'conflict', message: IMPORT_SV.stillLoading });
    } finally {
      session.plan = loaded;
    }
    expect(app.units.length).toBe(units);
    app.clearError();
  });
});
