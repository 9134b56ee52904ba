/**
 * The agreement (överenskommelse, domain.md §8): per doctor, optional `agreedListSize` (patients),
 * `agreedOn`, `agreedUntil` (ISO dates) and `agreementNote`. VGR's reporting presupposes such an
 * agreement between the care provider and each doctor (seed 001); Kronoberg has the manager decide
 * list sizes after dialogue with the doctors (seed 002).
 *
 * Findings (appended to FINDING_RULES, wired into computeFindings):
 * - `list-above-agreed` (warning): listed > agreedListSize;
 * - `agreement-expired` (warning): today > agreedUntil;
 * - `agreed-above-capacity` (info): agreedListSize > the doctor's capacity by the plan's model.
 */
import { AGREEMENT_FINDING_TEXT as T } from '../strings/agreement.sv';
import { MODEL_LABELS } from '../strings/engine.sv';
import { isIsoDate } from './dates';
import { looksLikePersonnummer } from './personnummer';
import { fmt } from './quantity';
import { isFictiveList } from './unit';
import type { CapacityModel, Doctor, DoctorResult, Finding, IsoDate, Patients } from './types';

/** The agreement fields of a doctor, as stored (all optional). */
export const AGREEMENT_FIELDS = ['agreedListSize', 'agreedOn', 'agreedUntil', 'agreementNote'] as const;
export type AgreementField = (typeof AGREEMENT_FIELDS)[number];

/** Longest agreement note kept (characters): a paragraph or two, not a document. */
export const AGREEMENT_NOTE_MAX = 2000;

/**
 * Whether a free text holds a token that looks like a personal identity number ("Anna 19121212-1212"):
 * a note about the agreement may mention patients, and personnummer are never stored.
 */
export function textHoldsPersonnummer(text: string): boolean {
  return text.split(/[\s,;:()[\]"'”]+/).some((t) => t !== '' && looksLikePersonnummer(t.replace(/[.!?]+$/, '')));
}

/** The agreed list size when one is recorded (a whole, non-negative number), else null. */
export function agreedListSizeOf(d: Doctor): Patients | null {
  const a = d.agreedListSize;
  return typeof a === 'number' && Number.isFinite(a) && a >= 0 ? a : null;
}

/** Whether the agreement has run out: today is after its last valid day (ISO dates compare as strings). */
export function agreementExpired(d: Doctor, today: IsoDate): boolean {
  return isIsoDate(d.agreedUntil) && isIsoDate(today) && today > d.agreedUntil;
}

function nameOf(d: Doctor): string {
  const n = typeof d.name === 'string' ? d.name.trim() : '';
  return n !== '' ? n : d.id;
}

/** The agreement findings of one doctor, in the order warnings then info. */
export function agreementFindings(d: Doctor, r: DoctorResult, today: IsoDate, model: CapacityModel): Finding[] {
  const out: Finding[] = [];
  const name = nameOf(d);
  const at = (field: string) => `doctors.${d.id}.${field}`;
  const agreed = agreedListSizeOf(d);
  // A fictive list (locums, seed 000) is never a named-doctor list, so no agreement applies to it.
  const fictive = isFictiveList(d);
  if (agreed !== null && !fictive && r.listed !== null && r.listed > agreed) {
    out.push({
      rule: 'list-above-agreed',
      severity: 'warning',
      doctorId: d.id,
      message: T.listAboveAgreed(name, fmt.patients(r.listed), fmt.patients(agreed), fmt.patients(r.listed - agreed)),
      field: at('listed'),
    });
  }
  if (agreementExpired(d, today)) {
    out.push({
      rule: 'agreement-expired',
      severity: 'warning',
      doctorId: d.id,
      message: T.agreementExpired(name, d.agreedUntil as string, today),
      field: at('agreedUntil'),
    });
  }
  if (agreed !== null && !fictive && agreed > r.capacity) {
    out.push({
      rule: 'agreed-above-capacity',
      severity: 'info',
      doctorId: d.id,
      message: T.agreedAboveCapacity(name, fmt.patients(agreed), fmt.patients(r.capacity), MODEL_LABELS[model]),
      field: at('agreedListSize'),
    });
  }
  return out;
}
