/**
 * The plan session: the plan in view, its computed result, the edit pipeline with undo/redo.
 *
 * How an edit flows (why it is fast and loses nothing with two tabs open):
 * 1. a command (planCommands.ts) computes the next plan in memory (planEdits.ts), the session validates
 *    it with the engine's parsePlan and assigns it to `plan` at once → `result` recomputes
 *    synchronously (optimistic);
 * 2. the change is reduced to field-level writes (db/planOps.ts diffPlans) and written in ONE Dexie
 *    transaction together with the throttled rolling backup — never a whole stale copy of the plan;
 * 3. liveQuery keeps `plan` in step with the database (other tabs' edits); while our own writes are in
 *    flight its emissions are held back, and once they are done the plan is re-read, so a failed write
 *    (e.g. quota) rolls the optimistic copy back to what is stored.
 */
import { computePlan, looksLikePersonnummer, parsePlan, type Plan, type PlanResult } from '../engine/index';
import {
  applyOpsToPlan,
  assemblePlan,
  deepEqual,
  diffPlans,
  maybeAutoBackup,
  opsAreEmpty,
  readPlan,
  sortDoctorRows,
  takeBackup,
  writeOps,
  type BackupReason,
  type KapacitetDb,
  type PlanOps,
} from '../db/index';
import { DATA_SV } from '../strings/data.sv';
import { pathMessage, stringsIn, type AppCore } from './core.svelte';
import { Histories, staleFields, type HistoryEntry, type PlanHistory } from './history';
import { LiveValue } from './live.svelte';
import { EditRefused } from './planEdits';

export class PlanSession {
  readonly #core: AppCore;
  /** Called after each write that went through (storage keeps its usage figure current). */
  readonly #afterWrite: () => void;

