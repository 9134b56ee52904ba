/**
 * The core state: units, plans, the current plan and its computed result, every edit command with
 * undo/redo, backups, the plan file, storage durability. Public API: ./README.md.
 *
 * How an edit flows (why it is fast and loses nothing with two tabs open):
 * 1. the command computes the next plan in memory (planEdits.ts), validates it with the engine's
 *    parsePlan, and assigns it to `plan` at once → `result` recomputes synchronously (optimistic);
 * 2. the change is reduced to field-level writes (db/planOps.ts diffPlans) and written in ONE Dexie
 *    transaction together with the throttled rolling backup — never a whole stale copy of the plan;
 * 3. liveQuery keeps `plan` in step with the database (other tabs' edits); while our own writes are in
 *    flight its emissions are held back, and once they are done the plan is re-read, so a failed write
 *    (e.g. quota) rolls the optimistic copy back to what is stored.
 */
import {
  computePlan,
  createDemoPlan,
  createDoctor,
  createEmptyPlan,
  looksLikePersonnummer,
  parsePlan,
  serializePlan,
  type CapacityModel,
  type Doctor,
  type DoctorCategory,
  type Duty,
  type IsoDate,
  type Plan,
  type PlanError,
  type PlanResult,
  type RuleProfile,
  type TimeAssumptions,
} from '../engine/index';
import {
  AUTO_BACKUP_INTERVAL_MS,
  BACKUPS_PER_PLAN,
  DoctorIdTakenError,
  KapacitetDb,
  PlanGoneError,
  applyOpsToPlan,
  currentPlanOf,
  deepEqual,
  deletePlanRows,
  deleteRuleProfile,
  deleteUnitRows,
  diffPlans,
  insertPlan,
  insertUnitWithPlan,
  isQuotaError,
  maybeAutoBackup,
  orphanBackups,
  opsAreEmpty,
  parseBackup,
  readPlan,
  saveRuleProfile,
  setSetting as storeSetting,
  sortDoctorRows,
  storageErrorMessage,
  takeBackup,
  writeOps,
  assemblePlan,
  type BackupReason,
  type PlanKind,
  type PlanOps,
} from '../db/index';
import { DATA_SV } from '../strings/data.sv';
import { LiveValue } from './live.svelte';
import { localIsoDate } from './dates';
import { Histories, type HistoryEntry } from './history';
import {
  EditRefused,
  withDoctorAdded,
  withDoctorMoved,
  withDoctorPatches,
  withDoctorRemoved,
  withDuties,
  withModel,
  withProfile,
  withTime,
  withUnit,
  type UnitPatch,
} from './planEdits';

export { LiveValue };
export type { UnitPatch };

export interface UnitSummary {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
  currentPlanId: string | null;
}

export interface PlanSummary {
  id: string;
  unitId: string;
  name: string;
  kind: PlanKind;
  createdAt: number;
  updatedAt: number;
  doctorCount: number;
}

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

export type AppErrorKind = 'validation' | 'quota' | 'conflict' | 'storage' | 'file';

export interface AppError {
  kind: AppErrorKind;
  /** Swedish sentence for the user. */
  message: string;
  /** Details, e.g. "doctors[2].employment: …". */
  details: string[];
}

export interface StorageStatus {
  /** Does the browser offer navigator.storage at all? */
  supported: boolean;
  /** true: the browser will not evict our data; false: it may; null: unknown (not asked yet). */
  persisted: boolean | null;
  estimate?: { usage: number; quota: number };
  /** The browser may clear the data under storage pressure → offer a one-click backup. */
  mayEvict: boolean;
}

/** The part of navigator.storage we use (tests pass a fake). */
export interface StorageLike {
  persisted?: () => Promise<boolean>;
  persist?: () => Promise<boolean>;
  estimate?: () => Promise<{ usage?: number; quota?: number }>;
}

export interface AppOptions {
  dbName?: string;
  /** Fixes "today" (ISO date) for computePlan and dated names. */
  today?: IsoDate;
  /** Clock for timestamps (ms). */
  now?: () => number;
  /** navigator.storage or a fake; null = not available. Default: navigator.storage when present. */
  storage?: StorageLike | null;
  autoBackupIntervalMs?: number;
  backupsPerPlan?: number;
  /** Ask navigator.storage.persist() at start when not yet persistent (default true). */
  requestPersistOnStart?: boolean;
}

export type ReplaceReason = 'import' | 'restore' | 'file';

export const REASON_LABELS: Record<BackupReason, string> = DATA_SV.backupReasons;

const SETTING_LAST_UNIT = 'lastUnitId';
const SETTING_SEEDED = 'seeded';
const lastPlanKey = (unitId: string) => `lastPlan:${unitId}`;

/** Strings anywhere in a change (for the personnummer guard). */
function stringsIn(value: unknown, out: string[] = [], depth = 0): string[] {
  if (depth > 8) return out;
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => stringsIn(v, out, depth + 1));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => stringsIn(v, out, depth + 1));
  return out;
}

function fileSafe(name: string): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return cleaned.slice(0, 80) || 'plan';
}

export class AppState {
  readonly today: IsoDate;
  readonly dbName: string;
  #now: () => number;
  #storageApi: StorageLike | null;
  #autoInterval: number;
  #keepBackups: number;
  #autoPersist: boolean;
  #db: KapacitetDb | null = null;

