/**
 * Types of the calculation model (shared/spec/domain.md, contracts.md).
 * Field names are English (files and code); the UI speaks Swedish.
 * Unit-bearing numbers are named by their unit through these aliases so a reader
 * can tell patients from hours from FTE at a glance.
 */

import type { QuantityKind } from './quantity';

/** Whole inhabitants / patients. */
export type Patients = number;
/** Hours (per week or per year: the field name says which). */
export type Hours = number;
/** Weeks. */
export type Weeks = number;
/** Minutes. */
export type Minutes = number;
/** Full-time equivalents (1 = one full-time doctor). */
export type Fte = number;
/** A share between 0 and 1. */
export type Share = number;
/** A care-weight index; 1.0 is a mixed population. */
export type CareWeight = number;
/** Swedish kronor. */
export type Sek = number;
/** ISO date, YYYY-MM-DD. */
export type IsoDate = string;

export const DOCTOR_CATEGORIES = [
  'specialist',
  'st',
  'geriatrician',
  'pediatrician',
  'dispensation',
  'locum',
  'junior',
] as const;
export type DoctorCategory = (typeof DOCTOR_CATEGORIES)[number];

export const DUTY_KINDS = ['supervision', 'management', 'research', 'side', 'meetings', 'other'] as const;
export type DutyKind = (typeof DUTY_KINDS)[number];

/**
 * Professions that can take over part of today's doctor visits (domain.md §9, team delegation;
 * Altschuler et al. 2012): nurse (sjuksköterska, distriktssköterska), physiotherapist, psychologist, other.
 */
export const TEAM_PROFESSIONS = ['nurse', 'physiotherapist', 'psychologist', 'other'] as const;
export type TeamProfession = (typeof TEAM_PROFESSIONS)[number];
/** The share of today's doctor visits each profession takes over (0–1 each); their sum is δ. */
export type TeamDelegation = Partial<Record<TeamProfession, Share>>;

/**
 * Where a care weight comes from (domain.md §9): a region's ACG case-mix weight or its Care Need Index,
 * this tool's age index from the listing (adopted from the suggestion), or another figure. A region's
 * ACG or CNI figure takes precedence over the age index; an unmarked figure is simply typed.
 */
export const CARE_WEIGHT_BASES = ['acg', 'cni', 'ageIndex', 'other'] as const;
export type CareWeightBasis = (typeof CARE_WEIGHT_BASES)[number];

/**
 * A list's patients by the age bands of the age reference (engine/ageReference.ts, `AGE_REFERENCE_BANDS`),
 * counted from a per-patient listing: aggregates only, never a patient.
 */
export interface ListAges {
  /** Patients per age band, one number per band (0–5, 6–15, 16–19, 20–29, 30–49, 50–66, 67–79, 80–89, 90+). */
  counts: Patients[];
  /** Patients of the listing whose age was not known (not counted in the index). */
  unknown?: Patients;
  female?: Patients;
  male?: Patients;
  /** The day the listing was read. */
  asOf?: IsoDate;
}

/**
 * The reference table the age index is computed against (domain.md §9): visits per person a year by age
 * band, and the reference population's mean. Absent: the shipped one (Norway's fastlege consultations, 2023).
 */
export interface AgeReference {
  /** What the table is, in the user's words (shown under every age index). */
  name?: string;
  /** Visits per person a year, one per band of AGE_REFERENCE_BANDS. */
  rates: number[];
  /** The reference population's mean visits per person a year. */
  mean: number;
  /** The unit's own visits per age band from its contact log (its own mean: the unit's own index is 1). */
  own?: boolean;
}

/**
 * Fields a plan file had that this version does not know (contracts.md: unknown fields are kept on
 * import and written back on export). In memory they live in one `extra` bag per object, so the model's
 * own types are exact: a misspelt field (`{ emplyment: 0.5 }`) is a compile error, not a silently stored
 * unknown field. parsePlan moves a file's unknown fields in; serializePlan spreads them back.
 */
export type ExtraFields = Record<string, unknown>;

export interface Duty {
  kind: DutyKind;
  hoursPerWeek: Hours;
  label?: string;
  /** Unknown fields of the file, kept and written back. */
  extra?: ExtraFields;
}

