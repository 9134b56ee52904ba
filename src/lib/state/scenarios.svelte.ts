/**
 * Scenarios: named copies of a unit's plan, side-by-side comparison and quick what-ifs.
 * Built on DATA's scenario primitives (duplicatePlan, promotePlan, selectPlan, livePlan):
 * a copy is a separate plan in the database, so editing it can never touch the original.
 * What-ifs are ordinary (undoable) edits of a scenario plan; the comparison recomputes
 * every plan with the engine's computePlan, so every number equals the engine's.
 */
import { comparePlans, type CompareEntry, type PlanComparison } from '../engine/compare';
import { MAX_SCENARIOS_PER_UNIT, computePlan, fmt, looksLikePersonnummer, parsePlan, planErrorText, type CapacityModel, type DoctorCategory, type Plan } from '../engine/index';
import { findPersonnummerIn } from '../engine/workshop';
import type { TeamDelegation } from '../engine/index';
import { MAX_TEAM_SHARE } from '../engine/formulas/constants';
import { SCENARIOS as S } from '../strings/workshop.sv';
import { app, type AppState, type LiveValue } from './app.svelte';
import { io } from './io.svelte';
import { downloadBytes, fileSafe } from './download';
import { freeScenarioName, splitPlanFile } from './planBackup';

export const MAX_COMPARE = 3;

export class ScenariosState {
  /** Plans chosen for comparison, in order; the first is the baseline. */
  compareIds = $state<string[]>([]);
  /** Last polite status message (announced in a live region). */
  message = $state<string | null>(null);
  error = $state<string | null>(null);
  busy = $state(false);

  #lives = $state.raw<Record<string, LiveValue<Plan | undefined>>>({});
  readonly #host: AppState;

  constructor(host: AppState) {
    this.#host = host;
  }

  /** The plans of the current unit (current plan first). */
  get plans() {
    return this.#host.plans;
  }

  planName(id: string): string {
    return this.#host.plans.find((p) => p.id === id)?.name ?? id;
  }

  #planOf(id: string): Plan | undefined {
    // The selected plan is edited optimistically in memory: read it there so a what-if shows at once.
    if (id === this.#host.planId && this.#host.plan) return this.#host.plan;
    return this.#lives[id]?.current;
  }

  /** Compared plans with their results, computed by the engine (same `today` as the rest of the app). */
  readonly compared: { id: string; kind: 'current' | 'scenario'; entry: CompareEntry }[] = $derived.by(() => {
    const out: { id: string; kind: 'current' | 'scenario'; entry: CompareEntry }[] = [];
    for (const id of this.compareIds) {
      const plan = this.#planOf(id);
      if (!plan) continue;
      const result =
        id === this.#host.planId && this.#host.result ? this.#host.result : computePlan(plan, { today: this.#host.today });
      const kind = this.#host.plans.find((p) => p.id === id)?.kind ?? 'scenario';
      out.push({ id, kind, entry: { name: this.planName(id), plan, result } });
    }
    return out;
  });

  readonly entries: CompareEntry[] = $derived(this.compared.map((c) => c.entry));

  readonly comparison: PlanComparison = $derived(comparePlans(this.entries));

  setCompare(ids: string[]): void {
    const next = ids.filter((id, i) => ids.indexOf(id) === i).slice(0, MAX_COMPARE);
    const lives = { ...this.#lives };
    for (const id of Object.keys(lives)) {
      if (!next.includes(id)) {
        lives[id].dispose();
        delete lives[id];
      }
    }
    for (const id of next) if (!lives[id]) lives[id] = this.#host.livePlan(id);
    this.#lives = lives;
    this.compareIds = next;
  }

  /** Add or remove a plan from the comparison; refuses a fourth. */
  toggleCompare(id: string): boolean {
    if (this.compareIds.includes(id)) {
      this.setCompare(this.compareIds.filter((x) => x !== id));
      return true;
    }
    if (this.compareIds.length >= MAX_COMPARE) {
      this.error = S.compareTooMany;
      return false;
    }
    this.error = null;
    this.setCompare([...this.compareIds, id]);
    return true;
  }

  /** Make `id` the baseline (first entry). */
  makeBaseline(id: string): void {
    if (!this.compareIds.includes(id)) return;
    this.setCompare([id, ...this.compareIds.filter((x) => x !== id)]);
  }

  /** Drop compared ids of plans that no longer exist (deleted, other unit). */
  prune(): void {
    const known = this.#host.plans.map((p) => p.id);
    const kept = this.compareIds.filter((id) => known.includes(id));
    if (kept.length !== this.compareIds.length) this.setCompare(kept);
  }

  validateName(name: string, exceptId?: string): string | null {
    const n = name.trim();
    if (!n) return S.nameRequired;
    if (n.split(/\s+/).some((w) => looksLikePersonnummer(w)) || findPersonnummerIn(n).length) return S.namePersonnummer;
    const taken = this.#host.plans.some((p) => p.id !== exceptId && p.name.trim().toLocaleLowerCase('sv-SE') === n.toLocaleLowerCase('sv-SE'));
    return taken ? S.nameTaken : null;
  }

  async #run<T>(work: () => Promise<T>): Promise<T | null> {
    this.busy = true;
    this.error = null;
    try {
      return await work();
    } catch (e) {
      this.error = this.#host.lastError?.message ?? (e instanceof Error ? e.message : String(e));
      return null;
    } finally {
      this.busy = false;
    }
  }

