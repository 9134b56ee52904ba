/**
 * Continuity of care from a contact log (domain.md §6):
 *   - share with the named doctor = contacts with the named doctor ÷ n
 *   - UPC (usual provider of care) = most-seen doctor's contacts ÷ n
 *   - Bice–Boxerman COC = (Σⱼ nⱼ² − n) / (n(n − 1)), nⱼ = contacts with doctor j, n = Σⱼ nⱼ
 *     (Bice & Boxerman 1977; "Bice–Copeland" in earlier versions of the spec was a misnaming)
 * for every patient with at least `minContacts` contacts of the chosen types in the period.
 * The same definitions, written once more as plain SQL for a region's warehouse, are in
 * sql/continuity.sql; tests/lib/engine/followup/continuity.sql.test.ts requires identical results.
 *
 * Runs over the columnar ContactLog (typed arrays) in O(contacts + patients + doctors): one pass
 * counts contacts per patient, a counting sort groups the doctor indexes by patient, and each
 * patient's doctors are tallied in a reusable per-doctor counter that is reset by the touched list.
 */
import type {
  ContactLog,
  ContactType,
  ContinuityOptions,
  ContinuityResult,
  DoctorContinuity,
  Histogram,
} from './types';
import { CONTACT_TYPES } from './types';

export const HISTOGRAM_BINS = 10;

/** UPC for one patient's per-doctor counts: max nⱼ / n (domain.md §6). null when n = 0. */
export function upcOf(counts: readonly number[]): number | null {
  let n = 0;
  let max = 0;
  for (const c of counts) {
    n += c;
    if (c > max) max = c;
  }
  return n > 0 ? max / n : null;
}

/**
 * Bice–Boxerman COC for one patient's per-doctor counts (domain.md §6):
 * (Σⱼ nⱼ² − n) / (n(n − 1)). Undefined (null) for n < 2 — one contact says nothing about continuity.
 * 1 when every contact is with one doctor; 0 when every contact is with a different doctor.
 */
export function cocOf(counts: readonly number[]): number | null {
  let n = 0;
  let sq = 0;
  for (const c of counts) {
    n += c;
    sq += c * c;
  }
  return n >= 2 ? (sq - n) / (n * (n - 1)) : null;
}

/** Share of contacts with the named doctor: n_named / n. null when n = 0. */
export function namedShareOf(namedCount: number, n: number): number | null {
  return n > 0 ? namedCount / n : null;
}

function emptyHistogram(bins = HISTOGRAM_BINS): Histogram {
  return { edges: Array.from({ length: bins }, (_, i) => i / bins), counts: new Array(bins).fill(0) };
}

function binOf(v: number, bins = HISTOGRAM_BINS): number {
  // Values are in [0, 1]; 1 falls into the last bin. A tiny epsilon keeps 0.3 (= 3/10) in bin 3.
  const b = Math.floor(v * bins + 1e-9);
  return b >= bins ? bins - 1 : b < 0 ? 0 : b;
}

function typeMask(types: readonly ContactType[]): number {
  let m = 0;
  for (const t of types) {
    const i = CONTACT_TYPES.indexOf(t);
    if (i >= 0) m |= 1 << i;
  }
  return m;
}

/**
 * The contacts in scope, grouped by patient (domain.md §6): inside the period, of the chosen types,
 * and — with `ownUnitOnly` — at the unit the patient is listed at; with `listedOnly` only patients
 * whose listed unit is known. These are exactly the WHERE clauses of sql/continuity.sql.
 */
interface Scope {
  minContacts: number;
  inScope: number;
  /** Contacts in the period and of the chosen types that `ownUnitOnly` left out (other or unknown unit). */
  otherUnit: number;
  byType: number[];
  patientsInScope: number;
  patientsIncluded: number;
  /** start[p]…start[p+1]: patient p's doctor indexes in `grouped`. */
  start: Uint32Array;
  grouped: Uint32Array;
}

