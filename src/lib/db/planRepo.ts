/**
 * Plans and their doctors. A plan is the plan row (body without doctors) + one row per doctor.
 * All writers here expect to run inside a read-write transaction over plans + doctors (callers open it,
 * so a command and its backup commit or fail together).
 */
import type { Plan } from '../engine/index';
import type { KapacitetDb } from './schema';
import type { DoctorRecord, EpochMs, PlanKind, PlanRecord } from './records';
import { applyOpsToPlan, clone, planBody, type PlanOps } from './planOps';
import { newId } from './ids';
import { storedPlan } from './planMigration';

export class PlanGoneError extends Error {
  constructor(public planId: string) {
    super(`plan ${planId} finns inte`);
    this.name = 'PlanGoneError';
  }
}

export class DoctorIdTakenError extends Error {
  constructor(public doctorId: string) {
    super(`doctor id ${doctorId} taken`);
    this.name = 'DoctorIdTakenError';
  }
}

export function sortDoctorRows(rows: DoctorRecord[]): DoctorRecord[] {
  return rows.sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The engine's Plan from its stored parts (at the current plan version: planMigration.ts). */
export function assemblePlan(row: PlanRecord, doctors: DoctorRecord[]): Plan {
  return storedPlan({ ...row.body, doctors: sortDoctorRows(doctors).map((d) => d.data) } as Plan);
}

export async function readPlan(db: KapacitetDb, planId: string): Promise<Plan | undefined> {
  const [row, doctors] = await Promise.all([db.plans.get(planId), db.doctors.where('planId').equals(planId).toArray()]);
  return row ? assemblePlan(row, doctors) : undefined;
}

export function doctorRows(planId: string, plan: Plan): DoctorRecord[] {
  return plan.doctors.map((d, i) => ({ planId, id: d.id, order: i, data: clone(d) }));
}

/** Inserts a new plan (row + doctors). */
export async function insertPlan(
  db: KapacitetDb,
  input: { unitId: string; name: string; kind: PlanKind; plan: Plan; now: EpochMs; id?: string },
): Promise<string> {
  const id = input.id ?? newId('plan');
  const row: PlanRecord = {
    id,
    unitId: input.unitId,
    name: input.name,
    kind: input.kind,
    createdAt: input.now,
    updatedAt: input.now,
    body: clone(planBody(input.plan)),
  };
  await db.plans.add(row);
  await db.doctors.bulkAdd(doctorRows(id, input.plan));
  return id;
}

/** Deletes a plan row and its doctors. */
export async function deletePlanRows(db: KapacitetDb, planId: string): Promise<void> {
  await db.doctors.where('planId').equals(planId).delete();
  await db.plans.delete(planId);
}

/**
 * Writes a field-level change. Patches of a doctor another tab removed meanwhile are dropped (that
 * doctor is gone for everyone); adding a doctor whose id another tab just took fails the transaction.
 */
export async function writeOps(db: KapacitetDb, planId: string, ops: PlanOps, now: EpochMs): Promise<void> {
  const row = await db.plans.get(planId);
  if (!row) throw new PlanGoneError(planId);
  const changes: Record<string, unknown> = { updatedAt: now };
  if ('' in ops.body) changes.body = clone(ops.body['']);
  else for (const [path, value] of Object.entries(ops.body)) changes[`body.${path}`] = value;
  await db.plans.update(planId, changes);

  if (ops.remove.length) await db.doctors.bulkDelete(ops.remove.map((id) => [planId, id] as [string, string]));
  for (const p of ops.patch) {
    const key: [string, string] = [planId, p.id];
    if (p.whole) await db.doctors.update(key, { data: clone(p.whole) });
    else if (p.set) {
      const set: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(p.set)) set[`data.${k}`] = v;
      await db.doctors.update(key, set as Parameters<typeof db.doctors.update>[1]);
    }
  }
  for (const o of ops.order) await db.doctors.update([planId, o.id], { order: o.order });
  for (const a of ops.add) {
    if (await db.doctors.get([planId, a.doctor.id])) throw new DoctorIdTakenError(a.doctor.id);
    await db.doctors.add({ planId, id: a.doctor.id, order: a.order, data: clone(a.doctor) });
  }
}

/** Applies a change to the stored plan and returns the plan as stored afterwards. */
export async function applyOps(db: KapacitetDb, planId: string, ops: PlanOps, now: EpochMs): Promise<Plan> {
  await writeOps(db, planId, ops, now);
  const plan = await readPlan(db, planId);
  if (!plan) throw new PlanGoneError(planId);
  return plan;
}

export { applyOpsToPlan };
