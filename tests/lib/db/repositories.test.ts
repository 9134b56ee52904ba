import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  KapacitetDb,
  applyOps,
  deleteUnitRows,
  diffPlans,
  getListingMapping,
  insertUnitWithPlan,
  isQuotaError,
  latestBackup,
  maybeAutoBackup,
  planOfBackup,
  readPlan,
  readStoredBackup,
  restoreDatabase,
  type BackupFile,
  saveListingMapping,
  storageErrorMessage,
  takeBackup,
  writeOps,
  type KapacitetDb as Db,
} from '../../../src/lib/db/index';
import { createDemoPlan, type Plan } from '../../../src/lib/engine/index';
import { drop, uniqueDbName } from './helpers';

const dbs: Db[] = [];
afterEach(async () => {
  await drop(...dbs.splice(0));
});

async function seeded(name = uniqueDbName('repo')): Promise<{ db: Db; planId: string; unitId: string; plan: Plan }> {
  const db = new KapacitetDb(name);
  dbs.push(db);
  await db.open();
  const plan = createDemoPlan();
  const ids = await db.transaction('rw', [db.units, db.plans, db.doctors], () =>
    insertUnitWithPlan(db, { name: plan.unit.name, plan, planName: 'Nuläge', now: 1000 }),
  );
  return { db, plan, ...ids };
}

/** A field-level edit written like the app writes it. */
async function edit(db: Db, planId: string, change: (p: Plan) => void): Promise<void> {
  await db.transaction('rw', [db.plans, db.doctors], async () => {
    const before = (await readPlan(db, planId))!;
    const after = structuredClone(before);
    change(after);
    await writeOps(db, planId, diffPlans(before, after), 2000);
  });
}

describe('plan repository', () => {
  it('stores a plan as a row + one row per doctor and reads the same plan back', async () => {
    const { db, planId, plan } = await seeded();
    expect(await readPlan(db, planId)).toEqual(plan);
    const rows = await db.doctors.where('planId').equals(planId).toArray();
    expect(rows).toHaveLength(plan.doctors.length);
    expect((await db.plans.get(planId))!.body).not.toHaveProperty('doctors');
  });

  it('writes field-level changes: set, remove an optional field, nested body paths, a missing time block', async () => {
    const { db, planId, plan } = await seeded();
    const next = structuredClone(plan);
    next.doctors[0].name = 'Ny';
    delete next.doctors[0].listed;
    next.unit.priority.chronic = 77;
    delete next.time;
    next.time = { weeksPerYear: 40 };
    next.doctors.splice(1, 0, { id: 'dx', name: 'Tillagd', category: 'st', employment: 1, duties: [], stMonthsDone: 12, stMonthsTotal: 60 });
    next.doctors.pop();
    const stored = await db.transaction('rw', [db.plans, db.doctors], () => applyOps(db, planId, diffPlans(plan, next), 5));
    expect(stored).toEqual(next);
    expect(stored.doctors[0]).not.toHaveProperty('listed');
    expect((await db.plans.get(planId))!.updatedAt).toBe(5);
  });
});

