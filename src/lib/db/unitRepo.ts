/** Units: a unit owns plans (one 'current' + scenarios), workshops and follow-up snapshots. */
import type { Plan } from '../engine/index';
import type { KapacitetDb } from './schema';
import type { EpochMs, PlanRecord, UnitRecord } from './records';
import { insertPlan, deletePlanRows } from './planRepo';
import { newId } from './ids';

/** Creates a unit with `plan` as its current plan. Run inside a rw transaction over units, plans, doctors. */
export async function insertUnitWithPlan(
  db: KapacitetDb,
  input: { name: string; plan: Plan; planName: string; now: EpochMs },
): Promise<{ unitId: string; planId: string }> {
  const unit: UnitRecord = { id: newId('unit'), name: input.name, createdAt: input.now, updatedAt: input.now };
  await db.units.add(unit);
  const planId = await insertPlan(db, { unitId: unit.id, name: input.planName, kind: 'current', plan: input.plan, now: input.now });
  return { unitId: unit.id, planId };
}

export async function plansOfUnit(db: KapacitetDb, unitId: string): Promise<PlanRecord[]> {
  return db.plans.where('unitId').equals(unitId).toArray();
}

export async function currentPlanOf(db: KapacitetDb, unitId: string): Promise<PlanRecord | undefined> {
  const plans = await plansOfUnit(db, unitId);
  return plans.find((p) => p.kind === 'current') ?? plans[0];
}

/**
 * Deletes a unit with its plans and doctors, its workshops and snapshots. Backups stay (they are how a
 * deleted unit is brought back). Run inside a rw transaction over those tables.
 */
export async function deleteUnitRows(db: KapacitetDb, unitId: string): Promise<void> {
  for (const p of await plansOfUnit(db, unitId)) await deletePlanRows(db, p.id);
  await db.workshops.where('unitId').equals(unitId).delete();
  await db.snapshots.where('unitId').equals(unitId).delete();
  await db.units.delete(unitId);
}
