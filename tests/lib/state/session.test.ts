import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { computePlan, type Plan } from '../../../src/lib/engine/index';
import { readPlan } from '../../../src/lib/db/index';
import { EditRefused, withDoctorPatches, withUnit } from '../../../src/lib/state/planEdits';
import { PlanSession } from '../../../src/lib/state/session.svelte';
import { DATA_SV } from '../../../src/lib/strings/data.sv';
import { coreWithPlan, demoPlan, dropParts } from './parts';

const sessions: PlanSession[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) s.dispose();
  await dropParts();
});

async function session() {
  const parts = await coreWithPlan({ autoBackupIntervalMs: 60_000 });
  const writes = { count: 0 };
  const s = new PlanSession(parts.core, () => (writes.count += 1));
  sessions.push(s);
  s.show(parts.planId, (await readPlan(parts.db, parts.planId))!);
  return { ...parts, s, writes };
}

const listed = (n: number) => (p: Plan) => withUnit(p, { listed: n });

describe('PlanSession', () => {
  it('shows a plan with its result, computed for the session\'s today', async () => {
    const { s, core } = await session();
    expect(s.plan).toEqual(demoPlan());
    expect(s.result).toEqual(computePlan(demoPlan(), { today: core.today }));
    s.show(null);
    expect(s.plan).toBeUndefined();
    expect(s.result).toBeUndefined();
  });

  it('an edit changes plan and result at once, then is written with one rolling backup', async () => {
    const { s, db, planId, writes } = await session();
    const done = s.edit('Ändra', listed(12_345));
    expect(s.plan!.unit.listed).toBe(12_345);
    expect(s.result!.unit.coverageToday).toBeCloseTo(s.plan!.unit.withNamedDoctor / 12_345);
    expect(s.saving).toBe(true);
    expect(await done).toBe(true);
    expect(s.saving).toBe(false);
    expect((await readPlan(db, planId))!.unit.listed).toBe(12_345);
    expect(await db.backups.where('planId').equals(planId).count()).toBe(1);
    expect(writes.count).toBe(1);
    // Within the backup interval: no second backup.
    expect(await s.edit('Ändra', listed(12_346))).toBe(true);
    expect(await db.backups.where('planId').equals(planId).count()).toBe(1);
  });

  it('undo and redo with labels; a new edit clears redo', async () => {
    const { s, db, planId } = await session();
    const before = s.plan!;
    expect(s.canUndo).toBe(false);
    await s.edit('Ändra enhetsuppgifter', listed(11_000));
    expect(s.undoLabel).toBe(DATA_SV.undo.undoOf('Ändra enhetsuppgifter'));
    expect(await s.undo()).toBe(true);
    expect(s.plan).toEqual(before);
    expect(await readPlan(db, planId)).toEqual(before);
    expect(s.redoLabel).toBe(DATA_SV.undo.redoOf('Ändra enhetsuppgifter'));
    await s.edit('Annat', listed(9_000));
    expect(s.canRedo).toBe(false);
    expect(await s.undo()).toBe(true);
    expect(await s.undo()).toBe(false); // nothing left
  });

  it('refuses without changing anything: a refused produce, an invalid plan, a personnummer, no plan', async () => {
    const { s, core, db, planId } = await session();
    const plan = s.plan;
    expect(
      await s.edit('x', () => {
        throw new EditRefused('Går inte.');
      }),
    ).toBe(false);
    expect(core.lastError).toEqual({ kind: 'validation', message: 'Går inte.', details: [] });
    expect(await s.edit('x', listed(-5))).toBe(false);
    expect(core.lastError?.details.join(' ')).toMatch(/Enheten: Listade invånare – /);
    const first = plan!.doctors[0].id;
    expect(await s.edit('x', (p) => withDoctorPatches(p, [{ doctorId: first, patch: { name: '19121212-1212' } }], () => new Error()))).toBe(false);
    expect(core.lastError?.message).toBe(DATA_SV.errors.personnummer);
    expect(s.plan).toBe(plan);
    expect(s.canUndo).toBe(false);
    expect(await readPlan(db, planId)).toEqual(plan);
    s.show(null);
    expect(await s.edit('x', listed(1))).toBe(false);
    expect(core.lastError?.message).toBe(DATA_SV.errors.noPlan);
  });

  it('a no-op edit succeeds and adds no undo step', async () => {
    const { s } = await session();
    expect(await s.edit('x', (p) => ({ ...p }))).toBe(true);
    expect(s.canUndo).toBe(false);
  });

  it('a read-only tab refuses edits and undo before anything changes in memory', async () => {
    const { s, core, db, planId } = await session();
    await s.edit('x', listed(10_001));
    core.readOnly = DATA_SV.errors.readOnly;
    const plan = s.plan;
    expect(await s.edit('x', listed(10_002))).toBe(false);
    expect(s.plan).toBe(plan);
    expect(core.lastError?.kind).toBe('read-only');
    expect(await s.undo()).toBe(false);
    expect(s.plan).toBe(plan);
    expect((await readPlan(db, planId))!.unit.listed).toBe(10_001);
  });

  it('a failed write rolls the optimistic plan back to what is stored and drops the history step', async () => {
    const { s, core, db } = await session();
    const before = s.plan!;
    const update = vi.spyOn(db.plans, 'update').mockRejectedValue(Object.assign(new Error('full'), { name: 'QuotaExceededError' }));
    const done = s.edit('x', listed(20_000));
    expect(s.plan!.unit.listed).toBe(20_000);
    expect(await done).toBe(false);
    update.mockRestore();
    expect(core.lastError?.kind).toBe('quota');
    await vi.waitFor(() => expect(s.plan).toEqual(before));
    expect(s.canUndo).toBe(false);
  });

  it('follows the stored plan live (another tab), but never over its own writes in flight', async () => {
    const { s, db, planId } = await session();
    await db.plans.update(planId, { 'body.unit.careWeight': 1.3 });
    await vi.waitFor(() => expect(s.plan!.unit.careWeight).toBe(1.3));
    const mine = s.edit('x', listed(15_000));
    expect(s.plan!.unit.listed).toBe(15_000);
    await mine;
    await s.flush();
    expect(s.plan!.unit.listed).toBe(15_000);
    expect(s.plan!.unit.careWeight).toBe(1.3);
  });

  it('forgets the history of a deleted plan, or of every plan', async () => {
    const { s, planId } = await session();
    await s.edit('x', listed(10_100));
    s.forget(planId);
    expect(s.canUndo).toBe(false);
    await s.edit('x', listed(10_200));
    s.forget(null);
    expect(s.canUndo).toBe(false);
  });
});
