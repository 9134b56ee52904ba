/**
 * Types of the follow-up model (domain.md §6): monthly snapshots, continuity from a contact log,
 * and the allocation suggestion for patients without a named doctor. Pure data, no I/O.
 */
import type { CareWeight, DoctorCategory, Patients, PriorityKey, Share } from '../types';

/** 'YYYY-MM'. */
export type YearMonth = string;

export type SnapshotSource = 'manual' | 'import' | 'plan';

export interface SnapshotDoctor {
  doctorId?: string;
  name: string;
  listed: Patients;
  listPoints?: number;
}

/**
 * The content of a monthly snapshot (the `snapshots` table record without id/unitId/createdAt,
 * brief "Database tables"). Kept here so the engine can compute trends without importing db.
 */
export interface SnapshotData {
  month: YearMonth;
  listed: Patients;
  withNamedDoctor: Patients;
  withNamedDoctorNursingHome?: Patients;
  nursingHomeTotal?: Patients;
  doctors: SnapshotDoctor[];
  source: SnapshotSource;
  note?: string;
}

/** One point of the coverage trend. */
export interface TrendPoint {
  month: YearMonth;
  listed: Patients;
  withNamedDoctor: Patients;
  /** withNamedDoctor / listed; null when listed is 0. */
  coverage: Share | null;
  /** SÄBO residents with a named doctor / SÄBO residents; null when unknown. */
  nursingHomeCoverage: Share | null;
  source: SnapshotSource;
}

export interface DoctorTrend {
  /** doctorId when known, else "namn:<name>". */
  key: string;
  name: string;
  /** Listed per month, aligned with `months`; null when the doctor is absent that month. */
  listed: (Patients | null)[];
}

export interface Trend {
  months: YearMonth[];
  points: TrendPoint[];
  doctors: DoctorTrend[];
  /** The profile's coverage threshold (VGR stimulus 0.7); null when none. */
  threshold: Share | null;
  /** The national goal line (0.55); null when the profile has none. */
  goal: Share | null;
  nursingHomeGoal: Share | null;
}

// ---------------------------------------------------------------------------------------------
// Contact log (columnar: one typed array per column, no per-row objects)

/** Contact types (domain.md §6). `other` collects values we do not recognise. */
export const CONTACT_TYPES = ['visit', 'video', 'phone', 'chat', 'other'] as const;
export type ContactType = (typeof CONTACT_TYPES)[number];
/** Code stored in `ContactLog.type`: index into CONTACT_TYPES. */
export type ContactTypeCode = 0 | 1 | 2 | 3 | 4;

export interface ContactLog {
  /** Number of contacts. */
  count: number;
  /** Patient index per contact (into `patientKeys`). */
  patient: Uint32Array;
  /** Doctor index per contact (into `doctorKeys`). */
  doctor: Uint32Array;
  /** Day number per contact: days since 1970-01-01 (UTC calendar date). */
  day: Int32Array;
  /** ContactTypeCode per contact. */
  type: Uint8Array;
  /** Pseudonymous patient keys (in-memory pseudonyms when the file held personal identity numbers). */
  patientKeys: string[];
  doctorKeys: string[];
  /**
   * Named doctor per patient index (doctor index, -1 unknown); null when the log has no named-doctor
   * information at all (then the share with the named doctor is not computed).
   */
  namedDoctor: Int32Array | null;
  /**
   * Where each contact took place: unit index per contact (into `unitKeys`), -1 unknown. Absent when
   * the log has no unit column. Needed for "own-unit visits only" (SKR's definition, domain.md §6).
   */
  unit?: Int32Array;
  /** The units named in the log (unit column values, and the units patients are listed at). */
  unitKeys?: string[];
  /** The unit each patient is listed at (index into `unitKeys`, -1 unknown); absent when unknown for all. */
  listedUnit?: Int32Array;
}

/**
 * One contact as a region's warehouse holds it: the `contacts` table of sql/continuity.sql
 * (patient_key, contact_date, doctor_key, contact_type, unit). The columnar ContactLog above is
 * the engine's in-memory form of many of these.
 */
export interface ContactRecord {
  patientKey: string;
  /** ISO date "YYYY-MM-DD". */
  date: string;
  doctorKey: string;
  type: ContactType;
  /** The unit where the contact took place, from a unit column; absent when the log has none. */
  unit?: string;
}

export interface ContinuityOptions {
  /** First day included (day number, inclusive). */
  fromDay: number;
  /** Last day included (day number, inclusive). */
  toDay: number;
  /** Contact types included (default visit, video, phone, chat). */
  types: readonly ContactType[];
  /** Minimum contacts in the period for a patient to count (domain.md §6: default 3). */
  minContacts: number;
  /**
   * Count only contacts at the unit the patient is listed at (SKR Primärvårdskvalitet, domain.md §6):
   * a contact counts when its unit is known and equals the patient's listed unit. Default false.
   */
  ownUnitOnly?: boolean;
  /** Only patients whose listed unit is known (SKR: "listade patienter"). Default false. */
  listedOnly?: boolean;
}

/** Histogram of a 0–1 measure in `bins` equal bins; the last bin includes 1. */
export interface Histogram {
  /** Lower edges (0, 0.1, …). */
  edges: number[];
  counts: number[];
}