export interface Doctor {
  id: string;
  name: string;
  category: DoctorCategory;
  /** Tjänstgöringsgrad, 0–1. */
  employment: Share;
  /** ST only. */
  stMonthsDone?: number;
  stMonthsTotal?: number;
  duties: Duty[];
  absenceWeeks?: Weeks;
  /** Current list. */
  listed?: Patients;
  /** Listningspoäng as reported by the region. */
  listPoints?: number;
  /** The list's care weight; else the unit's. */
  careWeight?: CareWeight;
  plannedEnd?: IsoDate;
  /**
   * Name of the fictive list the doctor's patients are on (locums, seed 000): "<unit> Dr <name>".
   * A fictive list is never shown as a fast läkarkontakt.
   */
  fictiveListName?: string;
  /** Care-weight points reported by the region (VGR stimulus, seed 001); optional. */
  careWeightPoints?: number;
  // The agreement (överenskommelse, domain.md §8; engine/agreement.ts), all optional:
  /** Överenskommen listlängd: the list size agreed with the doctor (patients). */
  agreedListSize?: Patients;
  /** The day the agreement was made. */
  agreedOn?: IsoDate;
  /** The last day the agreement is valid. */
  agreedUntil?: IsoDate;
  /** A free-text note on the agreement. */
  agreementNote?: string;
  // Beyond the workbook (domain.md §9; all optional):
  /** Where the list's care weight comes from (a region's ACG or CNI takes precedence over the age index). */
  careWeightBasis?: CareWeightBasis;
  /** The list's patients by age band, from a per-patient listing (the age index). */
  listAges?: ListAges;
  /** Shares of this doctor's visits other professions take over; else the unit's. */
  delegation?: TeamDelegation;
  /** Unknown fields of the file, kept and written back. */
  extra?: ExtraFields;
}

export interface PriorityGroups {
  multimorbid: Patients;
  nursingHome: Patients;
  homeCare: Patients;
  palliative: Patients;
  chronic: Patients;
  /** Unknown fields of the file, kept and written back. */
  extra?: ExtraFields;
}
export const PRIORITY_KEYS = ['multimorbid', 'nursingHome', 'homeCare', 'palliative', 'chronic'] as const;
export type PriorityKey = (typeof PRIORITY_KEYS)[number];

export interface UnitInputs {
  name: string;
  listed: Patients;
  careWeight: CareWeight;
  withNamedDoctor: Patients;
  withNamedDoctorNursingHome?: Patients;
  targetCoverage: Share;
  priority: PriorityGroups;
  // Beyond the workbook (domain.md §9; all optional):
  /** Where the unit's care weight comes from (a region's ACG or CNI takes precedence over the age index). */
  careWeightBasis?: CareWeightBasis;
  /** The unit's listed by age band, from a per-patient listing (the age index). */
  listAges?: ListAges;
  /** Shares of today's doctor visits other professions take over, for every doctor without their own. */
  delegation?: TeamDelegation;
  /** The age index's reference table when the unit has its own (edited, or its own visits); else the shipped one. */
  ageReference?: AgeReference;
  /** Unknown fields of the file, kept and written back. */
  extra?: ExtraFields;
}

/** domain.md §3 time-model assumptions. All optional in a file; defaults fill the gaps. */
export interface TimeAssumptions {
  fullTimeHours: Hours;
  weeksPerYear: Weeks;
  indirectShare: Share;
  plannedMinutes: Minutes;
  acuteMinutes: Minutes;
  plannedShare: Share;
  ownPatientShare: Share;
  visitsPerPatientYear: number;
  /** Unknown fields of the file, kept and written back. */
  extra?: ExtraFields;
}

export type CapacityModel = 'guideline' | 'time';

/**
 * A rule profile (domain.md §5): data, not code. Shipped ids: national, vgr,
 * vastmanland, varmland; a custom profile is a full object saved with the plan.
 */
