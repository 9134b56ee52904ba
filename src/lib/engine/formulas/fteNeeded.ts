/**
 * fteNeeded = gapPatients × V / 1 100 (domain.md §4): extra full-time specialists without duties. We divide
 * by the profile's specialist value, not a literal 1 100: it is 1 100 in the national profile, and a region
 * that plans with another guideline (Värmland 1 500) sizes its need with it.
 */
import { FORMULA_TEXT } from '../../strings/formulas.sv';
import type { CareWeight, Fte, Patients } from '../types';
import { div, mul, type Expr } from './expr';
import { inputsOf } from './inputs';
import { defineFormula } from './types';

const T = FORMULA_TEXT.fteNeeded;

export function fteNeededOf(gapPatients: Patients, unitCareWeight: CareWeight, specialistGuideline: Patients): Fte {
  if (gapPatients <= 0 || specialistGuideline <= 0) return 0;
  return (gapPatients * unitCareWeight) / specialistGuideline;
}

export const fteNeeded = defineFormula({
  key: 'fteNeeded',
  section: '§4',
  kind: 'fte',
  label: T.label,
  rule: T.rule,
  source: 'guideline',
  inputs: inputsOf('gapPatients', 'unitCareWeight', 'specialist'),
  compute: fteNeededOf,
  expr: (x: { gap: Expr; careWeight: Expr; specialist: Expr }) => div(mul(x.gap, x.careWeight), x.specialist),
  excel: (r) => `IF(AND(${r.gapPatients}>0,${r.specialist}>0),ROUND(${r.gapPatients}*IF(N(${r.unitCareWeight})>0,${r.unitCareWeight},1)/${r.specialist},9),0)`,
});
