/** The doctor's working hours a week, employment × fullTimeHours (domain.md §2, inside dutyShare; §3). */
import { FORMULA_TEXT } from '../../strings/formulas.sv';
import type { Hours, Share } from '../types';
import { mul, type Expr } from './expr';
import { inputsOf } from './inputs';
import { defineFormula } from './types';

const T = FORMULA_TEXT.availableHours;

export function availableHoursOf(employment: Share, fullTimeHours: Hours): Hours {
  return employment * fullTimeHours;
}

export const availableHours = defineFormula({
  key: 'availableHours',
  section: '§2',
  kind: 'hours',
  label: T.label,
  rule: T.rule,
  source: 'arithmetic',
  inputs: inputsOf('employment', 'fullTimeHours'),
  compute: availableHoursOf,
  expr: (x: { employment: Expr; fullTimeHours: Expr }) => mul(x.employment, x.fullTimeHours),
  excel: (r) => `${r.employment}*${r.fullTimeHours}`,
});
