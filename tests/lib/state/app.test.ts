import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { computePlan, createDemoPlan, parsePlan, type Plan } from '../../../src/lib/engine/index';
import { planOfBackup, readPlan, readStoredBackup } from '../../../src/lib/db/index';
import { AppState } from '../../../src/lib/state/app.svelte';
import { TODAY, clock, disposeApps, fakeStorage, startApp } from './helpers';

afterEach(disposeApps);

const stored = (app: AppState) => readPlan(app.db, app.planId!);

/** The demo as the store keeps it (parsePlan's normal form: defaults filled in). */
function demo(): Plan {
  const parsed = parsePlan(createDemoPlan());
  if (!parsed.ok) throw new Error('demo invalid');
  return parsed.plan;
}

describe('start-up', () => {
  it('seeds the demo unit on first start and computes its result', async () => {
    const app = await startApp();
    expect(app.ready).toBe(true);
    expect(app.units).toHaveLength(1);
    expect(app.plans.map((p) => p.kind)).toEqual(['current']);
    expect(app.plan).toEqual(demo());
    expect(app.result).toEqual(computePlan(demo(), { today: TODAY }));
    expect(app.unit?.name).toBe(createDemoPlan().unit.name);
  });

  it('two tabs opening a fresh database at once seed one demo unit', async () => {
    const name = `seed-race-${Math.random().toString(36).slice(2)}`;
    const [a, b] = await Promise.all([startApp({ dbName: name }), startApp({ dbName: name })]);
    expect(await a.db.units.count()).toBe(1);
    expect(a.unitId).toBe(b.unitId);
  });

  it('does not seed again, and reopens the last selected plan', async () => {
    const first = await startApp();
    const copy = await first.duplicatePlan(first.planId!, 'Scenario A');
    await first.selectPlan(copy);
    const again = await startApp({ dbName: first.dbName });
    expect(again.units).toHaveLength(1);
    expect(again.planId).toBe(copy);
    await vi.waitFor(() => expect(again.planSummary?.kind).toBe('scenario'));
  });

  it('deleting the demo leaves no unit, and it does not come back on restart', async () => {
    const app = await startApp();
    expect(await app.deleteUnit(app.unitId!)).toBe(true);
    expect(app.unitId).toBeNull();
    expect(app.plan).toBeUndefined();
    await vi.waitFor(() => expect(app.units).toHaveLength(0));
    const again = await startApp({ dbName: app.dbName });
    expect(again.units).toHaveLength(0);
    expect(again.ready).toBe(true);
  });

  it('creates a new empty unit and selects it', async () => {
    const app = await startApp();
    const id = await app.createUnit('  Hälsocentralen Norr ');
    expect(app.unitId).toBe(id);
    expect(app.plan?.doctors).toEqual([]);
    expect(app.plan?.unit.name).toBe('Hälsocentralen Norr');
    await vi.waitFor(() => expect(app.units.map((u) => u.name)).toContain('Hälsocentralen Norr'));
  });
});

