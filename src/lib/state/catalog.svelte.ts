/**
 * The catalog: which units and plans exist (live lists, also from other tabs) and which are selected.
 * Selecting a plan reads it and hands it to the session; the selection is remembered in settings, and
 * moves on by itself when the selected unit or plan disappears (deleted here or in another tab).
 */
import type { Plan } from '../engine/index';
import { currentPlanOf, deepEqual, readPlan, type PlanKind } from '../db/index';
import { DATA_SV } from '../strings/data.sv';
import type { AppCore } from './core.svelte';
import { LiveValue } from './live.svelte';
import type { PlanSession } from './session.svelte';
import type { SettingsState } from './settings.svelte';

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

export const SETTING_LAST_UNIT = 'lastUnitId';
export const lastPlanKey = (unitId: string) => `lastPlan:${unitId}`;

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'sv');

export class Catalog {
  readonly #core: AppCore;
  readonly #session: PlanSession;
  readonly #settings: SettingsState;
  /** Told whenever the plan in view changes (another part follows that plan, e.g. its backups). */
  readonly #onPlanShown: (planId: string | null) => void;

  units = $state.raw<UnitSummary[]>([]);
  unitId = $state<string | null>(null);
  unit = $derived(this.units.find((u) => u.id === this.unitId));
  plans = $state.raw<PlanSummary[]>([]);
  /** The demo units (labelled "Exempel" wherever a unit is named). */
  demoUnitIds = $state.raw<string[]>([]);
  planSummary = $derived(this.plans.find((p) => p.id === this.#sessionPlanId()));

  #unitsLive: LiveValue<UnitSummary[]> | null = null;
  #plansLive: LiveValue<PlanSummary[]> | null = null;

  constructor(core: AppCore, session: PlanSession, settings: SettingsState, onPlanShown: (planId: string | null) => void) {
    this.#core = core;
    this.#session = session;
    this.#settings = settings;
    this.#onPlanShown = onPlanShown;
  }

  #sessionPlanId(): string | null {
    return this.#session.planId;
  }

  /** Starts the live units list; resolves with its first value. */
  watch(): Promise<void> {
    const db = this.#core.db;
    this.#unitsLive = new LiveValue(
      async () => {
        const [units, plans] = await Promise.all([db.units.toArray(), db.plans.toArray()]);
        const demo = units.filter((u) => u.demo).map((u) => u.id);
        if (!deepEqual(demo, this.demoUnitIds)) this.demoUnitIds = demo;
        return units
          .map<UnitSummary>((u) => ({
            id: u.id,
            name: u.name,
            createdAt: u.createdAt,
            updatedAt: u.updatedAt,
            currentPlanId: plans.find((p) => p.unitId === u.id && p.kind === 'current')?.id ?? null,
          }))
          .sort((a, b) => byName(a, b) || a.createdAt - b.createdAt);
      },
      (units) => {
        if (!deepEqual(units, this.units)) this.units = units;
        // The selected unit was deleted (maybe in another tab): move to another one.
        if (this.unitId && !units.some((u) => u.id === this.unitId)) void this.#unitVanished(this.unitId);
      },
    );
    return this.#unitsLive.firstValue;
  }

  /** The unit to open at start: the last one selected, else the first by name. */
  async selectInitial(): Promise<void> {
    const db = this.#core.db;
    const last = await this.#settings.getSetting<string | undefined>(SETTING_LAST_UNIT, undefined);
    const units = await db.units.toArray();
    const pick = units.find((u) => u.id === last) ?? units.sort(byName)[0];
    if (pick) await this.selectUnit(pick.id);
  }

