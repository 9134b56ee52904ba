/**
 * Every formula of domain.md §2–§6 and §9, declared once (README: "Formulas"): computePlan calls their
 * kernels, explain() prints their expressions, the workbook writes their spreadsheet forms.
 */
export * from './types';
export { absenceHoursYear, absenceHoursYearOf } from './absenceHours';
export { availableHours, availableHoursOf } from './availableHours';
export { ageGroupOf, base, baseOf, isQualifying } from './base';
export { capacity, capacityOf } from './capacity';
export { capacityGuideline, capacityGuidelineOf, capacityGuidelineRaw } from './capacityGuideline';
export { capacityTime, capacityTimeOf, capacityTimeRaw } from './capacityTime';
export { careWeight, careWeightOf, careWeightSourceOf, usableCareWeight } from './careWeight';
export { clinicalFte, clinicalFteOf } from './clinicalFte';
export { coveragePossible, coveragePossibleOf } from './coveragePossible';
export { coverageToday, coverageTodayOf } from './coverageToday';
export { directHoursYear, directHoursYearOf } from './directHours';
export { dutyHours, dutyHoursOf, dutyTermOf } from './dutyHours';
export { dutyHoursYear, dutyHoursYearOf } from './dutyHoursYear';
export { capacityWithoutHours, dutyPatients, dutyPatientsOf } from './dutyPatients';
export { dutyShare, dutyShareOf } from './dutyShare';
export { employment, employmentOf } from './employment';
export { fteNeeded, fteNeededOf } from './fteNeeded';
export { gapPatients, gapPatientsOf } from './gapPatients';
export { indirectHoursYear, indirectHoursYearOf } from './indirectHours';
export { limitsOf, listLimit, listLimitOf } from './listLimit';
export { listedOf, loadRatio, loadRatioOf } from './load';
export { paperListPatients, paperListPatientsOf } from './paperList';
export { patientHoursYear, patientHoursYearOf } from './patientHours';
export { absenceWeeksOf, presence, presenceOf } from './presence';
export { priorityCovered, priorityCoveredOf } from './priorityCovered';
export { priorityGroupOf, priorityTotal, priorityTotalOf } from './priorityTotal';
export {
  DEFAULT_ST_MONTHS_TOTAL, ST_MONTHS_TOTAL_CHOICES, ST_MONTHS_TOTAL_HSLF, ST_MONTHS_TOTAL_SOSFS, stMonthsTotal, stMonthsTotalOf,
  stMonthsTotalSourceOf,
} from './stMonthsTotal';
export type { StMonthsTotalSource } from './stMonthsTotal';
export { ST_PROGRESS_UNKNOWN, stMonthsDoneOf, stProgress, stProgressOf } from './stProgress';
export {
  belowStimulusThreshold, countsForStimulus, isFictiveList, stimulusPointsOf, stimulusSek, stimulusSekOf,
} from './stimulus';
export type { StimulusPoints } from './stimulus';
export { targetPatients, targetPatientsOf, targetPatientsRaw } from './targetPatients';
export { timePerFte, timePerFteOf } from './timePerFte';
export { unitSum, unitSumOf } from './unitSum';
export { MINUTES_PER_HOUR, visitsYear, visitsYearOf } from './visitsYear';
export { visitMinutes, visitMinutesOf } from './visitMinutes';
export { wholePatients, wholePatientsExcel } from './wholePatients';
// Beyond the workbook (domain.md §9): the age index and its care weight, a safe day, the team, free places.
export { ageIndex, ageIndexOf, toThreeDecimals } from './ageIndex';
export { careWeightSuggested, careWeightSuggestedOf } from './careWeightSuggested';
export { DEFAULT_SAFE_DAY_CONTACTS, MAX_TEAM_SHARE, WORKING_DAYS_PER_WEEK } from './constants';
export { delegation, delegationOf, delegationSourceOf, hasTeam, teamShareOf, teamSharesOf } from './delegation';
export { freePlaces, freePlacesOf } from './freePlaces';
export { agreedListSizeOfDoctor, freePlacesAgreed, freePlacesAgreedOf } from './freePlacesAgreed';
export { freePlacesOpen, freePlacesOpenOf } from './freePlacesOpen';
export { freePlacesUnit, freePlacesUnitOf } from './freePlacesUnit';
export { teamPatients, teamPatientsOf } from './teamPatients';
export { visitsPerDay, visitsPerDayOf, workingDaysOf } from './visitsPerDay';
export { visitsPerPatientTeam, visitsPerPatientTeamOf } from './visitsPerPatientTeam';

import { absenceHoursYear } from './absenceHours';
import { availableHours } from './availableHours';
import { base } from './base';
import { capacity } from './capacity';
import { capacityGuideline } from './capacityGuideline';
import { capacityTime } from './capacityTime';
import { careWeight } from './careWeight';
import { clinicalFte } from './clinicalFte';
import { coveragePossible } from './coveragePossible';
import { coverageToday } from './coverageToday';
import { directHoursYear } from './directHours';
import { dutyHours } from './dutyHours';
import { dutyHoursYear } from './dutyHoursYear';
import { dutyPatients } from './dutyPatients';
import { dutyShare } from './dutyShare';
import { employment } from './employment';
import { fteNeeded } from './fteNeeded';
import { gapPatients } from './gapPatients';
import { indirectHoursYear } from './indirectHours';
import { listLimit } from './listLimit';
import { loadRatio } from './load';
import { paperListPatients } from './paperList';
import { patientHoursYear } from './patientHours';
import { presence } from './presence';
import { priorityCovered } from './priorityCovered';
import { priorityTotal } from './priorityTotal';
import { stMonthsTotal } from './stMonthsTotal';
import { stProgress } from './stProgress';
import { stimulusSek } from './stimulus';
import { targetPatients } from './targetPatients';
import { timePerFte } from './timePerFte';
import { unitSum } from './unitSum';
import { visitMinutes } from './visitMinutes';
import { visitsYear } from './visitsYear';
import { ageIndex } from './ageIndex';
import { careWeightSuggested } from './careWeightSuggested';
import { delegation } from './delegation';
import { freePlaces } from './freePlaces';
import { freePlacesAgreed } from './freePlacesAgreed';
import { freePlacesOpen } from './freePlacesOpen';
import { freePlacesUnit } from './freePlacesUnit';
import { teamPatients } from './teamPatients';
import { visitsPerDay } from './visitsPerDay';
import { visitsPerPatientTeam } from './visitsPerPatientTeam';

/** Every declaration, in the order of domain.md. */
export const FORMULAS = {
  employment, stMonthsTotal, stProgress, base, dutyHours, availableHours, dutyShare, presence, clinicalFte, careWeight, capacityGuideline,
  patientHoursYear, directHoursYear, indirectHoursYear, dutyHoursYear, absenceHoursYear, visitMinutes, visitsYear, capacityTime, timePerFte,
  capacity, loadRatio, listLimit, unitSum, coverageToday, coveragePossible, targetPatients, gapPatients, fteNeeded, priorityTotal,
  priorityCovered, paperListPatients, stimulusSek, dutyPatients,
  visitsPerDay, delegation, visitsPerPatientTeam, teamPatients, freePlaces, freePlacesAgreed, freePlacesOpen, freePlacesUnit, ageIndex,
  careWeightSuggested,
} as const;
