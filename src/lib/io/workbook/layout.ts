/**
 * Where everything sits in the exported workbook: sheet names, the `Läkare` columns
 * (contracts.md headers), and the key rows of `Enhet` and `Antaganden`. Export writes by this
 * layout and import finds things by header/key text (never by position alone), so a person may
 * reorder columns or rows by hand.
 */
import type { DoctorCategory, DutyKind } from '../../engine/types';
import { CATEGORY_LABELS, DUTY_LABELS } from '../../strings/engine.sv';

export const SHEET = {
  unit: 'Enhet',
  doctors: 'Läkare',
  assumptions: 'Antaganden',
  rules: 'Regler',
  duties: 'Uppdrag',
  /** Hidden sheet with the whole plan as JSON: keeps unknown fields across a round trip. */
  data: 'Data',
} as const;

/** Duty columns of `Läkare`, in export order (contracts.md). */
export const DUTY_COLUMNS: readonly { kind: DutyKind; header: string }[] = (
  ['supervision', 'management', 'research', 'side', 'meetings', 'other'] as const
).map((kind) => ({ kind, header: `${DUTY_LABELS[kind]} (tim/v)` }));

/** Input columns of `Läkare` (contracts.md). `key` names the Doctor field. */
export const DOCTOR_INPUTS = [
  { key: 'id', header: 'Id', width: 8 },
  { key: 'name', header: 'Namn', width: 24 },
  { key: 'category', header: 'Kategori', width: 12 },
  { key: 'employment', header: 'Tjänstgöringsgrad', width: 16, format: '0%' },
  { key: 'stMonthsDone', header: 'ST månader gjorda', width: 12 },
  { key: 'stMonthsTotal', header: 'ST månader totalt', width: 12 },
  ...DUTY_COLUMNS.map((d) => ({ key: `duty:${d.kind}`, header: d.header, width: 12, format: '0.0' })),
  { key: 'absenceWeeks', header: 'Frånvaro (veckor)', width: 12, format: '0.0' },
  { key: 'listed', header: 'Listade', width: 10, format: '#,##0' },
  { key: 'listPoints', header: 'Listningspoäng', width: 14, format: '#,##0' },
  { key: 'careWeight', header: 'Vårdtyngd', width: 10, format: '0.00' },
  { key: 'plannedEnd', header: 'Planerat slut', width: 13 },
] as const satisfies readonly { key: string; header: string; width: number; format?: string }[];

/** Computed columns of `Läkare`: live formulas (domain.md §2–§3), one per step so a reader can trace them. */
export const DOCTOR_RESULTS = [
  { key: 'base', header: 'Bas (patienter/heltid)', width: 12, format: '#,##0' },
  { key: 'dutyHours', header: 'Uppdrag totalt (tim/v)', width: 12, format: '0.0' },
  { key: 'dutyShare', header: 'Andel uppdrag', width: 10, format: '0%' },
  { key: 'presence', header: 'Närvaro', width: 9, format: '0%' },
  { key: 'clinicalFte', header: 'Klinisk tjänstgöring (heltider)', width: 14, format: '0.00' },
  { key: 'careWeightUsed', header: 'Vårdtyngd som används', width: 12, format: '0.00' },
  { key: 'patientHoursYear', header: 'Patienttid (tim/år)', width: 12, format: '#,##0' },
  { key: 'directHoursYear', header: 'Direkt patienttid (tim/år)', width: 12, format: '#,##0' },
  { key: 'visitsYear', header: 'Besök per år', width: 10, format: '#,##0' },
  { key: 'capacityGuideline', header: 'Kapacitet (riktvärde)', width: 12, format: '#,##0' },
  { key: 'capacityTime', header: 'Kapacitet (tid)', width: 12, format: '#,##0' },
  { key: 'capacity', header: 'Kapacitet (vald modell)', width: 12, format: '#,##0' },
  { key: 'loadRatio', header: 'Belastning', width: 11, format: '0%' },
] as const satisfies readonly { key: string; header: string; width: number; format?: string }[];

/**
 * The agreement (domain.md §8): optional input columns of `Läkare`, after the results (they are no
 * input of a capacity, and the capacity columns keep their letters).
 */
export const DOCTOR_AGREEMENT = [
  { key: 'agreedListSize', header: 'Överenskommen listlängd', width: 13, format: '#,##0' },
  { key: 'agreedOn', header: 'Överenskommen den', width: 13 },
  { key: 'agreedUntil', header: 'Överenskommelsen gäller till', width: 13 },
  { key: 'agreementNote', header: 'Anteckning om överenskommelsen', width: 30 },
] as const satisfies readonly { key: string; header: string; width: number; format?: string }[];

