/**
 * Imports never overwrite without asking (issue 11.2). Every entry that brings a plan in — "Importera
 * Excel", "Läs in planfil", a dropped file, the first run — hands the plan to `offer`; the one
 * ImportChoiceDialog (ui/io) asks: as a new unit (the default) or replace the plan in view, with a
 * per-field preview of what would change. Replacing keeps the unit (its name, scenarios, APT
 * meetings and snapshots stay with it), takes an automatic backup first and is one undo step
 * (commands.replacePlan).
 */
import { parsePlan } from '../engine/index';
import { importPreview, type ImportMode, type ImportOffer, type ImportPreview } from './importPreview';
import { app, type RestoreFileResult } from './app.svelte';
import { splitPlanFile } from './planBackup';
import { IMPORT_SV } from '../strings/io.sv';

export type { FieldChange, ImportMode, ImportOffer, ImportPreview } from './importPreview';

interface Pending {
  offer: ImportOffer;
  preview: ImportPreview;
  resolve: (mode: ImportMode | null) => void;
}

class ImportChoice {
  pending = $state.raw<Pending | null>(null);

  /**
   * Asks how to bring a plan in. Waits first for a plan still loading (waitForPlanInView): a file
   * chosen or dropped then is never read as a new unit without the question. Resolves 'new' at once
   * when there is no plan at all; null when the user cancels or the plan did not come in time (then
   * lastError says, in Swedish, to wait). Nothing is written before the answer.
   */
  offer(offer: ImportOffer): Promise<ImportMode | null> {
    if (planInViewLoading()) return waitForPlanInView().then((ok) => (ok ? this.#ask(offer) : null));
    return this.#ask(offer);
  }

  #ask(offer: ImportOffer): Promise<ImportMode | null> {
    const current = app.plan;
    const summary = app.planSummary;
    if (!current || !summary || !app.unit) return Promise.resolve('new');
    this.pending?.resolve(null);
    const preview = importPreview(current, offer.plan, { unitName: app.unit.name, planName: summary.name, isScenario: summary.kind === 'scenario' }, offer.scenarios ?? 0);
    return new Promise((resolve) => {
      this.pending = { offer, preview, resolve };
    });
  }

  choose(mode: ImportMode | null): void {
    const p = this.pending;
    this.pending = null;
    p?.resolve(mode);
  }

  /**
   * Brings a plan in as chosen: a new unit (selected), or the plan in view replaced — its unit keeps
   * its name — with a backup first, as one undo step. null when cancelled.
   */
  async apply(offer: ImportOffer, options: { asNewUnit?: boolean } = {}): Promise<boolean | null> {
    const mode = options.asNewUnit ? 'new' : await this.offer(offer);
    if (mode === null) return null;
    if (mode === 'new') {
      try {
        await app.createUnitFromPlan(offer.plan);
        await beginningChosen();
        return true;
      } catch {
        return false;
      }
    }
    const name = app.unit?.name ?? offer.plan.unit.name;
    const replaced = await app.replacePlan({ ...offer.plan, unit: { ...offer.plan.unit, name } }, 'import');
    if (replaced) await beginningChosen();
    return replaced;
  }

  /**
   * "Läs in planfil": a plan file (also one with all plans) — asked like a workbook, then
   * restoreFromFile (all or nothing; its scenarios are added). null when cancelled.
   */
  async openPlanFile(text: string, source: string): Promise<RestoreFileResult | null> {
    const parsed = parsePlan(text);
    const split = parsed.ok ? splitPlanFile(parsed.plan) : parsed;
    if (!split.ok) return app.restoreFromFile(text); // says why, in Swedish, with the JSON paths
    const mode = await this.offer({ plan: split.main, source, scenarios: split.scenarios.length });
    if (mode === null) return null;
    const out = await app.restoreFromFile(text, { asNewUnit: mode === 'new' });
    if (out.ok) await beginningChosen();
    return out;
  }
}

/**
 * The app is starting, or the selection is on its way: a unit chosen whose plans are not listed yet
 * (the plan of the unit before may still be in view), or a plan selected whose rows are not read yet.
 * A start that failed is not loading; a browser without any unit has nothing to load.
 */
function planInViewLoading(): boolean {
  if (app.startError) return false;
  if (!app.ready) return true;
  if (app.units.length === 0 && app.planId === null) return false;
  const summary = app.planSummary;
  return !app.plan || !app.unit || !summary || summary.id !== app.planId || summary.unitId !== app.unit.id;
}

/** How long a file waits for the plan that is still loading before it is refused (say to wait). */
export const PLAN_WAIT_MS = 10_000;

/**
 * Resolves true once the app has started and the plan in view (if a plan is selected) is loaded;
 * false when it is still loading after `timeoutMs` — then lastError says, in Swedish, to wait and
 * choose the file again. Every import path waits here before it reads the plan in view.
 */
export async function waitForPlanInView(timeoutMs: number = PLAN_WAIT_MS): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (planInViewLoading()) {
    if (Date.now() >= deadline) {
      app.parts.core.fail('conflict', IMPORT_SV.stillLoading);
      return false;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

/**
 * A file brought in from anywhere (Importera Excel, Läs in planfil, a dropped file) is the first run's
 * third choice made: the welcome panel goes, so it never pushes the imported unit below the fold.
 */
async function beginningChosen(): Promise<void> {
  if (app.firstRunPending) await app.finishFirstRun();
}

export const importChoice = new ImportChoice();