function scopeOf(log: ContactLog, options: ContinuityOptions): Scope {
  const P = log.patientKeys.length;
  const { fromDay, toDay } = options;
  const minContacts = Math.max(1, Math.floor(options.minContacts));
  const mask = typeMask(options.types);
  const { patient, doctor, day, type, count } = log;
  const ownUnit = options.ownUnitOnly === true;
  const listedOnly = options.listedOnly === true;
  const unit = log.unit ?? null;
  const listed = log.listedUnit ?? null;
  // Per contact: 1 in scope. Computed once, used by both passes.
  const keep = new Uint8Array(count);
  const perPatient = new Uint32Array(P + 1);
  const byType = [0, 0, 0, 0, 0];
  let inScope = 0;
  let otherUnit = 0;
  for (let i = 0; i < count; i++) {
    const dd = day[i];
    if (dd < fromDay || dd > toDay) continue;
    const t = type[i];
    if (((mask >> t) & 1) === 0) continue;
    const p = patient[i];
    const home = listed ? listed[p] : -1;
    if (listedOnly && home < 0) continue;
    if (ownUnit) {
      const u = unit ? unit[i] : -1;
      if (u < 0 || u !== home) {
        otherUnit++;
        continue;
      }
    }
    keep[i] = 1;
    perPatient[p + 1]++;
    byType[t]++;
    inScope++;
  }
  let patientsInScope = 0;
  let patientsIncluded = 0;
  for (let p = 1; p <= P; p++) {
    const c = perPatient[p];
    if (c > 0) {
      patientsInScope++;
      if (c >= minContacts) patientsIncluded++;
    }
  }
  const start = new Uint32Array(P + 1);
  for (let p = 0; p < P; p++) start[p + 1] = start[p] + perPatient[p + 1];
  const fill = start.slice(0, P);
  const grouped = new Uint32Array(inScope);
  // Counting sort of the doctor indexes by patient (keeps the log's order per patient).
  for (let i = 0; i < count; i++) if (keep[i]) grouped[fill[patient[i]]++] = doctor[i];
  return { minContacts, inScope, otherUnit, byType, patientsInScope, patientsIncluded, start, grouped };
}

/**
 * One included patient's tallies: n contacts, nNamed with the named doctor (-1 when the named
 * doctor is unknown), max contacts with one doctor, Σ nⱼ², and the most-seen doctor (ties: the
 * named doctor if among the tied, else the first doctor met in the log).
 */
type PatientVisitor = (p: number, n: number, nNamed: number, max: number, sumSquares: number, top: number) => void;

/** Calls `visit` for every patient with ≥ minContacts contacts in scope, in patient-index order. */
function forEachIncluded(log: ContactLog, scope: Scope, visit: PatientVisitor, doctorContacts?: Uint32Array): void {
  const P = log.patientKeys.length;
  const D = log.doctorKeys.length;
  const { start, grouped, minContacts } = scope;
  const tally = new Uint32Array(D);
  const touched = new Uint32Array(D);
  const named = log.namedDoctor;
  for (let p = 0; p < P; p++) {
    const s = start[p];
    const e = start[p + 1];
    const n = e - s;
    if (n < minContacts || n === 0) continue;
    let nt = 0;
    for (let k = s; k < e; k++) {
      const d = grouped[k];
      if (tally[d] === 0) touched[nt++] = d;
      tally[d]++;
      if (doctorContacts) doctorContacts[d]++;
    }
    const nd = named ? named[p] : -1;
    let max = 0;
    let top = -1;
    let sq = 0;
    for (let j = 0; j < nt; j++) {
      const d = touched[j];
      const c = tally[d];
      sq += c * c;
      if (c > max || (c === max && d === nd)) {
        max = c;
        top = d;
      }
    }
    const nNamed = nd >= 0 ? tally[nd] : -1;
    for (let j = 0; j < nt; j++) tally[touched[j]] = 0;
    visit(p, n, nNamed, max, sq, top);
  }
}

/** domain.md §6: Bice–Boxerman COC from a patient's tallies; NaN (undefined) for n < 2. */
function cocFrom(n: number, sumSquares: number): number {
  return n >= 2 ? (sumSquares - n) / (n * (n - 1)) : NaN;
}