  /** Named copy of any plan; the copy becomes the selected plan (Enhet/Läkare edit it). */
  async copy(fromPlanId: string, name: string): Promise<string | null> {
    const invalid = this.validateName(name);
    if (invalid) {
      this.error = invalid;
      return null;
    }
    const id = await this.#run(() => this.#host.duplicatePlan(fromPlanId, name.trim()));
    if (!id) return null;
    await this.#host.selectPlan(id);
    this.message = S.copied(name.trim());
    return id;
  }

  async select(id: string): Promise<void> {
    await this.#host.selectPlan(id);
    this.message = S.editHint(this.planName(id));
  }

  async rename(id: string, name: string): Promise<boolean> {
    const invalid = this.validateName(name, id);
    if (invalid) {
      this.error = invalid;
      return false;
    }
    return (await this.#run(() => this.#host.renamePlan(id, name.trim()))) === true;
  }

  async remove(id: string): Promise<boolean> {
    const name = this.planName(id);
    const ok = (await this.#run(() => this.#host.deletePlan(id))) === true;
    if (ok) {
      this.setCompare(this.compareIds.filter((x) => x !== id));
      this.message = S.removed(name);
    } else if (!this.error) this.error = this.#host.lastError?.message ?? S.cannotRemoveCurrent;
    return ok;
  }

  async promote(id: string): Promise<boolean> {
    const name = this.planName(id);
    const ok = (await this.#run(() => this.#host.promotePlan(id))) === true;
    if (ok) this.message = S.promoted(name);
    else if (!this.error) this.error = this.#host.lastError?.message ?? null;
    return ok;
  }

  // --- Quick what-ifs: always on a scenario (never the current plan), as undoable edits. ---

  #isScenario(planId: string): boolean {
    const p = this.#host.plans.find((x) => x.id === planId);
    if (!p || p.kind !== 'scenario') {
      this.error = S.whatIfNeedScenario;
      return false;
    }
    return true;
  }

  async #onScenario(planId: string, label: string, edit: () => Promise<boolean | string | null>): Promise<boolean> {
    if (!this.#isScenario(planId)) return false;
    const ok = await this.#run(async () => {
      if (this.#host.planId !== planId) await this.#host.selectPlan(planId);
      return edit();
    });
    if (ok) this.message = S.whatIfDone(label);
    else if (!this.error) this.error = this.#host.lastError?.message ?? null;
    return Boolean(ok);
  }

  whatIfEmployment(planId: string, doctorId: string, employment: number, label: string): Promise<boolean> {
    if (!(employment >= 0 && employment <= 1)) {
      this.error = S.whatIfBadPercent;
      return Promise.resolve(false);
    }
    return this.#onScenario(planId, label, () => this.#host.updateDoctor(doctorId, { employment }));
  }

  whatIfAddDoctor(planId: string, category: DoctorCategory, label: string): Promise<boolean> {
    return this.#onScenario(planId, label, () => this.#host.addDoctor(category));
  }

  whatIfCareWeight(planId: string, careWeight: number, label: string): Promise<boolean> {
    if (!(careWeight > 0 && Number.isFinite(careWeight))) {
      this.error = S.whatIfBadWeight;
      return Promise.resolve(false);
    }
    return this.#onScenario(planId, label, () => this.#host.updateUnit({ careWeight }));
  }

  /**
   * The team takes over shares of today's doctor visits (domain.md §9): for the whole unit, or one doctor (whose
   * own shares then replace the unit's). The time model shows the effect; the guideline stays the guideline.
   */
  whatIfTeam(planId: string, target: 'unit' | { doctorId: string }, delegation: TeamDelegation, label: string): Promise<boolean> {
    const total = Object.values(delegation).reduce<number>((t, v) => t + (typeof v === 'number' ? v : 0), 0);
    if (!Object.values(delegation).every((v) => v === undefined || (v >= 0 && v <= 1)) || total > MAX_TEAM_SHARE + 1e-9) {
      this.error = S.whatIfBadTeam;
      return Promise.resolve(false);
    }
    const value = Object.values(delegation).some((v) => typeof v === 'number' && v > 0) ? delegation : undefined;
    return this.#onScenario(planId, label, () =>
      target === 'unit' ? this.#host.updateUnit({ delegation: value }) : this.#host.updateDoctor(target.doctorId, { delegation: value }),
    );
  }

