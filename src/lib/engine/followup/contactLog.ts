/**
 * Building a columnar ContactLog (types.ts) row by row without per-row objects: keys are interned
 * into indexes, columns grow as typed arrays. Used by the CSV/xlsx reader in src/lib/io/contacts.ts
 * and by tests.
 *
 * Personal identity numbers used as patient keys are replaced by pseudonyms the moment they are
 * seen, so they never reach the log (brief: never store them). The pseudonym is a salted hash
 * ("P-" + 13 hex digits) with a salt that lives only in the page's memory for the session: the same
 * person gets the same pseudonym in the contact log and in a separate named-doctor file read in the
 * same session, and nobody can recompute it afterwards. Pseudonyms are never saved.
 */
import { looksLikePersonnummer } from '../personnummer';
import { CONTACT_TYPES, type ContactLog, type ContactRecord, type ContactTypeCode } from './types';
import { dayOfIso } from './continuityPeriod';

/** Salted 52-bit FNV-1a pseudonym of a personal identity number (digits only, so formats agree). */
export function pseudonym(pnr: string, salt: string): string {
  let digits = String(pnr).replace(/\D/g, '');
  if (digits.length === 12) digits = digits.slice(2); // with century or without: the same person
  const text = salt + '|' + digits;
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
    h2 ^= h2 >>> 15;
  }
  return 'P-' + (h1 >>> 0).toString(16).padStart(8, '0') + (h2 & 0xfffff).toString(16).padStart(5, '0');
}

export class ContactLogBuilder {
  count = 0;
  private cap: number;
  patient: Uint32Array;
  doctor: Uint32Array;
  day: Int32Array;
  type: Uint8Array;
  /** Unit index per contact (-1 unknown); null until the first contact with a unit. */
  unit: Int32Array | null = null;
  readonly patientKeys: string[] = [];
  readonly doctorKeys: string[] = [];
  readonly unitKeys: string[] = [];
  private readonly patientIndex = new Map<string, number>();
  private readonly doctorIndex = new Map<string, number>();
  private readonly unitIndex = new Map<string, number>();
  /** Listed unit per patient index (-1 unknown); null until the first statement. */
  private listed: Int32Array | null = null;
  /** Named doctor per patient index and the day it was stated (the latest wins). */
  private named: Int32Array | null = null;
  private namedDay: Int32Array | null = null;
  /** How many distinct patient keys looked like personnummer (and were replaced). */
  pseudonymised = 0;
  /** Patients whose named doctor differed between rows. */
  namedConflicts = 0;
  private conflicted: Uint8Array | null = null;
  private readonly salt: string;

  constructor(expected = 1024, salt = '') {
    this.salt = salt;
    this.cap = Math.max(16, expected);
    this.patient = new Uint32Array(this.cap);
    this.doctor = new Uint32Array(this.cap);
    this.day = new Int32Array(this.cap);
    this.type = new Uint8Array(this.cap);
  }

  private grow(): void {
    const cap = this.cap * 2;
    const p = new Uint32Array(cap);
    p.set(this.patient);
    this.patient = p;
    const d = new Uint32Array(cap);
    d.set(this.doctor);
    this.doctor = d;
    const dy = new Int32Array(cap);
    dy.set(this.day);
    this.day = dy;
    const t = new Uint8Array(cap);
    t.set(this.type);
    this.type = t;
    if (this.unit) {
      const u = new Int32Array(cap).fill(-1);
      u.set(this.unit);
      this.unit = u;
    }
    this.cap = cap;
  }

  patientIndexOf(key: string): number {
    let i = this.patientIndex.get(key);
    if (i === undefined) {
      if (looksLikePersonnummer(key)) {
        // One person written two ways (with/without century or dash) is one pseudonym, one patient.
        const ps = pseudonym(key, this.salt);
        i = this.patientIndex.get(ps);
        if (i === undefined) {
          i = this.patientKeys.length;
          this.patientKeys.push(ps);
          this.patientIndex.set(ps, i);
          this.pseudonymised++;
        }
      } else {
        i = this.patientKeys.length;
        this.patientKeys.push(key);
      }
      this.patientIndex.set(key, i);
    }
    return i;
  }

  /** Existing patient index for a key, or -1 (for mappings that must not add patients). */
  findPatient(key: string): number {
    return this.patientIndex.get(key) ?? -1;
  }

  doctorIndexOf(key: string): number {
    let i = this.doctorIndex.get(key);
    if (i === undefined) {
      i = this.doctorKeys.length;
      this.doctorIndex.set(key, i);
      this.doctorKeys.push(key);
    }
    return i;
  }

