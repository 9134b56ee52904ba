// The overview state over a real (fake-indexeddb) database: the catalog of units, current plans only,
// live updates from another tab, files opened without import, refusals named, import as a new unit.
import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it } from 'vitest';
import { computePlan, createDemoPlan, serializePlan } from '../../../src/lib/engine/index';
import { exportWorkbook } from '../../../src/lib/io/index';
import { readOverviewCatalog, readPlans } from '../../../src/lib/db/overviewRepo';
import { saveSnapshot } from '../../../src/lib/db/snapshotsRepo';
import { AppState } from '../../../src/lib/state/app.svelte';
import { OverviewState } from '../../../src/lib/state/overview.svelte';
import { TODAY, disposeApps, startApp } from './helpers';

afterAll(() => disposeApps());

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('overview repository', () => {
  it('reads units, their current plans and the latest snapshot month', async () => {
    const app = await startApp();
    const demoId = app.unitId!;
    await app.duplicatePlan(app.planId!, 'Scenario A');
    const north = createDemoPlan();
    north.unit.name = 'Norr';
    const northId = await app.createUnitFromPlan(north);
    await saveSnapshot(app.db, northId, { month: '2026-09', listed: 100, withNamedDoctor: 50, doctors: [], source: 'manual' }, 1);
    await saveSnapshot(app.db, northId, { month: '2026-10', listed: 100, withNamedDoctor: 60, doctors: [], source: 'manual' }, 2);
    const catalog = await readOverviewCatalog(app.db);
    expect(catalog.map((c) => c.name).sort()).toEqual(['Norr', 'Vårdcentralen Exempel']);
    const n = catalog.find((c) => c.unitId === northId)!;
    expect(n.latestSnapshot).toBe('2026-10');
    // The current plan, never a scenario.
    const d = catalog.find((c) => c.unitId === demoId)!;
    expect(d.planId).toBe(app.units.find((u) => u.id === demoId)!.currentPlanId);
    const plans = await readPlans(app.db, [d.planId!, n.planId!]);
    expect(plans.get(n.planId!)!.unit.name).toBe('Norr');
    expect(plans.get(d.planId!)!.doctors.map((x) => x.id)).toEqual(createDemoPlan().doctors.map((x) => x.id));
  });
});

describe('OverviewState', () => {
  it('rows of every unit; an edit in another tab reaches the row through the live query', async () => {
    const app = await startApp();
    const other = new AppState({ dbName: app.dbName, today: TODAY, storage: null, requestPersistOnStart: false });
    await other.start();
    const ov = new OverviewState(app);
    ov.start();
    await until(() => ov.loaded && ov.rows.length === 1);
    const row = ov.rows[0];
    expect(row.listed).toBe(createDemoPlan().unit.listed);
    expect(row.result.unit).toEqual(computePlan(app.plan!, { today: TODAY }).unit);
    // The other tab edits the same unit.
    await other.updateUnit({ listed: 15_000 });
    await until(() => ov.rows[0].listed === 15_000);
    expect(ov.rows[0].gapPatients).toBe(computePlan({ ...app.plan!, unit: { ...app.plan!.unit, listed: 15_000 } }, { today: TODAY }).unit.gapPatients);
    // This tab's own edit shows at once (app.plan, no database round trip).
    void app.updateUnit({ listed: 16_000 });
    expect(ov.rows[0].listed).toBe(16_000);
    await app.flush();
    ov.stop();
    other.dispose();
  });

  it('opens plan files and workbooks without importing; names what it cannot read', async () => {
    const app = await startApp();
    const ov = new OverviewState(app);
    ov.start();
    await until(() => ov.loaded);
    const a = createDemoPlan();
    a.unit.name = 'Fil A';
    const b = createDemoPlan();
    b.unit.name = 'Bok B';
    const backup = JSON.parse(serializePlan(createDemoPlan()));
    backup.unit.name = 'Säkerhetskopia C';
    backup.scenarios = [{ name: 'X', plan: JSON.parse(serializePlan(createDemoPlan())) }];
    const broken = JSON.parse(serializePlan(createDemoPlan()));
    broken.doctors[0].employment = 'heltid';
    await ov.openFiles([
      new File([serializePlan(a)], 'a.kapacitet.json'),
      new File([exportWorkbook(b) as Uint8Array<ArrayBuffer>], 'b.xlsx'),
      new File([JSON.stringify(backup)], 'c.kapacitet.json'),
      new File([JSON.stringify(broken)], 'trasig.kapacitet.json'),
      new File(['{'], 'halv.json'),
      new File(['hej'], 'anteckning.txt'),
    ]);
    expect(ov.files.map((f) => f.plan.unit.name)).toEqual(['Fil A', 'Bok B', 'Säkerhetskopia C']);
    expect(ov.problems).toHaveLength(3);
    expect(ov.problems[0]).toMatch(/^trasig\.kapacitet\.json: .*Läkare 1 \([^)]*\): Tjänstgöringsgrad – /);
    expect(ov.problems[1]).toMatch(/^halv\.json: /);
    expect(ov.problems[2]).toMatch(/^anteckning\.txt: /);
    expect(ov.status).toContain('3 filer visas');
    expect(app.units).toHaveLength(1);
    // A workbook reads as the same figures as its plan.
    const fromBook = ov.rows.find((r) => r.name === 'Bok B')!;
    expect(fromBook.capacityGuideline).toBe(computePlan(b, { today: TODAY }).unit.capacityGuideline);
    ov.stop();
  });

  it('imports one file as a new unit under a name not taken; the others stay files', async () => {
    const app = await startApp();
    const ov = new OverviewState(app);
    ov.start();
    await until(() => ov.loaded);
    const twin = createDemoPlan(); // same name as the demo unit in the browser
    await ov.openFiles([new File([serializePlan(twin)], 'tvilling.kapacitet.json'), new File([serializePlan(createDemoPlan())], 'x.kapacitet.json')]);
    const id = ov.files[0].id;
    expect(ov.importName(id)).toBe('Vårdcentralen Exempel (2)');
    expect(await ov.importFile(id)).toBe(true);
    expect(app.units.map((u) => u.name).sort()).toEqual(['Vårdcentralen Exempel', 'Vårdcentralen Exempel (2)']);
    expect(ov.files).toHaveLength(1);
    await until(() => ov.rows.filter((r) => r.source === 'browser').length === 2);
    ov.stop();
  });
});
