/**
 * Rolling local backups of each plan: the last N versions as `.kapacitet.json` texts (engine's
 * serializePlan). Automatic ones are throttled (one per plan per AUTO_BACKUP_INTERVAL_MS of editing);
 * one is always taken before an import, a restore, a promote or a delete. Call inside a read-write
 * transaction that spans plans, doctors, units and backups.
 */
import { parsePlan, serializePlan, type Plan, type PlanError } from '../engine/index';
import type { KapacitetDb } from './schema';
import type { BackupReason, BackupRecord, EpochMs } from './records';
import { readPlan } from './planRepo';
import { newId } from './ids';

export const BACKUPS_PER_PLAN = 20;
export const AUTO_BACKUP_INTERVAL_MS = 2 * 60 * 1000;

export async function latestBackup(db: KapacitetDb, planId: string): Promise<BackupRecord | undefined> {
  return db.backups
    .where('[planId+createdAt]')
    .between([planId, -Infinity], [planId, Infinity])
    .last();
}

/** Keeps the newest `keep` backups of a plan. */
export async function pruneBackups(db: KapacitetDb, planId: string, keep: number = BACKUPS_PER_PLAN): Promise<void> {
  const keys = await db.backups
    .where('[planId+createdAt]')
    .between([planId, -Infinity], [planId, Infinity])
    .primaryKeys();
  if (keys.length > keep) await db.backups.bulkDelete(keys.slice(0, keys.length - keep));
}

/**
 * Stores the plan as it is now in the database. Returns the new backup, or undefined when the plan does
 * not exist or (for automatic backups) nothing changed since the newest backup.
 */
export async function takeBackup(
  db: KapacitetDb,
  planId: string,
  reason: BackupReason,
  now: EpochMs,
  keep: number = BACKUPS_PER_PLAN,
): Promise<BackupRecord | undefined> {
  const row = await db.plans.get(planId);
  const plan = row && (await readPlan(db, planId));
  if (!row || !plan) return undefined;
  const text = serializePlan(plan);
  const last = await latestBackup(db, planId);
  if (last && last.text === text && reason === 'auto') return undefined;
  const unit = await db.units.get(row.unitId);
  // Two backups in one millisecond keep their order.
  const createdAt = last && last.createdAt >= now ? last.createdAt + 1 : now;
  const record: BackupRecord = {
    id: newId('backup'),
    planId,
    unitId: row.unitId,
    planName: row.name,
    unitName: unit?.name ?? plan.unit.name,
    planKind: row.kind,
    reason,
    createdAt,
    doctorCount: plan.doctors.length,
    text,
  };
  await db.backups.add(record);
  await pruneBackups(db, planId, keep);
  return record;
}

/** The throttled automatic backup: only when the newest backup is older than the interval. */
export async function maybeAutoBackup(
  db: KapacitetDb,
  planId: string,
  now: EpochMs,
  intervalMs: number = AUTO_BACKUP_INTERVAL_MS,
  keep: number = BACKUPS_PER_PLAN,
): Promise<BackupRecord | undefined> {
  const last = await latestBackup(db, planId);
  if (last && now - last.createdAt < intervalMs) return undefined;
  return takeBackup(db, planId, 'auto', now, keep);
}

export function parseBackup(record: BackupRecord): { ok: true; plan: Plan } | { ok: false; errors: PlanError[] } {
  const parsed = parsePlan(record.text);
  return parsed.ok ? { ok: true, plan: parsed.plan } : { ok: false, errors: parsed.errors };
}

/**
 * The newest backup of each plan that no longer exists (a deleted scenario or unit), newest first.
 * Reads keys first and only the few orphans' records, because this runs live on every plan change.
 */
export async function orphanBackups(db: KapacitetDb): Promise<BackupRecord[]> {
  const [withBackups, planIds] = await Promise.all([
    db.backups.orderBy('planId').uniqueKeys(),
    db.plans.toCollection().primaryKeys(),
  ]);
  const live = new Set<string>(planIds);
  const orphans = (withBackups as string[]).filter((id) => !live.has(id));
  const newest = await Promise.all(orphans.map((id) => latestBackup(db, id)));
  return newest.filter((b): b is BackupRecord => !!b).sort((a, b) => b.createdAt - a.createdAt);
}