describe('edits', () => {
  it('updates plan and result synchronously, then stores the change', async () => {
    const app = await startApp();
    const d = app.plan!.doctors[0];
    const before = app.result!.unit.capacity;
    const done = app.updateDoctor(d.id, { employment: 0.5 });
    // No await yet: optimistic.
    expect(app.plan!.doctors[0].employment).toBe(0.5);
    expect(app.result!.unit.capacity).toBeLessThan(before);
    expect(await done).toBe(true);
    expect((await stored(app))!.doctors[0].employment).toBe(0.5);
  });

  it('refuses an invalid edit with a Swedish message and changes nothing', async () => {
    const app = await startApp();
    const plan = app.plan;
    const d = plan!.doctors[1];
    expect(await app.updateDoctor(d.id, { employment: 3 })).toBe(false);
    expect(app.lastError?.kind).toBe('validation');
    expect(app.lastError?.details.join(' ')).toMatch(/Läkare 2 \([^)]+\): Tjänstgöringsgrad – /);
    expect(app.plan).toBe(plan);
    expect(app.canUndo).toBe(false);
    expect(await stored(app)).toEqual(plan);
  });

  it('refuses text that looks like a personnummer', async () => {
    const app = await startApp();
    const d = app.plan!.doctors[0];
    expect(await app.updateDoctor(d.id, { name: '19121212-1212' })).toBe(false);
    expect(app.lastError?.message).toMatch(/personnummer/);
    expect((await stored(app))!.doctors[0].name).toBe(d.name);
  });

  it('undo and redo step through every kind of edit, in memory and in the database', async () => {
    const app = await startApp();
    const snaps: Plan[] = [app.plan!];
    const ids = app.plan!.doctors.map((d) => d.id);
    const steps: (() => Promise<unknown>)[] = [
      () => app.updateUnit({ listed: 10500, priority: { palliative: 20 } }),
      () => app.updateDoctor(ids[0], { name: 'Anna Ny', listed: undefined }),
      () => app.addDoctor('st', 1),
      () => app.removeDoctor(ids[2]),
      () => app.moveDoctor(ids[3], 0),
      () => app.setDuties(ids[4], [{ kind: 'research', hoursPerWeek: 4 }]),
      () => app.setProfile('vgr'),
      () => app.setModel('time'),
      () => app.setTime({ weeksPerYear: 40 }),
    ];
    for (const step of steps) {
      const r = await step();
      expect(r, app.lastError?.details.join('\n')).toBeTruthy();
      snaps.push(app.plan!);
    }
    expect(new Set(snaps.map((s) => JSON.stringify(s))).size).toBe(snaps.length); // every step changed something
    for (let i = snaps.length - 2; i >= 0; i--) {
      expect(await app.undo()).toBe(true);
      expect(app.plan).toEqual(snaps[i]);
      expect(await stored(app)).toEqual(snaps[i]);
    }
    expect(app.canUndo).toBe(false);
    expect(app.plan).toEqual(demo());
    for (let i = 1; i < snaps.length; i++) {
      expect(await app.redo()).toBe(true);
      expect(await stored(app)).toEqual(snaps[i]);
    }
    expect(app.canRedo).toBe(false);
  });

  it('a pasted block is one undo step', async () => {
    const app = await startApp();
    const original = app.plan!;
    const patches = original.doctors.slice(0, 5).map((d, i) => ({ doctorId: d.id, patch: { absenceWeeks: i + 2 } }));
    expect(await app.updateDoctors(patches)).toBe(true);
    expect(app.plan!.doctors.slice(0, 5).map((d) => d.absenceWeeks)).toEqual([2, 3, 4, 5, 6]);
    expect(app.undoLabel).toMatch(/Ångra/);
    await app.undo();
    expect(app.plan).toEqual(original);
    expect(app.canUndo).toBe(false);
  });

  it('a pasted block that runs past the last doctor adds the new doctors in the same undo step', async () => {
    const app = await startApp();
    const original = app.plan!;
    const n = original.doctors.length;
    const first = original.doctors[0];
    const ok = await app.updateDoctors(
      [{ doctorId: first.id, patch: { employment: 0.5 } }],
      [
        { name: 'Ny A', employment: 0.8 },
        { name: 'Ny B', category: 'st', stMonthsDone: 12, id: 'd1' },
      ],
    );
    expect(ok).toBe(true);
    const now = app.plan!.doctors;
    expect(now).toHaveLength(n + 2);
    expect(now[0].employment).toBe(0.5);
    expect(now[n]).toMatchObject({ name: 'Ny A', category: 'specialist', employment: 0.8 });
    // A row's category decides the new doctor's defaults; an id in a row never overrides the generated one.
    expect(now[n + 1]).toMatchObject({ name: 'Ny B', category: 'st', stMonthsDone: 12, stMonthsTotal: 66 }); // a new ST: HSLF-FS 2021:8 (domain.md §9)
    expect(new Set(now.map((d) => d.id)).size).toBe(n + 2);
    expect(await stored(app)).toEqual(app.plan);
    expect(app.undoLabel).toMatch(/2 nya läkare/);
    // One undo takes back the whole paste (values and new rows), in memory and in the database.
    expect(await app.undo()).toBe(true);
    expect(app.plan).toEqual(original);
    expect(await stored(app)).toEqual(original);
    expect(app.canUndo).toBe(false);
    expect(await app.redo()).toBe(true);
    expect(app.plan!.doctors).toHaveLength(n + 2);
  });

  it('a pasted block with an invalid new row changes nothing', async () => {
    const app = await startApp();
    const original = app.plan!;
    expect(await app.updateDoctors([], [{ name: 'Ny', employment: -1 }])).toBe(false);
    expect(app.plan).toEqual(original);
    expect(app.canUndo).toBe(false);
  });

  it('a new edit clears redo; undo in one plan never touches another', async () => {
    const app = await startApp();
    const a = app.planId!;
    await app.updateUnit({ listed: 12340 });
    const b = await app.duplicatePlan(a, 'B');
    await app.selectPlan(b);
    expect(app.canUndo).toBe(false);
    expect(await app.undo()).toBe(false);
    expect(app.plan!.unit.listed).toBe(12340);
    await app.updateUnit({ listed: 9990 });
    await app.selectPlan(a);
    expect(app.canUndo).toBe(true);
    await app.undo();
    expect(app.plan!.unit.listed).toBe(createDemoPlan().unit.listed);
    expect((await readPlan(app.db, b))!.unit.listed).toBe(9990);
    expect(app.canRedo).toBe(true);
    await app.updateUnit({ careWeight: 1.2 });
    expect(app.canRedo).toBe(false);
  });

  it('renaming the unit in the plan renames the unit', async () => {
    const app = await startApp();
    await app.updateUnit({ name: 'VC Söder' });
    await vi.waitFor(() => expect(app.unit?.name).toBe('VC Söder'));
    expect(await app.renameUnit(app.unitId!, 'VC Norr')).toBe(true);
    await vi.waitFor(() => expect(app.plan?.unit.name).toBe('VC Norr'));
    expect(await app.renameUnit(app.unitId!, '  ')).toBe(false);
  });
});

