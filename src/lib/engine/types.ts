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
  /** JSON path of the offending value, e.g. "doctors[2].employment". */
  path: string;
  message: string;
}

export type ParsePlanResult = { ok: true; plan: Plan; warnings: PlanError[] } | { ok: false; errors: PlanError[] };
