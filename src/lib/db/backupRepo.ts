/**
 * Rolling local backups of each plan: the last N versions, each a `kapacitet/backup` version-1
 * document (the same format as the complete backup, backupFile.ts) holding the rows it protects: the
 * unit's record, the plan's row and its doctors' rows (and, for a deleted unit's current plan, the
 * unit's APT meetings and snapshots). Backups stored before that hold a plan file (`.kapacitet.json`
 * text, version 0 of the same chain) and are read through the same migration (readStoredBackup).
 * Automatic ones are throttled (one per plan per AUTO_BACKUP_INTERVAL_MS of editing); one is always
 * taken before an import, a restore, a promote or a delete. Call inside a read-write transaction that
 * spans plans, doctors, units and backups.
 */
import type { Plan, PlanError } from '../engine/index';
import { BACKUP_SV } from '../strings/data.sv';
import { LATEST_VERSION, type KapacitetDb } from './schema';
import type { BackupReason, BackupRecord, DoctorRecord, EpochMs, PlanRecord, SnapshotRecord, UnitRecord, WorkshopRecord } from './records';
import { BACKUP_FORMAT, BACKUP_VERSION, readBackupFile, type BackupFile } from './backupFile';
import { clone } from './planOps';
import { assemblePlan, sortDoctorRows } from './planRepo';
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
  unitData?: { workshops: WorkshopRecord[]; snapshots: SnapshotRecord[] },
): Promise<BackupRecord | undefined> {
  const [row, doctorList] = await Promise.all([db.plans.get(planId), db.doctors.where('planId').equals(planId).toArray()]);
  if (!row) return undefined;
  const unit = await db.units.get(row.unitId);
  const file = planBackupDocument(now, row, doctorList, unit, unitData);
  const text = JSON.stringify(file);
  const last = await latestBackup(db, planId);
  if (last && reason === 'auto' && sameRows(last.text, file)) return undefined;
  // Two backups in one millisecond keep their order.
  const createdAt = last && last.createdAt >= now ? last.createdAt + 1 : now;
  const record: BackupRecord = {
    id: newId('backup'),
    planId,
    unitId: row.unitId,
    planName: row.name,
    unitName: unit?.name ?? (row.body as { unit?: { name?: string } }).unit?.name ?? '',
    planKind: row.kind,
    reason,
    createdAt,
    doctorCount: doctorList.length,
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

/** The rows a rolling backup protects, as a `kapacitet/backup` v1 document (`plan` names the plan). */
export function planBackupDocument(
  now: EpochMs,
  row: PlanRecord,
  doctors: DoctorRecord[],
  unit: UnitRecord | undefined,
  unitData?: { workshops: WorkshopRecord[]; snapshots: SnapshotRecord[] },
): BackupFile {
  const stores: BackupFile['stores'] = { units: unit ? [unit] : [], plans: [row], doctors: sortDoctorRows([...doctors]) };
  if (unitData?.workshops.length) stores.workshops = unitData.workshops;
  if (unitData?.snapshots.length) stores.snapshots = unitData.snapshots;
  return clone({ format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: new Date(now).toISOString(), schemaVersion: LATEST_VERSION, plan: row.id, stores });
}

/** The plan a rolling backup document holds (its one plan row with its doctors). */
export function planOfBackup(file: BackupFile): Plan | undefined {
  const [row] = (file.stores.plans ?? []) as PlanRecord[];
  if (!row) return undefined;
  return assemblePlan(row, ((file.stores.doctors ?? []) as DoctorRecord[]).filter((d) => d.planId === row.id));
}

/** Whether a stored backup's text holds exactly these rows (its own time aside): no new automatic backup. */
function sameRows(text: string, file: BackupFile): boolean {
  try {
    const old = JSON.parse(text) as Partial<BackupFile>;
    return old.format === BACKUP_FORMAT && old.plan === file.plan && JSON.stringify(old.stores) === JSON.stringify(file.stores);
  } catch {
    return false;
  }
}

/**
 * A stored rolling backup as a v1 document of the rows it protects, whatever its age: a new one is
 * read as it is; an old one (a plan-file text, version 0) goes through the one migration chain
 * (backupFile.ts) with the record's own ids, name and kind, so it restores the same plan of the same
 * unit (and, from a deleted unit, its APT meetings and snapshots) — never a new unit.
 */
export function readStoredBackup(record: BackupRecord, now: EpochMs = Date.now()): { ok: true; file: BackupFile } | { ok: false; errors: PlanError[] } {
  const ids: Record<string, string> = { unit: record.unitId, plan: record.planId };
  const read = readBackupFile(record.text, {
    now,
    newId: (prefix) => ids[prefix] ?? newId(prefix),
    currentPlanName: record.planName,
  });
  if (!read.ok) return read;
  const file = read.file;
  if (read.fromVersion > 0) return { ok: true, file: withUnitData({ ...file, plan: file.plan ?? record.planId }, record) };
  // Version 0: the chain made a unit and its current plan; they are this record's unit and plan.
  const [unit] = (file.stores.units ?? []) as UnitRecord[];
  const [plan] = (file.stores.plans ?? []) as PlanRecord[];
  if (!unit || !plan || (file.stores.plans ?? []).length !== 1) return { ok: false, errors: [{ path: '', message: BACKUP_SV.notBackup }] };
  unit.name = record.unitName || unit.name;
  plan.kind = record.planKind;
  plan.createdAt = plan.updatedAt = unit.createdAt = unit.updatedAt = record.createdAt;
  const stores: BackupFile['stores'] = { ...file.stores, units: [unit], plans: [plan] };
  return { ok: true, file: withUnitData({ ...file, createdAt: new Date(record.createdAt).toISOString(), plan: record.planId, stores }, record) };
}

/** An old record's separate `unitData` (a deleted unit's APT meetings and snapshots) as stores of the document. */
function withUnitData(file: BackupFile, record: BackupRecord): BackupFile {
  const extra = record.unitData;
  if (!extra) return file;
  const stores = { ...file.stores };
  if (extra.workshops.length && !stores.workshops?.length) stores.workshops = extra.workshops;
  if (extra.snapshots.length && !stores.snapshots?.length) stores.snapshots = extra.snapshots;
  return { ...file, stores };
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
