/**
 * Continuity of care from a contact log (domain.md §6):
 *   - share with the named doctor = contacts with the named doctor ÷ n
 *   - UPC (usual provider of care) = most-seen doctor's contacts ÷ n
 *   - Bice–Copeland COC = (Σⱼ nⱼ² − n) / (n(n − 1)), nⱼ = contacts with doctor j, n = Σⱼ nⱼ
 * for every patient with at least `minContacts` contacts of the chosen types in the period.
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
 * Bice–Copeland COC for one patient's per-doctor counts (domain.md §6):
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
 * Default period (domain.md §6: 12 months): the 12 months ending on the last contact's day
 * (inclusive), i.e. from the same calendar day a year earlier + 1.
 */
export function defaultPeriod(log: ContactLog): { fromDay: number; toDay: number } | null {
  if (log.count === 0) return null;
  let max = -Infinity;
  const day = log.day;
  for (let i = 0; i < log.count; i++) if (day[i] > max) max = day[i];
  const iso = isoOfDay(max);
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Math.min(Number(iso.slice(8, 10)), daysInMonth(y - 1, m));
  return { fromDay: dayNumber(y - 1, m, d) + 1, toDay: max };
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

/** Continuity figures for a log and options (domain.md §6). Pure; O(contacts + patients + doctors). */
export function computeContinuity(log: ContactLog, options: ContinuityOptions): ContinuityResult {
  const P = log.patientKeys.length;
  const D = log.doctorKeys.length;
  const { fromDay, toDay } = options;
  const minContacts = Math.max(1, Math.floor(options.minContacts));
  const mask = typeMask(options.types);
  const { patient, doctor, day, type, count } = log;

  // Pass 1: contacts in scope per patient, and per type.
  const perPatient = new Uint32Array(P + 1);
  const byType = [0, 0, 0, 0, 0];
  let inScope = 0;
  for (let i = 0; i < count; i++) {
    const dd = day[i];
    if (dd < fromDay || dd > toDay) continue;
    const t = type[i];
    if (((mask >> t) & 1) === 0) continue;
    perPatient[patient[i] + 1]++;
    byType[t]++;
    inScope++;
  }
  // Prefix sums → start offsets; keep only patients at or above minContacts.
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
  // Pass 2: scatter doctor indexes by patient (counting sort; keeps the log's order per patient).
  for (let i = 0; i < count; i++) {
    const dd = day[i];
    if (dd < fromDay || dd > toDay) continue;
    if (((mask >> type[i]) & 1) === 0) continue;
    grouped[fill[patient[i]]++] = doctor[i];
  }

  const tally = new Uint32Array(D);
  const touched = new Uint32Array(D);
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

  for (let p = 0; p < P; p++) {
    const s = start[p];
    const e = start[p + 1];
    const n = e - s;
    if (n < minContacts || n === 0) continue;
    contactsIncluded += n;
    let nt = 0;
    for (let k = s; k < e; k++) {
      const d = grouped[k];
      if (tally[d] === 0) touched[nt++] = d;
      tally[d]++;
      doctorContacts[d]++;
    }
    const nd = named ? named[p] : -1;
    let max = 0;
    let top = -1;
    let sq = 0;
    // Ties for most-seen: the named doctor if among the tied, else the first doctor met in the log.
    for (let j = 0; j < nt; j++) {
      const d = touched[j];
      const c = tally[d];
      sq += c * c;
      if (c > max || (c === max && d === nd)) {
        max = c;
        top = d;
      }
    }
    const namedCount = nd >= 0 ? tally[nd] : 0;
    for (let j = 0; j < nt; j++) tally[touched[j]] = 0;

    const upc = max / n; // domain.md §6: UPC
    const coc = n >= 2 ? (sq - n) / (n * (n - 1)) : NaN; // domain.md §6: Bice–Copeland COC
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
    if (nd >= 0 && namedHist) {
      const share = namedCount / n;
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
  }

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

  return {
    options: { ...options, minContacts },
    contactsInScope: inScope,
    contactsOutOfScope: count - inScope,
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
    contactsByType: byType,
  };
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
