/** indirectHoursYear = patientHoursYear × indirectShare (domain.md §3: records, prescriptions, results, referrals, certificates). */
import { FORMULA_TEXT } from '../../strings/formulas.sv';
import type { Hours, Share } from '../types';
import { mul, type Expr } from './expr';
import { inputsOf } from './inputs';
import { defineFormula } from './types';

const T = FORMULA_TEXT.indirectHoursYear;

export function indirectHoursYearOf(patientHours: Hours, indirectShare: Share): Hours {
  return patientHours * indirectShare;
}

export const indirectHoursYear = defineFormula({
  key: 'indirectHoursYear',
  section: '§3',
  kind: 'hours',
  label: T.label,
  rule: T.rule,
  source: 'assumption',
  inputs: inputsOf('patientHours', 'indirectShare'),
  compute: indirectHoursYearOf,
  expr: (x: { patientHours: Expr; indirectShare: Expr }) => mul(x.patientHours, x.indirectShare),
  excel: (r) => `${r.patientHours}*${r.indirectShare}`,
});