describe('scenario primitives', () => {
  it('a duplicate is a deep copy: editing it never changes the original (and back)', async () => {
    const app = await startApp();
    const orig = app.planId!;
    const copy = await app.duplicatePlan(orig, 'Fler ST');
    await vi.waitFor(() => expect(app.plans.map((p) => p.name)).toEqual(['Nuläge', 'Fler ST']));
    await app.selectPlan(copy);
    await app.updateDoctor(app.plan!.doctors[0].id, { employment: 0.2, duties: [] });
    await app.addDoctor('st');
    await app.selectPlan(orig);
    expect(app.plan).toEqual(demo());
    await app.updateUnit({ listed: 20000 });
    const copyPlan = await app.getPlanSnapshot(copy);
    expect(copyPlan.unit.listed).toBe(createDemoPlan().unit.listed);
    expect(copyPlan.doctors[0].employment).toBe(0.2);
  });

  it('promote: the scenario becomes current, the old current becomes "Tidigare nuläge <date>"', async () => {
    const app = await startApp();
    const orig = app.planId!;
    const scen = await app.duplicatePlan(orig, 'Plan 2027');
    expect(await app.promotePlan(scen)).toBe(true);
    await vi.waitFor(() =>
      expect(app.plans.map((p) => [p.id, p.kind, p.name])).toEqual([
        [scen, 'current', 'Nuläge (från Plan 2027)'],
        [orig, 'scenario', `Tidigare nuläge ${TODAY}`],
      ]),
    );
    expect(await app.promotePlan(scen)).toBe(false);
    // A second promotion the same day: the names stay distinct.
    const third = await app.duplicatePlan(scen, 'Plan 2028');
    expect(await app.promotePlan(third)).toBe(true);
    await vi.waitFor(() => expect(app.plans.find((p) => p.id === scen)?.name).toBe(`Tidigare nuläge ${TODAY} (2)`));
    expect(app.plans.find((p) => p.id === orig)?.name).toBe(`Tidigare nuläge ${TODAY}`);
    const reasons = (await app.db.backups.toArray()).map((b) => b.reason);
    expect(reasons.filter((r) => r === 'promote')).toHaveLength(4);
    expect(app.plans.find((p) => p.id === third)?.name).toBe('Nuläge (från Plan 2028)');
    // Bringing a former current plan back names it plain "Nuläge", not "Nuläge (från Tidigare nuläge …)".
    expect(await app.promotePlan(orig)).toBe(true);
    await vi.waitFor(() => expect(app.plans.find((p) => p.id === orig)).toMatchObject({ kind: 'current', name: 'Nuläge' }));
  });

  it('deletes a scenario (backup first) but refuses the current plan', async () => {
    const app = await startApp();
    const scen = await app.duplicatePlan(app.planId!, 'Bort');
    await app.selectPlan(scen);
    expect(await app.deletePlan(app.plans.find((p) => p.kind === 'current')!.id)).toBe(false);
    expect(app.lastError?.message).toMatch(/Nuläget/);
    expect(await app.deletePlan(scen)).toBe(true);
    await vi.waitFor(() => expect(app.planSummary?.kind).toBe('current'));
    await vi.waitFor(() => expect(app.orphanBackups.map((b) => b.planId)).toEqual([scen]));
    expect(await app.restoreBackup(app.orphanBackups[0].id)).toBe(true);
    expect(app.planId).toBe(scen);
    await vi.waitFor(() => expect(app.planSummary?.kind).toBe('scenario'));
  });

  it('livePlan follows a plan that is not selected', async () => {
    const app = await startApp();
    const scen = await app.duplicatePlan(app.planId!, 'Följd');
    const live = app.livePlan(scen);
    await vi.waitFor(() => expect(live.current?.unit.listed).toBe(createDemoPlan().unit.listed));
    await app.selectPlan(scen);
    await app.updateUnit({ listed: 43210 });
    await vi.waitFor(() => expect(live.current?.unit.listed).toBe(43210));
    live.dispose();
  });
});