  /** Index of a unit key (a unit column value or a listing's unit). */
  unitIndexOf(key: string): number {
    let i = this.unitIndex.get(key);
    if (i === undefined) {
      i = this.unitKeys.length;
      this.unitIndex.set(key, i);
      this.unitKeys.push(key);
    }
    return i;
  }

  /** Adds one contact; `unit` is the unit index where it took place (-1 or omitted: unknown). */
  add(patient: number, doctor: number, day: number, type: ContactTypeCode, unit = -1): void {
    if (this.count === this.cap) this.grow();
    const i = this.count++;
    this.patient[i] = patient;
    this.doctor[i] = doctor;
    this.day[i] = day;
    this.type[i] = type;
    if (unit >= 0 && !this.unit) this.unit = new Int32Array(this.cap).fill(-1);
    if (this.unit) this.unit[i] = unit;
  }

  /** States the unit a patient is listed at (the latest statement wins). */
  setListedUnit(patient: number, unit: number): void {
    if (!this.listed) this.listed = new Int32Array(Math.max(1024, this.patientKeys.length * 2)).fill(-1);
    if (patient >= this.listed.length) {
      let n = this.listed.length;
      while (n <= patient) n *= 2;
      const a = new Int32Array(n).fill(-1);
      a.set(this.listed);
      this.listed = a;
    }
    this.listed[patient] = unit;
  }

  /** States the named doctor of a patient as of a day (latest statement wins; conflicts counted). */
  setNamed(patient: number, doctor: number, day: number): void {
    if (!this.named) {
      this.named = new Int32Array(Math.max(1024, this.patientKeys.length * 2)).fill(-1);
      this.namedDay = new Int32Array(this.named.length);
      this.conflicted = new Uint8Array(this.named.length);
    }
    if (patient >= this.named.length) {
      let n = this.named.length;
      while (n <= patient) n *= 2;
      const a = new Int32Array(n).fill(-1);
      a.set(this.named);
      this.named = a;
      const b = new Int32Array(n);
      b.set(this.namedDay!);
      this.namedDay = b;
      const c = new Uint8Array(n);
      c.set(this.conflicted!);
      this.conflicted = c;
    }
    const cur = this.named[patient];
    if (cur === -1) {
      this.named[patient] = doctor;
      this.namedDay![patient] = day;
      return;
    }
    if (cur !== doctor && !this.conflicted![patient]) {
      this.conflicted![patient] = 1;
      this.namedConflicts++;
    }
    if (day >= this.namedDay![patient]) {
      this.named[patient] = doctor;
      this.namedDay![patient] = day;
    }
  }

  /** Birth year per patient index (0 unknown), from an age or birth-year column; null until the first. */
  private birth: Int16Array | null = null;

  /**
   * States a patient's age from a row (domain.md §9: the unit's own visits per age band): `value` is a birth
   * year (1880–2100) or an age in whole years at the contact's day (0–130). Only the birth year is kept, in
   * memory with the log, never stored. Returns false for a value that is neither.
   */
  setAge(patient: number, value: number, day: number): boolean {
    if (!Number.isFinite(value)) return false;
    let year: number;
    if (value >= 1880 && value <= 2100) year = Math.floor(value);
    else if (value >= 0 && value <= 130) year = new Date(day * 86_400_000).getUTCFullYear() - Math.floor(value);
    else return false;
    if (!this.birth) this.birth = new Int16Array(Math.max(1024, this.patientKeys.length * 2));
    if (patient >= this.birth.length) {
      let n = this.birth.length;
      while (n <= patient) n *= 2;
      const a = new Int16Array(n);
      a.set(this.birth);
      this.birth = a;
    }
    this.birth[patient] = year;
    return true;
  }

  /** SÄBO residents by patient index (1 = lives at a SÄBO); null until the first. */
  private nursing: Uint8Array | null = null;

  /** Marks a patient as a SÄBO resident (issue 16.5: the goal line for their doctor continuity). */
  setNursingHome(patient: number): void {
    if (!this.nursing) this.nursing = new Uint8Array(Math.max(1024, this.patientKeys.length * 2));
    if (patient >= this.nursing.length) {
      let n = this.nursing.length;
      while (n <= patient) n *= 2;
      const a = new Uint8Array(n);
      a.set(this.nursing);
      this.nursing = a;
    }
    this.nursing[patient] = 1;
  }

