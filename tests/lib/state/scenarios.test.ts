import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { computePlan, serializePlan, type Plan } from '../../../src/lib/engine/index';
import { AppState } from '../../../src/lib/state/app.svelte';
import { ScenariosState } from '../../../src/lib/state/scenarios.svelte';
import { freeScenarioName } from '../../../src/lib/state/planBackup';

const TODAY = '2026-11-23';
let n = 0;
const started: AppState[] = [];

async function startApp(): Promise<AppState> {
  const app = new AppState({ dbName: `scen-${++n}-${Date.now()}`, today: TODAY, storage: null });
  await app.start();
  started.push(app);
  return app;
}

afterEach(async () => {
  for (const a of started.splice(0)) {
    a.db.close();
    await a.db.delete();
  }
});

/** Wait until a live query has delivered (liveQuery emits asynchronously). */
async function until(cond: () => boolean, ms = 3000): Promise<void> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error('timeout');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('ScenariosState over the real AppState', () => {
  it('a copy is isolated: editing it never changes the original', async () => {
    const app = await startApp();
    const sc = new ScenariosState(app);
    const originalId = app.planId!;
    const before = await app.getPlanSnapshot(originalId);
    const doc = before.doctors[0];

    const copyId = await sc.copy(originalId, 'Höst 2027 med ny ST');
    expect(copyId).toBeTruthy();
    expect(app.planId).toBe(copyId);
    await app.updateDoctor(doc.id, { employment: 0.5 });
    await app.addDoctor('st');

    const after = await app.getPlanSnapshot(originalId);
    expect(after).toEqual(before);
    const copy = await app.getPlanSnapshot(copyId!);
    expect(copy.doctors.find((d) => d.id === doc.id)?.employment).toBe(0.5);
    expect(copy.doctors).toHaveLength(before.doctors.length + 1);
    sc.dispose();
  });

  it('refuses an empty or taken name', async () => {
    const app = await startApp();
    const sc = new ScenariosState(app);
    expect(await sc.copy(app.planId!, '  ')).toBeNull();
    expect(sc.error).toMatch(/namn/);
    await sc.copy(app.planId!, 'A');
    await until(() => app.plans.length === 2);
    expect(await sc.copy(app.planId!, 'a')).toBeNull();
    expect(sc.error).toMatch(/redan/);
    expect(await sc.copy(app.planId!, 'Dr 19121212-1212')).toBeNull();
    expect(sc.error).toMatch(/personnummer/);
  });

  it('comparison numbers equal computePlan of each plan, with deltas', async () => {
    const app = await startApp();
    const sc = new ScenariosState(app);
    const originalId = app.planId!;
    const copyId = (await sc.copy(originalId, 'Dr B 80 %'))!;
    const target = app.plan!.doctors.find((d) => d.category === 'specialist' && d.employment === 1)!;
    await app.updateDoctor(target.id, { employment: 0.8 });

    sc.setCompare([originalId, copyId]);
    await until(() => sc.entries.length === 2);
    flushSync();

    const orig = await app.getPlanSnapshot(originalId);
    const copy = await app.getPlanSnapshot(copyId);
    const r0 = computePlan(orig, { today: TODAY });
    const r1 = computePlan(copy, { today: TODAY });
    const cap = sc.comparison.unit.find((m) => m.metric === 'capacity')!;
    expect(cap.values).toEqual([r0.unit.capacity, r1.unit.capacity]);
    expect(cap.deltas[1]).toBe(r1.unit.capacity - r0.unit.capacity);
    expect(cap.deltas[1]).toBeLessThan(0);
    const gap = sc.comparison.unit.find((m) => m.metric === 'gapPatients')!;
    expect(gap.values).toEqual([r0.unit.gapPatients, r1.unit.gapPatients]);
    const row = sc.comparison.doctors.find((r) => r.key === target.id)!;
    const d0 = r0.doctors.find((d) => d.id === target.id)!;
    const d1 = r1.doctors.find((d) => d.id === target.id)!;
    expect(row.cells.map((c) => c?.capacity)).toEqual([d0.capacity, d1.capacity]);
    expect(row.status[1]).toBe('changed');
    sc.dispose();
  });

  it('what-ifs edit the scenario (undoable) and refuse the current plan', async () => {
    const app = await startApp();
    const sc = new ScenariosState(app);
    const originalId = app.planId!;
    const before = await app.getPlanSnapshot(originalId);
    expect(await sc.whatIfCareWeight(originalId, 1.3, 'x')).toBe(false);
    expect(sc.error).toMatch(/kopia/);

    const copyId = (await sc.copy(originalId, 'Tänk om'))!;
    await until(() => app.plans.some((p) => p.id === copyId));
    await app.selectPlan(originalId);
    expect(await sc.whatIfCareWeight(copyId, 1.3, 'vårdtyngd')).toBe(true);
    expect(app.planId).toBe(copyId);
    expect((await app.getPlanSnapshot(copyId)).unit.careWeight).toBe(1.3);
    expect(await sc.whatIfAddDoctor(copyId, 'st', 'ST')).toBe(true);
    expect(await sc.whatIfProfile(copyId, 'vgr', 'VGR')).toBe(true);
    expect(await sc.whatIfModel(copyId, 'time', 'tid')).toBe(true);
    const doc = app.plan!.doctors[0];
    expect(await sc.whatIfEmployment(copyId, doc.id, 0.6, 'x')).toBe(true);
    expect(await sc.whatIfEmployment(copyId, doc.id, 1.6, 'x')).toBe(false);
    const copy = await app.getPlanSnapshot(copyId);
    expect(copy.profile).toBe('vgr');
    expect(copy.model).toBe('time');
    expect(copy.doctors).toHaveLength(before.doctors.length + 1);
    expect(copy.doctors[0].employment).toBe(0.6);
    // Undo works on what-ifs like any edit.
    await app.undo();
    expect((await app.getPlanSnapshot(copyId)).doctors[0].employment).toBe(before.doctors[0].employment);
    expect(await app.getPlanSnapshot(originalId)).toEqual(before);
  });

  it('promote makes the scenario current; the backup file carries the scenarios', async () => {
    const app = await startApp();
    const sc = new ScenariosState(app);
    const originalId = app.planId!;
    const copyId = (await sc.copy(originalId, 'Ny ST'))!;
    await app.addDoctor('st');
    await until(() => app.plans.length === 2);
    const backup = await sc.unitBackup();
    const parsed = JSON.parse(backup!.text);
    expect(parsed.format).toBe('kapacitet/plan');
    expect(parsed.scenarios).toHaveLength(1);
    expect(parsed.scenarios[0].name).toBe('Ny ST');
    expect(parsed.scenarios[0].plan.doctors.length).toBe(parsed.doctors.length + 1);

    expect(await sc.promote(copyId)).toBe(true);
    await until(() => app.plans.find((p) => p.id === copyId)?.kind === 'current');
    expect(app.plans.find((p) => p.id === originalId)?.kind).toBe('scenario');
  });
});

