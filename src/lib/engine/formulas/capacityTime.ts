/**
 * capacityTime = floor(visitsYear × ownPatientShare / (visitsPerPatientYear × careWeight)) for doctors whose
 * base > 0, else 0 (domain.md §3: the Murray–Tantau panel identity with Swedish inputs).
 */
import { FORMULA_TEXT, FORMULA_WORDS } from '../../strings/formulas.sv';
import type { CareWeight, Patients, Share } from '../types';
import { div, mul, roundDown, said, type Expr, type Val } from './expr';
import { inputsOf } from './inputs';
import { defineFormula } from './types';
import { wholePatients, wholePatientsExcel } from './wholePatients';

const T = FORMULA_TEXT.capacityTime;

export function capacityTimeRaw(visitsYear: number, ownPatientShare: Share, visitsPerPatientYear: number, careWeight: CareWeight): number {
  return (visitsYear * ownPatientShare) / (visitsPerPatientYear * careWeight);
}

export function capacityTimeOf(base: Patients, visitsYear: number, ownPatientShare: Share, visitsPerPatientYear: number, careWeight: CareWeight): Patients {
  if (base <= 0 || visitsPerPatientYear * careWeight <= 0 || visitsYear <= 0) return 0;
  return wholePatients(capacityTimeRaw(visitsYear, ownPatientShare, visitsPerPatientYear, careWeight));
}

export const capacityTime = defineFormula({
  key: 'capacityTime',
  section: '§3',
  kind: 'patients',
  label: T.label,
  rule: T.rule,
  source: 'assumption',
  inputs: inputsOf('base', 'visitsYear', 'ownPatientShare', 'visitsPerPatientYear', 'careWeight'),
  compute: capacityTimeOf,
  expr: (x: { base: Val; categoryLabel: string; visitsYear: Val; ownPatientShare: Expr; visitsPerPatientYear: Expr; careWeight: Val; own: Share; perPatient: number }): Expr => {
    if (x.base.v <= 0) return said(FORMULA_WORDS.notQualifying(x.categoryLabel), 0, 'patients');
    const raw = x.visitsYear.v > 0 && x.perPatient * x.careWeight.v > 0 ? capacityTimeRaw(x.visitsYear.v, x.own, x.perPatient, x.careWeight.v) : 0;
    return roundDown(div(mul(x.visitsYear, x.ownPatientShare), mul(x.visitsPerPatientYear, x.careWeight)), raw);
  },
  excel: (r) =>
    `IF(AND(${r.base}>0,${r.visitsPerPatientYear}*${r.careWeight}>0,${r.visitsYear}>0),` +
    `${wholePatientsExcel(`${r.visitsYear}*${r.ownPatientShare}/(${r.visitsPerPatientYear}*${r.careWeight})`)},0)`,
});
