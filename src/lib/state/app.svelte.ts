/**
 * The app's state behind one facade, `app` (public API: ./README.md). The UI imports `app` and calls
 * its methods; each concern lives in its own part, reachable as `app.parts.<name>`:
 *
 * | part            | file                      | holds                                                   |
 * |-----------------|---------------------------|---------------------------------------------------------|
 * | core            | core.svelte.ts            | options, the open database, lastError, the write queue  |
 * | session         | session.svelte.ts         | the plan in view, its result, edit pipeline, undo/redo   |
 * | commands        | planCommands.svelte.ts    | the edit commands (updateUnit, addDoctor, replacePlan …) |
 * | catalog         | catalog.svelte.ts         | units, plans, selection                                  |
 * | catalogEdits    | catalogEdits.svelte.ts    | create/rename/delete units, copy/promote/delete plans    |
 * | backups         | backups.svelte.ts         | rolling backups, plan files, restoring                   |
 * | storage         | storage.svelte.ts         | the database connection (read-only when newer), durability |
 * | settings        | settings.svelte.ts        | settings and custom rule profiles                        |
 *
 * To add a command: write it in the part it belongs to, then one delegating line here. Parts call each
 * other's commands through this facade where a test (or another part) may wrap them.
 */
import type {
  CapacityModel,
  Doctor,
  DoctorCategory,
  Duty,
  IsoDate,
  Plan,
  PlanResult,
  RuleProfile,
  TimeAssumptions,
} from '../engine/index';
import type { BackupFile, BackupReason, DataNotice, KapacitetDb } from '../db/index';
import { DATA_SV } from '../strings/data.sv';
import { AppCore, type AppError, type AppOptions } from './core.svelte';
import { BackupsState, type BackupSummary, type OpenedBackup, type RestoreFileResult } from './backups.svelte';
import { Catalog, type PlanSummary, type UnitSummary } from './catalog.svelte';
import { CatalogEdits, SETTING_FIRST_RUN } from './catalogEdits.svelte';
import type { LiveValue } from './live.svelte';
import { PlanCommands, type DoctorPatches, type ReplaceReason } from './planCommands.svelte';
import type { UnitPatch } from './planEdits';
import { PlanSession } from './session.svelte';
import { recoverAptJournal } from './journalRecovery';
import { TypedTextWriter, type TypedTarget, type TypedValue } from './typedTextWriter';
import { typedTextApply } from './typedTextApply';
import { SettingsState } from './settings.svelte';
import { StorageState, type StorageStatus } from './storage.svelte';

export { LiveValue } from './live.svelte';
export type { UnitPatch } from './planEdits';
export type { AppError, AppErrorKind, AppOptions, StorageLike } from './core.svelte';
export type { BackupSummary, OpenedBackup, RestoreFileResult } from './backups.svelte';
export type { TypedTarget, TypedValue } from './typedTextWriter';
export type { BackupFile, RestorePreview, StorePreview } from '../db/index';
export type { PlanSummary, UnitSummary } from './catalog.svelte';
export type { DoctorPatches, ReplaceReason } from './planCommands.svelte';
export type { StorageStatus } from './storage.svelte';
export type { DataNotice } from '../db/index';

export const REASON_LABELS: Record<BackupReason, string> = DATA_SV.backupReasons;

export class AppState {
  readonly parts: {
    readonly core: AppCore;
    readonly session: PlanSession;
    readonly commands: PlanCommands;
    readonly catalog: Catalog;
    readonly catalogEdits: CatalogEdits;
    readonly backups: BackupsState;
    readonly storage: StorageState;
    readonly settings: SettingsState;
  };
  #started: Promise<void> | null = null;

  constructor(options: AppOptions = {}) {
    const core = new AppCore(options);
    const storage = new StorageState(core, options.storage, options.requestPersistOnStart ?? true);
    const session = new PlanSession(core, () => storage.maybeRefreshEstimate());
    const settings = new SettingsState(core);
    const commands = new PlanCommands(core, session);
    // The backups part follows the plan in view (it is made after the catalog, so looked up on use).
    const catalog = new Catalog(core, session, settings, (planId) => this.parts.backups.follow(planId));
    const catalogEdits = new CatalogEdits(core, catalog, session);
    const backups = new BackupsState(core, catalog, session, this);
    this.parts = { core, session, commands, catalog, catalogEdits, backups, storage, settings };
  }