describe('two tabs', () => {
  it('an edit in one tab shows in the other; simultaneous edits both survive', async () => {
    const tab1 = await startApp();
    const tab2 = await startApp({ dbName: tab1.dbName });
    expect(tab2.planId).toBe(tab1.planId);
    const [d0, d1] = tab1.plan!.doctors;
    await Promise.all([
      tab1.updateDoctor(d0.id, { employment: 0.4 }),
      tab2.updateDoctor(d0.id, { name: 'Namn från flik 2' }),
      tab2.updateDoctor(d1.id, { absenceWeeks: 6 }),
      tab1.updateUnit({ listed: 7777 }),
    ]);
    for (const tab of [tab1, tab2]) {
      await vi.waitFor(() => {
        const p = tab.plan!;
        expect(p.doctors[0].employment).toBe(0.4);
        expect(p.doctors[0].name).toBe('Namn från flik 2');
        expect(p.doctors[1].absenceWeeks).toBe(6);
        expect(p.unit.listed).toBe(7777);
      });
    }
    // Undo in tab 1 takes back only tab 1's field.
    await tab1.undo(); // listed
    await tab1.undo(); // employment
    await vi.waitFor(() => {
      const p = tab2.plan!;
      expect(p.doctors[0].employment).toBe(d0.employment);
      expect(p.doctors[0].name).toBe('Namn från flik 2');
      expect(p.unit.listed).toBe(createDemoPlan().unit.listed);
    });
  });
});

