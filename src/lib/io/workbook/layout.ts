/**
 * Where everything sits in the exported workbook: sheet names, the `Läkare` columns
 * (contracts.md headers), and the key rows of `Enhet` and `Antaganden`. Export writes by this
 * layout and import finds things by header/key text (never by position alone), so a person may
 * reorder columns or rows by hand.
 */
import { FORMULAS as F, modelWord, type DutyKind, type QuantityKind } from '../../engine/index';
import { DUTY_LABELS } from '../../strings/engine.sv';

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

/** Input columns of `Läkare` (contracts.md). `key` names the Doctor field; `kind` gives the cell format (excelFormat). */
export const DOCTOR_INPUTS = [
  { key: 'id', header: 'Id', width: 8 },
  { key: 'name', header: 'Namn', width: 24 },
  { key: 'category', header: 'Kategori', width: 12 },
  { key: 'employment', header: 'Tjänstgöringsgrad', width: 16, kind: 'percent' },
  { key: 'stMonthsDone', header: 'ST månader gjorda', width: 12, kind: 'months' },
  { key: 'stMonthsTotal', header: 'ST månader totalt', width: 12, kind: 'months' },
  ...DUTY_COLUMNS.map((d) => ({ key: `duty:${d.kind}`, header: d.header, width: 12, kind: 'hours' as const })),
  { key: 'absenceWeeks', header: 'Frånvaro (veckor)', width: 12, kind: 'weeks' },
  { key: 'listed', header: 'Listade', width: 10, kind: 'patients' },
  { key: 'listPoints', header: 'Listningspoäng', width: 14, kind: 'points' },
  { key: 'careWeight', header: 'Vårdtyngd', width: 10, kind: 'careWeight' },
  { key: 'plannedEnd', header: 'Planerat slut', width: 13 },
] as const satisfies readonly { key: string; header: string; width: number; kind?: QuantityKind }[];

/**
 * Computed columns of `Läkare`: live formulas, one per step so a reader can trace them, each the spreadsheet
 * form of an engine formula declaration (engine/formulas/), with that declaration's kind for its cell format.
 */
export const DOCTOR_RESULTS = [
  { key: 'base', header: 'Bas (patienter/heltid)', width: 12, kind: F.base.kind },
  { key: 'dutyHours', header: 'Uppdrag totalt (tim/v)', width: 12, kind: F.dutyHours.kind },
  { key: 'dutyShare', header: 'Andel uppdrag', width: 10, kind: F.dutyShare.kind },
  { key: 'presence', header: 'Närvaro', width: 9, kind: F.presence.kind },
  { key: 'clinicalFte', header: 'Klinisk tjänstgöring (heltider)', width: 14, kind: F.clinicalFte.kind },
  { key: 'careWeightUsed', header: 'Vårdtyngd som används', width: 12, kind: F.careWeight.kind },
  { key: 'patientHoursYear', header: 'Patienttid (tim/år)', width: 12, kind: F.patientHoursYear.kind },
  { key: 'directHoursYear', header: 'Direkt patienttid (tim/år)', width: 12, kind: F.directHoursYear.kind },
  { key: 'visitsYear', header: 'Besök per år', width: 10, kind: F.visitsYear.kind },
  { key: 'capacityGuideline', header: 'Kapacitet (riktvärde)', width: 12, kind: F.capacityGuideline.kind },
  { key: 'capacityTime', header: 'Kapacitet (tid)', width: 12, kind: F.capacityTime.kind },
  { key: 'capacity', header: 'Kapacitet (vald modell)', width: 12, kind: F.capacity.kind },
  { key: 'loadRatio', header: 'Belastning', width: 11, kind: F.loadRatio.kind },
] as const satisfies readonly { key: string; header: string; width: number; kind: QuantityKind }[];

/**
 * The agreement (domain.md §8): optional input columns of `Läkare`, after the results (they are no
 * input of a capacity, and the capacity columns keep their letters).
 */
export const DOCTOR_AGREEMENT = [
  { key: 'agreedListSize', header: 'Överenskommen listlängd', width: 13, kind: 'patients' },
  { key: 'agreedOn', header: 'Överenskommen den', width: 13 },
  { key: 'agreedUntil', header: 'Överenskommelsen gäller till', width: 13 },
  { key: 'agreementNote', header: 'Anteckning om överenskommelsen', width: 30 },
] as const satisfies readonly { key: string; header: string; width: number; kind?: QuantityKind }[];

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

/** Model words in `Enhet`: the word written for each model (the engine's vocabulary reads every other). */
export const MODEL_WORDS = { guideline: modelWord('guideline'), time: modelWord('time') } as const;

/**
 * Categories, duty kinds and model words are read by the engine's one vocabulary (engine/vocabulary.ts),
 * the same for the grid, the plan file, this import and the workbook's own formulas (categoryWords).
 */
export { categoryFromText, categoryWords, dutyKindFromText, modelFromText, modelWords, wordMatchFormula } from '../../engine/index';

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
