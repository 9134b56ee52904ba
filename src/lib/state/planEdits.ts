/**
 * Pure plan edits: each takes a plan and returns the next plan (the input is never mutated; doctors
 * that do not change keep their object identity, so keyed lists re-render only what changed).
 * A patch value of `undefined` removes an optional field.
 */
import type { CapacityModel, Doctor, DoctorCategory, Duty, Plan, RuleProfile, TimeAssumptions, UnitInputs } from '../engine/index';

export class EditRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EditRefused';
  }
}

function merge<T extends object>(base: T, patch: object): T {
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete out[k];
    else out[k] = v;
  }
  return out as T;
}

export type UnitPatch = Partial<Omit<UnitInputs, 'priority'>> & { priority?: Partial<UnitInputs['priority']> };

export function withUnit(plan: Plan, patch: UnitPatch): Plan {
  const { priority, ...rest } = patch;
  let unit = merge(plan.unit, rest);
  if (priority) unit = { ...unit, priority: merge(plan.unit.priority, priority) };
  return { ...plan, unit };
}

export function withDoctorPatches(
  plan: Plan,
  patches: { doctorId: string; patch: Partial<Doctor> }[],
  missing: (id: string) => Error,
): Plan {
  const byId = new Map<string, Record<string, unknown>>();
  for (const { doctorId, patch } of patches) {
    if (!plan.doctors.some((d) => d.id === doctorId)) throw missing(doctorId);
    // The id is the doctor's key in the database and in every cross-reference: never patched.
    const { id: _id, ...clean } = patch as Record<string, unknown>;
    byId.set(doctorId, { ...(byId.get(doctorId) ?? {}), ...clean });
  }
  return { ...plan, doctors: plan.doctors.map((d) => (byId.has(d.id) ? merge(d, byId.get(d.id)!) : d)) };
}

export function withDuties(plan: Plan, doctorId: string, duties: Duty[], missing: (id: string) => Error): Plan {
  return withDoctorPatches(plan, [{ doctorId, patch: { duties: duties.map((d) => ({ ...d })) } }], missing);
}

export function withDoctorAdded(plan: Plan, doctor: Doctor, atIndex?: number): Plan {
  const doctors = [...plan.doctors];
  const at = atIndex === undefined ? doctors.length : Math.max(0, Math.min(doctors.length, Math.trunc(atIndex)));
  doctors.splice(at, 0, doctor);
  return { ...plan, doctors };
}

export function withDoctorRemoved(plan: Plan, doctorId: string, missing: (id: string) => Error): Plan {
  if (!plan.doctors.some((d) => d.id === doctorId)) throw missing(doctorId);
  return { ...plan, doctors: plan.doctors.filter((d) => d.id !== doctorId) };
}

export function withDoctorMoved(plan: Plan, doctorId: string, toIndex: number, missing: (id: string) => Error): Plan {
  const from = plan.doctors.findIndex((d) => d.id === doctorId);
  if (from < 0) throw missing(doctorId);
  const doctors = [...plan.doctors];
  const [d] = doctors.splice(from, 1);
  const to = Math.max(0, Math.min(doctors.length, Math.trunc(toIndex)));
  doctors.splice(to, 0, d);
  return { ...plan, doctors };
}

export function withProfile(plan: Plan, ref: string | RuleProfile): Plan {
  return { ...plan, profile: typeof ref === 'string' ? ref : structuredClone(ref) };
}

export function withModel(plan: Plan, model: CapacityModel): Plan {
  return { ...plan, model };
}

export function withTime(plan: Plan, patch: Partial<TimeAssumptions>): Plan {
  const time = merge((plan.time ?? {}) as Record<string, unknown>, patch as Record<string, unknown>);
  const next: Plan = { ...plan, time: time as Partial<TimeAssumptions> };
  // Back to all defaults and the plan had no time block: keep it absent (files stay as they were).
  if (Object.keys(time).length === 0 && plan.time === undefined) delete next.time;
  return next;
}

export type { DoctorCategory };