describe('two tabs on one database (two Dexie instances)', () => {
  it('loses no write when both edit the same plan at the same time', async () => {
    const { db: tab1, planId, plan } = await seeded();
    const tab2 = new KapacitetDb(tab1.name);
    dbs.push(tab2);
    await tab2.open();
    // Both tabs started from the same stale copy in memory.
    const stale = structuredClone(plan);
    const a = structuredClone(stale);
    a.doctors[0].employment = 0.6;
    a.unit.listed = 11111;
    const b = structuredClone(stale);
    b.doctors[0].name = 'Namn från flik 2';
    b.doctors[3].employment = 0.3;
    b.unit.withNamedDoctor = 4444;
    await Promise.all([
      tab1.transaction('rw', [tab1.plans, tab1.doctors], () => writeOps(tab1, planId, diffPlans(stale, a), 10)),
      tab2.transaction('rw', [tab2.plans, tab2.doctors], () => writeOps(tab2, planId, diffPlans(stale, b), 11)),
    ]);
    for (const tab of [tab1, tab2]) {
      const p = (await readPlan(tab, planId))!;
      expect(p.doctors[0].employment).toBe(0.6);
      expect(p.doctors[0].name).toBe('Namn från flik 2');
      expect(p.doctors[3].employment).toBe(0.3);
      expect(p.unit.listed).toBe(11111);
      expect(p.unit.withNamedDoctor).toBe(4444);
    }
  });

  it('many interleaved edits from two tabs all land', async () => {
    const { db: tab1, planId, plan } = await seeded();
    const tab2 = new KapacitetDb(tab1.name);
    dbs.push(tab2);
    await tab2.open();
    const writes: Promise<void>[] = [];
    plan.doctors.forEach((d, i) => {
      const tab = i % 2 ? tab1 : tab2;
      writes.push(edit(tab, planId, (p) => (p.doctors.find((x) => x.id === d.id)!.absenceWeeks = i + 1)));
    });
    await Promise.all(writes);
    const p = (await readPlan(tab1, planId))!;
    expect(p.doctors.map((d) => d.absenceWeeks)).toEqual(plan.doctors.map((_d, i) => i + 1));
  });

  it('refuses a doctor id another tab has just taken (no silent overwrite)', async () => {
    const { db: tab1, planId, plan } = await seeded();
    const tab2 = new KapacitetDb(tab1.name);
    dbs.push(tab2);
    await tab2.open();
    const add = (name: string) => {
      const next = structuredClone(plan);
      next.doctors.push({ id: 'd99', name, category: 'specialist', employment: 1, duties: [] });
      return diffPlans(plan, next);
    };
    await tab1.transaction('rw', [tab1.plans, tab1.doctors], () => writeOps(tab1, planId, add('Först'), 1));
    await expect(
      tab2.transaction('rw', [tab2.plans, tab2.doctors], () => writeOps(tab2, planId, add('Sen'), 2)),
    ).rejects.toThrow(/d99/);
    expect((await readPlan(tab1, planId))!.doctors.find((d) => d.id === 'd99')!.name).toBe('Först');
  });
});

describe('rolling backups', () => {
  it('keeps the newest N per plan', async () => {
    const { db, planId } = await seeded();
    for (let i = 0; i < 25; i++) {
      await db.transaction('rw', [db.units, db.plans, db.doctors, db.backups], async () => {
        await edit(db, planId, (p) => (p.unit.listed = 9000 + i));
        await takeBackup(db, planId, 'manual', 10_000 + i, 20);
      });
    }
    const rows = await db.backups.where('planId').equals(planId).toArray();
    expect(rows).toHaveLength(20);
    const listed = rows.sort((a, b) => a.createdAt - b.createdAt).map((r) => planOfBackup((readStoredBackup(r) as { ok: true; file: BackupFile }).file)!.unit.listed);
    expect(listed).toEqual(Array.from({ length: 20 }, (_x, i) => 9005 + i));
  });

  it('throttles automatic backups to one per interval and skips unchanged plans', async () => {
    const { db, planId } = await seeded();
    const auto = (now: number) =>
      db.transaction('rw', [db.units, db.plans, db.doctors, db.backups], () => maybeAutoBackup(db, planId, now, 120_000));
    expect(await auto(0)).toBeDefined();
    await edit(db, planId, (p) => (p.unit.listed = 1));
    expect(await auto(60_000)).toBeUndefined(); // within 2 minutes
    expect(await auto(130_000)).toBeDefined();
    expect(await auto(300_000)).toBeUndefined(); // nothing changed since
    expect((await latestBackup(db, planId))!.createdAt).toBe(130_000);
  });

  it('backup → clear everything → restore gives an identical plan (unknown fields kept)', async () => {
    const { db, planId, plan } = await seeded();
    await edit(db, planId, (p) => {
      p.doctors[0].extra = { favourite: { colour: 'grön', n: [1, 2] } };
      p.extra = { regionExtra: 'behålls' };
    });
    const before = (await readPlan(db, planId))!;
    const backup = (await db.transaction('rw', [db.units, db.plans, db.doctors, db.backups], () =>
      takeBackup(db, planId, 'manual', 1),
    ))!;
    await db.transaction('rw', db.tables, () => Promise.all(db.tables.map((t) => t.clear())));
    expect(await db.plans.count()).toBe(0);
    // The backup is a kapacitet/backup v1 document of the rows it protects, restored like a file.
    const stored = JSON.parse(backup.text) as BackupFile;
    expect(stored).toMatchObject({ format: 'kapacitet/backup', version: 1, plan: planId });
    expect(Object.keys(stored.stores).sort()).toEqual(['doctors', 'plans', 'units']);
    const read = readStoredBackup(backup);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    await restoreDatabase(db, read.file);
    const after = (await readPlan(db, planId))!;
    expect(after).toEqual(before);
    expect(after.extra?.regionExtra).toBe('behålls');
    expect(before).not.toEqual(plan);
  });
});