  planId = $state<string | null>(null);
  plan = $state.raw<Plan | undefined>(undefined);
  result: PlanResult | undefined = $derived.by(() => (this.plan ? computePlan(this.plan, { today: this.#core.today }) : undefined));

  #pending = $state(0);
  /** Our writes in flight per plan: while a plan has some, db emissions for it are held back. */
  #pendingByPlan: Record<string, number> = {};
  saving = $derived(this.#pending > 0);

  readonly histories = new Histories();
  /** Bumped on every history change so canUndo/canRedo are reactive. */
  #historyTick = $state(0);
  canUndo = $derived.by(() => (this.#historyTick, (this.histories.peek(this.planId)?.undoStack.length ?? 0) > 0));
  canRedo = $derived.by(() => (this.#historyTick, (this.histories.peek(this.planId)?.redoStack.length ?? 0) > 0));
  undoLabel = $derived.by(() => {
    void this.#historyTick;
    const s = this.histories.peek(this.planId)?.undoStack;
    return s && s.length ? DATA_SV.undo.undoOf(s[s.length - 1].label) : null;
  });
  redoLabel = $derived.by(() => {
    void this.#historyTick;
    const s = this.histories.peek(this.planId)?.redoStack;
    return s && s.length ? DATA_SV.undo.redoOf(s[s.length - 1].label) : null;
  });

  #live: LiveValue<Plan | undefined> | null = null;
  /** Incremented on every optimistic change; a db read started before it is stale. */
  #editSeq = 0;

  constructor(core: AppCore, afterWrite: () => void = () => undefined) {
    this.#core = core;
    this.#afterWrite = afterWrite;
  }

  /** Shows a plan (already read, so the view switches without an empty moment) and follows it live. */
  show(id: string | null, plan?: Plan): void {
    this.#live?.dispose();
    this.#live = null;
    this.planId = id;
    this.plan = plan;
    this.#historyTick++;
    if (!id) return;
    const db = this.#core.db;
    void this.#loadHistory(id);
    this.#live = new LiveValue(
      async () => {
        const [row, doctors] = await Promise.all([db.plans.get(id), db.doctors.where('planId').equals(id).toArray()]);
        return row ? assemblePlan(row, sortDoctorRows(doctors)) : undefined;
      },
      (stored) => {
        if (this.planId !== id || this.#pendingOf(id) > 0) return; // our own writes are in flight: they win
        if (stored === undefined) return; // deleted: the plans list moves the selection
        if (!this.plan || !deepEqual(stored, this.plan)) this.plan = stored;
      },
    );
  }

  dispose(): void {
    this.#live?.dispose();
    this.#live = null;
  }

  /** A reload keeps Ångra/Gör om: the plan's stored history, unless this tab has steps of its own. */
  async #loadHistory(planId: string): Promise<void> {
    const record = await this.#core.db.history?.get(planId).catch(() => undefined);
    if (record && this.histories.of(planId).load(record)) this.#historyTick++;
  }

  /** Resolves when every write started so far has committed (or failed). */
  flush(): Promise<void> {
    return this.#core.idle();
  }

  /** Forgets a plan's history (the plan was deleted); `null`: every plan's (all data cleared). */
  forget(planId: string | null): void {
    if (planId === null) this.histories.clear();
    else {
      this.histories.forget(planId);
      const db = this.#core.db;
      if (!this.#core.readOnly) void db.history?.delete(planId).catch(() => undefined);
    }
    this.#historyTick++;
  }

  /** parsePlan must accept the result of an edit, and no text may look like a personnummer. */
  #validate(next: Plan, ops: PlanOps): boolean {
    const changed = stringsIn([ops.body, ops.add, ops.patch]);
    if (changed.some((s) => looksLikePersonnummer(s))) return this.#core.fail('validation', DATA_SV.errors.personnummer);
    const parsed = parsePlan(next);
    if (!parsed.ok) return this.#core.fail('validation', DATA_SV.errors.invalidEdit, parsed.errors.map(pathMessage));
    return true;
  }

  /**
   * Writes a change to a plan in one transaction, with a backup first: the throttled automatic one
   * ('auto') or a forced one before an import/restore. The change is already in memory.
   */
  #write(planId: string, ops: PlanOps, backup: 'auto' | BackupReason, history?: PlanHistory): Promise<boolean> {
    const core = this.#core;
    this.#pending++;
    this.#pendingByPlan[planId] = this.#pendingOf(planId) + 1;
    const db = core.db;
    return core.enqueue(async () => {
      try {
        await db.transaction('rw', [db.units, db.plans, db.doctors, db.backups, db.history], async () => {
          const now = core.now();
          if (backup === 'auto') await maybeAutoBackup(db, planId, now, core.autoBackupIntervalMs, core.backupsPerPlan);
          else await takeBackup(db, planId, backup, now, core.backupsPerPlan);
          await writeOpsAndUnitName(db, planId, ops, now);
          // The history as it is after this step, with the step (a failed write leaves both as they were).
          if (history) await db.history.put(history.record(planId, now));
        });
        this.#afterWrite();
        return true;
      } catch (e) {
        return core.failWrite(e);
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
    const plan = await readPlan(this.#core.db, planId).catch(() => undefined);
    if (this.planId !== planId || this.#pendingOf(planId) > 0 || seq !== this.#editSeq || !plan) return;
    if (!this.plan || !deepEqual(plan, this.plan)) this.plan = plan;
  }

  /**
   * Applies an edit of the plan in view: produce → validate → memory (sync) → history → db. `produce`
   * may throw EditRefused (a Swedish reason); nothing changes then.
   */
  edit(label: string, produce: (plan: Plan) => Plan, backup: 'auto' | BackupReason = 'auto'): Promise<boolean> {
    const core = this.#core;
    const planId = this.planId;
    const before = this.plan;
    if (!planId || !before) return Promise.resolve(core.fail('validation', DATA_SV.errors.noPlan));
    if (core.refuseIfReadOnly()) return Promise.resolve(false);
    let after: Plan;
    try {
      after = produce(before);
    } catch (e) {
      if (e instanceof EditRefused) return Promise.resolve(core.fail('validation', e.message));
      throw e;
    }
    const ops = diffPlans(before, after);
    if (opsAreEmpty(ops)) return Promise.resolve(true);
    if (!this.#validate(after, ops)) return Promise.resolve(false);
    core.lastError = null;
    const entry: HistoryEntry = { label, redo: ops, undo: diffPlans(after, before) };
    const history = this.histories.of(planId);
    history.push(entry);
    this.#historyTick++;
    this.#editSeq++;
    this.plan = after;
    return this.#write(planId, ops, backup, history).then((ok) => {
      if (!ok) {
        history.drop(entry);
        this.#historyTick++;
        // A later step's write may have stored this one with it: store the history without it.
        void this.#persistHistory(planId, history);
      }
      return ok;
    });
  }

  undo(): Promise<boolean> {
    return this.#step('undo');
  }

  /** Stores a history that changed without a write of the plan (a refused or empty step). */
  async #persistHistory(planId: string, history: PlanHistory): Promise<void> {
    if (this.#core.readOnly) return;
    const db = this.#core.db;
    await this.#core.enqueue(() => db.history.put(history.record(planId, this.#core.now()))).catch(() => undefined);
  }

  redo(): Promise<boolean> {
    return this.#step('redo');
  }

  async #step(direction: 'undo' | 'redo'): Promise<boolean> {
    const planId = this.planId;
    const before = this.plan;
    if (!planId || !before) return false;
    if (this.#core.refuseIfReadOnly()) return false;
    const history = this.histories.of(planId);
    const from = direction === 'undo' ? history.undoStack : history.redoStack;
    const to = direction === 'undo' ? history.redoStack : history.undoStack;
    const entry = from[from.length - 1];
    if (!entry) return false;
    // Only what this step wrote, if it still holds that: another tab's later value is never reverted.
    const stale = staleFields(before, direction === 'undo' ? entry.redo : entry.undo);
    if (stale.body.length || stale.doctors.length) {
      from.pop();
      this.#historyTick++;
      void this.#persistHistory(planId, history);
      return this.#core.fail('conflict', DATA_SV.undo.staleStep(entry.label, stale.doctors));
    }
    from.pop();
    to.push(entry);
    this.#historyTick++;
    // Apply the step's field writes to the plan as it is now (another tab may have changed other fields).
    const after = applyOpsToPlan(before, direction === 'undo' ? entry.undo : entry.redo);
    const ops = diffPlans(before, after);
    this.#core.lastError = null;
    if (opsAreEmpty(ops)) {
      void this.#persistHistory(planId, history);
      return true;
    }
    this.#editSeq++;
    this.plan = after;
    const ok = await this.#write(planId, ops, 'auto', history);
    if (!ok) {
      to.pop();
      from.push(entry);
      this.#historyTick++;
    }
    return ok;
  }
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