describe('storage errors', () => {
  it('a quota error in the middle of a pasted block writes nothing and says so in Swedish', async () => {
    const app = await startApp();
    const original = app.plan!;
    let calls = 0;
    // The third doctor row written fails, as a full disk would inside the transaction.
    app.db.doctors.hook('updating', () => {
      calls += 1;
      if (calls === 3) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const patches = original.doctors.map((d) => ({ doctorId: d.id, patch: { absenceWeeks: 9 } }));
    expect(await app.updateDoctors(patches)).toBe(false);
    expect(app.lastError?.kind).toBe('quota');
    expect(app.lastError?.message).toMatch(/Lagringsutrymmet/);
    expect(await stored(app)).toEqual(original);
    expect(app.plan).toEqual(original); // optimistic copy rolled back
    expect(app.canUndo).toBe(false);
    expect(await app.db.backups.count()).toBe(0);
  });
});

describe('backups and files', () => {
  it('takes at most one automatic backup per 2 minutes of editing, of the state before the edit', async () => {
    const c = clock();
    const app = await startApp({ now: c.now });
    const id = app.plan!.doctors[0].id;
    await app.updateDoctor(id, { absenceWeeks: 1 }); // backup of the demo
    c.advance(60_000);
    await app.updateDoctor(id, { absenceWeeks: 2 }); // throttled
    c.advance(70_000);
    await app.updateDoctor(id, { absenceWeeks: 3 }); // backup of absenceWeeks 2
    await vi.waitFor(() => expect(app.backups).toHaveLength(2));
    const weeks = await Promise.all(
      app.backups.map(async (b) => {
        const rec = (await app.db.backups.get(b.id))!;
        const read = readStoredBackup(rec);
        return read.ok ? planOfBackup(read.file)!.doctors[0].absenceWeeks : null;
      }),
    );
    expect(weeks).toEqual([2, createDemoPlan().doctors[0].absenceWeeks]);
  });

  it('keeps the last N backups per plan', async () => {
    const c = clock();
    const app = await startApp({ now: c.now, backupsPerPlan: 5 });
    for (let i = 0; i < 9; i++) {
      c.advance(3 * 60_000);
      await app.updateUnit({ listed: 10000 + i });
    }
    await vi.waitFor(() => expect(app.backups).toHaveLength(5));
  });

  it('import replaces the plan as one undoable step with a backup taken first; restore brings a backup back', async () => {
    const app = await startApp();
    const original = app.plan!;
    const imported = structuredClone(original);
    imported.doctors = imported.doctors.slice(0, 3);
    imported.unit.listed = 7000;
    expect(await app.replacePlan(imported, 'import')).toBe(true);
    expect(app.plan).toEqual(imported);
    await vi.waitFor(() => expect(app.backups.map((b) => b.reason)).toEqual(['import']));
    await app.undo();
    expect(await stored(app)).toEqual(original);
    await app.redo();
    expect(await app.restoreBackup(app.backups[0].id)).toBe(true);
    expect(await stored(app)).toEqual(original);
    await vi.waitFor(() => expect(app.backups[0].reason).toBe('restore'));
  });

  it('plan file → clear all data → open file gives an identical plan (unknown fields kept)', async () => {
    const app = await startApp();
    await app.updateDoctor(app.plan!.doctors[0].id, { extra: { regionCode: 'X-17' } });
    await app.replacePlan({ ...app.plan!, extra: { localNote: { kept: true } } }, 'import');
    const before = app.plan!;
    const file = await app.planFile();
    expect(file.filename).toMatch(/\.kapacitet\.json$/);
    await app.clearAllData();
    expect(app.plan).toBeUndefined();
    expect(await app.db.plans.count()).toBe(0);
    expect(await app.db.backups.count()).toBe(0);
    expect(await app.restoreFromFile(file.text)).toEqual({ ok: true });
    expect(app.plan).toEqual(before);
    expect(app.plan!.extra?.localNote).toEqual({ kept: true });
    expect(app.plan!.doctors[0].extra?.regionCode).toBe('X-17');
    await vi.waitFor(() => expect(app.units).toHaveLength(1));
  });

  it('a broken file changes nothing and names the JSON path in Swedish', async () => {
    const app = await startApp();
    const before = app.plan!;
    const bad = JSON.parse(await app.planFile().then((f) => f.text));
    bad.doctors[1].employment = 'mycket';
    const r = await app.restoreFromFile(JSON.stringify(bad));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path)).toContain('doctors[1].employment');
    expect(app.lastError?.kind).toBe('file');
    expect(await stored(app)).toEqual(before);
    expect((await app.restoreFromFile('{ inte json')).ok).toBe(false);
  });

  it('a deleted unit comes back from its backup, with its workshop notes and snapshots', async () => {
    const app = await startApp();
    const plan = app.plan!;
    const unitId = app.unitId!;
    const workshop = { id: 'w1', unitId, meetingDate: '2026-11-20', title: 'APT', areas: [], createdAt: 1, updatedAt: 1 };
    const snapshot = { id: 's1', unitId, month: '2026-10', listed: 9800, withNamedDoctor: 6100, doctors: [], source: 'manual' as const, createdAt: 1 };
    await app.db.workshops.add(workshop);
    await app.db.snapshots.add(snapshot);
    await app.deleteUnit(unitId);
    expect(await app.db.workshops.count()).toBe(0);
    expect(await app.db.snapshots.count()).toBe(0);
    await vi.waitFor(() => expect(app.orphanBackups).toHaveLength(1));
    expect(app.orphanBackups[0].reason).toBe('delete-unit');
    expect(await app.restoreBackup(app.orphanBackups[0].id)).toBe(true);
    expect(app.unitId).toBe(unitId);
    expect(app.plan).toEqual(plan);
    expect(await app.db.workshops.toArray()).toEqual([workshop]);
    expect(await app.db.snapshots.toArray()).toEqual([snapshot]);
  });
});