export interface RuleProfile {
  id: string;
  /** Swedish display name. */
  name: string;
  /** Where the rules come from (Swedish, shown in the UI). */
  source: string;
  guideline: {
    /** Inhabitants per full-time specialist (1 100 nationally; Värmland 1 500). */
    specialist: Patients;
    /** Inhabitants per full-time ST mid-training (550 nationally). */
    stMid: Patients;
  };
  stRamp: {
    /** With the ramp on: base = stMid × (startFactor + progress × (endFactor − startFactor)). */
    enabled: boolean;
    startFactor: number; // 0.5 → 275 at start
    endFactor: number; // 1.5 → 825 at the end
  };
  /** List limits per full-time doctor (VGR); null when the profile has none. */
  listLimits: null | {
    minPerFte: Patients;
    maxPerFte: Patients;
    maxPointsPerFte: number | null;
    /** ST limits are the specialist limits × this (VGR: 0.5). */
    stFactor: number;
    /** Limits scale with employment. */
    scaleWithEmployment: boolean;
  };
  /** Share of listed that must have a named doctor (VGR stimulus: 0.7); null if none. */
  coverageThreshold: Share | null;
  /** National goal lines, reported as info when not reached; null if none. */
  goals: null | {
    coverage: Share; // 0.55
    nursingHome: Share; // 0.8
    continuityIncrease: Share; // 0.2
  };
  /** VGR stimulus payment; null if none. */
  stimulus: null | {
    sekPerListPoint: Sek;
    sekPerCareWeightPoint: Sek;
    period: string;
  };
  /** Minimum planned employment ahead, in months (VGR: 12); null if none. */
  minEmploymentMonths: number | null;
  /**
   * Contacts a doctor can safely have in a working day (domain.md §9); absent: 25, the BMA's safe-working
   * figure. A finding when the time model gives a doctor more visits per working day.
   */
  safeDayContacts?: number;
  /** Locums cannot be named doctors; their patients go on a fictive list. */
  locumRule: {
    cannotHoldList: boolean;
    /** Fictive list names must begin with the unit's name (Västmanland). */
    fictiveListMustStartWithUnit: boolean;
  };
  [extra: string]: unknown;
}

export interface Plan {
  format: 'kapacitet/plan';
  version: 1;
  /** A shipped profile id, or a full custom profile object. */
  profile: string | RuleProfile;
  model: CapacityModel;
  unit: UnitInputs;
  time?: Partial<TimeAssumptions>;
  doctors: Doctor[];
  /** Unknown fields of the file, kept and written back. */
  extra?: ExtraFields;
}

export interface ComputeOptions {
  /** ISO date that fixes "now" for date rules; default: the current date. */
  today?: IsoDate;
}

export interface TimeBreakdown {
  patientHoursYear: Hours;
  directHoursYear: Hours;
  indirectHoursYear: Hours;
  dutyHoursYear: Hours;
  absenceHoursYear: Hours;
  visitMinutes: Minutes;
  visitsYear: number;
}

/**
 * What a doctor's numbers were computed from, after the engine's rules for a half-edited plan (employment
 * clamped, negative absence as 0, a missing ST total as the default …). explain() prints these: it only
 * formats, it never derives a number again from the raw plan.
 */
export interface DoctorInputsUsed {
  /** Tjänstgöringsgrad as used, 0–1. */
  employment: Share;
  /** Absence weeks as used (never below 0). */
  absenceWeeks: Weeks;
  /** employment × fullTimeHours. */
  availableHoursPerWeek: Hours;
  /** ST months done as used (clamped to 0 … total); null when not given (the ST counts as mid-training). */
  stMonthsDone: number | null;
  /** The ST length in months as used. */
  stMonthsTotal: number;
  /** The doctor's own ST length, the default for a missing one, or the default for one that cannot be used (≤ 0). */
  stMonthsTotalSource: 'doctor' | 'default' | 'invalid';
  /** monthsDone / monthsTotal, 0–1 (0,5 when not known). */
  stProgress: Share;
  /** Where the care weight came from: the list's own, the unit's, or the default 1,00. */
  careWeightSource: 'doctor' | 'unit' | 'default';
  /** The team shares used (domain.md §9): the doctor's own, the unit's, or none. */
  delegationSource?: 'doctor' | 'unit' | 'none';
  /** The shares used per profession (after clamping), 0 when none. */
  delegationShares?: Record<TeamProfession, Share>;
}

/** What the unit's numbers were computed from (see DoctorInputsUsed). */
export interface UnitInputsUsed {
  withNamedDoctor: Patients;
  careWeight: CareWeight;
  careWeightSource: 'unit' | 'default';
  targetCoverage: Share;
  /** ceil(targetCoverage × listed): the target in whole patients. */
  targetPatients: Patients;
  /** The list points the stimulus counted (named-doctor lists of doctors who can hold one); null when none known. */
  stimulusPoints: null | { listPoints: number; careWeightPoints: number };
}