  ready = $state(false);
  startError = $state<string | null>(null);
  units = $state.raw<UnitSummary[]>([]);
  unitId = $state<string | null>(null);
  unit = $derived(this.units.find((u) => u.id === this.unitId));
  plans = $state.raw<PlanSummary[]>([]);
  planId = $state<string | null>(null);
  planSummary = $derived(this.plans.find((p) => p.id === this.planId));
  plan = $state.raw<Plan | undefined>(undefined);
  result: PlanResult | undefined = $derived.by(() => (this.plan ? computePlan(this.plan, { today: this.today }) : undefined));
  lastError = $state.raw<AppError | null>(null);
  backups = $state.raw<BackupSummary[]>([]);
  orphanBackups = $state.raw<BackupSummary[]>([]);
  customProfiles = $state.raw<RuleProfile[]>([]);
  settings = $state.raw<Record<string, unknown>>({});
  storage = $state<StorageStatus>({ supported: false, persisted: null, mayEvict: false });

  #pending = $state(0);
  /** Our writes in flight per plan: while a plan has some, db emissions for it are held back. */
  #pendingByPlan: Record<string, number> = {};
  saving = $derived(this.#pending > 0);
  #histories = new Histories();
  /** Bumped on every history change so canUndo/canRedo are reactive. */
  #historyTick = $state(0);
  canUndo = $derived.by(() => (this.#historyTick, (this.#histories.peek(this.planId)?.undoStack.length ?? 0) > 0));
  canRedo = $derived.by(() => (this.#historyTick, (this.#histories.peek(this.planId)?.redoStack.length ?? 0) > 0));
  undoLabel = $derived.by(() => {
    void this.#historyTick;
    const s = this.#histories.peek(this.planId)?.undoStack;
    return s && s.length ? DATA_SV.undo.undoOf(s[s.length - 1].label) : null;
  });
  redoLabel = $derived.by(() => {
    void this.#historyTick;
    const s = this.#histories.peek(this.planId)?.redoStack;
    return s && s.length ? DATA_SV.undo.redoOf(s[s.length - 1].label) : null;
  });

  #started: Promise<void> | null = null;
  #globalLive: LiveValue<unknown>[] = [];
  #unitLive: LiveValue<unknown>[] = [];
  #planLive: LiveValue<unknown>[] = [];
  /** Incremented on every optimistic change; a db read started before it is stale. */
  #editSeq = 0;
  /** Serialises our writes so they commit in the order the user made them. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options: AppOptions = {}) {
    this.dbName = options.dbName ?? 'kapacitet';
    this.#now = options.now ?? (() => Date.now());
    this.today = options.today ?? localIsoDate(this.#now());
    const nav = (globalThis as { navigator?: { storage?: StorageLike } }).navigator;
    this.#storageApi = options.storage === undefined ? (nav?.storage ?? null) : options.storage;
    this.#autoInterval = options.autoBackupIntervalMs ?? AUTO_BACKUP_INTERVAL_MS;
    this.#keepBackups = options.backupsPerPlan ?? BACKUPS_PER_PLAN;
    this.#autoPersist = options.requestPersistOnStart ?? true;
  }

  /** The open database (for other state classes' repositories: workshops, snapshots, listing mappings). */
  get db(): KapacitetDb {
    if (!this.#db) throw new Error('app.start() has not run');
    return this.#db;
  }

  /** The open database, or null until start-up has finished (for state classes built on this one). */
  get dbIfReady(): KapacitetDb | null {
    return this.ready ? (this.#db ?? null) : null;
  }

  // ------------------------------------------------------------------ start-up

  start(): Promise<void> {
    this.#started ??= this.#start();
    return this.#started;
  }

  async #start(): Promise<void> {
    try {
      const db = new KapacitetDb(this.dbName);
      db.on('blocked', () => {
        this.startError = DATA_SV.errors.openBlocked;
      });
      // Another tab upgraded the schema: close here so its upgrade can proceed, and say so.
      db.on('versionchange', () => {
        db.close();
        this.startError = DATA_SV.errors.openBlocked;
        return false;
      });
      await db.open();
      this.#db = db;
      await this.#seed();
      this.#watchGlobal();
      // `ready` promises the lists are there, not only the database.
      await Promise.all(this.#globalLive.map((l) => l.firstValue));
      const lastUnit = (await db.settings.get(SETTING_LAST_UNIT))?.value as string | undefined;
      const units = await db.units.toArray();
      const pick = units.find((u) => u.id === lastUnit) ?? units.sort((a, b) => a.name.localeCompare(b.name, 'sv'))[0];
      if (pick) await this.selectUnit(pick.id);
      this.ready = true;
      void this.#initStorage();
    } catch (e) {
      console.error(e);
      this.startError = DATA_SV.errors.open;
    }
  }

  /** First start: the demo unit. Inside one transaction, so two tabs opening at once seed once. */
  async #seed(): Promise<void> {
    const db = this.db;
    await db.transaction('rw', [db.settings, db.units, db.plans, db.doctors], async () => {
      const seeded = await db.settings.get(SETTING_SEEDED);
      if (seeded?.value) return;
      if ((await db.units.count()) === 0) {
        const plan = normalized(createDemoPlan());
        await insertUnitWithPlan(db, { name: plan.unit.name, plan, planName: DATA_SV.defaultPlanName, now: this.#now() });
      }
      await db.settings.put({ key: SETTING_SEEDED, value: true });
    });
  }

  #watchGlobal(): void {
    const db = this.db;
    this.#globalLive.push(
      new LiveValue(
        async () => {
          const [units, plans] = await Promise.all([db.units.toArray(), db.plans.toArray()]);
          return units
            .map<UnitSummary>((u) => ({
              id: u.id,
              name: u.name,
              createdAt: u.createdAt,
              updatedAt: u.updatedAt,
              currentPlanId: plans.find((p) => p.unitId === u.id && p.kind === 'current')?.id ?? null,
            }))
            .sort((a, b) => a.name.localeCompare(b.name, 'sv') || a.createdAt - b.createdAt);
        },
        (units) => {
          if (!deepEqual(units, this.units)) this.units = units;
          // The selected unit was deleted (maybe in another tab): move to another one.
          if (this.unitId && !units.some((u) => u.id === this.unitId)) void this.#unitVanished(this.unitId);
        },
      ),
      new LiveValue(
        async () => (await orphanBackups(db)).map(toBackupSummary),
        (list) => (this.orphanBackups = list),
      ),
      new LiveValue(
        async () => (await db.ruleProfiles.toArray()).map((r) => r.profile).sort((a, b) => a.name.localeCompare(b.name, 'sv')),
        (list) => (this.customProfiles = list),
      ),
      new LiveValue(
        async () => Object.fromEntries((await db.settings.toArray()).map((s) => [s.key, s.value])),
        (map) => (this.settings = map),
      ),
    );
  }

  /** Like #planVanished: a units list may be stale, so ask the database first. */
  async #unitVanished(unitId: string): Promise<void> {
    if (await this.db.units.get(unitId)) return;
    if (this.unitId !== unitId) return;
    const next = (await this.db.units.toArray()).sort((a, b) => a.name.localeCompare(b.name, 'sv'))[0];
    if (next) await this.selectUnit(next.id);
    else this.#clearSelection();
  }

  #clearSelection(): void {
    this.#disposeAll(this.#unitLive);
    this.#disposeAll(this.#planLive);
    this.unitId = null;
    this.planId = null;
    this.plans = [];
    this.plan = undefined;
    this.backups = [];
  }

  #disposeAll(list: LiveValue<unknown>[]): void {
    for (const l of list) l.dispose();
    list.length = 0;
  }

  /** Stops every live query and closes the database (tests; a page never needs it). */
  dispose(): void {
    this.#disposeAll(this.#globalLive);
    this.#disposeAll(this.#unitLive);
    this.#disposeAll(this.#planLive);
    this.#db?.close();
  }

  // ------------------------------------------------------------------ selection

  /** Remembers a selection; a failure here (e.g. a full disk) must not block selecting. */
  async #remember(key: string, value: unknown): Promise<void> {
    try {
      await storeSetting(this.db, key, value);
    } catch (e) {
      console.warn('setting not saved', key, e);
    }
  }

  async selectUnit(id: string): Promise<void> {
    const db = this.db;
    const unit = await db.units.get(id);
    if (!unit) {
      this.#fail('conflict', DATA_SV.errors.unitGone);
      return;
    }
    if (this.unitId !== id) {
      this.#disposeAll(this.#unitLive);
      this.unitId = id;
      this.plans = [];
      this.#unitLive.push(
        new LiveValue(
          async () => {
            const rows = await db.plans.where('unitId').equals(id).toArray();
            const counts = await Promise.all(rows.map((r) => db.doctors.where('planId').equals(r.id).count()));
            return rows
              .map<PlanSummary>((r, i) => ({
                id: r.id,
                unitId: r.unitId,
                name: r.name,
                kind: r.kind,
                createdAt: r.createdAt,
                updatedAt: r.updatedAt,
                doctorCount: counts[i],
              }))
              .sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name, 'sv') : a.kind === 'current' ? -1 : 1));
          },
          (plans) => {
            if (this.unitId !== id) return;
            this.plans = plans;
            if (this.planId && !plans.some((p) => p.id === this.planId)) void this.#planVanished(id, this.planId);
          },
        ),
      );
    }
    await this.#remember(SETTING_LAST_UNIT, id);
    const remembered = (await db.settings.get(lastPlanKey(id)))?.value as string | undefined;
    const plans = await db.plans.where('unitId').equals(id).toArray();
    const plan = plans.find((p) => p.id === remembered) ?? plans.find((p) => p.kind === 'current') ?? plans[0];
    if (plan) await this.selectPlan(plan.id);
    else this.#setPlanSelection(null);
    await Promise.all(this.#unitLive.map((l) => l.firstValue));
  }

  /**
   * The selected plan is missing from a plans list. The list may be stale (a plan created a moment
   * ago), so check the database before moving the selection to the unit's current plan.
   */
  async #planVanished(unitId: string, planId: string): Promise<void> {
    if (await this.db.plans.get(planId)) return;
    if (this.planId !== planId || this.unitId !== unitId) return;
    const next = await currentPlanOf(this.db, unitId);
    if (next) await this.selectPlan(next.id);
    else this.#setPlanSelection(null);
  }

  async selectPlan(id: string): Promise<void> {
    const db = this.db;
    const row = await db.plans.get(id);
    if (!row) {
      this.#fail('conflict', DATA_SV.errors.planGone);
      return;
    }
    if (row.unitId !== this.unitId) {
      await this.#remember(lastPlanKey(row.unitId), id);
      await this.selectUnit(row.unitId);
      return;
    }
    await this.#remember(lastPlanKey(row.unitId), id);
    if (this.planId === id && this.plan) return;
    // Read first, then switch: the view goes from one plan to the next without an empty moment.
    const plan = await readPlan(db, id);
    this.#setPlanSelection(id, plan);
  }

  #setPlanSelection(id: string | null, plan?: Plan): void {
    this.#disposeAll(this.#planLive);
    this.planId = id;
    this.plan = plan;
    this.backups = [];
    this.#historyTick++;
    if (!id) return;
    const db = this.db;
    this.#planLive.push(
      new LiveValue(
        async () => {
          const [row, doctors] = await Promise.all([db.plans.get(id), db.doctors.where('planId').equals(id).toArray()]);
          return row ? assemblePlan(row, sortDoctorRows(doctors)) : undefined;
        },
        (plan) => {
          if (this.planId !== id || this.#pendingOf(id) > 0) return; // our own writes are in flight: they win
          if (plan === undefined) return; // deleted: the plans list moves the selection
          if (!this.plan || !deepEqual(plan, this.plan)) this.plan = plan;
        },
      ),
      new LiveValue(
        async () =>
          (await db.backups.where('[planId+createdAt]').between([id, -Infinity], [id, Infinity]).reverse().toArray()).map(
            toBackupSummary,
          ),
        (list) => {
          if (this.planId === id) this.backups = list;
        },
      ),
    );
  }

  /** A live reader of any plan (scenarios compare, follow-up): call dispose() when done. */
  livePlan(planId: string): LiveValue<Plan | undefined> {
    const db = this.db;
    return new LiveValue(async () => readPlan(db, planId));
  }

  async getPlanSnapshot(planId: string): Promise<Plan> {
    await this.#idle();
    const plan = await readPlan(this.db, planId);
    if (!plan) throw new Error(DATA_SV.errors.planGone);
    return plan;
  }

  // ------------------------------------------------------------------ errors

  clearError(): void {
    this.lastError = null;
  }

  #fail(kind: AppErrorKind, message: string, details: string[] = []): false {
    this.lastError = { kind, message, details };
    return false;
  }

  #failWrite(e: unknown): false {
    if (e instanceof PlanGoneError) return this.#fail('conflict', DATA_SV.errors.planGone);
    if (e instanceof DoctorIdTakenError) return this.#fail('conflict', DATA_SV.errors.doctorIdTaken);
    if (isQuotaError(e)) return this.#fail('quota', DATA_SV.errors.quota);
    console.error(e);
    return this.#fail('storage', storageErrorMessage(e));
  }

  /** parsePlan must accept the result of an edit, and no text may look like a personnummer. */
  #validate(next: Plan, ops: PlanOps): boolean {
    const changed = stringsIn([ops.body, ops.add, ops.patch]);
    if (changed.some((s) => looksLikePersonnummer(s))) return this.#fail('validation', DATA_SV.errors.personnummer);
    const parsed = parsePlan(next);
    if (!parsed.ok) {
      return this.#fail(
        'validation',
        DATA_SV.errors.invalidEdit,
        parsed.errors.map(pathMessage),
      );
    }
    return true;
  }

  // ------------------------------------------------------------------ the edit pipeline

  /** Resolves when every write started so far has committed (or failed). */
  flush(): Promise<void> {
    return this.#idle();
  }

  /** Waits until every queued write has finished. */
  async #idle(): Promise<void> {
    let q: Promise<unknown>;
    do {
      q = this.#queue;
      await q.catch(() => undefined);
    } while (q !== this.#queue);
  }

  /** Runs `work` after the writes queued before it (writes commit in the user's order). */
  #enqueue<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#queue.catch(() => undefined).then(work);
    this.#queue = run;
    return run;
  }

  /**
   * Writes a change to a plan in one transaction, with a backup first: the throttled automatic one
   * ('auto') or a forced one before an import/restore. The change is already in memory.
   */
  #write(planId: string, ops: PlanOps, backup: 'auto' | BackupReason): Promise<boolean> {
    this.#pending++;
    this.#pendingByPlan[planId] = this.#pendingOf(planId) + 1;
    const db = this.db;
    return this.#enqueue(async () => {
      try {
        await db.transaction('rw', [db.units, db.plans, db.doctors, db.backups], async () => {
          const now = this.#now();
          if (backup === 'auto') await maybeAutoBackup(db, planId, now, this.#autoInterval, this.#keepBackups);
          else await takeBackup(db, planId, backup, now, this.#keepBackups);
          await writeOpsAndUnitName(db, planId, ops, now);
        });
        this.#maybeRefreshEstimate();
        return true;
      } catch (e) {
        return this.#failWrite(e);
      } finally {
        this.#pending--;
        const left = this.#pendingOf(planId) - 1;
        if (left > 0) this.#pendingByPlan[planId] = left;
        else delete this.#pendingByPlan[planId];
        if (left === 0) await this.#resync(planId);
      }
    });
  }

  #pendingOf(planId: string): number {
    return this.#pendingByPlan[planId] ?? 0;
  }

  /** After our writes: the stored plan is the truth (rolls back a failed optimistic edit). */
  async #resync(planId: string): Promise<void> {
    const seq = this.#editSeq;
    const plan = await readPlan(this.db, planId).catch(() => undefined);
    if (this.planId !== planId || this.#pendingOf(planId) > 0 || seq !== this.#editSeq || !plan) return;
    if (!this.plan || !deepEqual(plan, this.plan)) this.plan = plan;
  }

  /** Applies an edit: produce → validate → memory (sync) → history → db. */
  #edit(label: string, produce: (plan: Plan) => Plan, backup: 'auto' | BackupReason = 'auto'): Promise<boolean> {
    const planId = this.planId;
    const before = this.plan;
    if (!planId || !before) return Promise.resolve(this.#fail('validation', DATA_SV.errors.noPlan));
    let after: Plan;
    try {
      after = produce(before);
    } catch (e) {
      if (e instanceof EditRefused) return Promise.resolve(this.#fail('validation', e.message));
      throw e;
    }
    const ops = diffPlans(before, after);
    if (opsAreEmpty(ops)) return Promise.resolve(true);
    if (!this.#validate(after, ops)) return Promise.resolve(false);
    this.lastError = null;
    const entry: HistoryEntry = { label, redo: ops, undo: diffPlans(after, before) };
    const history = this.#histories.of(planId);
    history.push(entry);
    this.#historyTick++;
    this.#editSeq++;
    this.plan = after;
    return this.#write(planId, ops, backup).then((ok) => {
      if (!ok) {
        history.drop(entry);
        this.#historyTick++;
      }
      return ok;
    });
  }

  #missingDoctor = (): Error => new EditRefused(DATA_SV.errors.doctorGone);

  updateUnit(patch: UnitPatch): Promise<boolean> {
    const clean = $state.snapshot(patch) as UnitPatch;
    return this.#edit(DATA_SV.undo.unit, (p) => withUnit(p, clean));
  }

  updateDoctor(doctorId: string, patch: Partial<Doctor>): Promise<boolean> {
    const clean = $state.snapshot(patch) as Partial<Doctor>;
    return this.#edit(DATA_SV.undo.doctor, (p) => withDoctorPatches(p, [{ doctorId, patch: clean }], this.#missingDoctor));
  }

  /**
   * A pasted block: many doctors, one undo step, one transaction. `additions` are rows pasted below the
   * last doctor: each becomes a new doctor at the end (createDoctor with the row's category, then the
   * row's values; an `id` in a row is ignored), in the same step as the patches.
   */
  updateDoctors(patches: { doctorId: string; patch: Partial<Doctor> }[], additions: Partial<Doctor>[] = []): Promise<boolean> {
    const label =
      additions.length > 0 ? DATA_SV.undo.pasteRows(additions.length) : patches.length === 1 ? DATA_SV.undo.doctor : DATA_SV.undo.doctors;
    const clean = $state.snapshot(patches) as { doctorId: string; patch: Partial<Doctor> }[];
    const added = $state.snapshot(additions) as Partial<Doctor>[];
    return this.#edit(label, (p) => {
      let next = withDoctorPatches(p, clean, this.#missingDoctor);
      for (const row of added) {
        const doctor = createDoctor(
          row.category ?? 'specialist',
          next.doctors.map((d) => d.id),
        );
        next = withDoctorAdded(next, doctor);
        next = withDoctorPatches(next, [{ doctorId: doctor.id, patch: row }], this.#missingDoctor);
      }
      return next;
    });
  }

  async addDoctor(category: DoctorCategory, atIndex?: number): Promise<string | null> {
    let id: string | null = null;
    const ok = await this.#edit(DATA_SV.undo.addDoctor, (p) => {
      const doctor = createDoctor(
        category,
        p.doctors.map((d) => d.id),
      );
      id = doctor.id;
      return withDoctorAdded(p, doctor, atIndex);
    });
    return ok ? id : null;
  }

  removeDoctor(doctorId: string): Promise<boolean> {
    return this.#edit(DATA_SV.undo.removeDoctor, (p) => withDoctorRemoved(p, doctorId, this.#missingDoctor));
  }

  moveDoctor(doctorId: string, toIndex: number): Promise<boolean> {
    return this.#edit(DATA_SV.undo.moveDoctor, (p) => withDoctorMoved(p, doctorId, toIndex, this.#missingDoctor));
  }

  setDuties(doctorId: string, duties: Duty[]): Promise<boolean> {
    const clean = $state.snapshot(duties) as Duty[];
    return this.#edit(DATA_SV.undo.duties, (p) => withDuties(p, doctorId, clean, this.#missingDoctor));
  }

  setProfile(ref: string | RuleProfile): Promise<boolean> {
    const clean = $state.snapshot(ref) as string | RuleProfile;
    return this.#edit(DATA_SV.undo.profile, (p) => withProfile(p, clean));
  }

  setModel(model: CapacityModel): Promise<boolean> {
    return this.#edit(DATA_SV.undo.model, (p) => withModel(p, model));
  }

  setTime(patch: Partial<TimeAssumptions>): Promise<boolean> {
    const clean = $state.snapshot(patch) as Partial<TimeAssumptions>;
    return this.#edit(DATA_SV.undo.time, (p) => withTime(p, clean));
  }

  /** Import/restore into the current plan: a backup first, then one undoable step. */
  replacePlan(plan: Plan, reason: ReplaceReason): Promise<boolean> {
    // Stored plans are always in parsePlan's normal form (defaults filled), so a plan file written
    // from the store reads back identical.
    const parsed = parsePlan($state.snapshot(plan));
    if (!parsed.ok) return Promise.resolve(this.#fail('validation', DATA_SV.errors.invalidEdit, parsed.errors.map(pathMessage)));
    return this.#edit(DATA_SV.undo[reason], () => parsed.plan, reason);
  }

  async undo(): Promise<boolean> {
    return this.#step('undo');
  }

  async redo(): Promise<boolean> {
    return this.#step('redo');
  }

  async #step(direction: 'undo' | 'redo'): Promise<boolean> {
    const planId = this.planId;
    const before = this.plan;
    if (!planId || !before) return false;
    const history = this.#histories.of(planId);
    const from = direction === 'undo' ? history.undoStack : history.redoStack;
    const to = direction === 'undo' ? history.redoStack : history.undoStack;
    const entry = from.pop();
    if (!entry) return false;
    to.push(entry);
    this.#historyTick++;
    // Apply the step's field writes to the plan as it is now (another tab may have changed other fields).
    const after = applyOpsToPlan(before, direction === 'undo' ? entry.undo : entry.redo);
    const ops = diffPlans(before, after);
    this.lastError = null;
    if (opsAreEmpty(ops)) return true;
    this.#editSeq++;
    this.plan = after;
    const ok = await this.#write(planId, ops, 'auto');
    if (!ok) {
      to.pop();
      from.push(entry);
      this.#historyTick++;
    }
    return ok;
  }

  // ------------------------------------------------------------------ units

  async createUnit(name: string, fromDemo = false): Promise<string> {
    const clean = name.trim();
    const plan = fromDemo ? createDemoPlan() : createEmptyPlan(clean || DATA_SV.newUnitName);
    if (fromDemo && clean) plan.unit.name = clean;
    return this.createUnitFromPlan(plan, clean || plan.unit.name);
  }

  async createUnitFromPlan(plan: Plan, name?: string): Promise<string> {
    const db = this.db;
    const unitName = (name ?? plan.unit.name).trim() || DATA_SV.newUnitName;
    const parsed = parsePlan({ ...($state.snapshot(plan) as Plan), unit: { ...plan.unit, name: unitName } });
    if (!parsed.ok) {
      this.#fail('validation', DATA_SV.errors.invalidEdit, parsed.errors.map(pathMessage));
      throw new Error(DATA_SV.errors.invalidEdit);
    }
    try {
      const { unitId } = await this.#enqueue(() =>
        db.transaction('rw', [db.units, db.plans, db.doctors], () =>
          insertUnitWithPlan(db, { name: unitName, plan: parsed.plan, planName: DATA_SV.defaultPlanName, now: this.#now() }),
        ),
      );
      await this.selectUnit(unitId);
      return unitId;
    } catch (e) {
      this.#failWrite(e);
      throw e;
    }
  }

  async renameUnit(id: string, name: string): Promise<boolean> {
    const clean = name.trim();
    if (!clean) return this.#fail('validation', DATA_SV.errors.emptyName);
    if (looksLikePersonnummer(clean)) return this.#fail('validation', DATA_SV.errors.personnummer);
    const db = this.db;
    await this.#idle();
    try {
      await db.transaction('rw', [db.units, db.plans], async () => {
        const now = this.#now();
        if (!(await db.units.update(id, { name: clean, updatedAt: now }))) throw new PlanGoneError(id);
        // The unit's name also lives in its plans (exports and plan files carry it).
        const plans = await db.plans.where('unitId').equals(id).toArray();
        for (const p of plans) await db.plans.update(p.id, { 'body.unit.name': clean, updatedAt: now });
      });
      return true;
    } catch (e) {
      if (e instanceof PlanGoneError) return this.#fail('conflict', DATA_SV.errors.unitGone);
      return this.#failWrite(e);
    }
  }

  /** Deletes a unit: a backup of each of its plans first (restorable from `orphanBackups`). */
  async deleteUnit(id: string): Promise<boolean> {
    const db = this.db;
    await this.#idle();
    try {
      const planIds = await db.transaction(
        'rw',
        [db.units, db.plans, db.doctors, db.backups, db.workshops, db.snapshots, db.settings],
        async () => {
          const plans = await db.plans.where('unitId').equals(id).toArray();
          const now = this.#now();
          const [workshops, snapshots] = await Promise.all([
            db.workshops.where('unitId').equals(id).toArray(),
            db.snapshots.where('unitId').equals(id).toArray(),
          ]);
          for (const p of plans) {
            const backup = await takeBackup(db, p.id, 'delete-unit', now, this.#keepBackups);
            if (backup && p.kind === 'current' && (workshops.length || snapshots.length)) {
              await db.backups.update(backup.id, { unitData: { workshops, snapshots } });
            }
          }
          await deleteUnitRows(db, id);
          await db.settings.delete(lastPlanKey(id));
          return plans.map((p) => p.id);
        },
      );
      planIds.forEach((p) => this.#histories.forget(p));
      if (this.unitId === id) {
        const next = (await db.units.toArray()).sort((a, b) => a.name.localeCompare(b.name, 'sv'))[0];
        if (next) await this.selectUnit(next.id);
        else this.#clearSelection();
      }
      return true;
    } catch (e) {
      return this.#failWrite(e);
    }
  }

  /** Wipes every table, backups included (privacy: "radera all data"). The demo does not come back. */
  async clearAllData(): Promise<void> {
    const db = this.db;
    await this.#idle();
    await db.transaction('rw', db.tables, async () => {
      await Promise.all(db.tables.map((t) => t.clear()));
      await db.settings.put({ key: SETTING_SEEDED, value: true });
    });
    this.#histories.clear();
    this.#clearSelection();
  }

  // ------------------------------------------------------------------ scenarios primitives

  /** Deep copy of a plan as a scenario in the same unit. */
  async duplicatePlan(planId: string, name: string): Promise<string> {
    const db = this.db;
    await this.#idle();
    const clean = name.trim();
    try {
      return await db.transaction('rw', [db.plans, db.doctors], async () => {
        const row = await db.plans.get(planId);
        const plan = await readPlan(db, planId);
        if (!row || !plan) throw new PlanGoneError(planId);
        return insertPlan(db, {
          unitId: row.unitId,
          name: clean || DATA_SV.copyOf(row.name),
          kind: 'scenario',
          plan,
          now: this.#now(),
        });
      });
    } catch (e) {
      this.#failWrite(e);
      throw e;
    }
  }

  async renamePlan(planId: string, name: string): Promise<boolean> {
    const clean = name.trim();
    if (!clean) return this.#fail('validation', DATA_SV.errors.emptyName);
    if (looksLikePersonnummer(clean)) return this.#fail('validation', DATA_SV.errors.personnummer);
    try {
      const n = await this.db.plans.update(planId, { name: clean, updatedAt: this.#now() });
      return n ? true : this.#fail('conflict', DATA_SV.errors.planGone);
    } catch (e) {
      return this.#failWrite(e);
    }
  }

  /** Deletes a scenario (backup first). The current plan cannot be deleted. */
  async deletePlan(planId: string): Promise<boolean> {
    const db = this.db;
    await this.#idle();
    const row = await db.plans.get(planId);
    if (!row) return this.#fail('conflict', DATA_SV.errors.planGone);
    if (row.kind === 'current') return this.#fail('validation', DATA_SV.errors.deleteCurrentPlan);
    try {
      await db.transaction('rw', [db.units, db.plans, db.doctors, db.backups], async () => {
        await takeBackup(db, planId, 'delete-plan', this.#now(), this.#keepBackups);
        await deletePlanRows(db, planId);
      });
    } catch (e) {
      return this.#failWrite(e);
    }
    this.#histories.forget(planId);
    if (this.planId === planId) {
      const current = await currentPlanOf(db, row.unitId);
      if (current) await this.selectPlan(current.id);
      else this.#setPlanSelection(null);
    }
    return true;
  }

  /** The scenario becomes the unit's current plan; the old current becomes "Tidigare nuläge <date>". */
  async promotePlan(planId: string): Promise<boolean> {
    const db = this.db;
    await this.#idle();
    try {
      await db.transaction('rw', [db.units, db.plans, db.doctors, db.backups], async () => {
        const row = await db.plans.get(planId);
        if (!row) throw new PlanGoneError(planId);
        if (row.kind === 'current') throw new EditRefused(DATA_SV.errors.promoteCurrent);
        const now = this.#now();
        const siblings = await db.plans.where('unitId').equals(row.unitId).toArray();
        const taken = siblings.filter((p) => p.id !== planId).map((p) => p.name);
        for (const p of siblings.filter((x) => x.kind === 'current')) {
          await takeBackup(db, p.id, 'promote', now, this.#keepBackups);
          const name = uniqueName(DATA_SV.formerCurrent(this.today), taken);
          taken.push(name);
          await db.plans.update(p.id, { kind: 'scenario', name, updatedAt: now });
        }
        await takeBackup(db, planId, 'promote', now, this.#keepBackups);
        await db.plans.update(planId, { kind: 'current', name: promotedName(row.name), updatedAt: now });
      });
      return true;
    } catch (e) {
      if (e instanceof EditRefused) return this.#fail('validation', e.message);
      return this.#failWrite(e);
    }
  }

  // ------------------------------------------------------------------ backups and files

  async restoreBackup(id: string): Promise<boolean> {
    const db = this.db;
    const record = await db.backups.get(id);
    if (!record) return this.#fail('conflict', DATA_SV.errors.backupGone);
    const parsed = parseBackup(record);
    if (!parsed.ok) {
      return this.#fail('file', DATA_SV.errors.backupBroken, parsed.errors.map((e) => `${e.path}: ${e.message}`));
    }
    const planRow = await db.plans.get(record.planId);
    if (planRow) {
      if (this.planId !== record.planId) await this.selectPlan(record.planId);
      return this.replacePlan(parsed.plan, 'restore');
    }
    // The plan (or its whole unit) was deleted: bring it back.
    try {
      const planId = await this.#enqueue(() =>
        db.transaction('rw', [db.units, db.plans, db.doctors, db.workshops, db.snapshots], async () => {
          const now = this.#now();
          if (await db.units.get(record.unitId)) {
            const hasCurrent = !!(await currentPlanOf(db, record.unitId));
            const kind: PlanKind = hasCurrent ? 'scenario' : 'current';
            const taken = (await db.plans.where('unitId').equals(record.unitId).toArray()).map((p) => p.name);
            const name = hasCurrent ? uniqueName(DATA_SV.restoredPlan(record.planName, this.today), taken) : DATA_SV.defaultPlanName;
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
      await this.selectPlan(planId);
      return true;
    } catch (e) {
      return this.#failWrite(e);
    }
  }

  /** The plan as a `.kapacitet.json` file (contracts.md), default: the current plan. */
  async planFile(planId?: string): Promise<{ filename: string; text: string }> {
    const id = planId ?? this.planId;
    if (!id) throw new Error(DATA_SV.errors.noPlan);
    const plan = await this.getPlanSnapshot(id);
    const row = await this.db.plans.get(id);
    const unitName = (await this.db.units.get(row?.unitId ?? ''))?.name ?? plan.unit.name;
    const label = row && row.kind === 'scenario' ? `${unitName} – ${row.name}` : unitName;
    return { filename: `${fileSafe(label)} ${this.today}.kapacitet.json`, text: serializePlan(plan) };
  }

  /** Same as planFile and starts the browser download (no-op outside a browser). */
  async downloadPlanFile(planId?: string): Promise<{ filename: string; text: string }> {
    const file = await this.planFile(planId);
    if (typeof document !== 'undefined' && typeof URL !== 'undefined' && typeof URL.createObjectURL === 'function') {
      const url = URL.createObjectURL(new Blob([file.text], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = file.filename;
      a.rel = 'noopener';
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    }
    return file;
  }

  /**
   * Opens a plan file: all or nothing. Replaces the current plan, or creates a unit when there is none
   * (or when asked). A backup of all plans (top-level `scenarios: { name, plan }[]`) also brings its
   * scenarios back as scenarios of that unit (added under unique names; nothing existing is deleted);
   * the field itself is never stored inside the current plan. Every plan in the file is validated
   * before anything is written; a failed write takes back what was added.
   */
  async restoreFromFile(
    text: string,
    options: { asNewUnit?: boolean } = {},
  ): Promise<{ ok: true; scenarios?: string[] } | { ok: false; errors: PlanError[] }> {
    const parsed = parsePlan(text);
    // Loaded when a file is opened: its strings are the scenarios', not the first view's.
    const { splitPlanFile } = await import('./planBackup');
    const split = parsed.ok ? splitPlanFile(parsed.plan) : parsed;
    if (!split.ok) {
      this.#fail('file', DATA_SV.errors.fileInvalid, split.errors.map(pathMessage));
      return { ok: false, errors: split.errors };
    }
    const { main, scenarios } = split;
    // The names the scenarios got (unique in the unit), so the view can say what was added.
    const done = (added: { name: string }[]): { ok: true; scenarios?: string[] } =>
      added.length ? { ok: true, scenarios: added.map((a) => a.name) } : { ok: true };
    const failed = (): { ok: false; errors: PlanError[] } => {
      const err = this.lastError;
      const lines = err ? (err.details.length ? err.details : [err.message]) : [DATA_SV.errors.fileInvalid];
      return { ok: false, errors: lines.map((message) => ({ path: '', message })) };
    };
    if (this.plan && this.planId && this.unitId && !options.asNewUnit) {
      // Scenarios first (one transaction), so a refused replacement can simply remove them again.
      const added = await this.#addScenarios(this.unitId, scenarios);
      if (!added) return failed();
      if (await this.replacePlan(main, 'file')) return done(added);
      const error = this.lastError;
      await this.#removePlans(added.map((a) => a.id));
      this.lastError = error;
      return failed();
    }
    let unitId: string;
    try {
      unitId = await this.createUnitFromPlan(main);
    } catch {
      return failed();
    }
    const added = await this.#addScenarios(unitId, scenarios);
    if (added) return done(added);
    const error = this.lastError;
    await this.deleteUnit(unitId);
    this.lastError = error;
    return failed();
  }

  /** Adds plans as scenarios of a unit in one transaction; their ids and names, or null on a storage error (lastError). */
  async #addScenarios(unitId: string, items: { name: string; plan: Plan }[]): Promise<{ id: string; name: string }[] | null> {
    if (items.length === 0) return [];
    const db = this.db;
    await this.#idle();
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
          ids.push({ id: await insertPlan(db, { unitId, name, kind: 'scenario', plan, now: this.#now() }), name });
        }
        return ids;
      });
    } catch (e) {
      this.#failWrite(e);
      return null;
    }
  }

  /** Takes back scenarios just added (no backups: they existed only for a moment). */
  async #removePlans(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const db = this.db;
    await db.transaction('rw', [db.plans, db.doctors], async () => {
      for (const id of ids) await deletePlanRows(db, id);
    });
  }

  // ------------------------------------------------------------------ storage durability

  /** Reads the storage status and, when not yet persistent, asks once (Chromium answers silently). */
  async #initStorage(): Promise<void> {
    await this.refreshStorage();
    if (this.#autoPersist && this.storage.supported && this.storage.persisted === false) await this.requestPersist();
  }

  #estimateAt = 0;
  /** Keeps the usage figure roughly current while editing (at most every 30 s). */
  #maybeRefreshEstimate(): void {
    const now = this.#now();
    if (!this.#storageApi?.estimate || now - this.#estimateAt < 30_000) return;
    this.#estimateAt = now;
    void this.refreshStorage();
  }

  async refreshStorage(): Promise<void> {
    const api = this.#storageApi;
    if (!api?.persisted) {
      this.storage = { supported: false, persisted: null, mayEvict: false };
      return;
    }
    try {
      const persisted = await api.persisted();
      const est = api.estimate ? await api.estimate() : undefined;
      this.storage = {
        supported: true,
        persisted,
        mayEvict: !persisted,
        estimate: est ? { usage: est.usage ?? 0, quota: est.quota ?? 0 } : undefined,
      };
    } catch {
      this.storage = { supported: true, persisted: null, mayEvict: true };
    }
  }

  /** Asks the browser to keep our data (navigator.storage.persist()); the answer lands in `storage`. */
  async requestPersist(): Promise<boolean | null> {
    const api = this.#storageApi;
    if (!api?.persist) return null;
    let granted: boolean | null = null;
    try {
      granted = await api.persist();
    } catch {
      granted = null;
    }
    await this.refreshStorage();
    if (granted !== null) this.storage = { ...this.storage, persisted: granted, mayEvict: !granted };
    return granted;
  }

  // ------------------------------------------------------------------ settings and profiles

  async getSetting<T>(key: string, fallback: T): Promise<T> {
    const row = await this.db.settings.get(key);
    return row === undefined ? fallback : (row.value as T);
  }

  async setSetting(key: string, value: unknown): Promise<void> {
    await storeSetting(this.db, key, value);
  }

  async saveCustomProfile(profile: RuleProfile): Promise<void> {
    await saveRuleProfile(this.db, $state.snapshot(profile) as RuleProfile, this.#now());
  }

  async deleteCustomProfile(id: string): Promise<void> {
    await deleteRuleProfile(this.db, id);
  }
}

/** "Name", or "Name (2)", "Name (3)" … when the unit already has a plan by that name. */
/**
 * The name of a promoted scenario: "Nuläge (från <its name>)", so the scenario's own name stays visible.
 * A plan that was already a current plan ("Nuläge …", "Tidigare nuläge …") simply becomes "Nuläge".
 */
function promotedName(scenario: string): string {
  const former = DATA_SV.formerCurrent('');
  const base = DATA_SV.defaultPlanName;
  if (scenario.startsWith(former.trim()) || scenario.startsWith(base)) return base;
  return DATA_SV.promotedCurrent(scenario);
}

function uniqueName(base: string, taken: string[]): string {
  if (!taken.includes(base)) return base;
  for (let i = 2; ; i++) if (!taken.includes(`${base} (${i})`)) return `${base} (${i})`;
}

function pathMessage(e: PlanError): string {
  return e.path ? `${e.path}: ${e.message}` : e.message;
}

/** parsePlan's normal form of a plan the engine made (always valid). */
function normalized(plan: Plan): Plan {
  const parsed = parsePlan(plan);
  return parsed.ok ? parsed.plan : plan;
}

/** Writes the ops; a new unit name in the current plan also renames the unit. */
async function writeOpsAndUnitName(db: KapacitetDb, planId: string, ops: PlanOps, now: number): Promise<void> {
  await writeOps(db, planId, ops, now);
  const name = ops.body['unit.name'];
  if (typeof name === 'string' && name.trim()) {
    const row = await db.plans.get(planId);
    if (row?.kind === 'current') await db.units.update(row.unitId, { name: name.trim(), updatedAt: now });
  }
}

function toBackupSummary(b: {
  id: string;
  planId: string;
  unitId: string;
  planName: string;
  unitName: string;
  reason: BackupReason;
  createdAt: number;
  doctorCount: number;
}): BackupSummary {
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

/** The app's single state (App.svelte calls `app.start()` once). */
export const app = new AppState();