/** Continuity figures for a log and options (domain.md §6). Pure; O(contacts + patients + doctors). */
export function computeContinuity(log: ContactLog, options: ContinuityOptions): ContinuityResult {
  const D = log.doctorKeys.length;
  const scope = scopeOf(log, options);
  const named = log.namedDoctor;
  const upcHist = emptyHistogram();
  const cocHist = emptyHistogram();
  const namedHist = named ? emptyHistogram() : null;

  const mostSeenN = new Uint32Array(D);
  const mostSeenUpc = new Float64Array(D);
  const mostSeenCocSum = new Float64Array(D);
  const mostSeenCocN = new Uint32Array(D);
  const namedN = new Uint32Array(D);
  const namedShareSum = new Float64Array(D);
  const namedUpcSum = new Float64Array(D);
  const namedCocSum = new Float64Array(D);
  const namedCocN = new Uint32Array(D);
  const doctorContacts = new Uint32Array(D);

  let upcSum = 0;
  let cocSum = 0;
  let cocN = 0;
  let namedSum = 0;
  let patientsWithNamed = 0;
  let contactsIncluded = 0;

  forEachIncluded(
    log,
    scope,
    (p, n, nNamed, max, sq, top) => {
      contactsIncluded += n;
      const upc = max / n; // domain.md §6: UPC
      const coc = cocFrom(n, sq); // domain.md §6: Bice–Boxerman COC
      upcSum += upc;
      upcHist.counts[binOf(upc)]++;
      if (!Number.isNaN(coc)) {
        cocSum += coc;
        cocN++;
        cocHist.counts[binOf(coc)]++;
      }
      mostSeenN[top]++;
      mostSeenUpc[top] += upc;
      if (!Number.isNaN(coc)) {
        mostSeenCocSum[top] += coc;
        mostSeenCocN[top]++;
      }
      const nd = named ? named[p] : -1;
      if (nd >= 0 && namedHist) {
        const share = nNamed / n;
        namedSum += share;
        patientsWithNamed++;
        namedHist.counts[binOf(share)]++;
        namedN[nd]++;
        namedShareSum[nd] += share;
        namedUpcSum[nd] += upc;
        if (!Number.isNaN(coc)) {
          namedCocSum[nd] += coc;
          namedCocN[nd]++;
        }
      }
    },
    doctorContacts,
  );

  const doctors: DoctorContinuity[] = [];
  for (let d = 0; d < D; d++) {
    doctors.push({
      doctorIndex: d,
      key: log.doctorKeys[d],
      mostSeenPatients: mostSeenN[d],
      mostSeenMeanUpc: mostSeenN[d] ? mostSeenUpc[d] / mostSeenN[d] : null,
      mostSeenMeanCoc: mostSeenCocN[d] ? mostSeenCocSum[d] / mostSeenCocN[d] : null,
      namedPatients: named ? namedN[d] : null,
      namedMeanShare: named && namedN[d] ? namedShareSum[d] / namedN[d] : null,
      namedMeanUpc: named && namedN[d] ? namedUpcSum[d] / namedN[d] : null,
      namedMeanCoc: named && namedCocN[d] ? namedCocSum[d] / namedCocN[d] : null,
      contacts: doctorContacts[d],
    });
  }

  const { inScope, patientsInScope, patientsIncluded } = scope;
  return {
    options: { ...options, minContacts: scope.minContacts },
    contactsInScope: inScope,
    contactsOutOfScope: log.count - inScope,
    contactsOtherUnit: scope.otherUnit,
    patientsInScope,
    patientsIncluded,
    patientsBelowMin: patientsInScope - patientsIncluded,
    contactsIncluded,
    meanUpc: patientsIncluded ? upcSum / patientsIncluded : null,
    meanCoc: cocN ? cocSum / cocN : null,
    meanNamedShare: patientsWithNamed ? namedSum / patientsWithNamed : null,
    patientsWithNamed,
    namedAvailable: named !== null,
    upcHistogram: upcHist,
    cocHistogram: cocHist,
    namedShareHistogram: namedHist,
    doctors,
    contactsByType: scope.byType,
  };
}