describe('restoreAsScenarios', () => {
  it('adds every plan of a backup file as scenarios, leaving the current plan alone', async () => {
    const app = await startApp();
    const sc = new ScenariosState(app);
    const currentId = app.planId!;
    await sc.copy(currentId, 'Ny ST');
    await app.addDoctor('st');
    await until(() => app.plans.length === 2);
    const file = (await sc.unitBackup())!;
    const before = await app.getPlanSnapshot(currentId);
    await app.selectPlan(currentId);

    const res = await sc.restoreAsScenarios(file.text);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.names).toEqual(['Plan från fil', 'Ny ST (från fil)']);
    await until(() => app.plans.length === 4);
    expect(app.planId).toBe(currentId);
    expect(await app.getPlanSnapshot(currentId)).toEqual(before);
    const restoredNy = app.plans.find((p) => p.name === 'Ny ST (från fil)')!;
    const plan = await app.getPlanSnapshot(restoredNy.id);
    expect(plan.doctors).toHaveLength(before.doctors.length + 1);
    expect('scenarios' in (await app.getPlanSnapshot(app.plans.find((p) => p.name === 'Plan från fil')!.id))).toBe(false);
  });

  it('a scenario whose name holds a personnummer gets a neutral name (the name search always ends)', async () => {
    const app = await startApp();
    const sc = new ScenariosState(app);
    const base = await app.getPlanSnapshot(app.planId!);
    const text = serializePlan({ ...base, scenarios: [{ name: 'Anna 19121212-1212', plan: JSON.parse(serializePlan(base)) }] } as Plan);
    const res = await sc.restoreAsScenarios(text);
    expect(res).toEqual({ ok: true, names: ['Plan från fil', 'Plan från fil (från fil)'] });
    expect(app.plans.map((p) => p.name).join(' ')).not.toMatch(/1212/);
  });

  it('freeScenarioName: the wanted name, then numbered, then the neutral name', () => {
    const taken = new Set(['Ny ST', 'Ny ST (från fil)']);
    expect(freeScenarioName('Ny ST', (n) => !taken.has(n))).toBe('Ny ST (från fil 2)');
    expect(freeScenarioName('Anna 19121212-1212', (n) => !/1212/.test(n))).toBe('Plan från fil');
    expect(freeScenarioName('x', () => false)).toMatch(/^Plan från fil \d+$/);
  });

  it('refuses a file with a broken scenario and adds nothing', async () => {
    const app = await startApp();
    const sc = new ScenariosState(app);
    const base = await app.getPlanSnapshot(app.planId!);
    const text = JSON.stringify({ ...base, scenarios: [{ name: 'Trasig', plan: { ...base, doctors: [{ id: 'x' }] } }] });
    const res = await sc.restoreAsScenarios(text);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.errors[0]).toMatch(/^Scenario 1 \(Trasig\), Läkare 1: Kategori – /);
    expect(app.plans).toHaveLength(1);
  });
});

