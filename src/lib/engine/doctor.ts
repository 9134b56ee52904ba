/**
 * Every number of one doctor (domain.md §2 guideline model, §3 time model, §4 load, §5 limits): the
 * kernels of the formula declarations (formulas/), called in order, and what they used (`used`), so an
 * explanation prints the very inputs the numbers came from.
 */
import {
  absenceHoursYearOf, absenceWeeksOf, ageGroupOf, availableHoursOf, baseOf, capacityGuidelineOf, capacityOf, capacityTimeOf, careWeightOf,
  careWeightSourceOf, clinicalFteOf, directHoursYearOf, dutyHoursOf, dutyHoursYearOf, dutyShareOf, employmentOf, indirectHoursYearOf,
  limitsOf, listedOf, loadRatioOf, patientHoursYearOf, presenceOf, stMonthsDoneOf, stMonthsTotalOf, stMonthsTotalSourceOf, stProgressOf,
  visitMinutesOf, visitsYearOf,
} from './formulas/index';
import { num } from './round';
import type { CapacityModel, Doctor, DoctorResult, RuleProfile, TimeAssumptions } from './types';

export { ageGroupOf, isQualifying } from './formulas/index';

export interface DoctorContext {
  profile: RuleProfile;
  time: TimeAssumptions;
  unitCareWeight: unknown;
  model: CapacityModel;
  /** visitMinutes of the plan's time assumptions (the same for every doctor). */
  visitMinutes: number;
}

/** The per-plan part of a doctor's context. */
export function doctorContext(profile: RuleProfile, time: TimeAssumptions, unitCareWeight: unknown, model: CapacityModel): DoctorContext {
  return { profile, time, unitCareWeight, model, visitMinutes: visitMinutesOf(time.plannedShare, time.plannedMinutes, time.acuteMinutes) };
}

export function computeDoctor(d: Doctor, ctx: DoctorContext): DoctorResult {
  const { profile, time } = ctx;
  // §2 guideline model
  const stMonthsTotal = stMonthsTotalOf(d.stMonthsTotal);
  const stMonthsDone = stMonthsDoneOf(d.stMonthsDone, stMonthsTotal);
  const stProgress = stProgressOf(stMonthsDone, stMonthsTotal);
  const base = baseOf(d.category, stProgress, profile);
  const employment = employmentOf(d.employment);
  const dutyHours = dutyHoursOf(d.duties);
  const available = availableHoursOf(employment, time.fullTimeHours);
  const dutyShare = dutyShareOf(dutyHours, available);
  const absenceWeeks = absenceWeeksOf(num(d.absenceWeeks));
  const presence = presenceOf(absenceWeeks, time.weeksPerYear);
  const clinicalFte = clinicalFteOf(employment, dutyShare, presence);
  const careWeight = careWeightOf(d.careWeight, ctx.unitCareWeight);
  const capacityGuideline = capacityGuidelineOf(base, clinicalFte, careWeight);
  // §3 time model
  const patientHoursYear = patientHoursYearOf(available, dutyHours, time.weeksPerYear, presence);
  const directHoursYear = directHoursYearOf(patientHoursYear, time.indirectShare);
  const visitsYear = visitsYearOf(directHoursYear, ctx.visitMinutes);
  const capacityTime = capacityTimeOf(base, visitsYear, time.ownPatientShare, time.visitsPerPatientYear, careWeight);
  // §4
  const capacity = capacityOf(ctx.model, capacityGuideline, capacityTime);
  const listed = listedOf(d.listed);
  return {
    id: d.id,
    name: d.name,
    category: d.category,
    base,
    dutyHoursPerWeek: dutyHours,
    dutyShare,
    presence,
    clinicalFte,
    careWeight,
    capacityGuideline,
    capacityTime,
    capacity,
    listed,
    loadRatio: loadRatioOf(listed, capacity),
    time: {
      patientHoursYear,
      directHoursYear,
      indirectHoursYear: indirectHoursYearOf(patientHoursYear, time.indirectShare),
      dutyHoursYear: dutyHoursYearOf(dutyHours, available, time.weeksPerYear, presence),
      absenceHoursYear: absenceHoursYearOf(available, time.weeksPerYear, presence),
      visitMinutes: ctx.visitMinutes,
      visitsYear,
    },
    ageGroup: ageGroupOf(d.category),
    limits: limitsOf(profile, d.category, employment, base),
    used: {
      employment,
      absenceWeeks,
      availableHoursPerWeek: available,
      stMonthsDone,
      stMonthsTotal,
      stMonthsTotalSource: stMonthsTotalSourceOf(d.stMonthsTotal),
      stProgress,
      careWeightSource: careWeightSourceOf(d.careWeight, ctx.unitCareWeight),
    },
  };
}