  whatIfProfile(planId: string, profileId: string, label: string): Promise<boolean> {
    return this.#onScenario(planId, label, () => this.#host.setProfile(profileId));
  }

  whatIfModel(planId: string, model: CapacityModel, label: string): Promise<boolean> {
    return this.#onScenario(planId, label, () => this.#host.setModel(model));
  }

  // --- Export and backup ---

  /** One workbook per plan (IO's exportWorkbook), named after the unit and the plan. */
  async exportWorkbook(planId: string): Promise<boolean> {
    const done = await this.#run(async () => {
      const plan = await this.#host.getPlanSnapshot(planId);
      // Through IO's worker client, so a large plan never blocks the page.
      const bytes = await io.client.run('exportWorkbook', [plan, { today: this.#host.today }]);
      const name = `${fileSafe(plan.unit.name)} – ${fileSafe(this.planName(planId))}.xlsx`;
      downloadBytes(bytes, name, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      return true;
    });
    return done === true;
  }

  /** "Säkerhetskopia av alla planer": the unit's plans in one file (backups part, unitPlansFile). */
  async unitBackup(): Promise<{ filename: string; text: string } | null> {
    return this.#run(() => this.#host.unitPlansFile());
  }

  async downloadUnitBackup(): Promise<boolean> {
    const file = await this.unitBackup();
    if (file) downloadBytes(file.text, file.filename, 'application/json');
    return file !== null;
  }

  /**
   * Read a plan file (an ordinary `.kapacitet.json` or a backup of all plans from
   * unitBackup) and add every plan in it as a scenario of the current unit. Nothing
   * existing is overwritten; the user can compare and promote afterwards. All plans are
   * validated before anything is written (all-or-nothing for invalid files).
   */
  async restoreAsScenarios(text: string): Promise<{ ok: true; names: string[] } | { ok: false; errors: string[] }> {
    const parsed = parsePlan(text);
    if (!parsed.ok) return { ok: false, errors: parsed.errors.map(planErrorText) };
    const split = splitPlanFile(parsed.plan);
    const items: { name: string; plan: Plan }[] = split.ok ? [{ name: S.restoredMainName, plan: split.main }, ...split.scenarios] : [];
    const errors = split.ok ? [] : split.errors.map(planErrorText);
    if (errors.length) {
      this.error = S.restoreFailed;
      return { ok: false, errors };
    }
    const baseId = this.#host.plans.find((p) => p.kind === 'current')?.id ?? this.#host.planId;
    if (!baseId) return { ok: false, errors: [S.noPlans] };
    const existing = this.#host.plans.filter((p) => p.kind === 'scenario').length;
    if (existing + items.length > MAX_SCENARIOS_PER_UNIT) {
      this.error = S.restoreFailed;
      return { ok: false, errors: [S.restoreTooMany(fmt.count(items.length), fmt.count(Math.max(0, MAX_SCENARIOS_PER_UNIT - existing)))] };
    }
    const previous = this.#host.planId;
    const names: string[] = [];
    const created: string[] = [];
    const done = await this.#run(async () => {
      for (const item of items) {
        const name = freeScenarioName(item.name, (n) => this.validateName(n) === null && !names.includes(n));
        const id = await this.#host.duplicatePlan(baseId, name);
        created.push(id);
        await this.#host.selectPlan(id);
        if (!(await this.#host.replacePlan(item.plan, 'restore'))) throw new Error(this.#host.lastError?.message ?? S.restoreFailed);
        names.push(name);
      }
      return true;
    });
    if (previous) await this.#host.selectPlan(previous);
    // A failure half-way removes what was added, and the backups its steps took of those new plans,
    // so the unit is as before and "Inget har ändrats" is true (issue 12.4).
    if (!done) {
      for (const id of created) await this.#host.deletePlan(id);
      if (created.length) await this.#host.db.backups.where('planId').anyOf(created).delete().catch(() => undefined);
      return { ok: false, errors: [this.error ?? S.restoreFailed] };
    }
    this.message = S.restored(names);
    return { ok: true, names };
  }

  dispose(): void {
    for (const l of Object.values(this.#lives)) l.dispose();
    this.#lives = {};
    this.compareIds = [];
  }
}

export const scenarios = new ScenariosState(app);
