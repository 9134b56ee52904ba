/**
 * Edits of what the best peers weigh beyond the workbook (domain.md §9, issue 16), over the `app` facade: adopt
 * the care weight suggested by a list's ages (one undo step each, never silently), say where a care weight comes
 * from (a region's ACG or CNI takes precedence over the suggestion), and the team's shares of the doctor visits.
 */
import { CARE_WEIGHT_BASES, type CareWeightBasis, type DoctorResult, type PlanResult, type TeamDelegation, type TeamProfession } from '../engine/index';
import { app } from './app.svelte';

/** A care weight marked as a region's figure: ACG or CNI take precedence over the age index's suggestion. */
export function regionFigure(basis: CareWeightBasis | undefined): boolean {
  return basis === 'acg' || basis === 'cni';
}

/** A doctor's suggestion that may be adopted: known, different from what is used, and no region figure of the list's own. */
export function doctorSuggestion(r: DoctorResult, basis: CareWeightBasis | undefined): number | null {
  const s = r.careWeightSuggested ?? null;
  if (s === null || regionFigure(basis)) return null;
  return s;
}

/** The unit's suggestion: its age index against the reference (never against the unit's own rates, where it is 1). */
export function unitSuggestion(result: PlanResult): number | null {
  if (result.ageReference?.own) return null;
  return result.unit.ageIndex ?? null;
}

/** Adopts the suggested care weight for one doctor (one undo step). */
export function adoptDoctorCareWeight(doctorId: string): Promise<boolean> {
  const r = app.result?.doctors.find((d) => d.id === doctorId);
  const d = app.plan?.doctors.find((x) => x.id === doctorId);
  const s = r && d ? doctorSuggestion(r, d.careWeightBasis) : null;
  if (s === null) return Promise.resolve(false);
  return app.updateDoctor(doctorId, { careWeight: s, careWeightBasis: 'ageIndex' });
}

/** Adopts the suggestions of every doctor that has one, in one undo step. */
export function adoptAllCareWeights(): Promise<boolean> {
  const plan = app.plan;
  const result = app.result;
  if (!plan || !result) return Promise.resolve(false);
  const patches = plan.doctors.flatMap((d, i) => {
    const r = result.doctors[i];
    const s = r && r.id === d.id ? doctorSuggestion(r, d.careWeightBasis) : null;
    return s === null || s === d.careWeight ? [] : [{ doctorId: d.id, patch: { careWeight: s, careWeightBasis: 'ageIndex' as const } }];
  });
  if (patches.length === 0) return Promise.resolve(false);
  return app.updateDoctors(patches);
}

/** Adopts the unit's age index as its care weight (one undo step); refused when a region's figure is entered. */
export function adoptUnitCareWeight(): Promise<boolean> {
  const result = app.result;
  const s = result ? unitSuggestion(result) : null;
  if (s === null || regionFigure(app.plan?.unit.careWeightBasis)) return Promise.resolve(false);
  return app.updateUnit({ careWeight: s, careWeightBasis: 'ageIndex' });
}

/** Where the unit's (or a doctor's) care weight comes from; '' removes the mark. */
export function setCareWeightBasis(target: 'unit' | { doctorId: string }, basis: string): Promise<boolean> {
  const value = (CARE_WEIGHT_BASES as readonly string[]).includes(basis) ? (basis as CareWeightBasis) : undefined;
  return target === 'unit' ? app.updateUnit({ careWeightBasis: value }) : app.updateDoctor(target.doctorId, { careWeightBasis: value });
}

/** One profession's share of today's doctor visits for the unit or a doctor; undefined removes it. */
export function setTeamShare(target: 'unit' | { doctorId: string }, profession: TeamProfession, share: number | undefined): Promise<boolean> {
  const current: TeamDelegation =
    target === 'unit' ? (app.plan?.unit.delegation ?? {}) : (app.plan?.doctors.find((d) => d.id === target.doctorId)?.delegation ?? {});
  const next: TeamDelegation = { ...current };
  if (share === undefined || share === 0) delete next[profession];
  else next[profession] = share;
  const value = Object.keys(next).length > 0 ? next : undefined;
  return target === 'unit' ? app.updateUnit({ delegation: value }) : app.updateDoctor(target.doctorId, { delegation: value });
}
