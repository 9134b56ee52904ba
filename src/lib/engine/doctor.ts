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
import {
  ageIndexOf, agreedListSizeOfDoctor, careWeightSuggestedOf, delegationOf, delegationSourceOf, freePlacesAgreedOf, freePlacesOf, freePlacesOpenOf,
  isFictiveList, teamPatientsOf, teamSharesOf, visitsPerDayOf, visitsPerPatientTeamOf,
} from './formulas/index';
import { usableListAges } from './ageReference';
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
  /** The unit's team shares (domain.md §9), for doctors without their own. */
  unitDelegation?: unknown;
  /** The age reference (rates per band, mean) and the unit's age index against it (domain.md §9). */
  ageRates?: readonly number[];
  ageMean?: number;
  unitAgeIndex?: number | null;
}

/** The per-plan part of a doctor's context. */
export function doctorContext(
  profile: RuleProfile, time: TimeAssumptions, unitCareWeight: unknown, model: CapacityModel,
  peers: Pick<DoctorContext, 'unitDelegation' | 'ageRates' | 'ageMean' | 'unitAgeIndex'> = {},
): DoctorContext {
  return { profile, time, unitCareWeight, model, visitMinutes: visitMinutesOf(time.plannedShare, time.plannedMinutes, time.acuteMinutes), ...peers };
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
  // §9 the team: the doctor's own shares, else the unit's; only the time model divides by the visits left.
  const delegationSource = delegationSourceOf(d.delegation, ctx.unitDelegation);
  const shares = teamSharesOf(delegationSource === 'doctor' ? d.delegation : delegationSource === 'unit' ? ctx.unitDelegation : undefined);
  const delegation = delegationOf(shares.nurse, shares.physiotherapist, shares.psychologist, shares.other);
  const perPatient = visitsPerPatientTeamOf(time.visitsPerPatientYear, delegation);
  const capacityTimeWithoutTeam = capacityTimeOf(base, visitsYear, time.ownPatientShare, time.visitsPerPatientYear, careWeight);
  const capacityTime = delegation > 0 ? capacityTimeOf(base, visitsYear, time.ownPatientShare, perPatient, careWeight) : capacityTimeWithoutTeam;
  // §4
  const capacity = capacityOf(ctx.model, capacityGuideline, capacityTime);
  const listed = listedOf(d.listed);
  // §8–§9 free places, for a doctor who holds a named-doctor list (a fictive list is none).
  const namedList = base > 0 && !isFictiveList(d);
  const agreed = agreedListSizeOfDoctor(d);
  // §9 age index of the list and the care weight it suggests.
  const ages = usableListAges(d.listAges) && ctx.ageRates && ctx.ageMean !== undefined ? ageIndexOf(d.listAges.counts, ctx.ageRates, ctx.ageMean) : null;
  const unitCareWeight = careWeightOf(undefined, ctx.unitCareWeight);
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
      delegationSource,
      delegationShares: shares,
    },
    visitsPerDay: visitsPerDayOf(visitsYear, time.weeksPerYear, employment, presence),
    delegation,
    visitsPerPatientTeam: perPatient,
    capacityTimeWithoutTeam,
    teamPatients: teamPatientsOf(capacityTime, capacityTimeWithoutTeam),
    freePlaces: namedList ? freePlacesOf(capacity, listed) : null,
    agreedListSize: agreed,
    freePlacesAgreed: namedList && agreed !== null ? freePlacesAgreedOf(capacity, agreed) : null,
    freePlacesOpen: namedList ? freePlacesOpenOf(capacity, agreed, listed) : 0,
    ageIndex: ages,
    careWeightSuggested: careWeightSuggestedOf(unitCareWeight, ages, ctx.unitAgeIndex ?? null),
  };
}
