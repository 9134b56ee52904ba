/**
 * Changes to the catalog: creating, renaming and deleting units; copying, renaming, deleting and
 * promoting plans (the scenario primitives the Scenarios view builds on); the demo unit on first
 * start; "Radera all data". Each is one Dexie transaction; deletions take a backup first.
 */
import { MAX_SCENARIOS_PER_UNIT, createDemoPlan, createEmptyPlan, looksLikePersonnummer, parsePlan, type Plan } from '../engine/index';
import {
  LATEST_VERSION,
  PlanGoneError,
  deletePlanRows,
  deleteUnitRows,
  currentPlanOf,
  insertPlan,
  insertUnitWithPlan,
  newId,
  readPlan,
  restoreDatabase,
  takeBackup,
} from '../db/index';
import { DATA_SV } from '../strings/data.sv';
import { normalized, pathMessage, uniqueName, type AppCore } from './core.svelte';
import { lastPlanKey, type Catalog } from './catalog.svelte';
import { EditRefused } from './planEdits';
import type { PlanSession } from './session.svelte';

export const SETTING_SEEDED = 'seeded';
/** 'pending' from the first start until a first-run choice is made ('done'). */
export const SETTING_FIRST_RUN = 'firstRun';

export class CatalogEdits {
  readonly #core: AppCore;
  readonly #catalog: Catalog;
  readonly #session: PlanSession;

  constructor(core: AppCore, catalog: Catalog, session: PlanSession) {
    this.#core = core;
    this.#catalog = catalog;
    this.#session = session;
  }

