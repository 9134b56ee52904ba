/**
 * The optional top-level `scenarios: { name, plan }[]` of a `.kapacitet.json` file, written by the
 * Scenarios view's "Säkerhetskopia av alla planer" (contracts.md: a reader that does not know it keeps it).
 * One validated path for everyone who reads such a file (app.restoreFromFile and
 * scenarios.restoreAsScenarios): every plan is checked before anything is stored.
 */
import { parsePlan, type Plan, type PlanError } from '../engine/index';
import { SCENARIO_FILE as S } from '../strings/scenarioFile.sv';
import { PLAN_PLACE } from '../strings/planfile.sv';

/** "Scenario 2 (En ST-läkare till), Läkare 1 (Anna Berg): Namn": the place a user reads, not the JSON path. */
function scenarioPlace(i: number, name: unknown, inner: string | undefined): string {
  const who = PLAN_PLACE.scenario(i + 1, typeof name === 'string' ? name.replace(/\s+/g, ' ').trim().slice(0, 40) : '');
  return inner ? `${who}, ${inner}` : who;
}

export interface ScenarioBackupEntry {
  name: string;
  plan: Plan;
}

export type SplitPlanFile = { ok: true; main: Plan; scenarios: ScenarioBackupEntry[] } | { ok: false; errors: PlanError[] };

/**
 * Splits a parsed plan file into its main plan (without the `scenarios` field, so it is never stored
 * inside a plan) and its scenarios, each validated by parsePlan. Errors carry the JSON path
 * (`scenarios[2].plan.doctors[0].employment`).
 */
export function splitPlanFile(parsed: Plan): SplitPlanFile {
  // A file's top-level fields the plan does not know (here: `scenarios`) are in the plan's `extra` bag.
  const { scenarios: raw, ...otherExtra } = parsed.extra ?? {};
  const main: Plan = { ...parsed };
  if (Object.keys(otherExtra).length > 0) main.extra = otherExtra;
  else delete main.extra;
  const scenarios: ScenarioBackupEntry[] = [];
  const errors: PlanError[] = [];
  if (raw !== undefined) {
    if (!Array.isArray(raw)) errors.push({ path: 'scenarios', place: PLAN_PLACE.scenarios, message: S.restoreNotList });
    else
      raw.forEach((item, i) => {
        const entry = item as { name?: unknown; plan?: unknown } | null;
        const p = parsePlan(entry?.plan ?? null);
        if (!p.ok) {
          for (const e of p.errors) errors.push({ path: `scenarios[${i}].plan${e.path ? `.${e.path}` : ''}`, message: e.message, place: scenarioPlace(i, entry?.name, e.place) });
          return;
        }
        // The plan's own `scenarios` (a backup inside a backup) is not carried further.
        const plan: Plan = { ...p.plan };
        if (plan.extra && 'scenarios' in plan.extra) {
          const { scenarios: _nested, ...rest } = plan.extra;
          if (Object.keys(rest).length > 0) plan.extra = rest;
          else delete plan.extra;
        }
        const name = typeof entry?.name === 'string' && entry.name.trim() ? entry.name.trim() : `${S.heading} ${i + 1}`;
        scenarios.push({ name, plan });
      });
  }
  return errors.length ? { ok: false, errors } : { ok: true, main, scenarios };
}

/** How many "(från fil n)" variants are tried before the neutral name is used. */
const NAME_TRIES = 100;

/**
 * A name a plan read from a file can take as a scenario: its own, else "<name> (från fil)",
 * "<name> (från fil 2)" …; when none is free (a name the unit refuses however it is numbered, e.g. one
 * that looks like a personnummer), the neutral "Plan från fil", numbered the same way. Always ends.
 */
export function freeScenarioName(wanted: string, isFree: (name: string) => boolean): string {
  for (const base of [wanted, S.restoredMainName]) {
    for (let k = 1; k <= NAME_TRIES; k++) {
      const name = k === 1 ? base : `${base} (${S.fromFile}${k > 2 ? ` ${k - 1}` : ''})`;
      if (isFree(name)) return name;
    }
  }
  return `${S.restoredMainName} ${Date.now()}`;
}
