/** Reading category and duty names in either language (contracts.md: "read in either language"). */
import { CATEGORY_LABELS, CATEGORY_NAMES, DUTY_LABELS } from '../strings/engine.sv';
import { DOCTOR_CATEGORIES, DUTY_KINDS } from './types';
import type { DoctorCategory, DutyKind } from './types';

const key = (s: string) => s.trim().toLocaleLowerCase('sv-SE').replace(/\s+/g, ' ');

const CATEGORY_LOOKUP = new Map<string, DoctorCategory>();
for (const c of DOCTOR_CATEGORIES) {
  CATEGORY_LOOKUP.set(key(c), c);
  CATEGORY_LOOKUP.set(key(CATEGORY_LABELS[c]), c);
  CATEGORY_LOOKUP.set(key(CATEGORY_NAMES[c]), c);
}
// Common hand-written variants.
for (const [alias, c] of [
  ['st-läkare', 'st'],
  ['allmänspecialist', 'specialist'],
  ['specialist i allmänmedicin', 'specialist'],
  ['geriatrik', 'geriatrician'],
  ['barn- och ungdomsmedicin', 'pediatrician'],
  ['hyr', 'locum'],
  ['stafett', 'locum'],
  ['stafettläkare', 'locum'],
  ['konsultläkare', 'locum'],
  ['at', 'junior'],
  ['bt', 'junior'],
  ['at-läkare', 'junior'],
  ['bt-läkare', 'junior'],
] as const) {
  CATEGORY_LOOKUP.set(alias, c);
}

const DUTY_LOOKUP = new Map<string, DutyKind>();
for (const k of DUTY_KINDS) {
  DUTY_LOOKUP.set(key(k), k);
  DUTY_LOOKUP.set(key(DUTY_LABELS[k]), k);
}

/** "ST", "st", "geriatriker", "AT/BT", "specialist" … → the category code, or null. */
export function parseCategory(text: unknown): DoctorCategory | null {
  return typeof text === 'string' ? (CATEGORY_LOOKUP.get(key(text)) ?? null) : null;
}

/** "supervision", "Handledning", "möten" … → the duty kind, or null. */
export function parseDutyKind(text: unknown): DutyKind | null {
  return typeof text === 'string' ? (DUTY_LOOKUP.get(key(text)) ?? null) : null;
}
