/**
 * explain(plan, result, path) → Explanation (contracts.md): every number of a PlanResult with its formula
 * and the user's own numbers down to the typed inputs, in plain Swedish, ending with the value as every
 * surface prints it (fmt.<kind>). The formulas come from their declarations (formulas/); the numbers are
 * the result's and what it used (DoctorResult.used, UnitResult.used): explain formats, it never computes a
 * figure again from the raw plan.
 */
import { DOCTOR_FIELDS, doctorValue, explainDoctor, type DoctorField } from './explainDoctor';
import { UNIT_FIELDS, explainUnit, type UnitField } from './explainUnit';
import type { Explanation, Plan, PlanResult } from './types';

/** Every path explain() answers for this result (numbers that are null are left out). */
export function explainablePaths(result: PlanResult): string[] {
  const out: string[] = [];
  for (const f of UNIT_FIELDS) if (result.unit[f] !== null && result.unit[f] !== undefined) out.push(`unit.${f}`);
  for (const r of result.doctors) {
    for (const f of DOCTOR_FIELDS) if (doctorValue(r, f) !== null) out.push(`doctors.${r.id}.${f}`);
  }
  return out;
}

/**
 * Explain one number. Paths: `unit.<field>`, `doctors.<id>.<field>`, `doctors.<id>.time.<field>`,
 * `doctors.<id>.limits.<min|max|maxPoints>`. Returns null for an unknown path or a number that is null.
 */
export function explain(plan: Plan, result: PlanResult, path: string): Explanation | null {
  if (path.startsWith('unit.')) {
    const f = path.slice(5);
    return (UNIT_FIELDS as readonly string[]).includes(f) ? explainUnit(plan, result, f as UnitField) : null;
  }
  if (!path.startsWith('doctors.')) return null;
  const rest = path.slice(8);
  const field = DOCTOR_FIELDS.find((f) => rest.endsWith(`.${f}`) && rest.length > f.length + 1) as DoctorField | undefined;
  if (!field) return null;
  const id = rest.slice(0, rest.length - field.length - 1);
  const i = result.doctors.findIndex((r) => r.id === id);
  if (i < 0 || !plan.doctors[i] || plan.doctors[i].id !== id) return null;
  return explainDoctor(plan, result, plan.doctors[i], result.doctors[i], field);
}
