/** directHoursYear = patientHoursYear × (1 − indirectShare) (domain.md §3). */
import { FORMULA_TEXT } from '../../strings/formulas.sv';
import type { Hours, Share } from '../types';
import { mul, one, sub, type Expr } from './expr';
import { inputsOf } from './inputs';
import { defineFormula } from './types';

const T = FORMULA_TEXT.directHoursYear;

export function directHoursYearOf(patientHours: Hours, indirectShare: Share): Hours {
  return patientHours * (1 - indirectShare);
}

export const directHoursYear = defineFormula({
  key: 'directHoursYear',
  section: '§3',
  kind: 'hours',
  label: T.label,
  rule: T.rule,
  source: 'assumption',
  inputs: inputsOf('patientHours', 'indirectShare'),
  compute: directHoursYearOf,
  expr: (x: { patientHours: Expr; indirectShare: Expr }) => mul(x.patientHours, sub(one, x.indirectShare)),
  excel: (r) => `${r.patientHours}*(1-${r.indirectShare})`,
});