export interface DoctorContinuity {
  doctorIndex: number;
  key: string;
  /** Patients whose most-seen doctor is this doctor. */
  mostSeenPatients: number;
  mostSeenMeanUpc: number | null;
  mostSeenMeanCoc: number | null;
  /** Patients whose named doctor is this doctor (null when no named-doctor information). */
  namedPatients: number | null;
  namedMeanShare: number | null;
  namedMeanUpc: number | null;
  namedMeanCoc: number | null;
  /** Contacts this doctor had in the period (chosen types, included patients). */
  contacts: number;
}

export interface ContinuityResult {
  options: ContinuityOptions;
  /** Contacts inside the period and of the chosen types. */
  contactsInScope: number;
  /** Contacts outside the period or of other types (or, with ownUnitOnly/listedOnly, left out by those). */
  contactsOutOfScope: number;
  /** Contacts in the period and of the chosen types left out by ownUnitOnly (another or an unknown unit). */
  contactsOtherUnit: number;
  /** Patients with at least one contact in scope. */
  patientsInScope: number;
  /** Patients with ≥ minContacts contacts in scope: the population of every mean below. */
  patientsIncluded: number;
  /** Patients below minContacts (excluded). */
  patientsBelowMin: number;
  /** Contacts of included patients. */
  contactsIncluded: number;
  meanUpc: number | null;
  meanCoc: number | null;
  /** Mean share of contacts with the named doctor, over included patients with a known named doctor. */
  meanNamedShare: number | null;
  /** Included patients with a known named doctor. */
  patientsWithNamed: number;
  /** Whether the log carried any named-doctor information. */
  namedAvailable: boolean;
  upcHistogram: Histogram;
  cocHistogram: Histogram;
  namedShareHistogram: Histogram | null;
  doctors: DoctorContinuity[];
  /** Contacts in scope per type (index = ContactTypeCode). */
  contactsByType: number[];
}

// ---------------------------------------------------------------------------------------------
// Allocation (domain.md §6)

export type AgeBand = '0-17' | '18-64' | '65+' | 'unknown';
export const AGE_BANDS: readonly AgeBand[] = ['0-17', '18-64', '65+', 'unknown'];

/** Priority order: the five priority groups of domain.md §4 in this order, then everyone else. */
export type AllocationPriority = PriorityKey | 'other';
export const ALLOCATION_PRIORITIES: readonly AllocationPriority[] = [
  'multimorbid',
  'nursingHome',
  'homeCare',
  'palliative',
  'chronic',
  'other',
];

/** A group of patients without a named doctor, all alike in priority, age band and care weight. */
export interface AllocationGroup {
  priority: AllocationPriority;
  ageBand: AgeBand;
  /** The patients' care weight; null when unknown (then a patient uses exactly one slot). */
  careWeight: CareWeight | null;
  count: Patients;
  /** Row-level imports: the pseudonymous keys of the patients (length === count). */
  keys?: string[];
}

export interface AllocationDoctor {
  id: string;
  name: string;
  category: DoctorCategory;
  /** Capacity by the plan's model (patients at the list's care weight). */
  capacity: Patients;
  /** Current list; null when unknown (counted as 0, and said so). */
  listed: Patients | null;
  careWeight: CareWeight;
  ageGroup: 'all' | '65+' | '0-17';
  /** Guideline base; 0 for locums, AT/BT (they hold no named list). */
  base: Patients;
}

export interface AllocationShare {
  priority: AllocationPriority;
  ageBand: AgeBand;
  careWeight: CareWeight | null;
  count: Patients;
  /** Slots used: count × careWeight ÷ doctor's careWeight. */
  slots: number;
  keys?: string[];
}

export type AllocationReason =
  | { kind: 'capacity'; capacity: number; listed: number; listedUnknown: boolean; free: number; careWeight: number }
  | { kind: 'careWeight'; careWeight: number }
  | { kind: 'ageGroup'; ageGroup: '65+' | '0-17' }
  | { kind: 'noList'; category: DoctorCategory }
  | { kind: 'full' }
  | { kind: 'received'; byPriority: { priority: AllocationPriority; count: number }[]; total: number; slots: number }
  | { kind: 'load'; before: number | null; after: number | null }
  | { kind: 'balanced' };

export interface DoctorAllocation {
  doctorId: string;
  name: string;
  eligible: boolean;
  freeBefore: number;
  freeAfter: number;
  assigned: Patients;
  slotsUsed: number;
  loadBefore: number | null;
  loadAfter: number | null;
  shares: AllocationShare[];
  reasons: AllocationReason[];
}

export interface UnassignedGroup {
  priority: AllocationPriority;
  ageBand: AgeBand;
  careWeight: CareWeight | null;
  count: Patients;
  keys?: string[];
  /** Why: no eligible doctor at all, or eligible doctors are full. */
  cause: 'noEligibleDoctor' | 'noCapacity';
}

export interface AllocationResult {
  doctors: DoctorAllocation[];
  unassigned: UnassignedGroup[];
  totalPatients: Patients;
  totalAssigned: Patients;
  priorityPatients: Patients;
  priorityAssigned: Patients;
}

export type { Share };
