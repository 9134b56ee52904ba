/**
 * Backups and plan files: the rolling backups of the plan in view and of deleted plans (restorable),
 * the plan as a `.kapacitet.json` file, and opening such a file (all-or-nothing).
 *
 * Where the complete backup of issue 11 goes: a file reader that dispatches on the file's `format`
 * (`kapacitet/plan` here today; `kapacitet/backup` next) and a restore of every store in one
 * transaction over `db.tables`, next to restoreFromFile. Plan-level backups stay as they are: they are
 * what "Ångra radering" and the rolling automatic backups are made of.
 */
import { parsePlan, planToFile, serializePlan, type Plan, type PlanError } from '../engine/index';
import {
  LATEST_VERSION,
  currentPlanOf,
  deletePlanRows,
  dumpDatabase,
  insertPlan,
  newId,
  orphanBackups,
  parseBackup,
  plansReplacedBy,
  previewRestore,
  readBackupFile,
  restoreDatabase,
  takeBackup,
  type BackupFile,
  type BackupReason,
  type PlanKind,
  type RestorePreview,
} from '../db/index';
import type { PlanError as FileError } from '../engine/index';
import { DATA_SV } from '../strings/data.sv';
import { SCENARIO_FILE as SCENARIOS } from '../strings/scenarioFile.sv';
import { pathMessage, uniqueName, type AppCore } from './core.svelte';
import type { Catalog } from './catalog.svelte';
import { downloadBytes, fileSafe } from './download';
import { LiveValue } from './live.svelte';
import type { ReplaceReason } from './planCommands.svelte';
import { splitPlanFile } from './planBackup';
import { SETTING_FIRST_RUN } from './catalogEdits.svelte';
import type { PlanSession } from './session.svelte';

export interface BackupSummary {
  id: string;
  planId: string;
  unitId: string;
  planName: string;
  unitName: string;
  reason: BackupReason;
  createdAt: number;
  doctorCount: number;
}

/** The commands of other parts a restore uses, called through the app (so each stays one command). */
export interface BackupHost {
  replacePlan(plan: Plan, reason: ReplaceReason): Promise<boolean>;
  createUnitFromPlan(plan: Plan, name?: string): Promise<string>;
  deleteUnit(id: string): Promise<boolean>;
}

/** A backup file read and checked, with what restoring it would add and replace here. */
export type OpenedBackup = { ok: true; file: BackupFile; preview: RestorePreview; fromVersion: number } | { ok: false; errors: FileError[] };

/** Setting key: when this browser last wrote a complete backup file (epoch ms). */
export const SETTING_LAST_BACKUP = 'lastBackupAt';

export type RestoreFileResult = { ok: true; scenarios?: string[] } | { ok: false; errors: PlanError[] };

export class BackupsState {
  readonly #core: AppCore;
  readonly #catalog: Catalog;
  readonly #session: PlanSession;
  readonly #host: BackupHost;

  /** Backups of the plan in view, newest first. */
  backups = $state.raw<BackupSummary[]>([]);
  /** The newest backup of each plan that no longer exists (a deleted scenario or unit): "ångra radering". */
  orphanBackups = $state.raw<BackupSummary[]>([]);

  #orphansLive: LiveValue<BackupSummary[]> | null = null;
  #planLive: LiveValue<BackupSummary[]> | null = null;

  constructor(core: AppCore, catalog: Catalog, session: PlanSession, host: BackupHost) {
    this.#core = core;
    this.#catalog = catalog;
    this.#session = session;
    this.#host = host;
  }

