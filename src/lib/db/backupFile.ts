/**
 * The complete backup (issue 11.1): one file `kapacitet/backup` with every record of every IndexedDB
 * store of this browser, read back through one migration chain like plan files (the engine's
 * MIGRATIONS): version 0 is a plan file (`kapacitet/plan`, also the former "alla planer" file with its
 * `scenarios` field), version 1 is the dump below. Documented in src/lib/state/README.md ("The backup
 * file") as an extension of contracts.md.
 *
 * Restoring is all-or-nothing in one read-write transaction over every table: each record of the file
 * is put under its own key (replacing a record with that key, adding the others); nothing of this
 * browser that the file does not hold is deleted. Every plan is checked with the engine's parsePlan
 * before anything is written.
 */
import { parsePlan, type Plan, type PlanError } from '../engine/index';
import { BACKUP_SV as T } from '../strings/data.sv';
import type { KapacitetDb } from './schema';
import type { DoctorRecord, EpochMs, PlanRecord, UnitRecord } from './records';
import { clone, deepEqual, planBody } from './planOps';
import { assemblePlan, doctorRows } from './planRepo';
import { splitPlanFile } from './planFileSplit';
import { newId } from './ids';
import { placeInBackupPlan, withBackupPlaces } from './backupPlace';

export const BACKUP_FORMAT = 'kapacitet/backup';
export const BACKUP_VERSION = 1;

/** The stores a backup holds, in the order they are shown and restored (every table of the schema). */
export const BACKUP_STORES = [
  'units',
  'plans',
  'doctors',
  'workshops',
  'snapshots',
  'settings',
  'ruleProfiles',
  'listingMappings',
  'backups',
  'history',
] as const;
export type BackupStore = (typeof BACKUP_STORES)[number];

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** When the file was written (ISO 8601), shown before a restore. */
  createdAt: string;
  /** The IndexedDB schema version the records have (schema.ts). */
  schemaVersion: number;
  /** Every record of each store, exactly as stored. A store the writer did not have is absent. */
  stores: Partial<Record<BackupStore, unknown[]>>;
  /**
   * Only in a rolling automatic backup (backupRepo.ts): the id of the one plan it protects. Restoring
   * it keeps that plan's place here (its name and kind when it still exists) and shows it.
   */
  plan?: string;
}

export type ReadBackupResult = { ok: true; file: BackupFile; fromVersion: number } | { ok: false; errors: PlanError[] };

/** What a migration step needs that is not in the file (new ids, the time of the restore). */
export interface BackupMigrationContext {
  now: EpochMs;
  newId: (prefix: string) => string;
  /** Name of the current plan of a unit made from a plan file ("Nuläge"). */
  currentPlanName: string;
}

/** One step of the chain: a file at `from` → the file at `from + 1`. */
export interface BackupMigration {
  from: number;
  up(input: unknown, ctx: BackupMigrationContext): { ok: true; value: unknown } | { ok: false; errors: PlanError[] };
}

/**
 * v0 → v1: a plan file becomes a backup of one new unit (new ids, so it is always added, never
 * replacing anything): its current plan and, from an "alla planer" file, its scenarios.
 */
const fromPlanFile: BackupMigration = {
  from: 0,
  up(input, ctx) {
    const parsed = parsePlan(input);
    const split = parsed.ok ? splitPlanFile(parsed.plan) : parsed;
    if (!split.ok) return split;
    const unitId = ctx.newId('unit');
    const unitName = split.main.unit.name.trim() || T.unnamedUnit;
    const unit: UnitRecord = { id: unitId, name: unitName, createdAt: ctx.now, updatedAt: ctx.now };
    const plans: PlanRecord[] = [];
    const doctors: DoctorRecord[] = [];
    const taken = new Set<string>();
    const add = (plan: Plan, name: string, kind: PlanRecord['kind']) => {
      let unique = name;
      for (let i = 2; taken.has(unique); i++) unique = `${name} (${i})`;
      taken.add(unique);
      const id = ctx.newId('plan');
      // Every plan of a unit carries the unit's name (as renameUnit keeps it).
      const body = clone(planBody({ ...plan, unit: { ...plan.unit, name: unitName } }));
      plans.push({ id, unitId, name: unique, kind, createdAt: ctx.now, updatedAt: ctx.now, body });
      doctors.push(...doctorRows(id, plan));
    };
    add(split.main, ctx.currentPlanName, 'current');
    for (const s of split.scenarios) add(s.plan, s.name, 'scenario');
    const file: BackupFile = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: new Date(ctx.now).toISOString(),
      schemaVersion: 0,
      stores: { units: [unit], plans, doctors },
    };
    return { ok: true, value: file };
  },
};