export interface DoctorResult {
  id: string;
  name: string;
  category: DoctorCategory;
  /** Guideline base for a full-time doctor of this category (patients). */
  base: Patients;
  dutyHoursPerWeek: Hours;
  dutyShare: Share;
  presence: Share;
  clinicalFte: Fte;
  careWeight: CareWeight;
  capacityGuideline: Patients;
  capacityTime: Patients;
  /** The capacity of the plan's chosen model. */
  capacity: Patients;
  listed: Patients | null;
  /** listed / capacity; null when listed is unknown; Infinity when capacity is 0 and listed > 0. */
  loadRatio: number | null;
  time: TimeBreakdown;
  /** Age group this doctor's list is limited to (geriatrician 65+, pediatrician 0–17). */
  ageGroup: 'all' | '65+' | '0-17';
  /** The profile's list limits for this doctor, scaled; null when none. */
  limits: null | { min: Patients; max: Patients; maxPoints: number | null };
  /** What the numbers were computed from (always set by computePlan). */
  used?: DoctorInputsUsed;
  // Beyond the workbook (domain.md §9, §8); always set by computePlan:
  /** Visits per working day the time model gives (all of the doctor's visits); null without working days. */
  visitsPerDay?: number | null;
  /** δ: the share of today's doctor visits other professions take over (0 without a team). */
  delegation?: Share;
  /** Doctor visits a patient needs a year with the team: visitsPerPatientYear × (1 − δ). */
  visitsPerPatientTeam?: number;
  /** The time model's capacity had the team taken over nothing. */
  capacityTimeWithoutTeam?: Patients;
  /** Patients the team frees up in the time model: capacityTime − capacityTimeWithoutTeam. */
  teamPatients?: Patients;
  /** capacity − listed (negative: over capacity); null for a doctor who holds no named list. */
  freePlaces?: Patients | null;
  /** The agreed list size (överenskommen listlängd, domain.md §8), when recorded. */
  agreedListSize?: Patients | null;
  /** capacity − agreed list size (negative: the agreement is above capacity); null without an agreement. */
  freePlacesAgreed?: Patients | null;
  /** Places the allocation may fill: max(0, min(capacity, agreed) − listed); 0 for no named list. */
  freePlacesOpen?: Patients;
  /** The list's age index against the reference (Σ n_b × rate_b ÷ (N × mean)); null without list ages. */
  ageIndex?: number | null;
  /** Suggested care weight from the list's ages: unit care weight × list index ÷ unit index; null without ages. */
  careWeightSuggested?: CareWeight | null;
}

export interface UnitResult {
  listed: Patients;
  capacity: Patients;
  capacityGuideline: Patients;
  capacityTime: Patients;
  coverageToday: Share;
  coveragePossible: Share;
  gapPatients: Patients;
  fteNeeded: Fte;
  priorityTotal: Patients;
  priorityCovered: Patients;
  /** Sum of doctors' current lists (known ones). */
  listedOnDoctors: Patients;
  /** Sum of employment over doctors. */
  employmentFte: Fte;
  clinicalFte: Fte;
  /** VGR stimulus estimate per period when the profile has one and points are known. */
  stimulusSek: Sek | null;
  /**
   * "Lists on paper" (domain.md §6, Vårdanalys 2023): listed who have a named doctor today beyond what
   * the doctors have capacity for, max(0, withNamedDoctor − capacity).
   */
  paperListPatients: Patients;
  /** Doctors with an over-capacity finding (load > 1 on a named-doctor list; domain.md §4–§5). */
  doctorsOverCapacity: number;
  /** What the numbers were computed from (always set by computePlan). */
  used?: UnitInputsUsed;
  // Beyond the workbook (domain.md §9, §8); always set by computePlan:
  /** The unit's δ (its own team shares; doctors may have their own). */
  delegation?: Share;
  /** Σ capacityTimeWithoutTeam. */
  capacityTimeWithoutTeam?: Patients;
  /** Patients the team frees up in the time model, Σ over the doctors. */
  teamPatients?: Patients;
  /** The gap by the time model (with the team): max(0, target − capacityTime). */
  gapPatientsTime?: Patients;
  /** The gap by the time model had the team taken over nothing. */
  gapPatientsTimeWithoutTeam?: Patients;
  /** Capacity on named-doctor lists − listed on them (net; negative: more listed than capacity). */
  freePlaces?: Patients;
  /** Capacity of the named-doctor lists (the first term of freePlaces). */
  capacityNamed?: Patients;
  /** Listed on named-doctor lists (the second term of freePlaces). */
  listedNamed?: Patients;
  /** Σ over doctors with an agreement of (capacity − agreed list size); null when no doctor has one. */
  freePlacesAgreed?: Patients | null;
  /** Σ freePlacesOpen: the places the allocation may fill. */
  freePlacesOpen?: Patients;
  /** The unit's age index against the reference; null without list ages. */
  ageIndex?: number | null;
  /** Doctors whose visits per working day are above the profile's safe day. */
  doctorsAboveSafeDay?: number;
}