describe('storage durability', () => {
  it('asks for persistent storage at start and shows the answer', async () => {
    const storage = fakeStorage(false, true);
    const app = await startApp({ storage });
    await vi.waitFor(() => expect(app.storage.persisted).toBe(true));
    expect(storage.asked).toBe(1);
    expect(app.storage).toMatchObject({ supported: true, mayEvict: false, estimate: { usage: 123_456, quota: 10_000_000 } });
  });

  it('shows a warning state while the browser may evict; asking again can grant it', async () => {
    const storage = fakeStorage(false, true);
    const app = await startApp({ storage, requestPersistOnStart: false });
    await vi.waitFor(() => expect(app.storage.persisted).toBe(false));
    expect(app.storage.mayEvict).toBe(true);
    expect(storage.asked).toBe(0);
    expect(await app.requestPersist()).toBe(true);
    expect(app.storage).toMatchObject({ supported: true, persisted: true, mayEvict: false });
  });

  it('a refused request keeps the warning', async () => {
    const app = await startApp({ storage: fakeStorage(false, false) });
    await vi.waitFor(() => expect(app.storage.persisted).toBe(false));
    expect(app.storage.mayEvict).toBe(true);
    expect(await app.requestPersist()).toBe(false);
    expect(app.storage.mayEvict).toBe(true);
  });

  it('does not ask when already persistent', async () => {
    const storage = fakeStorage(true, true);
    const app = await startApp({ storage });
    await vi.waitFor(() => expect(app.storage.persisted).toBe(true));
    expect(storage.asked).toBe(0);
  });

  it('without navigator.storage: unknown, not supported', async () => {
    const app = await startApp({ storage: null });
    expect(app.storage).toMatchObject({ supported: false, persisted: null });
    expect(await app.requestPersist()).toBeNull();
  });
});

describe('reactive input', () => {
  it('accepts Svelte $state proxies as patches (they cannot be structured-cloned)', async () => {
    const app = await startApp();
    const { proxied } = await import('./proxy.svelte');
    const d = app.plan!.doctors[0];
    const duties = proxied([{ kind: 'research' as const, hoursPerWeek: 3 }]);
    expect(await app.setDuties(d.id, duties)).toBe(true);
    expect((await stored(app))!.doctors[0].duties).toEqual([{ kind: 'research', hoursPerWeek: 3 }]);
    const plan = proxied(structuredClone(app.plan!));
    plan.unit.listed = 15000;
    expect(await app.replacePlan(plan, 'import')).toBe(true);
    expect((await stored(app))!.unit.listed).toBe(15000);
  });
});