export const BACKUP_MIGRATIONS: readonly BackupMigration[] = [fromPlanFile];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The version of a file this reader knows: 0 for a plan file, the `version` of a backup; else an error. */
function versionOf(input: unknown): number | PlanError[] {
  if (!isObject(input)) return [{ path: '', message: T.notBackup }];
  if (input.format === 'kapacitet/plan') return 0;
  if (input.format !== BACKUP_FORMAT) return [{ path: 'format', message: T.notBackup }];
  const v = input.version;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) return [{ path: 'version', message: T.badVersion }];
  if (v > BACKUP_VERSION) return [{ path: 'version', message: T.newerVersion }];
  return v;
}

/**
 * Reads a backup (text or parsed JSON) of any known version: runs the chain up to BACKUP_VERSION,
 * then checks every record (keys present, references inside the file, every plan valid).
 */
export function readBackupFile(
  input: unknown,
  ctx: BackupMigrationContext = { now: Date.now(), newId, currentPlanName: T.currentPlan },
  migrations: readonly BackupMigration[] = BACKUP_MIGRATIONS,
): ReadBackupResult {
  let value: unknown = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch {
      return { ok: false, errors: [{ path: '', message: T.notJson }] };
    }
  }
  const from = versionOf(value);
  if (Array.isArray(from)) return { ok: false, errors: withBackupPlaces(from) };
  for (let v = from; v < BACKUP_VERSION; v++) {
    const step = migrations.find((m) => m.from === v);
    if (!step) return { ok: false, errors: [{ path: 'version', message: T.badVersion }] };
    const next = step.up(value, ctx);
    if (!next.ok) return { ok: false, errors: withBackupPlaces(next.errors) };
    value = next.value;
  }
  const errors = withBackupPlaces(checkBackup(value as BackupFile));
  return errors.length ? { ok: false, errors } : { ok: true, file: value as BackupFile, fromVersion: from };
}

/** The fields each store's records must have (strings), besides being objects. */
const REQUIRED: Record<BackupStore, readonly string[]> = {
  units: ['id', 'name'],
  plans: ['id', 'unitId', 'name', 'kind'],
  doctors: ['planId', 'id'],
  workshops: ['id', 'unitId', 'meetingDate'],
  snapshots: ['id', 'unitId', 'month'],
  settings: ['key'],
  ruleProfiles: ['id'],
  listingMappings: ['signature'],
  backups: ['id', 'planId', 'unitId', 'text'],
  history: ['planId'],
};

/** Every problem of a v1 file, each at its JSON path, in Swedish (empty: the file can be restored). */
export function checkBackup(file: BackupFile): PlanError[] {
  const errors: PlanError[] = [];
  if (!isObject(file.stores)) return [{ path: 'stores', message: T.noStores }];
  const stores = file.stores as Record<string, unknown>;
  for (const name of BACKUP_STORES) {
    const list = stores[name];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      errors.push({ path: `stores.${name}`, message: T.notList });
      continue;
    }
    list.forEach((r, i) => {
      if (!isObject(r)) return errors.push({ path: `stores.${name}[${i}]`, message: T.notRecord });
      for (const f of REQUIRED[name]) if (typeof r[f] !== 'string') errors.push({ path: `stores.${name}[${i}].${f}`, message: T.missingField });
    });
  }
  if (errors.length) return errors;
  const units = (stores.units ?? []) as UnitRecord[];
  const plans = (stores.plans ?? []) as PlanRecord[];
  const doctors = (stores.doctors ?? []) as DoctorRecord[];
  const unitIds = new Set(units.map((u) => u.id));
  const byPlan = new Map<string, DoctorRecord[]>();
  doctors.forEach((d, i) => {
    const list = byPlan.get(d.planId) ?? [];
    list.push(d);
    byPlan.set(d.planId, list);
    if (!plans.some((p) => p.id === d.planId)) errors.push({ path: `stores.doctors[${i}].planId`, message: T.unknownPlan });
  });
  plans.forEach((p, i) => {
    const at = `stores.plans[${i}]`;
    if (!unitIds.has(p.unitId)) errors.push({ path: `${at}.unitId`, message: T.unknownUnit });
    if (p.kind !== 'current' && p.kind !== 'scenario') errors.push({ path: `${at}.kind`, message: T.badKind });
    if (!isObject(p.body)) return errors.push({ path: `${at}.body`, message: T.notRecord });
    const parsed = parsePlan(assemblePlan(p, byPlan.get(p.id) ?? []));
    if (!parsed.ok) for (const e of parsed.errors) errors.push({ path: `${at}${e.path ? `.${e.path}` : ''}`, message: e.message, place: placeInBackupPlan(e, p as unknown as Record<string, unknown>, units) });
  });
  return errors;
}

