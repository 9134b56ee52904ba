/**
 * Doctor capacity: the guideline model (domain.md §2) and the time model (domain.md §3).
 * One exported function per formula, so tests and explain() use the very same code.
 */
import { clamp, floorPatients, num, round9 } from './round';
import type {
  CareWeight,
  Doctor,
  DoctorCategory,
  DoctorResult,
  Fte,
  Hours,
  Patients,
  RuleProfile,
  Share,
  TimeAssumptions,
  TimeBreakdown,
} from './types';

/** When an ST doctor's months are not given, the ST is taken as mid-training: the guideline's own point (550). */
export const ST_PROGRESS_UNKNOWN = 0.5;
/** ST in allmänmedicin is five years when the total is not given (our assumption). */
export const DEFAULT_ST_MONTHS_TOTAL = 60;

/** Categories that may be a named doctor at all (domain.md §2: base > 0). */
export function isQualifying(category: DoctorCategory): boolean {
  return category !== 'locum' && category !== 'junior';
}

/** The age group a category's list is limited to (domain.md §2, seed 001). */
export function ageGroupOf(category: DoctorCategory): DoctorResult['ageGroup'] {
  return category === 'geriatrician' ? '65+' : category === 'pediatrician' ? '0-17' : 'all';
}

/** ST progress = monthsDone / monthsTotal, clamped to 0–1 (domain.md §2). */
export function stProgress(d: Pick<Doctor, 'stMonthsDone' | 'stMonthsTotal'>): Share {
  if (typeof d.stMonthsDone !== 'number' || !Number.isFinite(d.stMonthsDone)) return ST_PROGRESS_UNKNOWN;
  const total = num(d.stMonthsTotal, DEFAULT_ST_MONTHS_TOTAL);
  if (total <= 0) return ST_PROGRESS_UNKNOWN;
  return clamp(d.stMonthsDone / total, 0, 1);
}

/** base(d) (domain.md §2): guideline patients for a full-time doctor of this category. */
export function basePatients(d: Pick<Doctor, 'category' | 'stMonthsDone' | 'stMonthsTotal'>, profile: RuleProfile): Patients {
  switch (d.category) {
    case 'specialist':
    case 'geriatrician': // only for their age group (ageGroupOf)
    case 'pediatrician':
    case 'dispensation':
      return profile.guideline.specialist;
    case 'st': {
      const { stMid } = profile.guideline;
      if (!profile.stRamp.enabled) return stMid;
      const { startFactor, endFactor } = profile.stRamp;
      // 550 × (0.5 + progress) with the shipped factors 0.5 → 1.5.
      return stMid * (startFactor + stProgress(d) * (endFactor - startFactor));
    }
    default:
      return 0; // locum, AT/BT: they hold no named list
  }
}

/** Σ duty hours per week; every duty kind counts, meetings included. Negative entries count as 0. */
export function dutyHoursPerWeek(d: Pick<Doctor, 'duties'>): Hours {
  let sum = 0;
  // A half-edited plan may hold anything here; only a list counts (computePlan never throws).
  for (const duty of Array.isArray(d.duties) ? d.duties : []) sum += Math.max(0, num((duty as { hoursPerWeek?: unknown } | null)?.hoursPerWeek));
  return round9(sum);
}

/** Employment as a share, 0–1 (tjänstgöringsgrad; parsePlan refuses anything else, this keeps a half-edited plan sane). */
export function employmentOf(d: Pick<Doctor, 'employment'>): Share {
  return clamp(num(d.employment), 0, 1);
}

/** Whole, finite, non-negative patients (a nonsense input never yields a negative or infinite capacity). */
function wholePatients(x: number): Patients {
  const c = floorPatients(x);
  return Number.isFinite(c) && c > 0 ? c : 0;
}

/** dutyShare = min(1, dutyHours / (employment × fullTimeHours)); employment 0 → 1 (domain.md §2). */
export function dutyShareOf(employment: Share, dutyHours: Hours, fullTimeHours: Hours): Share {
  const available = employment * fullTimeHours;
  if (available <= 0) return 1;
  return Math.min(1, dutyHours / available);
}

/** presence = 1 − absenceWeeks / weeksPerYear, clamped to 0–1 (domain.md §2). */
export function presenceOf(absenceWeeks: number, weeksPerYear: number): Share {
  const absence = Math.max(0, absenceWeeks);
  if (weeksPerYear <= 0) return absence > 0 ? 0 : 1;
  return clamp(1 - absence / weeksPerYear, 0, 1);
}

/** clinicalFte = employment × (1 − dutyShare) × presence (domain.md §2). */
export function clinicalFteOf(employment: Share, dutyShare: Share, presence: Share): Fte {
  return employment * (1 - dutyShare) * presence;
}

/** The list's care weight if known, else the unit's, else 1.0 (domain.md §2). */
export function careWeightOf(d: Pick<Doctor, 'careWeight'>, unitCareWeight: unknown): CareWeight {
  if (typeof d.careWeight === 'number' && d.careWeight > 0 && Number.isFinite(d.careWeight)) return d.careWeight;
  if (typeof unitCareWeight === 'number' && unitCareWeight > 0 && Number.isFinite(unitCareWeight)) return unitCareWeight;
  return 1;
}

/** capacityGuideline = floor(base × clinicalFte / careWeight) (domain.md §2). */
export function capacityGuidelineOf(base: Patients, clinicalFte: Fte, careWeight: CareWeight): Patients {
  if (base <= 0 || clinicalFte <= 0) return 0;
  return wholePatients((base * clinicalFte) / careWeight);
}

