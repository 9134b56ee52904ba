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
  /**
   * Birth year per patient index (0 unknown), from an age or birth-year column; absent when the log has
   * none. For the unit's own visits per age band (domain.md §9); in memory only, never stored.
   */
  birthYear?: Int16Array;
  /** 1 for a patient who lives at a SÄBO, from a SÄBO column; absent when the log has none (issue 16.5). */
  nursingHome?: Uint8Array;
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
  /**
   * Places the allocation may fill (the result's freePlacesOpen: capacity, at most the agreed list size, −
   * listed; 0 for a fictive list). Absent: capacity − listed.
   */
  freeOpen?: number;
  /** The agreed list size (domain.md §8) when it sets the ceiling below capacity; for the reasons. */
  agreedListSize?: Patients | null;
}

/** How the suggestion weighs competence (issue 16.6). */
export interface AllocationOptions {
  /**
   * A trainee (ST) fills at most this share of their free places with patients of the priority groups (0–1).
   * The app's default is the unit's own share of priority patients among the listed (no more than the unit has);
   * absent here: no cap.
   */
  traineePriorityShare?: number;
}

/** Why one group's patients went to a doctor (each placement says why, issue 16.6). */
export type PlacementWhy =
  /** A geriatrician takes 65+ (a paediatrician 0–17) before doctors without an age group. */
  | 'ageSpecialist'
  /** Of the eligible doctors with room, this one has the lowest load after taking the patient. */
  | 'lowestLoad'
  /** The only eligible doctor with room left. */
  | 'onlyRoom'
  /** Another doctor with room was a trainee at their cap for priority patients. */
  | 'traineeCapElsewhere';

export interface AllocationShare {
  priority: AllocationPriority;
  ageBand: AgeBand;
  careWeight: CareWeight | null;
  count: Patients;
  /** Slots used: count × careWeight ÷ doctor's careWeight. */
  slots: number;
  keys?: string[];
  /** Why these patients went to this doctor (every reason that decided at least one of them). */
  why?: PlacementWhy[];
}

export type AllocationReason =
  | { kind: 'capacity'; capacity: number; listed: number; listedUnknown: boolean; free: number; careWeight: number }
  | { kind: 'careWeight'; careWeight: number }
  | { kind: 'ageGroup'; ageGroup: '65+' | '0-17' }
  | { kind: 'noList'; category: DoctorCategory }
  | { kind: 'full' }
  | { kind: 'received'; byPriority: { priority: AllocationPriority; count: number }[]; total: number; slots: number }
  | { kind: 'load'; before: number | null; after: number | null }
  | { kind: 'balanced' }
  /** A trainee fills at most `share` of the free places with priority patients: `cap` places, `used` of them filled. */
  | { kind: 'traineeCap'; share: number; cap: number; used: number; reached: boolean }
  /** The agreed list size sets the ceiling below capacity (domain.md §8). */
  | { kind: 'agreement'; agreed: number; capacity: number }
  /** A geriatrician or paediatrician is offered their age group before the others. */
  | { kind: 'ageFirst'; ageGroup: '65+' | '0-17' };

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
  /** Trainees: the most places that may go to priority patients (null for others or without a cap). */
  traineeCap?: number | null;
  /** Places given to priority-group patients. */
  prioritySlots?: number;
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
  /** Σ free places before the suggestion over the doctors who can take patients (= the unit's freePlacesOpen). */
  freeSlots?: number;
  /** The trainees' cap as used (a share of their free places), null without one. */
  traineePriorityShare?: number | null;
}

export type { Share };