export type Severity = 'error' | 'warning' | 'info';

export const FINDING_RULES = [
  'list-below-min',
  'list-above-max',
  'points-above-max',
  'coverage-below-threshold',
  'locum-holds-list',
  'fictive-list-name',
  'not-eligible',
  'short-employment',
  'over-capacity',
  'priority-uncovered',
  'duties-exceed-time',
  'goal-coverage',
  'goal-nursing-home',
  // The agreement (domain.md §8, engine/agreement.ts)
  'list-above-agreed',
  'agreement-expired',
  'agreed-above-capacity',
  // Beyond the workbook (domain.md §9)
  'day-above-safe',
] as const;
export type FindingRule = (typeof FINDING_RULES)[number];

export interface Finding {
  rule: FindingRule;
  severity: Severity;
  doctorId?: string;
  message: string;
  /** The input the finding concerns, as an explain/cell path, e.g. "doctors.d3.listed" or "unit.withNamedDoctor". */
  field?: string;
}

export interface PlanResult {
  doctors: DoctorResult[];
  unit: UnitResult;
  findings: Finding[];
  /** Resolved inputs, so a reader can trace every number. */
  profile: RuleProfile;
  model: CapacityModel;
  time: TimeAssumptions;
  today: IsoDate;
  /** The age index's reference as used (the plan's own table, else Norway 2023; domain.md §9). */
  ageReference?: AgeReference & { edited: boolean };
}

/** What explain() returns for one number. */
export interface Explanation {
  /** Swedish label of the number, e.g. "Kapacitet enligt riktvärdet – Anna A". */
  label: string;
  value: number;
  /** Unit in Swedish: "patienter", "timmar", "heltider", "%", … */
  unit: string;
  /**
   * The formula with the user's numbers down to the typed inputs, in plain Swedish, ending with the value as
   * fmt prints it: "1 100 × 80 % × (1 − 4 / 32) ÷ 1,12 = 687,5, avrundat nedåt = 687".
   */
  formula: string;
  /** The formula in words without numbers. */
  rule: string;
  /** The inputs the formula used. `path` is for the UI to jump to the field; it is never shown. */
  inputs: { label: string; value: string; path?: string }[];
  /** Further lines: what was assumed and why, where the rule comes from. Plain Swedish. */
  notes: string[];
  /** How the number is printed (fmt.<kind>). */
  kind?: QuantityKind;
  /** The value as every surface prints it: fmt[kind](value). */
  valueText?: string;
  /**
   * The values the formula rests on, each on a line of its own with its own numbers, from the inputs up:
   * "Veckoarbetstid (timmar): 80 % × 40 = 32". Every line recomputes to the value it shows.
   */
  steps?: { label: string; formula: string; path?: string }[];
  /** Each duty as the patients it costs (domain.md §9): "4 tim/v handledning motsvarar 110 patienter". */
  dutyPatients?: { label: string; formula: string; patients: number }[];
}

export interface PlanError {
  /** JSON path of the offending value, e.g. "doctors[2].employment": for code (jump to a field, a cell), never shown. */
  path: string;
  message: string;
  /**
   * Where it is, said as a user says it ("Läkare 3 (Anna Berg): Tjänstgöringsgrad"); what a message shows
   * (engine `planErrorText`). Empty or absent for the file as a whole.
   */
  place?: string;
}

export type ParsePlanResult = { ok: true; plan: Plan; warnings: PlanError[] } | { ok: false; errors: PlanError[] };