describe('restoreAsScenarios says what happened (issue 12.4, 12.5)', () => {
  it('a restore refused half-way leaves no plan and no backup row behind, so "Inget har ändrats" is true', async () => {
    const app = await startApp();
    const sc = new ScenariosState(app);
    const base = await app.getPlanSnapshot(app.planId!);
    let deep: unknown = 'anteckning 121212-1212';
    for (let i = 0; i < 9; i++) deep = { [`n${i}`]: deep };
    const bad = { ...JSON.parse(serializePlan(base)), x: deep };
    const text = serializePlan({ ...base, scenarios: [{ name: 'Bra', plan: JSON.parse(serializePlan(base)) }, { name: 'Dålig', plan: bad }] } as Plan);
    const plansBefore = await app.db.plans.count();
    const backupsBefore = await app.db.backups.count();
    const res = await sc.restoreAsScenarios(text);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.errors.join(' ')).toMatch(/personnummer/);
    expect(await app.db.plans.count()).toBe(plansBefore);
    expect(await app.db.backups.count()).toBe(backupsBefore);
    expect(JSON.stringify(await app.db.backups.toArray())).not.toMatch(/121212/);
  });

  it('a file with more scenarios than the unit has room for is refused before anything is written', async () => {
    const app = await startApp();
    const sc = new ScenariosState(app);
    const base = await app.getPlanSnapshot(app.planId!);
    const one = JSON.parse(serializePlan(base));
    const text = serializePlan({ ...base, scenarios: Array.from({ length: 100 }, (_, i) => ({ name: `S${i}`, plan: one })) } as Plan);
    const before = await app.db.plans.count();
    const res = await sc.restoreAsScenarios(text);
    expect(res).toEqual({ ok: false, errors: [expect.stringMatching(/^Filen har 101 planer men enheten har plats för 100 scenarier till/)] });
    expect(await app.db.plans.count()).toBe(before);
  });
});

describe('a bound on scenarios per unit (issue 12.5)', () => {
  it('the 101st scenario is refused with a Swedish message, nothing added', async () => {
    const app = await startApp();
    const sc = new ScenariosState(app);
    const baseId = app.planId!;
    for (let i = 0; i < 100; i++) await app.duplicatePlan(baseId, `S${i}`);
    const before = await app.db.plans.count();
    expect(await sc.copy(baseId, 'En till')).toBeNull();
    expect(sc.error).toBe('Enheten har redan 100 scenarier, så inget nytt lades till. Ta bort scenarier som inte behövs och försök igen.');
    expect(await app.db.plans.count()).toBe(before);
  });
});