  /** Starts the live list of orphan backups; resolves with its first value. */
  watch(): Promise<void> {
    const db = this.#core.db;
    this.#orphansLive = new LiveValue(
      async () => (await orphanBackups(db)).map(toBackupSummary),
      (list) => (this.orphanBackups = list),
    );
    return this.#orphansLive.firstValue;
  }

  /** Follows the backups of the plan now in view (catalog calls this on every selection). */
  follow(planId: string | null): void {
    this.#planLive?.dispose();
    this.#planLive = null;
    this.backups = [];
    if (!planId) return;
    const db = this.#core.db;
    this.#planLive = new LiveValue(
      async () =>
        (await db.backups.where('[planId+createdAt]').between([planId, -Infinity], [planId, Infinity]).reverse().toArray()).map(toBackupSummary),
      (list) => {
        if (this.#session.planId === planId) this.backups = list;
      },
    );
  }

  dispose(): void {
    this.#orphansLive?.dispose();
    this.#planLive?.dispose();
    this.#orphansLive = this.#planLive = null;
  }

  /** Plan still there → replaced by the backup (backup first, undoable); deleted → recreated. */
  async restoreBackup(id: string): Promise<boolean> {
    const core = this.#core;
    const { db } = core;
    const record = await db.backups.get(id);
    if (!record) return core.fail('conflict', DATA_SV.errors.backupGone);
    const parsed = parseBackup(record);
    if (!parsed.ok) return core.fail('file', DATA_SV.errors.backupBroken, parsed.errors.map(pathMessage));
    if (await db.plans.get(record.planId)) {
      if (this.#session.planId !== record.planId) await this.#catalog.selectPlan(record.planId);
      return this.#host.replacePlan(parsed.plan, 'restore');
    }
    if (core.refuseIfReadOnly()) return false;
    // The plan (or its whole unit) was deleted: bring it back.
    try {
      const planId = await core.enqueue(() =>
        db.transaction('rw', [db.units, db.plans, db.doctors, db.workshops, db.snapshots], async () => {
          const now = core.now();
          if (await db.units.get(record.unitId)) {
            const hasCurrent = !!(await currentPlanOf(db, record.unitId));
            const kind: PlanKind = hasCurrent ? 'scenario' : 'current';
            const taken = (await db.plans.where('unitId').equals(record.unitId).toArray()).map((p) => p.name);
            const name = hasCurrent ? uniqueName(DATA_SV.restoredPlan(record.planName, core.today), taken) : DATA_SV.defaultPlanName;
            return insertPlan(db, { id: record.planId, unitId: record.unitId, name, kind, plan: parsed.plan, now });
          }
          await db.units.add({ id: record.unitId, name: record.unitName, createdAt: now, updatedAt: now });
          if (record.unitData) {
            await db.workshops.bulkPut(record.unitData.workshops);
            await db.snapshots.bulkPut(record.unitData.snapshots);
          }
          return insertPlan(db, { id: record.planId, unitId: record.unitId, name: DATA_SV.defaultPlanName, kind: 'current', plan: parsed.plan, now });
        }),
      );
      await this.#catalog.selectPlan(planId);
      return true;
    } catch (e) {
      return core.failWrite(e);
    }
  }

  // ------------------------------------------------------------------ the complete backup (issue 11.1)

  /** Everything in this browser as one `kapacitet/backup` file (db/backupFile.ts). */
  async backupFile(): Promise<{ filename: string; text: string; file: BackupFile }> {
    const core = this.#core;
    // Writes in flight (this tab's edits, the APT journal replayed at start) belong in the file.
    await core.idle();
    const file = await dumpDatabase(core.db, core.now(), LATEST_VERSION);
    return { filename: `${DATA_SV.backupFileName} ${core.today}.kapacitet-backup.json`, text: JSON.stringify(file), file };
  }

  /** Writes the complete backup and starts the download; remembers when (the storage warning rests then). */
  async downloadBackup(): Promise<{ filename: string; text: string }> {
    const { filename, text } = await this.backupFile();
    downloadBytes(text, filename, 'application/json');
    if (!this.#core.readOnly) await this.#core.db.settings.put({ key: SETTING_LAST_BACKUP, value: this.#core.now() }).catch(() => undefined);
    return { filename, text };
  }

  /** Reads a backup (or a plan file, as a backup of one new unit) and says what restoring it would do. */
  async openBackup(text: string): Promise<OpenedBackup> {
    const core = this.#core;
    const read = readBackupFile(text, { now: core.now(), newId, currentPlanName: DATA_SV.defaultPlanName });
    if (!read.ok) return read;
    const preview = await previewRestore(core.db, read.file);
    return { ok: true, file: read.file, preview, fromVersion: read.fromVersion };
  }

  /**
   * Restores a backup read by openBackup: every record in one transaction (all or nothing); each plan
   * it replaces is backed up first (reason 'restore', so "Automatiska säkerhetskopior" can take it back).
   */
  async restoreBackupFile(file: BackupFile): Promise<boolean> {
    const core = this.#core;
    if (core.refuseIfReadOnly()) return false;
    const { db } = core;
    await core.idle();
    let replaced: string[] = [];
    let wiped = false;
    // Loaded on a restore only (with the demo's records: not part of the first view, issue 13.6).
    const { onlyUntouchedSeed } = await import('../db/demoSeed');
    try {
      await core.enqueue(async () => {
        const pending = (await db.settings.get(SETTING_FIRST_RUN))?.value === 'pending';
        // A fresh browser with only the untouched demo: the file takes the whole place (exactly as backed up).
        const wipe = file.stores.settings !== undefined && (await onlyUntouchedSeed(db, pending));
        wiped = wipe;
        replaced = wipe ? [] : await plansReplacedBy(db, file);
        await restoreDatabase(db, file, async () => {
          if (wipe) for (const t of db.tables) await t.clear();
          for (const id of replaced) await takeBackup(db, id, 'restore', core.now(), core.backupsPerPlan);
        });
      });
    } catch (e) {
      return core.failWrite(e);
    }
    // The undo steps of a replaced plan no longer describe it.
    if (wiped) this.#session.forget(null);
    for (const id of replaced) this.#session.forget(id);
    core.lastError = null;
    // A plan file (version 0) became a new unit: show it; a complete backup opens where it was left.
    const made = file.schemaVersion === 0 ? (file.stores.units?.[0] as { id?: string } | undefined)?.id : undefined;
    if (made) await this.#catalog.selectUnit(made);
    else await this.#catalog.selectInitial();
    return true;
  }

  /** The plan as a `.kapacitet.json` file (contracts.md), default: the plan in view. */
  async planFile(planId?: string): Promise<{ filename: string; text: string }> {
    const id = planId ?? this.#session.planId;
    if (!id) throw new Error(DATA_SV.errors.noPlan);
    const plan = await this.#catalog.getPlanSnapshot(id);
    const { db } = this.#core;
    const row = await db.plans.get(id);
    const unitName = (await db.units.get(row?.unitId ?? ''))?.name ?? plan.unit.name;
    const label = row && row.kind === 'scenario' ? `${unitName} – ${row.name}` : unitName;
    return { filename: `${fileSafe(label)} ${this.#core.today}.kapacitet.json`, text: serializePlan(plan) };
  }

  /** Same as planFile and starts the browser download (no-op outside a browser). */
  async downloadPlanFile(planId?: string): Promise<{ filename: string; text: string }> {
    const file = await this.planFile(planId);
    downloadBytes(file.text, file.filename, 'application/json');
    return file;
  }

  /**
   * A backup of the selected unit's plans in one file ("Säkerhetskopia av alla planer"): the current
   * plan as an ordinary `.kapacitet.json` (any reader restores it) with the scenarios in an optional
   * `scenarios` field (planBackup.ts reads it back).
   */
  async unitPlansFile(): Promise<{ filename: string; text: string }> {
    const plans = this.#catalog.plans;
    const current = plans.find((p) => p.kind === 'current') ?? plans[0];
    if (!current) throw new Error(SCENARIOS.noPlans);
    const base = await this.#catalog.getPlanSnapshot(current.id);
    // Each scenario in its file form (serializePlan's: unknown fields where the file had them), so the
    // scenarios of the file read back exactly as a plan file of their own would.
    const scenarios: { name: string; plan: unknown }[] = [];
    for (const p of plans) {
      if (p.id !== current.id) scenarios.push({ name: p.name, plan: planToFile(await this.#catalog.getPlanSnapshot(p.id)) });
    }
    // The scenarios travel as one more top-level field of the file (splitPlanFile reads them back).
    const text = serializePlan({ ...base, extra: { ...base.extra, scenarios } });
    return { filename: `${fileSafe(base.unit.name)} – ${DATA_SV.allPlansFile}.kapacitet.json`, text };
  }

  /**
   * Opens a plan file: all or nothing. Replaces the plan in view, or creates a unit when there is none
   * (or when asked). A backup of all plans (top-level `scenarios: { name, plan }[]`) also brings its
   * scenarios back as scenarios of that unit (added under unique names; nothing existing is deleted);
   * the field itself is never stored inside the current plan. Every plan in the file is validated
   * before anything is written; a failed write takes back what was added.
   */
  async restoreFromFile(text: string, options: { asNewUnit?: boolean } = {}): Promise<RestoreFileResult> {
    const core = this.#core;
    const parsed = parsePlan(text);
    const split = parsed.ok ? splitPlanFile(parsed.plan) : parsed;
    if (!split.ok) {
      core.fail('file', DATA_SV.errors.fileInvalid, split.errors.map(pathMessage));
      return { ok: false, errors: split.errors };
    }
    const { main, scenarios } = split;
    // The names the scenarios got (unique in the unit), so the view can say what was added.
    const done = (added: { name: string }[]): RestoreFileResult => (added.length ? { ok: true, scenarios: added.map((a) => a.name) } : { ok: true });
    const failed = (): RestoreFileResult => {
      const err = core.lastError;
      const lines = err ? (err.details.length ? err.details : [err.message]) : [DATA_SV.errors.fileInvalid];
      return { ok: false, errors: lines.map((message) => ({ path: '', message })) };
    };
    if (core.refuseIfReadOnly()) return failed();
    const unitId = this.#catalog.unitId;
    if (this.#session.plan && this.#session.planId && unitId && !options.asNewUnit) {
      // Scenarios first (one transaction), so a refused replacement can simply remove them again.
      const added = await this.#addScenarios(unitId, scenarios);
      if (!added) return failed();
      // The unit stays itself: its name is kept (issue 11.2).
      const keepName = { ...main, unit: { ...main.unit, name: this.#session.plan.unit.name } };
      if (await this.#host.replacePlan(keepName, 'file')) return done(added);
      const error = core.lastError;
      await this.#removePlans(added.map((a) => a.id));
      core.lastError = error;
      return failed();
    }
    let newUnit: string;
    try {
      newUnit = await this.#host.createUnitFromPlan(main);
    } catch {
      return failed();
    }
    const added = await this.#addScenarios(newUnit, scenarios);
    if (added) return done(added);
    const error = core.lastError;
    await this.#host.deleteUnit(newUnit);
    core.lastError = error;
    return failed();
  }

  /** Adds plans as scenarios of a unit in one transaction; their ids and names, or null on a storage error (lastError). */
  async #addScenarios(unitId: string, items: { name: string; plan: Plan }[]): Promise<{ id: string; name: string }[] | null> {
    if (items.length === 0) return [];
    const core = this.#core;
    const { db } = core;
    await core.idle();
    try {
      return await db.transaction('rw', [db.units, db.plans, db.doctors], async () => {
        const unitName = (await db.units.get(unitId))?.name;
        const taken = (await db.plans.where('unitId').equals(unitId).toArray()).map((p) => p.name);
        const ids: { id: string; name: string }[] = [];
        for (const item of items) {
          const name = uniqueName(item.name, taken);
          taken.push(name);
          // Every plan of a unit carries the unit's name (as renameUnit keeps it).
          const plan = unitName ? { ...item.plan, unit: { ...item.plan.unit, name: unitName } } : item.plan;
          ids.push({ id: await insertPlan(db, { unitId, name, kind: 'scenario', plan, now: core.now() }), name });
        }
        return ids;
      });
    } catch (e) {
      core.failWrite(e);
      return null;
    }
  }

  /** Takes back scenarios just added (no backups: they existed only for a moment). */
  async #removePlans(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const { db } = this.#core;
    await db.transaction('rw', [db.plans, db.doctors], async () => {
      for (const id of ids) await deletePlanRows(db, id);
    });
  }
}

function toBackupSummary(b: BackupSummary): BackupSummary {
  return {
    id: b.id,
    planId: b.planId,
    unitId: b.unitId,
    planName: b.planName,
    unitName: b.unitName,
    reason: b.reason,
    createdAt: b.createdAt,
    doctorCount: b.doctorCount,
  };
}