  /** Like #planVanished: a units list may be stale, so ask the database first. */
  async #unitVanished(unitId: string): Promise<void> {
    const db = this.#core.db;
    if (await db.units.get(unitId)) return;
    if (this.unitId !== unitId) return;
    await this.selectFirstUnit();
  }

  /** Selects the first unit by name, or nothing when there is none (after a unit was deleted). */
  async selectFirstUnit(): Promise<void> {
    const next = (await this.#core.db.units.toArray()).sort(byName)[0];
    if (next) await this.selectUnit(next.id);
    else this.clearSelection();
  }

  clearSelection(): void {
    this.#plansLive?.dispose();
    this.#plansLive = null;
    this.unitId = null;
    this.plans = [];
    this.#show(null);
  }

  dispose(): void {
    this.#unitsLive?.dispose();
    this.#plansLive?.dispose();
    this.#unitsLive = this.#plansLive = null;
  }

  #show(planId: string | null, plan?: Plan): void {
    this.#session.show(planId, plan);
    this.#onPlanShown(planId);
  }

  /**
   * Which selection is the latest: a unit or plan picked while an earlier pick is still reading (a
   * unit switch, the demo being filled in) is the one shown — the earlier one never puts its plan
   * back afterwards.
   */
  #selectSeq = 0;
  /** The latest pick's promise: an earlier pick that was overtaken resolves when that one is shown. */
  #latest: Promise<void> = Promise.resolve();

  #pick(run: (seq: number) => Promise<void>): Promise<void> {
    const seq = ++this.#selectSeq;
    const done: Promise<void> = run(seq).then(() => (seq === this.#selectSeq ? undefined : this.#latest));
    this.#latest = done;
    return done;
  }

  selectUnit(id: string): Promise<void> {
    return this.#pick((seq) => this.#selectUnit(id, seq));
  }

  async #selectUnit(id: string, seq: number): Promise<void> {
    const db = this.#core.db;
    const unit = await db.units.get(id);
    if (!unit) {
      this.#core.fail('conflict', DATA_SV.errors.unitGone);
      return;
    }
    if (this.unitId !== id) {
      this.#plansLive?.dispose();
      this.unitId = id;
      this.plans = [];
      this.#plansLive = new LiveValue(
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
            .sort((a, b) => (a.kind === b.kind ? byName(a, b) : a.kind === 'current' ? -1 : 1));
        },
        (plans) => {
          if (this.unitId !== id) return;
          this.plans = plans;
          const shown = this.#session.planId;
          if (shown && !plans.some((p) => p.id === shown)) void this.#planVanished(id, shown);
        },
      );
    }
    await this.#settings.remember(SETTING_LAST_UNIT, id);
    const remembered = await this.#settings.getSetting<string | undefined>(lastPlanKey(id), undefined);
    const plans = await db.plans.where('unitId').equals(id).toArray();
    const plan = plans.find((p) => p.id === remembered) ?? plans.find((p) => p.kind === 'current') ?? plans[0];
    if (seq !== this.#selectSeq) {
      // Something else was picked meanwhile: it decides what is shown.
    } else if (plan) await this.#selectPlan(plan.id, seq);
    else this.#show(null);
    await this.#plansLive?.firstValue;
  }

  /**
   * The selected plan is missing from a plans list. The list may be stale (a plan created a moment
   * ago), so check the database before moving the selection to the unit's current plan.
   */
  async #planVanished(unitId: string, planId: string): Promise<void> {
    const db = this.#core.db;
    if (await db.plans.get(planId)) return;
    if (this.#session.planId !== planId || this.unitId !== unitId) return;
    await this.selectCurrentPlan(unitId);
  }

  /** Selects the unit's current plan (or nothing when it has no plan left). */
  async selectCurrentPlan(unitId: string): Promise<void> {
    const next = await currentPlanOf(this.#core.db, unitId);
    if (next) await this.selectPlan(next.id);
    else this.#show(null);
  }

  selectPlan(id: string): Promise<void> {
    return this.#pick((seq) => this.#selectPlan(id, seq));
  }

  async #selectPlan(id: string, seq: number): Promise<void> {
    const db = this.#core.db;
    const row = await db.plans.get(id);
    if (!row) {
      this.#core.fail('conflict', DATA_SV.errors.planGone);
      return;
    }
    await this.#settings.remember(lastPlanKey(row.unitId), id);
    if (row.unitId !== this.unitId) {
      await this.#selectUnit(row.unitId, seq);
      return;
    }
    if (this.#session.planId === id && this.#session.plan) return;
    // Read first, then switch: the view goes from one plan to the next without an empty moment.
    const plan = await readPlan(db, id);
    if (seq !== this.#selectSeq) return;
    this.#show(id, plan);
  }

  /** A live reader of any plan (scenarios compare, follow-up): call dispose() when done. */
  livePlan(planId: string): LiveValue<Plan | undefined> {
    const db = this.#core.db;
    return new LiveValue(async () => readPlan(db, planId));
  }

  /** One read of a plan after the writes queued so far (throws when it does not exist). */
  async getPlanSnapshot(planId: string): Promise<Plan> {
    await this.#core.idle();
    const plan = await readPlan(this.#core.db, planId);
    if (!plan) throw new Error(DATA_SV.errors.planGone);
    return plan;
  }
}