  /**
   * First start: the demo unit (labelled `demo`) and the first-run choice (SETTING_FIRST_RUN 'pending'
   * until the user picks one). Inside one transaction, so two tabs opening at once seed once.
   */
  async seed(): Promise<void> {
    const { db } = this.#core;
    await db.transaction('rw', [db.settings, db.units, db.plans, db.doctors], async () => {
      const seeded = await db.settings.get(SETTING_SEEDED);
      if (seeded?.value) return;
      if ((await db.units.count()) === 0) {
        const plan = normalized(createDemoPlan());
        const { unitId } = await insertUnitWithPlan(db, { name: plan.unit.name, plan, planName: DATA_SV.defaultPlanName, now: this.#core.now() });
        await db.units.update(unitId, { demo: true });
        await db.settings.put({ key: SETTING_FIRST_RUN, value: 'pending' });
      }
      await db.settings.put({ key: SETTING_SEEDED, value: true });
    });
  }

  /**
   * "Titta på exemplet": the demo unit gets everything that shows each view (demoSeed.ts: two
   * scenarios, an APT meeting, twelve snapshots, a continuity baseline, a custom profile, a listing
   * mapping, a backup) — once; a browser without a demo unit gets a new one. Selects it.
   */
  async showDemo(): Promise<string> {
    const core = this.#core;
    const { db } = core;
    await core.idle();
    // The demo's records (and the APT rules they need) load on this click, not with the first view
    // (issue 13.6) — before the transaction, which an await on anything but the database would end.
    const { demoBackup } = await import('../db/demoSeed');
    const ctx = { now: core.now(), today: core.today, newId, schemaVersion: LATEST_VERSION };
    const unitId = await core.enqueue(() =>
      db.transaction('rw', db.tables, async () => {
        const demo = (await db.units.toArray()).find((u) => u.demo);
        const current = demo ? await currentPlanOf(db, demo.id) : undefined;
        if (demo && current) {
          const filled = (await db.plans.where('unitId').equals(demo.id).count()) > 1 || (await db.workshops.where('unitId').equals(demo.id).count()) > 0;
          if (!filled) await restoreDatabase(db, demoBackup(ctx, { unitId: demo.id, planId: current.id, unitName: demo.name }));
          await db.settings.put({ key: SETTING_FIRST_RUN, value: 'done' });
          return demo.id;
        }
        const file = demoBackup(ctx);
        await restoreDatabase(db, file);
        await db.settings.put({ key: SETTING_FIRST_RUN, value: 'done' });
        return (file.stores.units![0] as { id: string }).id;
      }),
    );
    await this.#catalog.selectUnit(unitId);
    return unitId;
  }

  // ------------------------------------------------------------------ units

  async createUnit(name: string, fromDemo = false): Promise<string> {
    const clean = name.trim();
    const plan = fromDemo ? createDemoPlan() : createEmptyPlan(clean || DATA_SV.newUnitName);
    if (fromDemo && clean) plan.unit.name = clean;
    return this.createUnitFromPlan(plan, clean || plan.unit.name);
  }

  /** A new unit with `plan` as its current plan (validated), selected. Rejects when refused (lastError). */
  async createUnitFromPlan(plan: Plan, name?: string): Promise<string> {
    const core = this.#core;
    const { db } = core;
    const unitName = (name ?? plan.unit.name).trim() || DATA_SV.newUnitName;
    const parsed = parsePlan({ ...($state.snapshot(plan) as Plan), unit: { ...plan.unit, name: unitName } });
    if (!parsed.ok) {
      core.fail('validation', DATA_SV.errors.invalidEdit, parsed.errors.map(pathMessage));
      throw new Error(DATA_SV.errors.invalidEdit);
    }
    try {
      const { unitId } = await core.enqueue(() =>
        db.transaction('rw', [db.units, db.plans, db.doctors], () =>
          insertUnitWithPlan(db, { name: unitName, plan: parsed.plan, planName: DATA_SV.defaultPlanName, now: core.now() }),
        ),
      );
      await this.#catalog.selectUnit(unitId);
      return unitId;
    } catch (e) {
      core.failWrite(e);
      throw e;
    }
  }

  async renameUnit(id: string, name: string): Promise<boolean> {
    const core = this.#core;
    const clean = name.trim();
    if (!clean) return core.fail('validation', DATA_SV.errors.emptyName);
    if (looksLikePersonnummer(clean)) return core.fail('validation', DATA_SV.errors.personnummer);
    const { db } = core;
    await core.idle();
    try {
      await db.transaction('rw', [db.units, db.plans], async () => {
        const now = core.now();
        if (!(await db.units.update(id, { name: clean, updatedAt: now }))) throw new PlanGoneError(id);
        // The unit's name also lives in its plans (exports and plan files carry it).
        const plans = await db.plans.where('unitId').equals(id).toArray();
        for (const p of plans) await db.plans.update(p.id, { 'body.unit.name': clean, updatedAt: now });
      });
      return true;
    } catch (e) {
      if (e instanceof PlanGoneError) return core.fail('conflict', DATA_SV.errors.unitGone);
      return core.failWrite(e);
    }
  }

  /** Deletes a unit: a backup of each of its plans first (restorable from `orphanBackups`). */
  async deleteUnit(id: string): Promise<boolean> {
    const core = this.#core;
    const { db } = core;
    await core.idle();
    try {
      const planIds = await db.transaction(
        'rw',
        [db.units, db.plans, db.doctors, db.backups, db.workshops, db.snapshots, db.settings],
        async () => {
          const plans = await db.plans.where('unitId').equals(id).toArray();
          const now = core.now();
          const [workshops, snapshots] = await Promise.all([
            db.workshops.where('unitId').equals(id).toArray(),
            db.snapshots.where('unitId').equals(id).toArray(),
          ]);
          for (const p of plans) {
            const backup = await takeBackup(db, p.id, 'delete-unit', now, core.backupsPerPlan);
            if (backup && p.kind === 'current' && (workshops.length || snapshots.length)) {
              await db.backups.update(backup.id, { unitData: { workshops, snapshots } });
            }
          }
          await deleteUnitRows(db, id);
          await db.settings.delete(lastPlanKey(id));
          return plans.map((p) => p.id);
        },
      );
      planIds.forEach((p) => this.#session.forget(p));
      if (this.#catalog.unitId === id) await this.#catalog.selectFirstUnit();
      return true;
    } catch (e) {
      return core.failWrite(e);
    }
  }

  /** Wipes every table, backups included (privacy: "radera all data"). The demo does not come back. */
  async clearAllData(): Promise<void> {
    const { db } = this.#core;
    await this.#core.idle();
    await db.transaction('rw', db.tables, async () => {
      await Promise.all(db.tables.map((t) => t.clear()));
      await db.settings.put({ key: SETTING_SEEDED, value: true });
    });
    this.#session.forget(null);
    this.#catalog.clearSelection();
  }

  // ------------------------------------------------------------------ plans (scenario primitives)

  /** Deep copy of a plan as a scenario in the same unit (not selected). Rejects on a storage error. */
  async duplicatePlan(planId: string, name: string): Promise<string> {
    const core = this.#core;
    const { db } = core;
    await core.idle();
    const clean = name.trim();
    try {
      return await db.transaction('rw', [db.plans, db.doctors], async () => {
        const row = await db.plans.get(planId);
        const plan = await readPlan(db, planId);
        if (!row || !plan) throw new PlanGoneError(planId);
        // A bound on scenarios per unit (issue 12.5), counted in the same transaction as the insert.
        const scenarios = await db.plans.where('unitId').equals(row.unitId).filter((p) => p.kind === 'scenario').count();
        if (scenarios >= MAX_SCENARIOS_PER_UNIT) throw new ScenarioLimitError();
        return insertPlan(db, { unitId: row.unitId, name: clean || DATA_SV.copyOf(row.name), kind: 'scenario', plan, now: core.now() });
      });
    } catch (e) {
      if (e instanceof ScenarioLimitError) core.fail('validation', e.message);
      else core.failWrite(e);
      throw e;
    }
  }

  async renamePlan(planId: string, name: string): Promise<boolean> {
    const core = this.#core;
    const clean = name.trim();
    if (!clean) return core.fail('validation', DATA_SV.errors.emptyName);
    if (looksLikePersonnummer(clean)) return core.fail('validation', DATA_SV.errors.personnummer);
    try {
      const n = await core.db.plans.update(planId, { name: clean, updatedAt: core.now() });
      return n ? true : core.fail('conflict', DATA_SV.errors.planGone);
    } catch (e) {
      return core.failWrite(e);
    }
  }

  /** Deletes a scenario (backup first). The current plan cannot be deleted. */
  async deletePlan(planId: string): Promise<boolean> {
    const core = this.#core;
    const { db } = core;
    await core.idle();
    const row = await db.plans.get(planId);
    if (!row) return core.fail('conflict', DATA_SV.errors.planGone);
    if (row.kind === 'current') return core.fail('validation', DATA_SV.errors.deleteCurrentPlan);
    try {
      await db.transaction('rw', [db.units, db.plans, db.doctors, db.backups], async () => {
        await takeBackup(db, planId, 'delete-plan', core.now(), core.backupsPerPlan);
        await deletePlanRows(db, planId);
      });
    } catch (e) {
      return core.failWrite(e);
    }
    this.#session.forget(planId);
    if (this.#session.planId === planId) await this.#catalog.selectCurrentPlan(row.unitId);
    return true;
  }

  /** The scenario becomes the unit's current plan; the old current becomes "Tidigare nuläge <date>". */
  async promotePlan(planId: string): Promise<boolean> {
    const core = this.#core;
    const { db } = core;
    await core.idle();
    try {
      await db.transaction('rw', [db.units, db.plans, db.doctors, db.backups], async () => {
        const row = await db.plans.get(planId);
        if (!row) throw new PlanGoneError(planId);
        if (row.kind === 'current') throw new EditRefused(DATA_SV.errors.promoteCurrent);
        const now = core.now();
        const siblings = await db.plans.where('unitId').equals(row.unitId).toArray();
        const taken = siblings.filter((p) => p.id !== planId).map((p) => p.name);
        for (const p of siblings.filter((x) => x.kind === 'current')) {
          await takeBackup(db, p.id, 'promote', now, core.backupsPerPlan);
          const name = uniqueName(DATA_SV.formerCurrent(core.today), taken);
          taken.push(name);
          await db.plans.update(p.id, { kind: 'scenario', name, updatedAt: now });
        }
        await takeBackup(db, planId, 'promote', now, core.backupsPerPlan);
        await db.plans.update(planId, { kind: 'current', name: promotedName(row.name), updatedAt: now });
      });
      return true;
    } catch (e) {
      if (e instanceof EditRefused) return core.fail('validation', e.message);
      return core.failWrite(e);
    }
  }
}

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

/** A unit already holds MAX_SCENARIOS_PER_UNIT scenarios (Swedish message). */
export class ScenarioLimitError extends Error {
  constructor() {
    super(DATA_SV.errors.tooManyScenarios(MAX_SCENARIOS_PER_UNIT));
    this.name = 'ScenarioLimitError';
  }
}