/** One included patient's figures (the `continuity_patient` view of sql/continuity.sql). */
export interface PatientContinuity {
  patientKey: string;
  /** The unit the patient is listed at; null when unknown. */
  listedUnit: string | null;
  /** Contacts in scope. */
  contacts: number;
  /** Contacts with the named doctor; null when the patient's named doctor is unknown. */
  namedContacts: number | null;
  upc: number;
  /** null for a single contact (undefined). */
  coc: number | null;
  /** null when the patient's named doctor is unknown. */
  namedShare: number | null;
}

/** Every included patient's figures, in patient order (for checks against the SQL; never shown). */
export function continuityPerPatient(log: ContactLog, options: ContinuityOptions): PatientContinuity[] {
  const scope = scopeOf(log, options);
  const out: PatientContinuity[] = [];
  const listed = log.listedUnit ?? null;
  const units = log.unitKeys ?? [];
  forEachIncluded(log, scope, (p, n, nNamed, max, sq) => {
    const home = listed ? listed[p] : -1;
    const coc = cocFrom(n, sq);
    out.push({
      patientKey: log.patientKeys[p],
      listedUnit: home >= 0 ? units[home] : null,
      contacts: n,
      namedContacts: nNamed >= 0 ? nNamed : null,
      upc: max / n,
      coc: Number.isNaN(coc) ? null : coc,
      namedShare: nNamed >= 0 ? nNamed / n : null,
    });
  });
  return out;
}

/** One listed unit's figures (the `continuity_unit` view of sql/continuity.sql). */
export interface UnitContinuity {
  /** The listed unit; null collects included patients whose listed unit is unknown. */
  unit: string | null;
  patientsIncluded: number;
  contactsIncluded: number;
  meanUpc: number | null;
  meanCoc: number | null;
  patientsWithNamed: number;
  meanNamedShare: number | null;
}

/**
 * The figures per listed unit (a region's log holds many units). Means are over the unit's included
 * patients, as computeContinuity's are over the whole log; sorted by unit (unknown last).
 */
export function continuityByUnit(log: ContactLog, options: ContinuityOptions): UnitContinuity[] {
  const scope = scopeOf(log, options);
  const listed = log.listedUnit ?? null;
  const units = log.unitKeys ?? [];
  const U = units.length + 1; // the last slot: unknown listed unit
  const patients = new Uint32Array(U);
  const contacts = new Float64Array(U);
  const upcSum = new Float64Array(U);
  const cocSum = new Float64Array(U);
  const cocN = new Uint32Array(U);
  const namedN = new Uint32Array(U);
  const namedSum = new Float64Array(U);
  forEachIncluded(log, scope, (p, n, nNamed, max, sq) => {
    const home = listed ? listed[p] : -1;
    const u = home >= 0 ? home : U - 1;
    patients[u]++;
    contacts[u] += n;
    upcSum[u] += max / n;
    const coc = cocFrom(n, sq);
    if (!Number.isNaN(coc)) {
      cocSum[u] += coc;
      cocN[u]++;
    }
    if (nNamed >= 0) {
      namedN[u]++;
      namedSum[u] += nNamed / n;
    }
  });
  const out: UnitContinuity[] = [];
  for (let u = 0; u < U; u++) {
    if (patients[u] === 0) continue;
    out.push({
      unit: u < U - 1 ? units[u] : null,
      patientsIncluded: patients[u],
      contactsIncluded: contacts[u],
      meanUpc: upcSum[u] / patients[u],
      meanCoc: cocN[u] ? cocSum[u] / cocN[u] : null,
      patientsWithNamed: namedN[u],
      meanNamedShare: namedN[u] ? namedSum[u] / namedN[u] : null,
    });
  }
  return out.sort((a, b) => (a.unit === null ? 1 : b.unit === null ? -1 : a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0));
}
