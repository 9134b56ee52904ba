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
  ContactTypeCode,
  ContinuityOptions,
  ContinuityResult,
  DoctorContinuity,
  Histogram,
} from './types';
import { CONTACT_TYPES } from './types';

/** Default contact types (domain.md §6 leaves "the chosen contact types" to the user). */
export const DEFAULT_CONTACT_TYPES: readonly ContactType[] = ['visit', 'video', 'phone', 'chat'];
export const DEFAULT_MIN_CONTACTS = 3;
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

// -- dates ---------------------------------------------------------------------------------------

/** Days since 1970-01-01 for a proleptic Gregorian date (Hinnant's days_from_civil). */
export function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** ISO "YYYY-MM-DD" of a day number. */
export function isoOfDay(dayNum: number): string {
  const d = new Date(dayNum * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/** Day number of an ISO date "YYYY-MM-DD"; null when malformed. */
export function dayOfIso(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return dayNumber(y, mo, d);
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * The `months` months ending on `toDay` (inclusive): from the same calendar day `months` earlier
 * + 1 (a day that month lacks is its last day). 12 months to 2025-12-31 start 2025-01-01.
 */
export function periodEnding(toDay: number, months: number): { fromDay: number; toDay: number } {
  const iso = isoOfDay(toDay);
  const total = Number(iso.slice(0, 4)) * 12 + (Number(iso.slice(5, 7)) - 1) - Math.max(0, Math.floor(months));
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  const d = Math.min(Number(iso.slice(8, 10)), daysInMonth(y, m));
  return { fromDay: dayNumber(y, m, d) + 1, toDay };
}

/**
 * Default period (domain.md §6: 12 months): the `months` months ending on the last contact's day
 * (inclusive), i.e. from the same calendar day a year earlier + 1.
 */
export function defaultPeriod(log: ContactLog, months = 12): { fromDay: number; toDay: number } | null {
  if (log.count === 0) return null;
  let max = -Infinity;
  const day = log.day;
  for (let i = 0; i < log.count; i++) if (day[i] > max) max = day[i];
  return periodEnding(max, months);
}

// -- definitions (domain.md §6: "Definition presets") --------------------------------------------

export type ContinuityDefinitionId = 'standard' | 'skr';

/** A named continuity definition: every parameter of computeContinuity except the period's end. */
export interface ContinuityDefinition {
  id: ContinuityDefinitionId;
  periodMonths: number;
  minContacts: number;
  types: readonly ContactType[];
  ownUnitOnly: boolean;
  listedOnly: boolean;
}

/**
 * The presets (domain.md §6). `standard` is this app's default: 12 months, at least 3 doctor
 * contacts of the four usual types, every contact counts. `skr` is SKR Primärvårdskvalitet's
 * indicator: listed patients with at least 3 doctor visits in the last 18 months, only visits at the
 * unit the patient is listed at. "Besök" is read as a visit in person (at the practice or at home):
 * video, telephone and chat are not counted — our reading; a region that counts video visits
 * chooses its own selection.
 */
export const CONTINUITY_DEFINITIONS: Record<ContinuityDefinitionId, ContinuityDefinition> = {
  standard: { id: 'standard', periodMonths: 12, minContacts: DEFAULT_MIN_CONTACTS, types: DEFAULT_CONTACT_TYPES, ownUnitOnly: false, listedOnly: false },
  skr: { id: 'skr', periodMonths: 18, minContacts: 3, types: ['visit'], ownUnitOnly: true, listedOnly: true },
};

export const CONTINUITY_DEFINITION_IDS: readonly ContinuityDefinitionId[] = ['standard', 'skr'];

/** The options of a definition for a period ending on `toDay`. */
export function optionsOfDefinition(def: ContinuityDefinition, toDay: number): ContinuityOptions {
  return {
    ...periodEnding(toDay, def.periodMonths),
    types: [...def.types],
    minContacts: def.minContacts,
    ownUnitOnly: def.ownUnitOnly,
    listedOnly: def.listedOnly,
  };
}

function sameTypes(a: readonly ContactType[], b: readonly ContactType[]): boolean {
  return a.length === b.length && a.every((t) => b.includes(t));
}

/** Which preset a set of options is exactly (period length included), or 'custom'. */
export function definitionOf(options: ContinuityOptions): ContinuityDefinitionId | 'custom' {
  for (const id of CONTINUITY_DEFINITION_IDS) {
    const d = CONTINUITY_DEFINITIONS[id];
    if (
      Math.max(1, Math.floor(options.minContacts)) === d.minContacts &&
      sameTypes(options.types, d.types) &&
      (options.ownUnitOnly === true) === d.ownUnitOnly &&
      (options.listedOnly === true) === d.listedOnly &&
      periodEnding(options.toDay, d.periodMonths).fromDay === options.fromDay
    )
      return id;
  }
  return 'custom';
}

/** Earliest and latest day in the log. */
export function logSpan(log: ContactLog): { first: number; last: number } | null {
  if (log.count === 0) return null;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < log.count; i++) {
    const v = log.day[i];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return { first: lo, last: hi };
}

// -- contact types -------------------------------------------------------------------------------

/** Swedish and English spellings of contact types, normalised (lower case, no diacritics). */
const TYPE_WORDS: Record<string, ContactTypeCode> = {
  besok: 0, mottagningsbesok: 0, visit: 0, 'office visit': 0, mottagning: 0, fysiskt: 0, 'fysiskt besok': 0,
  hembesok: 0, 'home visit': 0, 'in person': 0,
  video: 1, videobesok: 1, 'video visit': 1, videosamtal: 1, distansbesok: 1,
  telefon: 2, phone: 2, tel: 2, telefonsamtal: 2, telefonkontakt: 2, 'phone call': 2, telephone: 2,
  chatt: 3, chat: 3, chattbesok: 3, meddelande: 3, 'digital chatt': 3,
};

export function normaliseTypeWord(raw: string): string {
  return raw
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[_\s-]+/g, ' ');
}

/** Maps a contact-type cell to its code (Swedish or English words); anything else is 'other' (4). */
export function contactTypeCode(raw: string): ContactTypeCode {
  const w = normaliseTypeWord(raw);
  const direct = TYPE_WORDS[w];
  if (direct !== undefined) return direct;
  const compact = w.replace(/ /g, '');
  const c2 = TYPE_WORDS[compact];
  if (c2 !== undefined) return c2;
  return 4;
}

export function contactTypeOf(code: number): ContactType {
  return CONTACT_TYPES[code] ?? 'other';
}

// -- the computation -----------------------------------------------------------------------------

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

type Cell = string | number | null;

/**
 * Continuity figures as sheets of rows (unit figures with the options and formulas, per doctor,
 * histograms) for the export. Aggregates only: no patient-level rows, no patient keys.
 */
export function continuityRows(
  r: ContinuityResult,
  labels: {
    unit: { heading: string; rows: [string, Cell][] };
    doctorHeaders: string[];
    histHeaders: string[];
    histNames: { upc: string; coc: string; named: string };
  },
  doctorName: (key: string) => string | null,
): { unit: Cell[][]; doctors: Cell[][]; histograms: Cell[][] } {
  const unit: Cell[][] = [[labels.unit.heading], ...labels.unit.rows.map(([k, v]) => [k, v] as Cell[])];
  const doctors: Cell[][] = [labels.doctorHeaders];
  for (const d of r.doctors) {
    if (d.contacts === 0 && !(d.namedPatients ?? 0)) continue;
    doctors.push([
      d.key,
      doctorName(d.key),
      d.mostSeenPatients,
      d.mostSeenMeanUpc,
      d.mostSeenMeanCoc,
      d.namedPatients,
      d.namedMeanShare,
      d.namedMeanUpc,
      d.namedMeanCoc,
      d.contacts,
    ]);
  }
  const histograms: Cell[][] = [labels.histHeaders];
  const add = (name: string, h: Histogram | null) => {
    if (!h) return;
    h.edges.forEach((e, i) => histograms.push([name, e, i === h.edges.length - 1 ? 1 : h.edges[i + 1], h.counts[i]]));
  };
  add(labels.histNames.upc, r.upcHistogram);
  add(labels.histNames.coc, r.cocHistogram);
  add(labels.histNames.named, r.namedShareHistogram);
  return { unit, doctors, histograms };
}

/** A unit's saved continuity baseline (aggregates only), for the national goal line (domain.md §5). */
export interface ContinuityBaseline {
  meanCoc: number | null;
  meanUpc: number | null;
  meanNamedShare: number | null;
  patientsIncluded: number;
  from: string;
  to: string;
  minContacts: number;
  /** ISO date the baseline was saved. */
  savedAt: string;
  /** The definition the figures follow, in words ("SKR Primärvårdskvalitet (18 månader)"); absent in older baselines. */
  definition?: string;
  /**
   * Whether the log held other professions' contacts beside the plan's doctors ('mixed'; then meanCoc is
   * over all contacts and doctorMeanCoc over the doctors' only), only doctors, or could not tell
   * (followup/goals.ts). Absent in older baselines: their meanCoc counts as doctor contacts.
   */
  split?: 'mixed' | 'doctors' | 'unknown';
  /** COC over the doctors' contacts only, when the log was mixed. */
  doctorMeanCoc?: number | null;
  /** Doctor COC of the SÄBO residents, when the log had a SÄBO column (issue 16.5). */
  nursingHomeMeanCoc?: number | null;
}

export interface GoalProgress {
  baseline: number;
  current: number;
  /** baseline × (1 + increase): the goal line (national: +20 %). */
  target: number;
  /** (current − baseline) ÷ baseline. */
  change: number;
  reached: boolean;
}

/**
 * Progress towards "doctor continuity index up 20 % on the baseline" (domain.md §5, national goals;
 * `goals.continuityIncrease`). null when either value is missing or the baseline is 0.
 */
export function goalProgress(baseline: number | null, current: number | null, increase: number): GoalProgress | null {
  if (baseline === null || current === null || !(baseline > 0) || !Number.isFinite(increase)) return null;
  const target = baseline * (1 + increase);
  return { baseline, current, target, change: (current - baseline) / baseline, reached: current >= target - 1e-12 };
}

/**
 * The parameters of sql/continuity.sql for a set of options, as statements a region pastes into its
 * warehouse before querying `continuity_unit` (the same selection as the app shows). Contact types
 * are the app's words; a region whose codes differ replaces them.
 */
export function sqlParameters(options: ContinuityOptions): string {
  const types = options.types.length ? options.types : DEFAULT_CONTACT_TYPES;
  return [
    'DELETE FROM continuity_params;',
    'INSERT INTO continuity_params (period_start, period_end, min_contacts, own_unit_only, listed_only)',
    `  VALUES (CAST('${isoOfDay(options.fromDay)}' AS DATE), CAST('${isoOfDay(options.toDay)}' AS DATE), ${Math.max(1, Math.floor(options.minContacts))}, ${options.ownUnitOnly ? 1 : 0}, ${options.listedOnly ? 1 : 0});`,
    'DELETE FROM continuity_contact_types;',
    `INSERT INTO continuity_contact_types (contact_type) VALUES ${types.map((t) => `('${t}')`).join(', ')};`,
  ].join('\n');
}

/**
 * A unit's own contact log as the app reads it (not a region's): every patient in the log is taken
 * as listed at the unit `homeUnit` (a value of the log's unit column). A log without a unit column is
 * the unit's own extract: every contact took place at the unit. With this, "own-unit visits only"
 * (SKR) means the contacts whose unit column names the unit.
 */
export function withHomeUnit(log: ContactLog, homeUnit: string): ContactLog {
  const P = log.patientKeys.length;
  if (!log.unit || !log.unitKeys) {
    return { ...log, unitKeys: [homeUnit], unit: new Int32Array(log.count), listedUnit: new Int32Array(P) };
  }
  let home = log.unitKeys.indexOf(homeUnit);
  const unitKeys = log.unitKeys.slice();
  if (home < 0) {
    home = unitKeys.length;
    unitKeys.push(homeUnit);
  }
  return { ...log, unitKeys, listedUnit: new Int32Array(P).fill(home) };
}

/** Contacts per value of the log's unit column, most first (for choosing which value is the unit). */
export function unitCounts(log: ContactLog): { unit: string; contacts: number }[] {
  if (!log.unit || !log.unitKeys) return [];
  const counts = new Array<number>(log.unitKeys.length).fill(0);
  for (let i = 0; i < log.count; i++) if (log.unit[i] >= 0) counts[log.unit[i]]++;
  return log.unitKeys.map((unit, i) => ({ unit, contacts: counts[i] })).filter((u) => u.contacts > 0).sort((a, b) => b.contacts - a.contacts || (a.unit < b.unit ? -1 : 1));
}
