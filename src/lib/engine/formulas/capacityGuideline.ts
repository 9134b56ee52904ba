/** capacityGuideline = floor(base × clinicalFte / careWeight) patients (domain.md §2). */
import { FORMULA_TEXT } from '../../strings/formulas.sv';
import type { CareWeight, Fte, Patients } from '../types';
import { div, mul, roundDown, type Val } from './expr';
import { inputsOf } from './inputs';
import { defineFormula } from './types';
import { wholePatients, wholePatientsExcel } from './wholePatients';

const T = FORMULA_TEXT.capacityGuideline;

/** The value before rounding to whole patients. */
export function capacityGuidelineRaw(base: Patients, clinicalFte: Fte, careWeight: CareWeight): number {
  return (base * clinicalFte) / careWeight;
}

export function capacityGuidelineOf(base: Patients, clinicalFte: Fte, careWeight: CareWeight): Patients {
  if (base <= 0 || clinicalFte <= 0) return 0;
  return wholePatients(capacityGuidelineRaw(base, clinicalFte, careWeight));
}

export const capacityGuideline = defineFormula({
  key: 'capacityGuideline',
  section: '§2',
  kind: 'patients',
  label: T.label,
  rule: T.rule,
  source: 'guideline',
  inputs: inputsOf('base', 'clinicalFte', 'careWeight'),
  compute: capacityGuidelineOf,
  expr: (x: { base: Val; clinicalFte: Val; careWeight: Val }) => {
    const raw = x.base.v > 0 && x.clinicalFte.v > 0 ? capacityGuidelineRaw(x.base.v, x.clinicalFte.v, x.careWeight.v) : 0;
    return roundDown(div(mul(x.base, x.clinicalFte), x.careWeight), raw);
  },
  excel: (r) => `IF(AND(${r.base}>0,${r.clinicalFte}>0),${wholePatientsExcel(`${r.base}*${r.clinicalFte}/${r.careWeight}`)},0)`,
});
