/**
 * One migration chain for plans, in files and in the store (issue 17.6). The engine's MIGRATIONS
 * (engine/migrate.ts) upgrade a plan file step by step; stored plans go through the very same steps,
 * in the Dexie upgrade of the schema version that raises the plan version (schema.ts, `planVersion`).
 *
 * Why in a Dexie upgrade and not on every read: edits are field-level writes into the stored rows
 * (planOps.ts). A plan migrated only in memory would be edited in its new shape while its row keeps the
 * old one, and the next read would migrate the old fields again over the user's edit. Upgraded once, in
 * one transaction, every stored plan is at the current version; the upgrade either migrates every plan
 * or throws and changes nothing. readPlan still checks the version (storedPlan below), so a plan that
 * somehow escaped the upgrade reaches the app migrated, never in an old shape.
 */
import type { Transaction } from 'dexie';
import { MIGRATIONS, migratePlanObject, planFromStored, type Migration, type Plan } from '../engine/index';
import { DATA_SV } from '../strings/data.sv';
import { addNotices, type DataNotice } from './notices';
import type { DoctorRecord, PlanRecord } from './records';
import { uniqueDoctorIds } from './upgrades';

type Obj = Record<string, unknown>;

/**
 * What is wrong with a migration chain (empty when nothing): it must start at 0, step by one, and
 * end at `current`, with one step per version.
 */
export function planChainProblems(migrations: readonly Migration[], current: number): string[] {
  const problems: string[] = [];
  const sorted = [...migrations].sort((a, b) => a.from - b.from);
  if (current > 0 && sorted[0]?.from !== 0) problems.push(`the chain must start at version 0, not ${sorted[0]?.from ?? '(empty)'}`);
  sorted.forEach((m, i) => {
    if (m.to !== m.from + 1) problems.push(`step ${m.from} → ${m.to} does not step by one`);
    if (i > 0 && m.from !== sorted[i - 1].to) problems.push(`no step from ${sorted[i - 1].to} (next step starts at ${m.from})`);
    if (i > 0 && m.from === sorted[i - 1].from) problems.push(`two steps from version ${m.from}`);
  });
  const last = sorted[sorted.length - 1]?.to ?? 0;
  if (last !== current) problems.push(`the chain ends at ${last}, the current plan version is ${current}`);
  return problems;
}

/** The upgrade cannot migrate a stored plan: it throws this, and the whole upgrade rolls back. */
export class StoredPlanMigrationError extends Error {
  constructor(readonly planName: string, detail: string) {
    super(DATA_SV.errors.planNotMigrated(planName, detail));
    this.name = 'StoredPlanMigrationError';
  }
}

/** One stored plan rewritten: the new plan object, or why it cannot be (the upgrade then rolls back). */
export type PlanRewrite = (plan: Obj) => { ok: true; value: Obj } | { ok: false; errors: { message: string }[] };

/**
 * Dexie upgrade step: every stored plan (row + its doctor rows, in order) through `rewrite`, written back
 * as row + doctor rows. Doctor ids stay unique (a rewrite that made two equal would otherwise drop one
 * row; the later one is renamed and the user told once, as in the v1 → v2 upgrade). A plan `rewrite`
 * refuses throws StoredPlanMigrationError: nothing of the upgrade is kept.
 */
export async function rewriteStoredPlans(tx: Transaction, rewrite: PlanRewrite, noticeTag: string): Promise<void> {
  const plans = (await tx.table('plans').toArray()) as PlanRecord[];
  const notices: DataNotice[] = [];
  for (const row of plans) {
    const rows = ((await tx.table('doctors').where('planId').equals(row.id).toArray()) as DoctorRecord[]).sort(
      (a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    const next = rewrite({ ...row.body, doctors: rows.map((r) => r.data) });
    if (!next.ok) throw new StoredPlanMigrationError(row.name, next.errors.map((e) => e.message).join(' '));
    const { doctors: list, ...body } = next.value;
    const { doctors, renamed } = uniqueDoctorIds((Array.isArray(list) ? list : []) as Obj[]);
    if (renamed.length) {
      notices.push({ id: `${noticeTag}-${row.id}`, message: DATA_SV.notices.doctorsKept(row.name, '', renamed, 0), createdAt: Date.now() });
    }
    await tx.table('doctors').where('planId').equals(row.id).delete();
    await tx.table('doctors').bulkAdd(doctors.map((d, i) => ({ planId: row.id, id: String(d.id), order: i, data: d })));
    await tx.table('plans').put({ ...row, body });
  }
  await addNotices(tx.table('settings'), notices);
}

/** Every stored plan through the engine's migration chain up to plan version `target`. */
export function migrateStoredPlans(tx: Transaction, target: number, migrations: readonly Migration[] = MIGRATIONS): Promise<void> {
  return rewriteStoredPlans(tx, (plan) => migratePlanObject(plan, migrations, target), `plan-${target}`);
}

/**
 * A plan as read from the store, always through the engine's one entry for stored bodies
 * (planFromStored): the chain when it is at an earlier version (in memory; the upgrades normally did it
 * already), and the exact in-memory shape in every case. Rows written before the engine's `extra` bags
 * hold a file's unknown fields flat on each object; read this way they reach the app with them in the
 * bags, so serializePlan writes them back and no old shape reaches the engine or the UI.
 */
export function storedPlan(plan: Plan): Plan {
  const r = planFromStored(plan);
  if (!r.ok) {
    console.warn('stored plan not migrated', r.errors);
    return plan;
  }
  return r.plan;
}