/** Rows of `Antaganden`: key (column D) → row. Values in column B. */
export const ASSUMPTION_ROWS = {
  fullTimeHours: 2,
  weeksPerYear: 3,
  indirectShare: 4,
  plannedMinutes: 5,
  acuteMinutes: 6,
  plannedShare: 7,
  ownPatientShare: 8,
  visitsPerPatientYear: 9,
  visitMinutes: 10,
  'guideline.specialist': 11,
  'guideline.stMid': 12,
  'stRamp.enabled': 13,
  'stRamp.startFactor': 14,
  'stRamp.endFactor': 15,
  profile: 16,
} as const;

/** Rows of `Enhet`: key (column D) → row. Values in column B. */
export const UNIT_ROWS = {
  name: 2,
  listed: 3,
  careWeight: 4,
  withNamedDoctor: 5,
  withNamedDoctorNursingHome: 6,
  targetCoverage: 7,
  model: 8,
  profile: 9,
  'priority.multimorbid': 10,
  'priority.nursingHome': 11,
  'priority.homeCare': 12,
  'priority.palliative': 13,
  'priority.chronic': 14,
  resultsHeading: 16,
  capacity: 17,
  capacityGuideline: 18,
  capacityTime: 19,
  coverageToday: 20,
  coveragePossible: 21,
  gapPatients: 22,
  fteNeeded: 23,
  priorityTotal: 24,
  priorityCovered: 25,
  listedOnDoctors: 26,
} as const;

/** Model words in `Enhet` (the `Kapacitet (vald modell)` formula compares with `tid`). */
export const MODEL_WORDS = { guideline: 'riktvärde', time: 'tid' } as const;

/** Words people write for a category besides its Swedish label and its code name (read on import, and by the formulas). */
const CATEGORY_ALIASES: Record<string, DoctorCategory> = {
  'st-läkare': 'st',
  'st läkare': 'st',
  allmänläkare: 'specialist',
  'specialist i allmänmedicin': 'specialist',
  distriktsläkare: 'specialist',
  geriatrik: 'geriatrician',
  barn: 'pediatrician',
  'barn- och ungdomsläkare': 'pediatrician',
  dispensation: 'dispensation',
  hyr: 'locum',
  stafett: 'locum',
  stafettläkare: 'locum',
  konsult: 'locum',
  konsultläkare: 'locum',
  at: 'junior',
  bt: 'junior',
  'at-läkare': 'junior',
  'bt-läkare': 'junior',
  'at/bt-läkare': 'junior',
};

/** Category words accepted on import: Swedish (as written), the code names, and a few spellings people use. */
export function categoryFromText(text: string): DoctorCategory | null {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (t === '') return null;
  for (const [code, sv] of Object.entries(CATEGORY_LABELS) as [DoctorCategory, string][]) {
    if (t === code.toLowerCase() || t === sv.toLowerCase()) return code;
  }
  return CATEGORY_ALIASES[t] ?? null;
}

/**
 * Every word categoryFromText reads as one of `categories`, lower case. The Läkare formulas compare the
 * trimmed category cell with these (spreadsheet text comparison ignores case), so a word typed in Excel
 * gives the same base there as it does after import.
 */
export function categoryWords(categories: readonly DoctorCategory[]): string[] {
  const words = new Set<string>();
  for (const c of categories) {
    words.add(c.toLowerCase());
    words.add(CATEGORY_LABELS[c].toLowerCase());
  }
  for (const [w, c] of Object.entries(CATEGORY_ALIASES)) if (categories.includes(c)) words.add(w);
  return [...words];
}

/** Words for the time model in `Enhet` (import and the `Kapacitet (vald modell)` formulas agree). */
export const MODEL_TIME_WORDS = [MODEL_WORDS.time, 'time', 'tidsmodellen'] as const;

/** Column letter(s) of a 0-based index: 0 → A, 27 → AB. */
export function colLetter(index: number): string {
  let s = '';
  let n = index + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Normalised header text for tolerant matching: case, spaces, dots and NBSP ignored. */
export function normHeader(text: unknown): string {
  return String(text ?? '')
    .toLowerCase()
    .replace(/[\u00a0\s._]+/g, ' ')
    .trim();
}