describe('plan file as a new unit', () => {
  it('opens a file as a new unit when asked, leaving the current unit as it was', async () => {
    const app = await startApp();
    const firstUnit = app.unitId!;
    const file = await app.planFile();
    const text = file.text.replace(/"name": "Vårdcentralen Exempel"/, '"name": "VC Kopia"');
    expect(await app.restoreFromFile(text, { asNewUnit: true })).toEqual({ ok: true });
    expect(app.unitId).not.toBe(firstUnit);
    expect(app.plan!.unit.name).toBe('VC Kopia');
    await vi.waitFor(() => expect(app.units.map((u) => u.name).sort()).toEqual(['VC Kopia', 'Vårdcentralen Exempel']));
    expect((await app.getPlanSnapshot(app.units.find((u) => u.id === firstUnit)!.currentPlanId!)).unit.name).toBe('Vårdcentralen Exempel');
  });
});

describe('plan file with scenarios (backup of all plans)', () => {
  async function backupText(app: AppState): Promise<{ text: string; main: Plan; scenario: Plan }> {
    const main = JSON.parse((await app.planFile()).text) as Plan;
    main.unit = { ...main.unit, listed: 11111 };
    const scenario = structuredClone(main);
    scenario.doctors = scenario.doctors.slice(1);
    const text = JSON.stringify({ ...main, scenarios: [{ name: 'Utan en läkare', plan: scenario }] });
    return { text, main, scenario };
  }

  it('restores the scenarios as the unit\'s scenarios and never stores the field inside the current plan', async () => {
    const app = await startApp();
    const unitId = app.unitId!;
    const { text, scenario } = await backupText(app);
    expect(await app.restoreFromFile(text)).toEqual({ ok: true, scenarios: ['Utan en läkare'] });
    expect(app.unitId).toBe(unitId);
    expect(app.plan!.unit.listed).toBe(11111);
    expect('scenarios' in app.plan!).toBe(false);
    expect('scenarios' in (await stored(app))!).toBe(false);
    expect(JSON.parse((await app.planFile()).text).scenarios).toBeUndefined();
    await vi.waitFor(() => expect(app.plans.map((p) => [p.name, p.kind])).toEqual([['Nuläge', 'current'], ['Utan en läkare', 'scenario']]));
    const sc = app.plans.find((p) => p.kind === 'scenario')!;
    expect((await app.getPlanSnapshot(sc.id)).doctors).toEqual(scenario.doctors);
    // Restoring the same file again adds the scenario under a new name; nothing existing is overwritten.
    expect(await app.restoreFromFile(text)).toEqual({ ok: true, scenarios: ['Utan en läkare (2)'] });
    await vi.waitFor(() => expect(app.plans.map((p) => p.name)).toContain('Utan en läkare (2)'));
  });

  it('a broken scenario refuses the whole file: current plan and scenarios unchanged', async () => {
    const app = await startApp();
    const before = app.plan!;
    const { main, scenario } = await backupText(app);
    scenario.doctors[0].employment = 'mycket' as unknown as number;
    const r = await app.restoreFromFile(JSON.stringify({ ...main, scenarios: [{ name: 'A', plan: main }, { name: 'B', plan: scenario }] }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path)).toContain('scenarios[1].plan.doctors[0].employment');
    expect(app.lastError?.kind).toBe('file');
    expect(await stored(app)).toEqual(before);
    expect(await app.db.plans.count()).toBe(1);
    const notList = await app.restoreFromFile(JSON.stringify({ ...main, scenarios: { name: 'A' } }));
    expect(notList.ok).toBe(false);
    expect(await app.db.plans.count()).toBe(1);
  });

  it('into an empty store: a new unit with its current plan and its scenarios', async () => {
    const app = await startApp();
    const { text } = await backupText(app);
    await app.clearAllData();
    expect(await app.restoreFromFile(text)).toEqual({ ok: true, scenarios: ['Utan en läkare'] });
    await vi.waitFor(() => expect(app.plans.map((p) => p.kind).sort()).toEqual(['current', 'scenario']));
    expect(app.plan!.unit.listed).toBe(11111);
    expect('scenarios' in app.plan!).toBe(false);
  });

  it('a failed write of the scenarios takes everything back', async () => {
    const app = await startApp();
    const before = app.plan!;
    const { text } = await backupText(app);
    const spy = vi.spyOn(app.db.plans, 'add').mockImplementation(() => {
      throw new Error('disk full');
    });
    const r = await app.restoreFromFile(text);
    spy.mockRestore();
    expect(r.ok).toBe(false);
    expect(app.lastError?.kind).toBe('storage');
    expect(await stored(app)).toEqual(before);
    expect(await app.db.plans.count()).toBe(1);
    // A refused replacement of the current plan removes the scenarios just added.
    const replace = vi.spyOn(app, 'replacePlan').mockResolvedValue(false);
    expect((await app.restoreFromFile(text)).ok).toBe(false);
    replace.mockRestore();
    expect(await app.db.plans.count()).toBe(1);
    expect(await stored(app)).toEqual(before);
  });
});