describe('quota errors', () => {
  it('recognises QuotaExceededError, also wrapped by Dexie, and says so in Swedish', () => {
    const quota = new DOMException('full', 'QuotaExceededError');
    expect(isQuotaError(quota)).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: quota })).toBe(true);
    expect(isQuotaError({ name: 'BulkError', failures: [new Error('x'), quota] })).toBe(true);
    expect(isQuotaError({ name: 'BulkError', failures: { 3: quota } })).toBe(true);
    expect(isQuotaError(new Error('ConstraintError'))).toBe(false);
    expect(storageErrorMessage(quota)).toMatch(/Lagringsutrymmet/);
  });

  it('leaves nothing half-written when the transaction fails midway', async () => {
    const { db, planId, plan } = await seeded();
    const next = structuredClone(plan);
    next.doctors.forEach((d) => (d.employment = 0.5));
    next.unit.listed = 1;
    await expect(
      db.transaction('rw', [db.units, db.plans, db.doctors, db.backups], async () => {
        await takeBackup(db, planId, 'manual', 1);
        await writeOps(db, planId, diffPlans(plan, next), 2);
        throw new DOMException('Quota exceeded', 'QuotaExceededError');
      }),
    ).rejects.toSatisfy(isQuotaError);
    expect(await readPlan(db, planId)).toEqual(plan);
    expect(await db.backups.count()).toBe(0);
  });
});

describe('units, listing mappings', () => {
  it('deleting a unit removes its plans, doctors, workshops and snapshots, not other units', async () => {
    const { db, unitId } = await seeded();
    const other = await db.transaction('rw', [db.units, db.plans, db.doctors], () =>
      insertUnitWithPlan(db, { name: 'Annan', plan: createDemoPlan(), planName: 'Nuläge', now: 1 }),
    );
    await db.workshops.add({ id: 'w', unitId, meetingDate: '2026-01-01', title: 'x', areas: [], createdAt: 1, updatedAt: 1 });
    await db.snapshots.add({ id: 's', unitId, month: '2026-01', listed: 1, withNamedDoctor: 1, doctors: [], source: 'manual', createdAt: 1 });
    await db.transaction('rw', [db.units, db.plans, db.doctors, db.workshops, db.snapshots], () => deleteUnitRows(db, unitId));
    expect(await db.units.toCollection().primaryKeys()).toEqual([other.unitId]);
    expect(await db.plans.toCollection().primaryKeys()).toEqual([other.planId]);
    expect(await db.doctors.where('planId').notEqual(other.planId).count()).toBe(0);
    expect(await db.workshops.count()).toBe(0);
    expect(await db.snapshots.count()).toBe(0);
  });

  it('remembers a listing column mapping by header signature', async () => {
    const { db } = await seeded();
    await saveListingMapping(db, 'läkare|listade', { doctor: 'A', listed: 'C' }, 1);
    expect(await getListingMapping(db, 'läkare|listade')).toEqual({ doctor: 'A', listed: 'C' });
    expect(await getListingMapping(db, 'annat')).toBeUndefined();
  });
});
