/** The unit part (domain.md §4) and the stimulus estimate (domain.md §5, VGR). */
import { ceilPatients, clamp, num, round9 } from './round';
import { PRIORITY_KEYS } from './types';
import type { Doctor, DoctorResult, Fte, Patients, PriorityGroups, RuleProfile, Sek, Share, UnitInputs, UnitResult } from './types';

/** priorityTotal = Σ of the five priority groups (domain.md §4). */
export function priorityTotalOf(priority: Partial<PriorityGroups> | undefined): Patients {
  let sum = 0;
  for (const k of PRIORITY_KEYS) sum += Math.max(0, num(priority?.[k]));
  return sum;
}

/** coverageToday = withNamedDoctor / N; 0 when N = 0 (domain.md §4). */
export function coverageTodayOf(withNamedDoctor: Patients, listed: Patients): Share {
  return listed > 0 ? withNamedDoctor / listed : 0;
}

/** coveragePossible = min(1, capacity / N); 0 when N = 0 (domain.md §4). */
export function coveragePossibleOf(capacity: Patients, listed: Patients): Share {
  return listed > 0 ? Math.min(1, capacity / listed) : 0;
}

/** gapPatients = max(0, ceil(targetCoverage × N) − capacity) (domain.md §4). */
export function gapPatientsOf(targetCoverage: Share, listed: Patients, capacity: Patients): Patients {
  return Math.max(0, ceilPatients(targetCoverage * listed) - capacity);
}

/**
 * fteNeeded = gapPatients × V / 1 100 (domain.md §4): extra full-time specialists without duties.
 * We divide by the profile's specialist value, not a literal 1 100: it is 1 100 in the national
 * profile, and a region that plans with another guideline (Värmland 1 500) sizes its need with it.
 */
export function fteNeededOf(gapPatients: Patients, unitCareWeight: number, specialistGuideline: Patients): Fte {
  if (gapPatients <= 0 || specialistGuideline <= 0) return 0;
  return (gapPatients * unitCareWeight) / specialistGuideline;
}

/** priorityCovered = min(priorityTotal, capacity): priority patients first (domain.md §4). */
export function priorityCoveredOf(priorityTotal: Patients, capacity: Patients): Patients {
  return Math.min(priorityTotal, Math.max(0, capacity));
}

/** paperListPatients = max(0, withNamedDoctor − capacity): named on paper, beyond the doctors' capacity (domain.md §6). */
export function paperListPatientsOf(withNamedDoctor: Patients, capacity: Patients): Patients {
  return Math.max(0, withNamedDoctor - Math.max(0, capacity));
}

/** Whether a doctor's list counts as a named-doctor list (a fictive list never does; seed 000). */
export function isFictiveList(d: Pick<Doctor, 'fictiveListName'>): boolean {
  return typeof d.fictiveListName === 'string' && d.fictiveListName.trim() !== '';
}

/**
 * VGR stimulus (domain.md §5, seed 001): sekPerListPoint × Σ list points + sekPerCareWeightPoint ×
 * Σ care-weight points, over the named-doctor lists (qualifying doctors, not fictive lists);
 * 0 when coverage is below the threshold; null when the profile has no stimulus or no list points are known.
 */
export function stimulusSekOf(
  profile: RuleProfile,
  doctors: Doctor[],
  results: DoctorResult[],
  coverageToday: Share,
): Sek | null {
  const s = profile.stimulus;
  if (!s) return null;
  let points = 0;
  let cwPoints = 0;
  let known = false;
  doctors.forEach((d, i) => {
    if (results[i].base <= 0 || isFictiveList(d)) return;
    if (typeof d.listPoints === 'number' && Number.isFinite(d.listPoints)) {
      known = true;
      points += Math.max(0, d.listPoints);
    }
    if (typeof d.careWeightPoints === 'number' && Number.isFinite(d.careWeightPoints)) cwPoints += Math.max(0, d.careWeightPoints);
  });
  if (!known) return null;
  if (profile.coverageThreshold !== null && coverageToday < profile.coverageThreshold) return 0;
  return round9(s.sekPerListPoint * points + s.sekPerCareWeightPoint * cwPoints);
}

/** Every unit number (domain.md §4). */
export function computeUnit(unit: UnitInputs, doctors: Doctor[], results: DoctorResult[], profile: RuleProfile): UnitResult {
  const listed = Math.max(0, num(unit.listed));
  const withNamed = Math.max(0, num(unit.withNamedDoctor));
  const careWeight = num(unit.careWeight, 1) > 0 ? num(unit.careWeight, 1) : 1;
  const target = Math.max(0, num(unit.targetCoverage, 1));
  let capacity = 0;
  let capacityGuideline = 0;
  let capacityTime = 0;
  let listedOnDoctors = 0;
  let employmentFte = 0;
  let clinicalFte = 0;
  for (let i = 0; i < results.length; i++) {
    const r = results[i];
    capacity += r.capacity;
    capacityGuideline += r.capacityGuideline;
    capacityTime += r.capacityTime;
    if (r.listed !== null) listedOnDoctors += r.listed;
    employmentFte += clamp(num(doctors[i].employment), 0, 1);
    clinicalFte += r.clinicalFte;
  }
  const coverageToday = coverageTodayOf(withNamed, listed);
  const gapPatients = gapPatientsOf(target, listed, capacity);
  const priorityTotal = priorityTotalOf(unit.priority);
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
    stimulusSek: stimulusSekOf(profile, doctors, results, coverageToday),
    paperListPatients: paperListPatientsOf(withNamed, capacity),
    // Filled in by computePlan once the findings are known (the over-capacity rule decides).
    doctorsOverCapacity: 0,
  };
}