/** The key of a record in a table (its primary key path, compound or not). */
function keyOf(keyPath: string | string[] | null | undefined, record: Record<string, unknown>): unknown {
  if (Array.isArray(keyPath)) return keyPath.map((k) => record[k]);
  return keyPath ? record[keyPath] : undefined;
}

/** Every record of every table, in one read transaction (a consistent picture). */
export async function dumpDatabase(db: KapacitetDb, now: EpochMs, schemaVersion: number): Promise<BackupFile> {
  const tables = db.tables.filter((t) => (BACKUP_STORES as readonly string[]).includes(t.name));
  const stores: BackupFile['stores'] = {};
  await db.transaction('r', tables, async () => {
    for (const t of tables) stores[t.name as BackupStore] = await t.toArray();
  });
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: new Date(now).toISOString(), schemaVersion, stores };
}

export interface StorePreview {
  store: BackupStore;
  /** Records of this store in the file. */
  inFile: number;
  /** …of which this browser has none under that key. */
  added: number;
  /** …of which this browser has a different record under that key (it will be replaced). */
  replaced: number;
  /** …of which this browser already has exactly the same record. */
  unchanged: number;
}

export interface RestorePreview {
  createdAt: string;
  stores: StorePreview[];
  /** The file's units by name, and whether this browser has that unit already (it is then updated). */
  units: { id: string; name: string; exists: boolean }[];
}

/** What a restore of `file` would add and replace here (nothing is written). */
export async function previewRestore(db: KapacitetDb, file: BackupFile): Promise<RestorePreview> {
  const stores: StorePreview[] = [];
  const units: RestorePreview['units'] = [];
  for (const name of BACKUP_STORES) {
    const records = (file.stores[name] ?? []) as Record<string, unknown>[];
    const table = db.tables.find((t) => t.name === name);
    if (!table || records.length === 0) continue;
    const keys = records.map((r) => keyOf(table.schema.primKey.keyPath, r));
    const existing = await table.bulkGet(keys as never[]);
    const p: StorePreview = { store: name, inFile: records.length, added: 0, replaced: 0, unchanged: 0 };
    records.forEach((r, i) => {
      const old = existing[i];
      if (old === undefined) p.added++;
      else if (deepEqual(old, r)) p.unchanged++;
      else p.replaced++;
      if (name === 'units') units.push({ id: String(r.id), name: String(r.name), exists: old !== undefined });
    });
    stores.push(p);
  }
  return { createdAt: file.createdAt, stores, units };
}

/**
 * Writes every record of the file in one transaction over every table; `before` runs first inside
 * it (the caller's automatic backups of the plans that are replaced). All or nothing.
 */
export async function restoreDatabase(db: KapacitetDb, file: BackupFile, before: () => Promise<void> = async () => undefined): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await before();
    // A plan is its row and its doctors' rows: a doctor of a restored plan that the file does not hold
    // was added after the backup (the plan's own backup, taken in `before`, still has it).
    const plans = (file.stores.plans ?? []) as PlanRecord[];
    const kept = new Set(((file.stores.doctors ?? []) as DoctorRecord[]).map((d) => `${d.planId}\u0000${d.id}`));
    for (const p of plans) {
      const later = (await db.doctors.where('planId').equals(p.id).toArray()).filter((d) => !kept.has(`${d.planId}\u0000${d.id}`));
      if (later.length) await db.doctors.bulkDelete(later.map((d) => [d.planId, d.id] as [string, string]));
    }
    for (const name of BACKUP_STORES) {
      const records = file.stores[name];
      const table = db.tables.find((t) => t.name === name);
      if (!table || !records || records.length === 0) continue;
      await table.bulkPut(clone(records));
    }
  });
}

/** The plans of the file that this browser has under the same id with other contents (to back up first). */
export async function plansReplacedBy(db: KapacitetDb, file: BackupFile): Promise<string[]> {
  const ids = ((file.stores.plans ?? []) as PlanRecord[]).map((p) => p.id);
  const existing = await db.plans.bulkGet(ids);
  return ids.filter((_, i) => existing[i] !== undefined);
}