  /** Marks that the log carries named-doctor information even if no row had a value. */
  enableNamed(): void {
    if (!this.named) {
      this.named = new Int32Array(Math.max(1024, this.patientKeys.length * 2)).fill(-1);
      this.namedDay = new Int32Array(this.named.length);
      this.conflicted = new Uint8Array(this.named.length);
    }
  }

  build(): ContactLog {
    const n = this.count;
    const P = this.patientKeys.length;
    let named: Int32Array | null = null;
    if (this.named) {
      named = new Int32Array(P).fill(-1);
      named.set(this.named.subarray(0, Math.min(P, this.named.length)));
    }
    const log: ContactLog = {
      count: n,
      patient: this.patient.slice(0, n),
      doctor: this.doctor.slice(0, n),
      day: this.day.slice(0, n),
      type: this.type.slice(0, n),
      patientKeys: this.patientKeys.slice(),
      doctorKeys: this.doctorKeys.slice(),
      namedDoctor: named,
    };
    if (this.unit || this.listed) log.unitKeys = this.unitKeys.slice();
    if (this.unit) log.unit = this.unit.slice(0, n);
    if (this.nursing) {
      const nh = new Uint8Array(P);
      nh.set(this.nursing.subarray(0, Math.min(P, this.nursing.length)));
      log.nursingHome = nh;
    }
    if (this.birth) {
      const birth = new Int16Array(P);
      birth.set(this.birth.subarray(0, Math.min(P, this.birth.length)));
      log.birthYear = birth;
    }
    if (this.listed) {
      const listed = new Int32Array(P).fill(-1);
      listed.set(this.listed.subarray(0, Math.min(P, this.listed.length)));
      log.listedUnit = listed;
    }
    return log;
  }
}

/**
 * Applies a separate named-doctor mapping (patient key → doctor key) to a log. Keys of patients not
 * in the log are counted and ignored. Personal identity numbers in a mapping must already be
 * replaced by `pseudonym(key, salt)` with the session's salt (src/lib/io/contacts.ts does so).
 */
export function withNamedMapping(
  log: ContactLog,
  pairs: readonly { patientKey: string; doctorKey: string }[],
): { log: ContactLog; unknownPatients: number; applied: number } {
  const pIndex = new Map<string, number>();
  log.patientKeys.forEach((k, i) => pIndex.set(k, i));
  const dIndex = new Map<string, number>();
  const doctorKeys = log.doctorKeys.slice();
  doctorKeys.forEach((k, i) => dIndex.set(k, i));
  const named = new Int32Array(log.patientKeys.length).fill(-1);
  let unknownPatients = 0;
  let applied = 0;
  for (const { patientKey, doctorKey } of pairs) {
    const p = pIndex.get(patientKey);
    if (p === undefined) {
      unknownPatients++;
      continue;
    }
    let d = dIndex.get(doctorKey);
    if (d === undefined) {
      d = doctorKeys.length;
      doctorKeys.push(doctorKey);
      dIndex.set(doctorKey, d);
    }
    named[p] = d;
    applied++;
  }
  return { log: { ...log, doctorKeys, namedDoctor: named }, unknownPatients, applied };
}

/** One listed patient (the `listing` table of sql/continuity.sql): listed unit and named doctor. */
export interface ListingRecord {
  patientKey: string;
  unit?: string;
  namedDoctorKey?: string;
}

/**
 * A columnar log from contact records and (optionally) the listing: what a region's warehouse holds,
 * in the engine's form. Used by the checks against sql/continuity.sql and by the benches.
 */
export function contactLogFromRecords(records: readonly ContactRecord[], listing: readonly ListingRecord[] = []): ContactLog {
  const b = new ContactLogBuilder(records.length);
  for (const r of records) {
    const day = dayOfIso(r.date);
    if (day === null) continue;
    const unit = r.unit === undefined ? -1 : b.unitIndexOf(r.unit);
    b.add(b.patientIndexOf(r.patientKey), b.doctorIndexOf(r.doctorKey), day, CONTACT_TYPES.indexOf(r.type) as ContactTypeCode, unit);
  }
  let anyNamed = false;
  for (const l of listing) {
    const p = b.findPatient(l.patientKey);
    if (p < 0) continue;
    if (l.unit !== undefined) b.setListedUnit(p, b.unitIndexOf(l.unit));
    if (l.namedDoctorKey !== undefined) {
      b.setNamed(p, b.doctorIndexOf(l.namedDoctorKey), 0);
      anyNamed = true;
    }
  }
  if (listing.length && !anyNamed) b.enableNamed();
  return b.build();
}