/** visitMinutes = plannedShare × plannedMinutes + (1 − plannedShare) × acuteMinutes (domain.md §3). */
export function visitMinutesOf(t: TimeAssumptions): number {
  return t.plannedShare * t.plannedMinutes + (1 - t.plannedShare) * t.acuteMinutes;
}

/**
 * What the time model gives one full-time doctor without duties or absence at care weight 1.0:
 * fullTimeHours × weeksPerYear × (1 − indirectShare) × 60 / visitMinutes × ownPatientShare / visitsPerPatientYear
 * (1 176 with the defaults). Both models scale with clinical FTE and care weight in the same way, so the
 * difference between them for a doctor comes from this figure against the doctor's guideline base.
 */
export function timeModelPatientsPerFte(t: TimeAssumptions): Patients {
  const vm = visitMinutesOf(t);
  if (vm <= 0 || t.visitsPerPatientYear <= 0) return 0;
  return round9(((t.fullTimeHours * Math.max(0, t.weeksPerYear) * (1 - t.indirectShare) * 60) / vm) * (t.ownPatientShare / t.visitsPerPatientYear));
}

/** The hours of the time model (domain.md §3) for one doctor. */
export function timeBreakdownOf(employment: Share, dutyHours: Hours, presence: Share, t: TimeAssumptions): TimeBreakdown {
  const availableWeek = employment * t.fullTimeHours;
  const weeks = Math.max(0, t.weeksPerYear);
  // patientHoursYear = max(0, employment × fullTimeHours − dutyHours) × weeksPerYear × presence
  // (unrounded, as written; only the capacity is rounded, to whole patients)
  const patientHoursYear = Math.max(0, availableWeek - dutyHours) * weeks * presence;
  const directHoursYear = patientHoursYear * (1 - t.indirectShare);
  const indirectHoursYear = patientHoursYear * t.indirectShare;
  // The rest of the contracted year, so that patient + duty + absence hours = employment × fullTime × weeks.
  const dutyHoursYear = Math.min(dutyHours, Math.max(0, availableWeek)) * weeks * presence;
  const absenceHoursYear = Math.max(0, availableWeek) * weeks * (1 - presence);
  const visitMinutes = visitMinutesOf(t);
  const visitsYear = visitMinutes > 0 ? (directHoursYear * 60) / visitMinutes : 0;
  return { patientHoursYear, directHoursYear, indirectHoursYear, dutyHoursYear, absenceHoursYear, visitMinutes, visitsYear };
}

/** capacityTime = floor(visitsYear × ownPatientShare / (visitsPerPatientYear × careWeight)), 0 when base = 0 (domain.md §3). */
export function capacityTimeOf(base: Patients, visitsYear: number, careWeight: CareWeight, t: TimeAssumptions): Patients {
  const demand = t.visitsPerPatientYear * careWeight;
  if (base <= 0 || demand <= 0 || visitsYear <= 0) return 0;
  return wholePatients((visitsYear * t.ownPatientShare) / demand);
}

/** loadRatio = listed / capacity (domain.md §4): null if listed unknown, 0 if listed 0, Infinity if capacity 0. */
export function loadRatioOf(listed: Patients | null, capacity: Patients): number | null {
  if (listed === null) return null;
  if (listed <= 0) return 0;
  if (capacity <= 0) return Infinity;
  return listed / capacity;
}

/** The profile's list limits for one doctor (domain.md §5): per FTE × employment (if scaled) × ST factor. */
export function limitsOf(profile: RuleProfile, category: DoctorCategory, employment: Share, base: Patients): DoctorResult['limits'] {
  const l = profile.listLimits;
  if (!l || base <= 0) return null;
  const factor = (l.scaleWithEmployment ? employment : 1) * (category === 'st' ? l.stFactor : 1);
  return {
    min: round9(l.minPerFte * factor),
    max: round9(l.maxPerFte * factor),
    maxPoints: l.maxPointsPerFte === null ? null : round9(l.maxPointsPerFte * factor),
  };
}

/** A doctor's known list size, or null. */
export function listedOf(d: Pick<Doctor, 'listed'>): Patients | null {
  return typeof d.listed === 'number' && Number.isFinite(d.listed) ? Math.max(0, d.listed) : null;
}

export interface DoctorContext {
  profile: RuleProfile;
  time: TimeAssumptions;
  unitCareWeight: unknown;
  model: 'guideline' | 'time';
}

/** Every number of one doctor (domain.md §2–§4). */
export function computeDoctor(d: Doctor, ctx: DoctorContext): DoctorResult {
  const { profile, time } = ctx;
  const base = basePatients(d, profile);
  const employment = employmentOf(d);
  const dutyHours = dutyHoursPerWeek(d);
  const dutyShare = dutyShareOf(employment, dutyHours, time.fullTimeHours);
  const presence = presenceOf(num(d.absenceWeeks), time.weeksPerYear);
  const clinicalFte = clinicalFteOf(employment, dutyShare, presence);
  const careWeight = careWeightOf(d, ctx.unitCareWeight);
  const capacityGuideline = capacityGuidelineOf(base, clinicalFte, careWeight);
  const tb = timeBreakdownOf(employment, dutyHours, presence, time);
  const capacityTime = capacityTimeOf(base, tb.visitsYear, careWeight, time);
  const capacity = ctx.model === 'time' ? capacityTime : capacityGuideline;
  const listed = listedOf(d);
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
    time: tb,
    ageGroup: ageGroupOf(d.category),
    limits: limitsOf(profile, d.category, employment, base),
  };
}