  // ------------------------------------------------------------------ start-up

  /**
   * Idempotent: opens IndexedDB (read-only when a newer version wrote it), seeds the demo unit on first
   * start, restores the last selection and waits for the first live lists; then, in the background,
   * reads navigator.storage and asks for persistence once.
   */
  start(): Promise<void> {
    this.#started ??= this.#start();
    return this.#started;
  }

  async #start(): Promise<void> {
    const { core, storage, catalog, catalogEdits, backups, settings } = this.parts;
    try {
      await storage.open();
      if (!core.readOnly) await catalogEdits.seed();
      // A closed tab's last APT edits are stored before anything can be backed up (issue 11).
      if (!core.readOnly) await recoverAptJournal(core.db, core.dbName, core.now()).catch((e) => console.warn(e));
      // The same for a unit name, a doctor's name or duties typed just before its tab closed.
      if (!core.readOnly) await this.#typedText().recover().catch((e) => console.warn(e));
      // `ready` promises the lists are there, not only the database.
      await Promise.all([catalog.watch(), backups.watch(), settings.watch()]);
      await catalog.selectInitial();
      core.ready = true;
      void storage.init();
    } catch (e) {
      console.error(e);
      core.startError ??= StorageState.startErrorOf(e) ?? (core.readOnly ? DATA_SV.errors.readOnlyUnreadable : DATA_SV.errors.open);
    }
  }

  /** Stops every live query and closes the database (tests; a page never needs it). */
  dispose(): void {
    const { core, session, catalog, backups, settings } = this.parts;
    catalog.dispose();
    session.dispose();
    backups.dispose();
    settings.dispose();
    core.close();
  }

  // ------------------------------------------------------------------ reading (reactive)

  get today(): IsoDate { return this.parts.core.today; }
  get dbName(): string { return this.parts.core.dbName; }
  /** The open database (for other state classes' repositories: workshops, snapshots, listing mappings). */
  get db(): KapacitetDb { return this.parts.core.db; }
  /** The open database, or null until start-up has finished (for state classes built on this one). */
  get dbIfReady(): KapacitetDb | null { return this.parts.core.dbIfReady; }
  get ready(): boolean { return this.parts.core.ready; }
  get startError(): string | null { return this.parts.core.startError; }
  /** Swedish: why this tab may only read (data from a newer version of Kapacitet); null when it may write. */
  get readOnly(): string | null { return this.parts.core.readOnly; }
  get lastError(): AppError | null { return this.parts.core.lastError; }
  set lastError(error: AppError | null) { this.parts.core.lastError = error; }
  get units(): UnitSummary[] { return this.parts.catalog.units; }
  get unitId(): string | null { return this.parts.catalog.unitId; }
  get unit(): UnitSummary | undefined { return this.parts.catalog.unit; }
  get plans(): PlanSummary[] { return this.parts.catalog.plans; }
  get planId(): string | null { return this.parts.session.planId; }
  get planSummary(): PlanSummary | undefined { return this.parts.catalog.planSummary; }
  get plan(): Plan | undefined { return this.parts.session.plan; }
  get result(): PlanResult | undefined { return this.parts.session.result; }
  get saving(): boolean { return this.parts.session.saving; }
  get canUndo(): boolean { return this.parts.session.canUndo; }
  get canRedo(): boolean { return this.parts.session.canRedo; }
  get undoLabel(): string | null { return this.parts.session.undoLabel; }
  get redoLabel(): string | null { return this.parts.session.redoLabel; }
  get backups(): BackupSummary[] { return this.parts.backups.backups; }
  get orphanBackups(): BackupSummary[] { return this.parts.backups.orphanBackups; }
  get storage(): StorageStatus { return this.parts.storage.status; }
  get customProfiles(): RuleProfile[] { return this.parts.settings.customProfiles; }
  get settings(): Record<string, unknown> { return this.parts.settings.settings; }
  /** What the data layer had to tell the user once (Swedish), until dismissNotice(id). */
  get notices(): DataNotice[] { return this.parts.settings.notices; }

  clearError(): void { this.parts.core.lastError = null; }
  /** An uncaught error or rejection (the global handler in main.ts): shown in Swedish with a backup button. */
  reportUnexpected(e: unknown): void { this.parts.core.failUnexpected(e); }

  // ------------------------------------------------------------------ catalog and selection

  selectUnit(id: string): Promise<void> { return this.parts.catalog.selectUnit(id); }
  selectPlan(id: string): Promise<void> { return this.parts.catalog.selectPlan(id); }
  livePlan(planId: string): LiveValue<Plan | undefined> { return this.parts.catalog.livePlan(planId); }
  getPlanSnapshot(planId: string): Promise<Plan> { return this.parts.catalog.getPlanSnapshot(planId); }
  createUnit(name: string, fromDemo = false): Promise<string> { return this.parts.catalogEdits.createUnit(name, fromDemo); }
  createUnitFromPlan(plan: Plan, name?: string): Promise<string> { return this.parts.catalogEdits.createUnitFromPlan(plan, name); }
  renameUnit(id: string, name: string): Promise<boolean> { return this.parts.catalogEdits.renameUnit(id, name); }
  #typedTextWriter: TypedTextWriter | null = null;
  #typedText(): TypedTextWriter {
    return (this.#typedTextWriter ??= new TypedTextWriter(typedTextApply(this.parts.core, (id, name) => this.renameUnit(id, name)), this.parts.core.dbName));
  }
  /** The unit name as typed (every keystroke): journalled at once, written one rename at a time (typedTextWriter.ts). */
  renameUnitAsTyped(id: string, name: string): void { this.#typedText().write({ kind: 'unitName', unitId: id }, name); }
  /** A doctor's name in the grid, the duty editor's rows, while being edited: journalled at once (typedTextWriter.ts). */
  noteTyped(target: TypedTarget, value: TypedValue): void { this.#typedText().note(target, value); }
  /** That edit was cancelled (Escape, Avbryt): its journal entry goes. */
  forgetTyped(target: TypedTarget): void { this.#typedText().forget(target); }
  /** That edit was committed (one undo step): its journal entry goes once the write is durable. */
  typedCommitted(target: TypedTarget): void { this.#typedText().committed(target, this.flush()); }
  deleteUnit(id: string): Promise<boolean> { return this.parts.catalogEdits.deleteUnit(id); }
  clearAllData(): Promise<void> { return this.parts.catalogEdits.clearAllData(); }
  /** "Titta på exemplet": the demo unit with every view filled (two scenarios, APT, snapshots …), selected. */
  showDemo(): Promise<string> { return this.parts.catalogEdits.showDemo(); }
  /** The first-run choice is still to be made (a fresh browser: "Titta på exemplet" …). */
  get firstRunPending(): boolean { return this.parts.settings.settings[SETTING_FIRST_RUN] === 'pending'; }
  /** A first-run choice was made (also in every other tab). */
  finishFirstRun(): Promise<void> { return this.parts.settings.setSetting(SETTING_FIRST_RUN, 'done'); }
  /** The demo unit of the first start ("Exempel" beside its name). */
  isDemoUnit(unitId: string | null | undefined): boolean { return !!unitId && this.parts.catalog.demoUnitIds.includes(unitId); }
  duplicatePlan(planId: string, name: string): Promise<string> { return this.parts.catalogEdits.duplicatePlan(planId, name); }
  renamePlan(planId: string, name: string): Promise<boolean> { return this.parts.catalogEdits.renamePlan(planId, name); }
  deletePlan(planId: string): Promise<boolean> { return this.parts.catalogEdits.deletePlan(planId); }
  promotePlan(planId: string): Promise<boolean> { return this.parts.catalogEdits.promotePlan(planId); }

  // ------------------------------------------------------------------ edits of the plan in view

  updateUnit(patch: UnitPatch): Promise<boolean> { return this.parts.commands.updateUnit(patch); }
  updateDoctor(doctorId: string, patch: Partial<Doctor>): Promise<boolean> { return this.parts.commands.updateDoctor(doctorId, patch); }
  updateDoctors(patches: DoctorPatches, additions: Partial<Doctor>[] = []): Promise<boolean> {
    return this.parts.commands.updateDoctors(patches, additions);
  }
  addDoctor(category: DoctorCategory, atIndex?: number): Promise<string | null> { return this.parts.commands.addDoctor(category, atIndex); }
  removeDoctor(doctorId: string): Promise<boolean> { return this.parts.commands.removeDoctor(doctorId); }
  moveDoctor(doctorId: string, toIndex: number): Promise<boolean> { return this.parts.commands.moveDoctor(doctorId, toIndex); }
  setDuties(doctorId: string, duties: Duty[]): Promise<boolean> { return this.parts.commands.setDuties(doctorId, duties); }
  setProfile(ref: string | RuleProfile): Promise<boolean> { return this.parts.commands.setProfile(ref); }
  setModel(model: CapacityModel): Promise<boolean> { return this.parts.commands.setModel(model); }
  setTime(patch: Partial<TimeAssumptions>): Promise<boolean> { return this.parts.commands.setTime(patch); }
  /** Import/restore into the plan in view: a backup first, then one undoable step. */
  replacePlan(plan: Plan, reason: ReplaceReason): Promise<boolean> { return this.parts.commands.replacePlan(plan, reason); }
  undo(): Promise<boolean> { return this.parts.session.undo(); }
  redo(): Promise<boolean> { return this.parts.session.redo(); }
  /** Resolves when every write started so far has committed (or failed). */
  flush(): Promise<void> { return this.parts.session.flush(); }

  // ------------------------------------------------------------------ backups and files

  restoreBackup(id: string): Promise<boolean> { return this.parts.backups.restoreBackup(id); }
  openStoredBackup(id: string): Promise<OpenedBackup> { return this.parts.backups.openStoredBackup(id); }
  /** Everything in this browser as one `kapacitet/backup` file ("Spara säkerhetskopia"). */
  backupFile(): Promise<{ filename: string; text: string; file: BackupFile }> { return this.parts.backups.backupFile(); }
  downloadBackup(): Promise<{ filename: string; text: string }> { return this.parts.backups.downloadBackup(); }
  /** Reads a backup or a plan file and previews what "Återställ säkerhetskopia" would add and replace. */
  openBackup(text: string): Promise<OpenedBackup> { return this.parts.backups.openBackup(text); }
  restoreBackupFile(file: BackupFile): Promise<boolean> { return this.parts.backups.restoreBackupFile(file); }
  planFile(planId?: string): Promise<{ filename: string; text: string }> { return this.parts.backups.planFile(planId); }
  downloadPlanFile(planId?: string): Promise<{ filename: string; text: string }> { return this.parts.backups.downloadPlanFile(planId); }
  /** The selected unit's plans in one file ("Säkerhetskopia av alla planer"). */
  unitPlansFile(): Promise<{ filename: string; text: string }> { return this.parts.backups.unitPlansFile(); }
  restoreFromFile(text: string, options: { asNewUnit?: boolean } = {}): Promise<RestoreFileResult> {
    return this.parts.backups.restoreFromFile(text, options);
  }

  // ------------------------------------------------------------------ storage, settings, profiles

  refreshStorage(): Promise<void> { return this.parts.storage.refresh(); }
  requestPersist(): Promise<boolean | null> { return this.parts.storage.requestPersist(); }
  getSetting<T>(key: string, fallback: T): Promise<T> { return this.parts.settings.getSetting(key, fallback); }
  setSetting(key: string, value: unknown): Promise<void> { return this.parts.settings.setSetting(key, value); }
  saveCustomProfile(profile: RuleProfile): Promise<void> { return this.parts.settings.saveCustomProfile(profile); }
  deleteCustomProfile(id: string): Promise<void> { return this.parts.settings.deleteCustomProfile(id); }
  dismissNotice(id: string): Promise<void> { return this.parts.settings.dismissNotice(id); }
}

/** The app's single state (App.svelte calls `app.start()` once). */
export const app = new AppState();