describe('normal form', () => {
  it('an empty unit round-trips through its plan file identically', async () => {
    const app = await startApp();
    await app.createUnit('Tom enhet');
    await app.addDoctor('st');
    const before = app.plan!;
    const { text } = await app.planFile();
    await app.clearAllData();
    expect(await app.restoreFromFile(text)).toEqual({ ok: true });
    expect(app.plan).toEqual(before);
    expect(await app.planFile().then((f) => f.text)).toBe(text);
  });

  it('replacePlan refuses an invalid plan and changes nothing', async () => {
    const app = await startApp();
    const before = app.plan!;
    const bad = { ...structuredClone(before), model: 'gissning' } as unknown as Plan;
    expect(await app.replacePlan(bad, 'import')).toBe(false);
    expect(app.lastError?.details.join(' ')).toMatch(/model/);
    expect(app.plan).toBe(before);
    expect(await app.db.backups.count()).toBe(0);
  });
});

describe('conflicts between tabs', () => {
  it('editing a plan another tab has just deleted fails with a Swedish message and moves to the current plan', async () => {
    const tab1 = await startApp();
    const scen = await tab1.duplicatePlan(tab1.planId!, 'Försvinner');
    await tab1.selectPlan(scen);
    const tab2 = await startApp({ dbName: tab1.dbName });
    expect(await tab2.deletePlan(scen)).toBe(true);
    const ok = await tab1.updateUnit({ listed: 10001 });
    expect(ok).toBe(false);
    expect(tab1.lastError?.message).toMatch(/tagits bort/);
    await vi.waitFor(() => expect(tab1.planSummary?.kind).toBe('current'));
    expect((await tab1.getPlanSnapshot(tab1.planId!)).unit.listed).toBe(demo().unit.listed);
  });

  it('two tabs adding a doctor at once: one wins, the other is told and shows the stored plan', async () => {
    const tab1 = await startApp();
    const tab2 = await startApp({ dbName: tab1.dbName });
    const [a, b] = await Promise.all([tab1.addDoctor('specialist'), tab2.addDoctor('st')]);
    // Both picked the same next id; exactly one write landed.
    expect(a === null || b === null).toBe(true);
    expect(a ?? b).not.toBeNull();
    const loser = a === null ? tab1 : tab2;
    expect(loser.lastError?.kind).toBe('conflict');
    expect(loser.canUndo).toBe(false);
    const stored = await tab1.getPlanSnapshot(tab1.planId!);
    expect(stored.doctors).toHaveLength(demo().doctors.length + 1);
    await vi.waitFor(() => expect(loser.plan).toEqual(stored));
    // Trying again now works.
    expect(await loser.addDoctor('st')).not.toBeNull();
  });
});

describe('switching plans while writes are in flight', () => {
  it('the new plan shows at once and the old plan\'s pending write still lands', async () => {
    const app = await startApp();
    const a = app.planId!;
    const b = await app.duplicatePlan(a, 'B');
    const write = app.updateUnit({ listed: 10101 }); // not awaited
    await app.selectPlan(b);
    expect(app.planId).toBe(b);
    expect(app.plan?.unit.listed).toBe(demo().unit.listed);
    expect(await write).toBe(true);
    expect((await app.getPlanSnapshot(a)).unit.listed).toBe(10101);
    expect(app.plan?.unit.listed).toBe(demo().unit.listed);
  });
});
