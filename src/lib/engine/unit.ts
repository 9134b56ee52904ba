/** Every unit number (domain.md §4, §5 stimulus, §6 lists on paper): the kernels of formulas/, in order. */
import {
  careWeightOf, coveragePossibleOf, coverageTodayOf, employmentOf, fteNeededOf, gapPatientsOf, paperListPatientsOf, priorityCoveredOf,
  priorityTotalOf, stimulusPointsOf, stimulusSekOf, targetPatientsOf, usableCareWeight,
} from './formulas/index';
import { delegationOf, freePlacesUnitOf, teamPatientsOf, teamSharesOf } from './formulas/index';
import { num, round9 } from './round';
import type { Doctor, DoctorResult, RuleProfile, UnitInputs, UnitResult } from './types';

export { isFictiveList } from './formulas/index';

export function computeUnit(unit: UnitInputs, doctors: Doctor[], results: DoctorResult[], profile: RuleProfile): UnitResult {
  const listed = Math.max(0, num(unit.listed));
  const withNamed = Math.max(0, num(unit.withNamedDoctor));
  const careWeight = careWeightOf(undefined, unit.careWeight);
  const targetCoverage = Math.max(0, num(unit.targetCoverage, 1));
  let capacity = 0;
  let capacityGuideline = 0;
  let capacityTime = 0;
  let listedOnDoctors = 0;
  let employmentFte = 0;
  let clinicalFte = 0;
  // §9: the time model without the team, and the named-doctor lists' free places.
  let capacityTimeWithoutTeam = 0;
  let capacityNamed = 0;
  let listedNamed = 0;
  let freePlacesOpen = 0;
  let freePlacesAgreed: number | null = null;
  for (let i = 0; i < results.length; i++) {
    const r = results[i];
    capacityTimeWithoutTeam += r.capacityTimeWithoutTeam ?? r.capacityTime;
    if (r.freePlaces !== null && r.freePlaces !== undefined) {
      capacityNamed += r.capacity;
      listedNamed += r.listed ?? 0;
      freePlacesOpen += r.freePlacesOpen ?? 0;
    }
    if (r.freePlacesAgreed !== null && r.freePlacesAgreed !== undefined) freePlacesAgreed = (freePlacesAgreed ?? 0) + r.freePlacesAgreed;
    capacity += r.capacity;
    capacityGuideline += r.capacityGuideline;
    capacityTime += r.capacityTime;
    if (r.listed !== null) listedOnDoctors += r.listed;
    employmentFte += r.used ? r.used.employment : employmentOf(doctors[i].employment);
    clinicalFte += r.clinicalFte;
  }
  const coverageToday = coverageTodayOf(withNamed, listed);
  const targetPatients = targetPatientsOf(targetCoverage, listed);
  const gapPatients = gapPatientsOf(targetPatients, capacity);
  const priorityTotal = priorityTotalOf(unit.priority);
  const stimulusPoints = profile.stimulus ? stimulusPointsOf(doctors, results) : null;
  const team = teamSharesOf(unit.delegation);
  return {
    listed,
    capacity,
    capacityGuideline,
    capacityTime,
    coverageToday,
    coveragePossible: coveragePossibleOf(capacity, listed),
    gapPatients,
    fteNeeded: fteNeededOf(gapPatients, careWeight, profile.guideline.specialist),
    priorityTotal,
    priorityCovered: priorityCoveredOf(priorityTotal, capacity),
    listedOnDoctors,
    employmentFte: round9(employmentFte),
    clinicalFte: round9(clinicalFte),
    stimulusSek: stimulusSekOf(profile, stimulusPoints, coverageToday),
    paperListPatients: paperListPatientsOf(withNamed, capacity),
    // Filled in by computePlan once the findings are known (the over-capacity rule decides).
    doctorsOverCapacity: 0,
    delegation: delegationOf(team.nurse, team.physiotherapist, team.psychologist, team.other),
    capacityTimeWithoutTeam,
    teamPatients: teamPatientsOf(capacityTime, capacityTimeWithoutTeam),
    gapPatientsTime: gapPatientsOf(targetPatients, capacityTime),
    gapPatientsTimeWithoutTeam: gapPatientsOf(targetPatients, capacityTimeWithoutTeam),
    freePlaces: freePlacesUnitOf(capacityNamed, listedNamed),
    capacityNamed,
    listedNamed,
    freePlacesAgreed,
    freePlacesOpen,
    // Filled in by computePlan (the age reference is the plan's).
    ageIndex: null,
    doctorsAboveSafeDay: 0,
    used: {
      withNamedDoctor: withNamed,
      careWeight,
      careWeightSource: usableCareWeight(unit.careWeight) ? 'unit' : 'default',
      targetCoverage,
      targetPatients,
      stimulusPoints,
    },
  };
}
